// Seeded random changes of API definitions, for the equivalence test of the diff's pre-pass
// (reduce-equivalence.test.ts): each case is a definition from the corpus and a copy changed by one to three mutations
// (a schema type, a parameter's `required`, an integration URI, a component, an operation added or removed, a path
// parameter renamed, objects shared between operations as YAML aliases share them, content the diff library trips on
// put on both sides…). Deterministic: the same seed gives the same cases.

import { parse } from 'yaml'
import { DEFINITIONS, loadDefinition } from '../fixtures/definitions/index.js'
import { largeApi } from '../fixtures/openapi/large-api.js'
import { petsOas30, petsSwagger } from '../fixtures/openapi/pets-api.js'

// biome-ignore lint/suspicious/noExplicitAny: the mutations edit parsed-JSON-like documents freely
type Doc = Record<string, any>
type Random = () => number

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method']
const INTEGRATION = 'x-amazon-apigateway-integration'

export interface Source {
  name: string
  build: () => Doc
}

export interface MutationCase {
  name: string
  before: Doc
  after: Doc
}

/** The definition corpus, the pets exports in both forms and a small generated API. */
export function sources(): Source[] {
  const parsed = DEFINITIONS.map(({ file }) => ({ name: file, doc: parse(loadDefinition(file)) as Doc }))
  return [
    ...parsed.map(({ name, doc }) => ({ name, build: () => structuredClone(doc) })),
    { name: 'pets oas30', build: () => petsOas30() },
    { name: 'pets swagger', build: () => petsSwagger() },
    { name: 'large API (6 resources)', build: () => largeApi(6) },
  ]
}

/** Mulberry32: small, seedable, good enough to pick mutations. */
function random(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `count` cases from `source`, each with one to three mutations; the mutations' names make the case's name. */
export function mutationCases(source: Source, seed: number, count: number): MutationCase[] {
  const rand = random(seed)
  const cases: MutationCase[] = []
  for (let i = 0; i < count; i++) {
    const before = source.build()
    const after = source.build()
    const names: string[] = []
    const n = 1 + Math.floor(rand() * 3)
    for (let j = 0; j < n; j++) {
      const mutation = pick(rand, MUTATIONS)
      if (mutation !== undefined) names.push(`${mutation.name}${mutation.apply(before, after, rand)}`)
    }
    cases.push({ name: `${source.name} #${i}: ${names.join(', ')}`, before, after })
  }
  return cases
}

interface Mutation {
  name: string
  /** Changes `after` (or both, or `before`); returns a detail for the case's name. */
  apply: (before: Doc, after: Doc, rand: Random) => string
}

const MUTATIONS: Mutation[] = [
  { name: 'primitive changed', apply: (_b, a, r) => changePrimitive(pickOperation(a, r)?.op, r) },
  { name: 'key removed', apply: (_b, a, r) => removeKey(pickOperation(a, r)?.op, r) },
  { name: 'schema type', apply: (_b, a, r) => retype(pickOperation(a, r)?.op, r) },
  { name: 'parameter required', apply: (_b, a, r) => toggleRequired(pickOperation(a, r)?.op, r) },
  { name: 'integration uri', apply: (_b, a, r) => changeIntegration(pickOperation(a, r)?.op) },
  { name: 'operation removed', apply: (b, a, r) => removeOperation(r() < 0.5 ? a : b, r) },
  { name: 'operation added', apply: (_b, a, r) => addOperation(a, r) },
  { name: 'path parameter renamed', apply: (_b, a, r) => renamePathParameter(a, r) },
  { name: 'path-level parameter', apply: (b, a, r) => pathLevelParameter(r() < 0.3 ? [b, a] : [a], r) },
  { name: 'operation security', apply: (_b, a, r) => operationSecurity(pickOperation(a, r)?.op, r) },
  { name: 'document security', apply: (_b, a, r) => documentSecurity(a, r) },
  { name: 'component changed', apply: (_b, a, r) => changeComponent(a, r) },
  { name: 'reference moved', apply: (_b, a, r) => moveReference(pickOperation(a, r)?.op, a, r) },
  { name: 'objects shared', apply: (b, a, r) => share(r() < 0.5 ? a : b, r) },
  { name: 'objects shared on both sides', apply: (b, a, r) => shareBoth(b, a, r) },
  { name: 'library quirk on both sides', apply: (b, a, r) => quirkBoth(b, a, r) },
  { name: 'API-level extension', apply: (_b, a, r) => apiLevel(a, r) },
  { name: 'empty content', apply: (_b, a, r) => emptyContent(pickOperation(a, r)?.op) },
  { name: 'keys reordered', apply: (_b, a, r) => reorder(pickOperation(a, r)?.op) },
]

function pick<T>(rand: Random, list: readonly T[]): T | undefined {
  return list[Math.floor(rand() * list.length)]
}

function operations(doc: Doc): Array<{ path: string; method: string; op: Doc }> {
  const out: Array<{ path: string; method: string; op: Doc }> = []
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Doc)) {
    for (const method of METHODS) if (isObject(item?.[method])) out.push({ path, method, op: item[method] })
  }
  return out
}

