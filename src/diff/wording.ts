// How API Gateway's own parts of a change are worded: an operation's authorization and integration, authorizers and
// the API-level extensions. Identifiers appear between backticks; account ids in ARNs are masked.

import type { ApiChange, ChangeClassification } from './api-diff-types.js'
import { isRecord, type Json, stableJson } from './json.js'

/** An operation's `security` as callers see it: `none`, or the requirement alternatives (`a + b | c`). */
export function authorizationLabel(security: unknown): string {
  if (!Array.isArray(security) || security.length === 0) return 'none'
  const alternatives = security
    .filter(isRecord)
    .map((req) => Object.keys(req).sort().join(' + ') || 'none')
    .sort()
  return alternatives.join(' | ')
}

export function describeAuthorization(was: string, now: string): string {
  return `Authorization \`${was}\` → \`${now}\``
}

/** Short integration fields whose values are worth showing; the rest are named only. */
const INTEGRATION_SCALARS = [
  'type',
  'httpMethod',
  'uri',
  'connectionType',
  'connectionId',
  'credentials',
  'timeoutInMillis',
  'passthroughBehavior',
  'contentHandling',
]

export function describeIntegration(before: unknown, after: unknown): string {
  if (!isRecord(before) && isRecord(after)) return `Integration added (${integrationSummary(after)})`
  if (isRecord(before) && !isRecord(after)) return `Integration removed (was ${integrationSummary(before)})`
  const a = isRecord(before) ? before : {}
  const b = isRecord(after) ? after : {}
  const parts: string[] = []
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort((x, y) => {
    const ix = INTEGRATION_SCALARS.indexOf(x)
    const iy = INTEGRATION_SCALARS.indexOf(y)
    return (ix === -1 ? 99 : ix) - (iy === -1 ? 99 : iy) || x.localeCompare(y)
  })
  for (const key of keys) {
    if (stableJson(a[key]) === stableJson(b[key])) continue
    const scalar = INTEGRATION_SCALARS.includes(key) && !isRecord(a[key]) && !isRecord(b[key])
    if (scalar) {
      parts.push(`${key} \`${displayValue(key, a[key])}\` → \`${displayValue(key, b[key])}\``)
    } else {
      parts.push(key)
    }
  }
  return parts.length > 0 ? `Integration changed: ${parts.join('; ')}` : 'Integration changed'
}

function integrationSummary(integration: Json): string {
  const type = typeof integration.type === 'string' ? integration.type : 'unknown'
  return integration.uri === undefined ? `\`${type}\`` : `\`${type}\` \`${displayValue('uri', integration.uri)}\``
}

/** Account ids in ARNs are not secret to AWS but often masked in logs; keep them out of comments. */
export function redactAccountIds(text: string): string {
  return text.replace(/(arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:)\d{12}(?=:)/g, '$1{account}')
}

function displayValue(key: string, value: unknown): string {
  if (value === undefined) return '(none)'
  let text = typeof value === 'string' ? value : JSON.stringify(value)
  if (key === 'uri') {
    // arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function arn}/invocations → the function ARN.
    const lambda = /:lambda:path\/[^/]+\/functions\/(.+?)\/invocations$/.exec(text)
    if (lambda?.[1] !== undefined) text = lambda[1]
  }
  text = redactAccountIds(text)
  return text.length > 120 ? `${text.slice(0, 117)}…` : text
}

/** What happened to an authorizer (a security scheme), given the diffs under it. */
interface AuthorizerChange {
  name: string
  /** `added` or `removed` when the whole authorizer is; otherwise the fields that changed, relative to it. */
  presence: 'added' | 'removed' | 'changed'
  fields: string[]
  classification: ChangeClassification
}

export function describeAuthorizer({ name, presence, fields, classification }: AuthorizerChange): ApiChange {
  const description =
    presence === 'changed'
      ? `Authorizer \`${name}\` changed: ${fields.map((f) => `\`${f}\``).join(', ')}`
      : `Authorizer \`${name}\` ${presence}`
  return { classification, kind: 'auth', description }
}

