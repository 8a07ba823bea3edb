// Swagger 2.0 → OpenAPI 3.0, for the parts that matter when comparing operations. api-smart-diff 1.0.6 classifies
// OpenAPI 3 only (its Swagger 2 support is on its roadmap), and API Gateway exports the same API in both forms;
// emulators such as moto even answer an oas30 export with Swagger 2.0.

import { isRecord, type Json, recordOf } from './json.js'

export function swaggerToOas3(src: Json): Json {
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
    const responses = Object.entries(doc.responses).filter((entry): entry is [string, Json] => isRecord(entry[1]))
    components.responses = recordOf(responses.map(([name, r]) => [name, convertResponse(r, globalProduces)]))
  }
  if (isRecord(doc.securityDefinitions)) components.securitySchemes = doc.securityDefinitions
  const out: Json = { openapi: '3.0.1' }
  for (const [key, value] of Object.entries(doc)) {
    if (key.startsWith('x-') || key === 'security') out[key] = value
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
  const rest = params.filter((p) => p.in !== 'body' && p.in !== 'formData')
  if (rest.length > 0) out.parameters = rest.map(convertParameter)
  const requestBody = convertBody(params, consumes)
  if (requestBody !== undefined) out.requestBody = requestBody
  const responses = Object.entries(isRecord(op.responses) ? op.responses : {}).filter(
    (entry): entry is [string, Json] => isRecord(entry[1]),
  )
  out.responses = recordOf(responses.map(([code, r]) => [code, convertResponse(r, produces)]))
  return out
}

/** The `body` parameter, or the `formData` ones, as an OpenAPI 3 request body. */
function convertBody(params: Json[], consumes: string[]): Json | undefined {
  const body = params.find((p) => p.in === 'body')
  const form = params.filter((p) => p.in === 'formData')
  if (body !== undefined) {
    const types = consumes.length > 0 ? consumes : ['application/json']
    return {
      content: Object.fromEntries(types.map((t) => [t, { schema: body.schema ?? {} }])),
      ...(body.required === true ? { required: true } : {}),
    }
  }
  if (form.length === 0) return undefined
  const properties: Json = {}
  const required: string[] = []
  for (const p of form) {
    properties[String(p.name)] = parameterSchema(p)
    if (p.required === true) required.push(String(p.name))
  }
  const type = consumes.find((t) => t.startsWith('multipart/')) ?? 'application/x-www-form-urlencoded'
  return {
    content: { [type]: { schema: { type: 'object', properties, ...(required.length > 0 ? { required } : {}) } } },
    ...(required.length > 0 ? { required: true } : {}),
  }
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
  return recordOf(
    Object.entries(value).map(([key, v]): [string, unknown] => {
      if (key !== '$ref' || typeof v !== 'string') return [key, rewriteRefs(v)]
      return [
        key,
        v
          .replace(/^#\/definitions\//, '#/components/schemas/')
          .replace(/^#\/parameters\//, '#/components/parameters/')
          .replace(/^#\/responses\//, '#/components/responses/'),
      ]
    }),
  )
}

function stringList(value: unknown, fallback: string[] = []): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : fallback
}
