// API Gateway's rules for api-smart-diff, written with the library's own hooks on top of its OpenAPI 3 rules:
// - an operation's authorization (`security`): a compare hook gives one change per operation, breaking whenever what
//   a caller must present changes (the library calls an added requirement non-breaking);
// - an operation's integration (x-amazon-apigateway-integration): invisible to callers, so non-breaking; a compare
//   hook gives one change per operation naming the fields that changed;
// - authorizers (components.securitySchemes): classification rules, breaking when where callers put their credentials
//   changes (header name, location, identity source), an annotation for descriptions, otherwise non-breaking;
// - wording: an annotate hook that words integrations and turns the library's "[Added] x" into "Added x".

import {
  type AnnotateHook,
  allAnnotation,
  allBreaking,
  allNonBreaking,
  breaking,
  type CompareResolver,
  type CompareRules,
  type CompareTransformResolver,
  type Diff,
  type DiffType,
  nonBreaking,
  type OpenApiComapreOptions,
  openApi3AnnotateHook,
  openapi3Rules,
} from 'api-smart-diff'
import { isRecord, stableJson } from './json.js'
import { INTEGRATION_KEY } from './operation-keys.js'
import { authorizationLabel, describeAuthorization, describeIntegration } from './wording.js'

type RulesKey = `/${string}`

/** Options for compareOpenApi: the library's OpenAPI 3 rules with API Gateway's, and the annotate hook. */
export function gatewayCompareOptions(): OpenApiComapreOptions {
  // Built per comparison: the library's rules hold a cache of resolved $refs.
  const rules = openapi3Rules()
  const paths = rulesAt(rules, '/paths')
  const pathItem = rulesAt(paths, '/*')
  const operation = rulesAt(pathItem, '/*')
  const components = rulesAt(rules, '/components')
  const schemes = rulesAt(components, '/securitySchemes')
  const gatewayOperation: CompareRules = {
    ...operation,
    transform: [...(operation.transform ?? []), sameSecurityPresence],
    '/security': { compare: compareSecurity },
    [`/${INTEGRATION_KEY}`]: { $: allNonBreaking, compare: compareIntegration },
  }
  return {
    rules: {
      ...rules,
      '/paths': { ...paths, '/*': { ...pathItem, '/*': gatewayOperation } },
      '/components': { ...components, '/securitySchemes': { ...schemes, '/*': AUTHORIZER_RULES } },
    },
    annotateHook: gatewayAnnotateHook,
  }
}

function rulesAt(rules: CompareRules, key: RulesKey): CompareRules {
  const child = rules[key]
  if (typeof child !== 'object') throw new Error(`api-smart-diff's OpenAPI rules have no object at ${key}`)
  return child as CompareRules
}

/** An authorizer added is non-breaking, one removed breaking. */
export function authorizerPresenceType(action: 'add' | 'remove'): DiffType {
  return action === 'add' ? nonBreaking : breaking
}

const AUTHORIZER_RULES: CompareRules = {
  // Added, removed, replaced by something else.
  $: [authorizerPresenceType('add'), authorizerPresenceType('remove'), nonBreaking],
  '/name': { $: allBreaking },
  '/in': { $: allBreaking },
  '/description': { $: allAnnotation },
  '/bearerFormat': { $: allAnnotation },
  '/openIdConnectUrl': { $: allAnnotation },
  // At any depth, e.g. x-amazon-apigateway-authorizer.identitySource.
  '/**': ({ key }) => ({ $: String(key).endsWith('identitySource') ? allBreaking : allNonBreaking }),
}

/** No `security` and `security: []` both mean no authorization; give both sides the key so one hook compares them. */
const sameSecurityPresence: CompareTransformResolver = (before, after) => [
  withEmptySecurity(before, after),
  withEmptySecurity(after, before),
]

function withEmptySecurity(value: unknown, other: unknown): unknown {
  if (!isRecord(value) || !isRecord(other) || 'security' in value || !('security' in other)) return value
  return { ...value, security: [] }
}

const compareSecurity: CompareResolver = ({ before, after }) => {
  const was = authorizationLabel(before.value)
  const now = authorizationLabel(after.value)
  const change = was === now ? undefined : describeAuthorization(was, now)
  return { diffs: replaced(before.path, breaking, change), merged: after.value }
}

const compareIntegration: CompareResolver = ({ before, after }) => {
  const same = stableJson(before.value) === stableJson(after.value)
  const change = same ? undefined : describeIntegration(before.value, after.value)
  return { diffs: replaced(before.path, nonBreaking, change), merged: after.value }
}

function replaced(path: Diff['path'], type: DiffType, description: string | undefined): Diff[] {
  return description === undefined ? [] : [{ action: 'replace', type, path, description }]
}

/** The library's wording without its "[Added]" brackets; a field path where it has no wording for an operation's. */
const gatewayAnnotateHook: AnnotateHook = (diff, ctx) => {
  const [root, , , field] = diff.path
  if (root === 'paths' && diff.path.length === 4 && field === INTEGRATION_KEY) {
    return describeIntegration(diff.before, diff.after)
  }
  const text = openApi3AnnotateHook(diff, ctx)
  if (text !== '') return text.replace(/^\[(\w+)\]\s*/, '$1 ')
  if (root !== 'paths' || diff.path.length < 3) return ''
  const verb = { add: 'Added', remove: 'Removed', replace: 'Changed', rename: 'Renamed' }[diff.action]
  return `${verb} \`${diff.path.slice(3).map(String).join('.')}\``
}