/** An API-level change outside the operations and authorizers: a top-level key, or `components.<key>`. */
export function describeGatewayChange(
  group: string,
  presence: 'added' | 'removed' | 'changed',
  classification: ChangeClassification,
): ApiChange {
  const label = group === 'x-amazon-apigateway-policy' ? 'Resource policy' : `\`${group}\``
  return { classification, kind: 'gateway', description: `${label} ${presence}` }
}

/** What the OpenAPI annotations the diff engine names are, in API Gateway's terms. */
const ANNOTATION_NAMES: Record<string, string> = {
  operationId: 'operation name',
  summary: 'summary',
  description: 'description',
  headers: 'response headers',
  parameters: 'parameter documentation',
  name: 'name',
}

/** Security scheme names an export uses for API Gateway's built-in authorization, not authorizers. */
const BUILT_IN_SCHEMES: Record<string, string> = { sigv4: 'AWS_IAM', api_key: 'API key' }

/**
 * A change description in API Gateway's words, for the report (the diff's own results stay as the engine says them):
 * required parameters, request bodies and annotations as a reader of the console knows them, `sigv4` as AWS_IAM.
 */
export function apiGatewayWording(description: string): string {
  let text = description
  text = text.replace(/^Added required status to required (\w+) parameter (`[^`]*`)/, '$1 parameter $2 is now required')
  text = text.replace(
    /^Added required status to (`[^`]*`) in Request Body content \(([^)]*)\)/,
    'Request body field $1 is now required ($2)',
  )
  text = text.replace(/^Added required (\w+) parameter/, 'New required $1 parameter')
  text = text.replace(/^Removed required (\w+) parameter/, 'Removed $1 parameter')
  text = text.replace(/^Removed Content type from Request Body content \(content\)/, 'Request body model removed')
  text = text.replace(
    /^Removed Content type from Request Body content \(([^)]*)\)/,
    'Request body type `$1` no longer accepted',
  )
  text = text.replace(/^Added Content type to Request Body content \(([^)]*)\)/, 'Request body type `$1` now accepted')
  text = text.replace(
    /^(Added|Removed|Replaced) annotation \(([^)]*)\)(?: (?:of|from|to|in) (.*))?$/,
    (_m, verb: string, what: string, where: string | undefined) => {
      const name = ANNOTATION_NAMES[what] ?? `documentation (${what})`
      const done = verb === 'Added' ? 'added' : verb === 'Removed' ? 'removed' : 'changed'
      const place = where === undefined ? '' : ` (${where.replace(/ content \(content\)$/, '')})`
      return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${done}${place}`
    },
  )
  text = text.replace(
    /^(Added|Removed) Response (\w+)$/,
    (_m, verb: string, status: string) => `Response ${status} ${verb === 'Added' ? 'added' : 'removed'}`,
  )
  text = text.replace(/^Integration changed: uri `([^`]*)` → `([^`]*)`$/, (m, a: string, b: string) =>
    a.startsWith('arn:aws') && a.includes(':function:') && b.includes(':function:')
      ? `Lambda function \`${functionName(a)}\` → \`${functionName(b)}\``
      : m,
  )
  // Authorization labels: `none | sigv4`, `sigv4 + api_key`.
  text = text.replace(/`([^`]*)`/g, (m, inner: string) =>
    /^Authorization /.test(text) ? `\`${inner.replace(/\b(sigv4|api_key)\b/g, (s) => BUILT_IN_SCHEMES[s] ?? s)}\`` : m,
  )
  return text.replace(
    /^(\w+) parameter/,
    (_m, where: string) => `${where.charAt(0).toUpperCase()}${where.slice(1)} parameter`,
  )
}

/** An "authorizer" that is API Gateway's built-in AWS_IAM or API key check: an export artefact, not an authorizer. */
export function isBuiltInScheme(description: string): boolean {
  return /^Authorizer `(sigv4|api_key)` (added|removed)$/.test(description)
}

/** `arn:aws:lambda:{region}:{account}:function:{name}[:alias]` → `{name}[:alias]`: short enough not to wrap. */
function functionName(arn: string): string {
  return arn.slice(arn.indexOf(':function:') + ':function:'.length)
}
