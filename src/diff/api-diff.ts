// Operation-level diff of two API definitions as API Gateway exports them (GetExport oas30 or swagger, with or
// without the x-amazon-apigateway-* extensions), or of two deployments' `apiSummary` maps (GetDeployment with
// embed=apisummary). Classification (breaking / non-breaking / annotation) comes from api-smart-diff; this module
// normalises the inputs for it, groups its findings per operation and adds what it does not know: API Gateway's
// ANY method, integration changes, and authorization changes (always breaking for callers).
//
// Pure and heavy: main.ts loads it with `await import()` only when a diff is needed. Nothing on the start-up path
// may import it; the renderer imports its types only (`import type`).

import { compareOpenApi, type Diff } from 'api-smart-diff'

export type ChangeClassification = 'breaking' | 'non-breaking' | 'annotation'

/** What part of an operation (or of the API) a change touches. */
export type ChangeKind = 'contract' | 'auth' | 'integration' | 'gateway'

export type DefinitionFormat = 'oas30' | 'swagger' | 'apisummary' | 'none'

export interface ApiChange {
  classification: ChangeClassification
  kind: ChangeKind
  /** Short human description. Identifiers from the definition appear between backticks. */
  description: string
}

export interface OperationRef {
  /** Upper-case HTTP method; `ANY` for API Gateway's x-amazon-apigateway-any-method. */
  method: string
  path: string
}

export interface ChangedOperation extends OperationRef {
  /** The most severe classification among `changes`. */
  classification: ChangeClassification
  changes: ApiChange[]
}

export interface ApiDiffCounts {
  added: number
  removed: number
  changed: number
  /** Breaking changes: removed operations + breaking changes inside operations + breaking API-level changes. */
  breaking: number
  nonBreaking: number
  annotation: number
}

export interface ApiDiff {
  format: { before: DefinitionFormat; after: DefinitionFormat }
  /** `api-smart-diff` normally; `structural` when the library failed and only operation presence/equality is known. */
  engine: 'api-smart-diff' | 'structural'
  added: OperationRef[]
  removed: OperationRef[]
  changed: ChangedOperation[]
  /** Changes outside any operation: authorizers, binary media types, gateway responses, resource policy… */
  apiLevel: ApiChange[]
  counts: ApiDiffCounts
  /** No difference at all (after normalisation). */
  identical: boolean
}

type Json = Record<string, unknown>

const OAS_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const
const ANY_METHOD_KEY = 'x-amazon-apigateway-any-method'
/** API Gateway never exports TRACE, so ANY travels through api-smart-diff as `trace` (a key it knows). */
const ANY_AS = 'trace'
const INTEGRATION_KEY = 'x-amazon-apigateway-integration'
const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY']
const CLASS_RANK: Record<ChangeClassification, number> = { breaking: 0, 'non-breaking': 1, annotation: 2 }

/** Components whose contents reach operations through $ref; api-smart-diff reports them where they are used. */
const REFERENCED_COMPONENTS = new Set([
  'schemas',
  'parameters',
  'responses',
  'requestBodies',
  'headers',
  'examples',
  'links',
  'callbacks',
])
/** Top-level keys that differ between stages of the same API or between exports, not between API versions. */
const IGNORED_TOP_LEVEL = new Set(['openapi', 'swagger', 'info', 'servers', 'host', 'basePath', 'schemes', 'paths'])

export function diffApiDefinitions(before: object | undefined, after: object | undefined): ApiDiff {
  const a = normalizeDefinition(before)
  const b = normalizeDefinition(after)
  const format = { before: a.format, after: b.format }
  let diffs: Diff[]
  try {
    diffs = compareOpenApi(a.doc, b.doc).diffs
  } catch {
    return finish(format, 'structural', structuralDiff(a.doc, b.doc))
  }
  return finish(format, 'api-smart-diff', groupDiffs(diffs, a.doc, b.doc))
}

// ---------------------------------------------------------------- normalisation

interface Normalized {
  format: DefinitionFormat
  doc: Json
}

/** Detects the input's kind and converts it to a plain OpenAPI 3.0 document with only what matters for a diff. */
export function normalizeDefinition(input: object | undefined): Normalized {
  if (input === undefined || input === null) return { format: 'none', doc: emptyDoc() }
  const src = input as Json
  if (typeof src.swagger === 'string') return { format: 'swagger', doc: finishDoc(swaggerToOas3(src)) }
  if (typeof src.openapi === 'string') return { format: 'oas30', doc: finishDoc(structuredClone(src)) }
  const summary = isRecord(src.apiSummary) ? src.apiSummary : src
  if (looksLikeApiSummary(summary)) return { format: 'apisummary', doc: finishDoc(apiSummaryToOas3(summary)) }
  throw new Error('Not an API definition: expected an OpenAPI 3.0 or Swagger 2.0 document, or a deployment apiSummary')
}