function pickOperation(doc: Doc, rand: Random): { path: string; method: string; op: Doc } | undefined {
  return pick(rand, operations(doc))
}

function isObject(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Every object under `root` (itself included), with the key it sits under. */
function objectsIn(root: unknown, key = ''): Array<{ key: string; node: Doc }> {
  if (typeof root !== 'object' || root === null) return []
  const out: Array<{ key: string; node: Doc }> = []
  if (!Array.isArray(root)) out.push({ key, node: root as Doc })
  for (const [k, v] of Object.entries(root)) out.push(...objectsIn(v, Array.isArray(root) ? key : k))
  return out
}

function changePrimitive(op: Doc | undefined, rand: Random): string {
  const leaves = objectsIn(op).flatMap(({ node }) =>
    Object.keys(node)
      .filter((k) => typeof node[k] !== 'object')
      .map((k) => ({ node, k })),
  )
  const leaf = pick(rand, leaves)
  if (leaf === undefined) return ''
  const value = leaf.node[leaf.k]
  leaf.node[leaf.k] = typeof value === 'string' ? `${value}x` : typeof value === 'number' ? value + 1 : !value
  return ` (${leaf.k})`
}

function removeKey(op: Doc | undefined, rand: Random): string {
  const target = pick(
    rand,
    objectsIn(op).filter(({ node }) => Object.keys(node).length > 0),
  )
  const key = target && pick(rand, Object.keys(target.node))
  if (target === undefined || key === undefined) return ''
  delete target.node[key]
  return ` (${key})`
}

function retype(op: Doc | undefined, rand: Random): string {
  const typed = pick(
    rand,
    objectsIn(op).filter(({ node }) => typeof node.type === 'string' && node.in === undefined),
  )
  if (typed === undefined) return ''
  typed.node.type = typed.node.type === 'integer' ? 'string' : 'integer'
  return ` (${typed.node.type})`
}

function toggleRequired(op: Doc | undefined, rand: Random): string {
  const parameter = pick(rand, (op?.parameters ?? []).filter(isObject) as Doc[])
  if (parameter === undefined) return ''
  parameter.required = parameter.required !== true
  return ` (${parameter.name})`
}

function changeIntegration(op: Doc | undefined): string {
  const integration = op?.[INTEGRATION]
  if (!isObject(integration)) return ''
  integration.uri = `${integration.uri ?? 'https://backend.example.com'}/v2`
  return ''
}

function removeOperation(doc: Doc, rand: Random): string {
  const found = pickOperation(doc, rand)
  if (found === undefined) return ''
  delete doc.paths[found.path][found.method]
  return ` (${found.method} ${found.path})`
}

function addOperation(doc: Doc, rand: Random): string {
  const found = pickOperation(doc, rand)
  if (found === undefined) return ''
  const path = rand() < 0.5 ? found.path : `${found.path.replace(/\/$/, '')}/added`
  const method = METHODS.find((m) => doc.paths[path]?.[m] === undefined) ?? 'patch'
  doc.paths[path] = { ...(doc.paths[path] ?? {}), [method]: structuredClone(found.op) }
  return ` (${method} ${path})`
}

function renamePathParameter(doc: Doc, rand: Random): string {
  const path = pick(
    rand,
    Object.keys(doc.paths ?? {}).filter((p) => /\{[^}+]+\}/.test(p)),
  )
  if (path === undefined) return ''
  const name = /\{([^}+]+)\}/.exec(path)?.[1] as string
  const item = doc.paths[path]
  delete doc.paths[path]
  doc.paths[path.replace(`{${name}}`, `{${name}Renamed}`)] = item
  for (const { node } of objectsIn(item)) if (node.in === 'path' && node.name === name) node.name = `${name}Renamed`
  return ` (${path})`
}

function pathLevelParameter(docs: Doc[], rand: Random): string {
  const path = pick(rand, Object.keys(docs[0]?.paths ?? {}))
  if (path === undefined) return ''
  const swagger = typeof docs[0]?.swagger === 'string'
  for (const doc of docs) {
    const item = doc.paths[path]
    if (!isObject(item)) continue
    const parameter = swagger
      ? { name: 'X-Trace', in: 'header', required: docs.length === 1, type: 'string' }
      : { name: 'X-Trace', in: 'header', required: docs.length === 1, schema: { type: 'string' } }
    item.parameters = [...(Array.isArray(item.parameters) ? item.parameters : []), parameter]
  }
  return ` (${path})`
}

function operationSecurity(op: Doc | undefined, rand: Random): string {
  if (op === undefined) return ''
  const choice = Math.floor(rand() * 3)
  if (choice === 0) delete op.security
  else op.security = choice === 1 ? [{ api_key: [] }] : []
  return ` (${choice})`
}

function documentSecurity(doc: Doc, rand: Random): string {
  if (rand() < 0.5 && doc.security !== undefined) delete doc.security
  else doc.security = [{ api_key: [] }]
  return ''
}

/** A component (a schema, a parameter, an authorizer…) changed: a property added, a field removed or retyped. */
function changeComponent(doc: Doc, rand: Random): string {
  const groups: Doc = doc.components ?? { schemas: doc.definitions, securitySchemes: doc.securityDefinitions }
  const kind = pick(
    rand,
    Object.keys(groups).filter((k) => isObject(groups[k]) && Object.keys(groups[k]).length > 0),
  )
  if (kind === undefined) return ''
  const name = pick(rand, Object.keys(groups[kind])) as string
  const target = pick(rand, objectsIn(groups[kind][name]))?.node
  if (target === undefined) return ''
  if (isObject(target.properties)) target.properties.added = { type: 'string' }
  else if (typeof target.type === 'string') target.type = target.type === 'integer' ? 'number' : 'integer'
  else target.description = 'changed'
  return ` (${kind}.${name})`
}

function moveReference(op: Doc | undefined, doc: Doc, rand: Random): string {
  const withRef = pick(
    rand,
    objectsIn(op).filter(({ node }) => typeof node.$ref === 'string'),
  )
  const names = Object.keys(doc.components?.schemas ?? doc.definitions ?? {})
  const name = pick(rand, names)
  if (withRef === undefined || name === undefined) return ''
  withRef.node.$ref = doc.components ? `#/components/schemas/${name}` : `#/definitions/${name}`
  return ` (${name})`
}

/** Two operations hold the same object, as a YAML alias makes them. */
function share(doc: Doc, rand: Random): string {
  const x = pickOperation(doc, rand)
  const y = pickOperation(doc, rand)
  if (x === undefined || y === undefined || x.op === y.op) return ''
  const shared = pick(
    rand,
    ['parameters', 'responses', INTEGRATION, 'security', 'requestBody'].filter((k) => k in x.op),
  )
  if (shared === undefined) return ''
  y.op[shared] = x.op[shared]
  return ` (${shared})`
}

function shareBoth(before: Doc, after: Doc, rand: Random): string {
  const seed = Math.floor(rand() * 2 ** 31)
  share(before, random(seed))
  return share(after, random(seed))
}

/** Content api-smart-diff reports or throws on even when both sides are equal, in one operation of both sides. */
function quirkBoth(before: Doc, after: Doc, rand: Random): string {
  const found = pickOperation(before, rand)
  const quirk = Math.floor(rand() * QUIRKS.length)
  if (found === undefined) return ''
  for (const doc of [before, after]) {
    const op = doc.paths?.[found.path]?.[found.method]
    if (isObject(op)) QUIRKS[quirk]?.(op)
  }
  return ` (${quirk})`
}

const QUIRKS: Array<(op: Doc) => void> = [
  (op) => {
    op.parameters = [...(op.parameters ?? []), { name: 'q', in: 'query', schema: { type: 'string', enum: { a: 1 } } }]
  },
  (op) => {
    op.tags = ['a', 'a']
  },
  (op) => {
    op.responses = {
      ...(op.responses ?? {}),
      '299': { description: 'x', content: { 'application/json': {}, 'application/json; charset=utf-8': {} } },
    }
  },
  (op) => {
    op.responses = { ...(op.responses ?? {}), Default: { description: 'a' }, default: { description: 'b' } }
  },
  (op) => {
    op.parameters = [...(op.parameters ?? []), { name: 'dup', in: 'query' }, { name: 'dup', in: 'query' }]
  },
  (op) => {
    op.requestBody = {
      content: { 'application/json': { schema: { allOf: [{ type: 'object' }, { required: ['a'] }] } } },
    }
  },
  (op) => {
    op.requestBody = { content: { 'application/json': { schema: { oneOf: { a: 1 } } } } }
  },
  (op) => {
    op.requestBody = { content: { 'application/json': { schema: { $ref: '#/components/schemas/X', nullable: true } } } }
  },
]

function apiLevel(doc: Doc, rand: Random): string {
  const choice = Math.floor(rand() * 3)
  if (choice === 0) doc['x-amazon-apigateway-binary-media-types'] = ['image/png']
  else if (choice === 1) doc['x-amazon-apigateway-gateway-responses'] = { DEFAULT_4XX: { statusCode: 400 } }
  else doc['x-amazon-apigateway-api-key-source'] = 'AUTHORIZER'
  return ` (${choice})`
}

function emptyContent(op: Doc | undefined): string {
  const response = isObject(op?.responses) ? Object.values(op.responses).find(isObject) : undefined
  if (response === undefined) return ''
  if (isObject(response.content) && Object.keys(response.content).length === 0) delete response.content
  else if (response.content === undefined) response.content = {}
  return ''
}

function reorder(op: Doc | undefined): string {
  if (op === undefined) return ''
  const entries = Object.entries(op).reverse()
  for (const [key] of entries) delete op[key]
  for (const [key, value] of entries) op[key] = value
  return ''
}