function emptyDoc(): Json {
  return { openapi: '3.0.1', info: { title: '', version: '' }, paths: {} }
}

function finishDoc(doc: Json): Json {
  const out: Json = { openapi: '3.0.1', info: { title: '', version: '' } }
  for (const [key, value] of Object.entries(doc)) {
    if (!IGNORED_TOP_LEVEL.has(key)) out[key] = value
  }
  const paths: Json = {}
  const srcPaths = isRecord(doc.paths) ? doc.paths : {}
  for (const [path, item] of Object.entries(srcPaths)) {
    if (!isRecord(item)) continue
    const shared = Array.isArray(item.parameters) ? item.parameters : []
    const next: Json = {}
    for (const [key, op] of Object.entries(item)) {
      if (!isRecord(op)) continue
      const method = key === ANY_METHOD_KEY ? ANY_AS : key.toLowerCase()
      if (!(OAS_METHODS as readonly string[]).includes(method)) continue
      const normalized = dropEmptyContent(op)
      next[method] =
        shared.length > 0 ? { ...normalized, parameters: mergeParameters(shared, op.parameters) } : normalized
    }
    paths[path] = next
  }
  out.paths = paths
  return out
}

/** oas30 exports write `content: {}` for a response without a body; swagger exports write nothing. Same meaning. */
function dropEmptyContent(op: Json): Json {
  if (!isRecord(op.responses)) return op
  const responses: Json = {}
  for (const [code, response] of Object.entries(op.responses)) {
    if (isRecord(response) && isRecord(response.content) && Object.keys(response.content).length === 0) {
      const { content: _empty, ...rest } = response
      responses[code] = rest
    } else {
      responses[code] = response
    }
  }
  return { ...op, responses }
}

/** Path-level parameters apply to every operation unless the operation redefines them (same name and `in`). */
function mergeParameters(shared: unknown[], own: unknown): unknown[] {
  const ownList = Array.isArray(own) ? own : []
  const key = (p: unknown) => (isRecord(p) ? `${String(p.in)}:${String(p.name)}` : '')
  const ownKeys = new Set(ownList.map(key))
  return [...shared.filter((p) => !ownKeys.has(key(p))), ...ownList]
}

function looksLikeApiSummary(value: unknown): value is Record<string, Record<string, Json>> {
  if (!isRecord(value)) return false
  const entries = Object.entries(value)
  return entries.every(
    ([path, methods]) =>
      path.startsWith('/') &&
      isRecord(methods) &&
      Object.values(methods).every((m) => isRecord(m) && ('authorizationType' in m || 'apiKeyRequired' in m)),
  )
}

/** `{ "/pets": { "GET": { authorizationType, apiKeyRequired } } }` → paths whose security names the auth type. */
function apiSummaryToOas3(summary: Record<string, Record<string, Json>>): Json {
  const paths: Json = {}
  for (const [path, methods] of Object.entries(summary)) {
    const item: Json = {}
    for (const [method, info] of Object.entries(methods)) {
      const requirement: Record<string, string[]> = {}
      const authType = typeof info.authorizationType === 'string' ? info.authorizationType : 'NONE'
      if (authType !== 'NONE') {
        requirement[authType] = []
      }
      if (info.apiKeyRequired === true) requirement.api_key = []
      const op: Json = { responses: {} }
      if (Object.keys(requirement).length > 0) op.security = [requirement]
      item[method.toUpperCase() === 'ANY' ? ANY_METHOD_KEY : method.toLowerCase()] = op
    }
    paths[path] = item
  }
  return { openapi: '3.0.1', paths }
}

// Swagger 2.0 → OpenAPI 3.0, for the parts that matter when comparing operations. api-smart-diff 1.0.6 classifies
// OpenAPI 3 only (its Swagger 2 support is on its roadmap), and API Gateway exports the same API in both forms.
function swaggerToOas3(src: Json): Json {
  const doc = rewriteRefs(structuredClone(src)) as Json
  const globalConsumes = stringList(doc.consumes)
  const globalProduces = stringList(doc.produces)
  const components: Json = {}
  if (isRecord(doc.definitions)) components.schemas = doc.definitions
  if (isRecord(doc.parameters)) {
    const params: Json = {}
    for (const [name, p] of Object.entries(doc.parameters)) {
      if (isRecord(p) && p.in !== 'body' && p.in !== 'formData') params[name] = convertParameter(p)
    }
    components.parameters = params
  }
  if (isRecord(doc.responses)) {
    const responses: Json = {}
    for (const [name, r] of Object.entries(doc.responses)) {
      if (isRecord(r)) responses[name] = convertResponse(r, globalProduces)
    }
    components.responses = responses
  }
  if (isRecord(doc.securityDefinitions)) components.securitySchemes = doc.securityDefinitions
  const out: Json = { openapi: '3.0.1' }
  for (const [key, value] of Object.entries(doc)) {
    if (key.startsWith('x-') || key === 'security' || key === 'tags') out[key] = value
  }
  out.components = components
  const paths: Json = {}
  for (const [path, item] of Object.entries(isRecord(doc.paths) ? doc.paths : {})) {
    if (!isRecord(item)) continue
    const next: Json = {}
    for (const [key, op] of Object.entries(item)) {
      if (key === 'parameters' && Array.isArray(op)) {
        next.parameters = op.filter(isRecord).map(convertParameter)
      } else if (isRecord(op)) {
        next[key] = convertOperation(op, globalConsumes, globalProduces)
      }
    }
    paths[path] = next
  }
  out.paths = paths
  return out
}

function convertOperation(op: Json, globalConsumes: string[], globalProduces: string[]): Json {
  const consumes = stringList(op.consumes, globalConsumes)
  const produces = stringList(op.produces, globalProduces)
  const out: Json = {}
  for (const [key, value] of Object.entries(op)) {
    if (key === 'consumes' || key === 'produces' || key === 'parameters' || key === 'responses') continue
    out[key] = value
  }
  const params = Array.isArray(op.parameters) ? op.parameters.filter(isRecord) : []
  const body = params.find((p) => p.in === 'body')
  const form = params.filter((p) => p.in === 'formData')
  const rest = params.filter((p) => p.in !== 'body' && p.in !== 'formData')
  if (rest.length > 0) out.parameters = rest.map(convertParameter)
  if (body !== undefined) {
    const types = consumes.length > 0 ? consumes : ['application/json']
    out.requestBody = {
      content: Object.fromEntries(types.map((t) => [t, { schema: body.schema ?? {} }])),
      ...(body.required === true ? { required: true } : {}),
    }
  } else if (form.length > 0) {
    const properties: Json = {}
    const required: string[] = []
    for (const p of form) {
      properties[String(p.name)] = parameterSchema(p)
      if (p.required === true) required.push(String(p.name))
    }
    const type = consumes.find((t) => t.startsWith('multipart/')) ?? 'application/x-www-form-urlencoded'
    out.requestBody = {
      content: { [type]: { schema: { type: 'object', properties, ...(required.length > 0 ? { required } : {}) } } },
      ...(required.length > 0 ? { required: true } : {}),
    }
  }
  const responses: Json = {}
  for (const [code, r] of Object.entries(isRecord(op.responses) ? op.responses : {})) {
    if (isRecord(r)) responses[code] = convertResponse(r, produces)
  }
  out.responses = responses
  return out
}

function convertParameter(p: Json): Json {
  if (typeof p.$ref === 'string') return p
  const out: Json = { name: p.name, in: p.in }
  if (p.required === true) out.required = true
  if (typeof p.description === 'string') out.description = p.description
  out.schema = parameterSchema(p)
  return out
}

const SCHEMA_KEYS = [
  'type',
  'format',
  'items',
  'enum',
  'default',
  'maximum',
  'minimum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'multipleOf',
]

function parameterSchema(p: Json): Json {
  if (isRecord(p.schema)) return p.schema
  const schema: Json = {}
  for (const key of SCHEMA_KEYS) if (key in p) schema[key] = p[key]
  return schema
}

function convertResponse(r: Json, produces: string[]): Json {
  if (typeof r.$ref === 'string') return r
  const out: Json = { description: typeof r.description === 'string' ? r.description : '' }
  if (isRecord(r.headers)) {
    const headers: Json = {}
    for (const [name, h] of Object.entries(r.headers)) {
      if (!isRecord(h)) continue
      headers[name] = {
        schema: parameterSchema(h),
        ...(typeof h.description === 'string' ? { description: h.description } : {}),
      }
    }
    out.headers = headers
  }
  if (r.schema !== undefined) {
    const types = produces.length > 0 ? produces : ['application/json']
    out.content = Object.fromEntries(types.map((t) => [t, { schema: r.schema }]))
  }
  for (const [key, value] of Object.entries(r)) if (key.startsWith('x-')) out[key] = value
  return out
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs)
  if (!isRecord(value)) return value
  const out: Json = {}
  for (const [key, v] of Object.entries(value)) {
    if (key === '$ref' && typeof v === 'string') {
      out[key] = v
        .replace(/^#\/definitions\//, '#/components/schemas/')
        .replace(/^#\/parameters\//, '#/components/parameters/')
        .replace(/^#\/responses\//, '#/components/responses/')
    } else {
      out[key] = rewriteRefs(v)
    }
  }
  return out
}

// ---------------------------------------------------------------- grouping api-smart-diff's findings

interface Grouped {
  added: OperationRef[]
  removed: OperationRef[]
  changed: Map<string, { ref: OperationRef; changes: ApiChange[] }>
  apiLevel: ApiChange[]
}

function emptyGrouped(): Grouped {
  return { added: [], removed: [], changed: new Map(), apiLevel: [] }
}

function groupDiffs(diffs: Diff[], before: Json, after: Json): Grouped {
  const g = emptyGrouped()
  const opChanges = new Map<string, { ref: OperationRef; diffs: Diff[] }>()
  const topLevel = new Map<string, Diff[]>()
  for (const diff of diffs) {
    const path = diff.path.map(String)
    if (path[0] === 'paths' && path.length >= 2) {
      const apiPath = path[1] as string
      if (path.length === 2) {
        // A whole path item appeared or disappeared: every operation in it did.
        const item = diff.action === 'add' ? pathItem(after, apiPath) : pathItem(before, apiPath)
        const target = diff.action === 'add' ? g.added : diff.action === 'remove' ? g.removed : undefined
        if (target !== undefined) {
          for (const m of Object.keys(item)) target.push({ method: displayMethod(m), path: apiPath })
          continue
        }
      }
      const method = path[2] as string
      if (!(OAS_METHODS as readonly string[]).includes(method)) continue
      const ref = { method: displayMethod(method), path: apiPath }
      if (path.length === 3 && (diff.action === 'add' || diff.action === 'remove')) {
        ;(diff.action === 'add' ? g.added : g.removed).push(ref)
        continue
      }
      const key = opKey(ref)
      const entry = opChanges.get(key) ?? { ref, diffs: [] }
      entry.diffs.push(diff)
      opChanges.set(key, entry)
      continue
    }
    if (path[0] === 'components' && (path.length === 1 || (path.length === 2 && path[1] === 'securitySchemes'))) {
      // All components (or all security schemes) appeared or disappeared, e.g. on a first deploy: one entry per
      // authorizer; the other components are reported where operations use them.
      if (diff.action !== 'add' && diff.action !== 'remove') continue
      const source = diff.action === 'add' ? after : before
      const components = isRecord(source.components) ? source.components : {}
      const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {}
      for (const name of Object.keys(schemes)) {
        const synthetic: Diff = {
          action: diff.action,
          type: diff.action === 'add' ? 'non-breaking' : 'breaking',
          path: ['components', 'securitySchemes', name],
        }
        topLevel.set(`components.securitySchemes.${name}`, [synthetic])
      }
      continue
    }
    const group = topLevelGroup(path)
    if (group === undefined) continue
    const list = topLevel.get(group) ?? []
    list.push(diff)
    topLevel.set(group, list)
  }
  for (const [key, { ref, diffs: list }] of opChanges) {
    const changes = describeOperationChanges(list, operation(before, ref), operation(after, ref))
    if (changes.length > 0) g.changed.set(key, { ref, changes })
  }
  for (const [group, list] of topLevel) g.apiLevel.push(...describeApiLevel(group, list))
  return g
}

function describeOperationChanges(diffs: Diff[], before: Json | undefined, after: Json | undefined): ApiChange[] {
  const changes: ApiChange[] = []
  const integration: Diff[] = []
  let security = false
  for (const diff of diffs) {
    const rel = diff.path.slice(3).map(String)
    if (rel[0] === INTEGRATION_KEY) {
      integration.push(diff)
    } else if (rel[0] === 'security') {
      security = true
    } else {
      changes.push({
        classification: classify(diff.type),
        kind: 'contract',
        description: describe(diff, rel),
      })
    }
  }
  if (security) {
    // api-smart-diff calls adding a security requirement non-breaking; for API Gateway callers any change of the
    // authorization an operation needs (none → IAM, IAM → Cognito, API key required…) breaks existing clients.
    const was = securityLabel(before?.security)
    const now = securityLabel(after?.security)
    if (was !== now) {
      changes.push({ classification: 'breaking', kind: 'auth', description: `Authorization \`${was}\` → \`${now}\`` })
    }
  }
  if (integration.length > 0) {
    changes.push({
      classification: 'non-breaking',
      kind: 'integration',
      description: describeIntegration(before?.[INTEGRATION_KEY], after?.[INTEGRATION_KEY]),
    })
  }
  return dedupeAndSort(changes)
}

function securityLabel(security: unknown): string {
  if (!Array.isArray(security) || security.length === 0) return 'none'
  const alternatives = security
    .filter(isRecord)
    .map((req) => Object.keys(req).sort().join(' + ') || 'none')
    .sort()
  return alternatives.join(' | ')
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

function describeIntegration(before: unknown, after: unknown): string {
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

function describe(diff: Diff, rel: string[]): string {
  if (diff.description !== undefined && diff.description !== '') {
    // "[Added] required query parameter `limit`" → "Added required query parameter `limit`"
    return diff.description.replace(/^\[(\w+)\]\s*/, '$1 ')
  }
  const verb = { add: 'Added', remove: 'Removed', replace: 'Changed', rename: 'Renamed' }[diff.action]
  return `${verb} \`${rel.join('.')}\``
}

function classify(type: Diff['type']): ChangeClassification {
  switch (type) {
    case 'breaking':
      return 'breaking'
    case 'annotation':
      return 'annotation'
    default:
      // non-breaking, deprecated, unclassified (an x- extension api-smart-diff has no rule for): shown, not breaking.
      return 'non-breaking'
  }
}

/** Groups a non-operation diff by what it belongs to, or undefined when it is noise. */
function topLevelGroup(path: string[]): string | undefined {
  const [head, second, third] = path
  if (head === undefined || IGNORED_TOP_LEVEL.has(head)) return undefined
  if (head === 'components') {
    if (second === undefined) return 'components'
    if (REFERENCED_COMPONENTS.has(second)) return undefined
    return third === undefined ? `components.${second}` : `components.${second}.${third}`
  }
  if (head === 'tags') return undefined
  return head
}

function describeApiLevel(group: string, diffs: Diff[]): ApiChange[] {
  const worst = diffs.map((d) => classify(d.type)).sort((x, y) => CLASS_RANK[x] - CLASS_RANK[y])[0] ?? 'non-breaking'
  if (group.startsWith('components.securitySchemes.')) {
    const name = group.slice('components.securitySchemes.'.length)
    const only = diffs.length === 1 && diffs[0]?.path.length === 3 ? diffs[0] : undefined
    if (only?.action === 'add')
      return [{ classification: 'non-breaking', kind: 'auth', description: `Authorizer \`${name}\` added` }]
    if (only?.action === 'remove')
      return [{ classification: 'breaking', kind: 'auth', description: `Authorizer \`${name}\` removed` }]
    const fields = [...new Set(diffs.map((d) => d.path.slice(3).map(String).join('.')))].sort()
    // Where callers put their credentials (header name, identity source) is part of the contract.
    const breaking = fields.some((f) => f === 'name' || f === 'in' || f.endsWith('identitySource'))
    return [
      {
        classification: breaking ? 'breaking' : worst === 'annotation' ? 'annotation' : 'non-breaking',
        kind: 'auth',
        description: `Authorizer \`${name}\` changed: ${fields.map((f) => `\`${f}\``).join(', ')}`,
      },
    ]
  }
  const label = group === 'x-amazon-apigateway-policy' ? 'Resource policy' : `\`${group}\``
  const only = diffs.length === 1 && diffs[0]?.path.length === 1 ? diffs[0] : undefined
  const verb = only?.action === 'add' ? 'added' : only?.action === 'remove' ? 'removed' : 'changed'
  return [{ classification: worst, kind: 'gateway', description: `${label} ${verb}` }]
}

// ---------------------------------------------------------------- fallback and result

/** Used only when api-smart-diff throws: which operations exist and whether each one's definition changed. */
function structuralDiff(before: Json, after: Json): Grouped {
  const g = emptyGrouped()
  const a = operations(before)
  const b = operations(after)
  for (const [key, op] of b) {
    const old = a.get(key)
    if (old === undefined) {
      g.added.push(op.ref)
    } else if (stableJson(old.op) !== stableJson(op.op)) {
      const changes: ApiChange[] = []
      const { [INTEGRATION_KEY]: ia, ...restA } = old.op
      const { [INTEGRATION_KEY]: ib, ...restB } = op.op
      if (stableJson(restA) !== stableJson(restB)) {
        changes.push({
          classification: 'non-breaking',
          kind: 'contract',
          description: 'Definition changed (not classified)',
        })
      }
      if (stableJson(ia) !== stableJson(ib)) {
        changes.push({ classification: 'non-breaking', kind: 'integration', description: describeIntegration(ia, ib) })
      }
      g.changed.set(key, { ref: op.ref, changes })
    }
  }
  for (const [key, op] of a) if (!b.has(key)) g.removed.push(op.ref)
  return g
}

function finish(format: ApiDiff['format'], engine: ApiDiff['engine'], g: Grouped): ApiDiff {
  const added = sortRefs(dedupeRefs(g.added))
  const removed = sortRefs(dedupeRefs(g.removed))
  const gone = new Set([...added, ...removed].map(opKey))
  const changed: ChangedOperation[] = sortRefs(
    [...g.changed.values()]
      .filter(({ ref, changes }) => changes.length > 0 && !gone.has(opKey(ref)))
      .map(({ ref, changes }) => ({
        ...ref,
        classification: changes[0]?.classification ?? 'annotation',
        changes,
      })),
  )
  const apiLevel = dedupeAndSort(g.apiLevel)
  const all = [...changed.flatMap((c) => c.changes), ...apiLevel]
  const counts: ApiDiffCounts = {
    added: added.length,
    removed: removed.length,
    changed: changed.length,
    breaking: removed.length + all.filter((c) => c.classification === 'breaking').length,
    nonBreaking: added.length + all.filter((c) => c.classification === 'non-breaking').length,
    annotation: all.filter((c) => c.classification === 'annotation').length,
  }
  return {
    format,
    engine,
    added,
    removed,
    changed,
    apiLevel,
    counts,
    identical: added.length + removed.length + changed.length + apiLevel.length === 0,
  }
}

function dedupeAndSort(changes: ApiChange[]): ApiChange[] {
  const seen = new Set<string>()
  const out: ApiChange[] = []
  for (const c of changes) {
    const key = `${c.classification}|${c.kind}|${c.description}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(c)
  }
  return out.sort(
    (x, y) =>
      CLASS_RANK[x.classification] - CLASS_RANK[y.classification] ||
      compareStrings(x.kind, y.kind) ||
      compareStrings(x.description, y.description),
  )
}

function dedupeRefs(refs: OperationRef[]): OperationRef[] {
  const map = new Map(refs.map((r) => [opKey(r), r]))
  return [...map.values()]
}

function sortRefs<T extends OperationRef>(refs: T[]): T[] {
  return refs.sort((x, y) => compareStrings(x.path, y.path) || methodRank(x.method) - methodRank(y.method))
}

function methodRank(method: string): number {
  const i = METHOD_ORDER.indexOf(method)
  return i === -1 ? METHOD_ORDER.length : i
}

/** Code-unit order, independent of the runner's locale. */
function compareStrings(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0
}

function displayMethod(key: string): string {
  return key === ANY_AS ? 'ANY' : key.toUpperCase()
}

function opKey(ref: OperationRef): string {
  return `${ref.method} ${ref.path}`
}

function pathItem(doc: Json, path: string): Json {
  const paths = isRecord(doc.paths) ? doc.paths : {}
  const item = paths[path]
  return isRecord(item) ? item : {}
}

function operation(doc: Json, ref: OperationRef): Json | undefined {
  const op = pathItem(doc, ref.path)[ref.method === 'ANY' ? ANY_AS : ref.method.toLowerCase()]
  return isRecord(op) ? op : undefined
}

function operations(doc: Json): Map<string, { ref: OperationRef; op: Json }> {
  const out = new Map<string, { ref: OperationRef; op: Json }>()
  const paths = isRecord(doc.paths) ? doc.paths : {}
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue
    for (const [m, op] of Object.entries(item)) {
      if (!isRecord(op)) continue
      const ref = { method: displayMethod(m), path }
      out.set(opKey(ref), { ref, op })
    }
  }
  return out
}

function stringList(value: unknown, fallback: string[] = []): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : fallback
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** JSON with sorted keys, for equality checks that ignore key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  )
}
