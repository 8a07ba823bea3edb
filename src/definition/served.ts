// What API Gateway will serve for a definition file, in the shape of the stage's export (GetExport oas30 with
// `extensions=integrations,authorizers`): the file read the way the import reads it, then written the way the export
// writes it. The plan compares the stage's export with this, so what the import and export transform is not reported
// as a change, while everything API Gateway keeps (routes, required parameters, models, response codes,
// authorization, integrations) still is.
import { type DefinitionDocument, isObject, type JsonObject } from './json.js'
import { ANY_METHOD_KEY } from './operations.js'
import type { BasePathMode } from './options.js'
import { servedIntegration } from './served-integration.js'
import { ServedModels } from './served-models.js'
import { ServedSecurity } from './served-security.js'
import { listAt, objectAt, resolveLocalRef, stringAt, stringsAt, textAt } from './served-values.js'

const INTEGRATION_KEY = 'x-amazon-apigateway-integration'
/** The operations API Gateway creates methods for; it has no TRACE. */
const METHOD_KEYS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', ANY_METHOD_KEY]
/** Where a method request parameter can be, as OpenAPI's `in`. */
const PARAMETER_PLACES = new Set(['path', 'query', 'header'])

interface Served {
  document: JsonObject
  version: DefinitionDocument['version']
  models: ServedModels
  security: ServedSecurity
}

/**
 * The file as API Gateway will serve it after PutRestApi and CreateDeployment, as its oas30 export with
 * integrations and authorizers shows it. `basePath` is the import's `basepath` parameter.
 */
export function servedDefinition(definition: DefinitionDocument, basePath: BasePathMode = 'ignore'): JsonObject {
  const { document, version } = definition
  const served: Served = {
    document,
    version,
    models: new ServedModels(document),
    security: new ServedSecurity(document),
  }
  const prefix = basePathPrefix(definition, basePath)
  const paths: JsonObject = {}
  for (const [rawPath, rawItem] of Object.entries(objectAt(document.paths))) {
    // A resource path has no trailing slash; with a base path prepended, `/` is the base path's resource.
    const path = `${prefix}${rawPath}`.replace(/(.)\/+$/, '$1') || '/'
    const item = objectAt(rawItem)
    const methods = objectAt(paths[path])
    for (const key of METHOD_KEYS) {
      const operation = item[key]
      if (isObject(operation)) methods[key] = servedOperation(served, { path, item, operation })
    }
    // The export lists resources that have methods only.
    if (Object.keys(methods).length > 0) paths[path] = methods
  }
  const components: JsonObject = {}
  const schemas = served.models.exportedSchemas()
  const schemes = served.security.exportedSchemes()
  if (Object.keys(schemas).length > 0) components.schemas = schemas
  if (Object.keys(schemes).length > 0) components.securitySchemes = schemes
  // API-level extensions (binary media types, policy, validators, gateway responses…) appear only in an export
  // with `extensions=apigateway`; the file's `servers`, `tags` and document-level `security` are not kept as such.
  return { openapi: '3.0.1', info: servedInfo(document), paths, components }
}

/** The API's name, description and version come from `info` (AWS-REC 2025-07-02: the import sets name and version). */
function servedInfo(document: JsonObject): JsonObject {
  const info = objectAt(document.info)
  const out: JsonObject = { title: stringAt(info.title) ?? '' }
  const description = stringAt(info.description)
  if (description !== undefined) out.description = description
  // Without one, the export shows the deployment's date: the diff ignores `info`.
  out.version = textAt(info.version) ?? ''
  return out
}

interface OperationAt {
  path: string
  item: JsonObject
  operation: JsonObject
}

/**
 * A method as the export writes it. API Gateway keeps no summary, description, tags or deprecation, nor the
 * request validator in this export (only `extensions=apigateway` shows it).
 */
function servedOperation(served: Served, at: OperationAt): JsonObject {
  const { operation } = at
  const out: JsonObject = {}
  // The operation id is kept as the method's operation name.
  const operationId = stringAt(operation.operationId)
  if (operationId !== undefined) out.operationId = operationId
  const parameters = servedParameters(served, at)
  if (parameters.length > 0) out.parameters = parameters
  const requestBody = servedRequestBody(served, at)
  if (requestBody !== undefined) out.requestBody = requestBody
  out.responses = servedResponses(served, operation)
  const security = served.security.requirements(operation)
  if (security.length > 0) out.security = security
  const integration = operation[INTEGRATION_KEY]
  if (isObject(integration)) out[INTEGRATION_KEY] = servedIntegration(integration)
  return out
}

/**
 * Method request parameters. API Gateway keeps only name, place and `required` ([DOC] known issues), so the export
 * types every one as a string; every path parameter is required, declared or not (AWS-REC 2025-07-02).
 */
function servedParameters(served: Served, { path, item, operation }: OperationAt): JsonObject[] {
  const parameters = new Map<string, { name: string; in: string; required: boolean }>()
  for (const match of path.matchAll(/\{([^}+]+)\+?\}/g)) {
    const name = match[1] as string
    parameters.set(`path:${name}`, { name, in: 'path', required: true })
  }
  // Path-level parameters first, then the operation's, which win for the same name and place.
  for (const raw of [...listAt(item.parameters), ...listAt(operation.parameters)]) {
    const parameter = objectAt(resolveLocalRef(served.document, raw))
    const place = stringAt(parameter.in)
    const name = stringAt(parameter.name)
    if (place === undefined || name === undefined || !PARAMETER_PLACES.has(place)) continue
    // A redeclared parameter keeps its place in the list (a Map keeps a key's first position).
    parameters.set(`${place}:${name}`, { name, in: place, required: place === 'path' || parameter.required === true })
  }
  return [...parameters.values()].map((p) => ({
    name: p.name,
    in: p.in,
    ...(p.required ? { required: true } : {}),
    schema: { type: 'string' },
  }))
}

/**
 * The request models by content type: an OpenAPI 3 request body, or a Swagger `in: body` parameter for each type the
 * operation consumes. API Gateway stores no "body required" flag, and the export always writes `required: true`.
 */
function servedRequestBody(served: Served, { item, operation }: OperationAt): JsonObject | undefined {
  const schemas: [string, unknown][] = []
  if (served.version === '2.0') {
    const parameters = [...listAt(item.parameters), ...listAt(operation.parameters)]
    const body = parameters.map((p) => objectAt(resolveLocalRef(served.document, p))).findLast((p) => p.in === 'body')
    if (body !== undefined) {
      for (const type of mediaTypes(served, operation, 'consumes')) schemas.push([type, body.schema])
    }
  }
  const requestBody = objectAt(resolveLocalRef(served.document, operation.requestBody))
  schemas.push(...contentSchemas(requestBody))
  const content = modelContent(served, schemas)
  return Object.keys(content).length > 0 ? { content, required: true } : undefined
}

/**
 * Method responses: status codes only (no `default`), described as `{code} response`, with their header names
 * and models; a response without a model has empty content (recorded exports, AWS-REC 2025-05).
 */
function servedResponses(served: Served, operation: JsonObject): JsonObject {
  const out: JsonObject = {}
  for (const [code, raw] of Object.entries(objectAt(operation.responses))) {
    if (!/^\d{3}$/.test(code)) continue
    const response = objectAt(resolveLocalRef(served.document, raw))
    const schemas: [string, unknown][] = []
    if (served.version === '2.0') {
      for (const type of mediaTypes(served, operation, 'produces')) schemas.push([type, response.schema])
    }
    schemas.push(...contentSchemas(response))
    const headers = Object.keys(objectAt(response.headers)).map((name) => [name, { schema: { type: 'string' } }])
    out[code] = {
      description: `${code} response`,
      ...(headers.length > 0 ? { headers: Object.fromEntries(headers) } : {}),
      content: modelContent(served, schemas),
    }
  }
  return out
}

/** OpenAPI 3 `content`: each media type with its schema. */
function contentSchemas(holder: JsonObject): [string, unknown][] {
  return Object.entries(objectAt(holder.content)).map(([type, media]) => [type, objectAt(media).schema])
}

/** Content by media type, each with the model its schema becomes; a schema that makes no model is left out. */
function modelContent(served: Served, schemas: [string, unknown][]): JsonObject {
  const content: JsonObject = {}
  for (const [type, schema] of schemas) {
    const ref = served.models.reference(schema)
    if (ref !== undefined) content[type] = { schema: ref }
  }
  return content
}

/** Swagger 2.0's content types for a body or response schema: the operation's, else the document's, else JSON. */
function mediaTypes(served: Served, operation: JsonObject, key: 'consumes' | 'produces'): string[] {
  return stringsAt(operation[key] ?? served.document[key]) ?? ['application/json']
}

/**
 * The prefix the import's `basepath` parameter puts before every path: none for `ignore`, the document's base
 * path for `prepend`, all but its first segment for `split`. In OpenAPI 3 a `basePath` server variable wins over
 * the server URL's path (AWS-REC 2025-07-02, test_import_rest_api_with_base_path_oas30).
 */
function basePathPrefix({ document, version }: DefinitionDocument, mode: BasePathMode): string {
  if (mode === 'ignore') return ''
  const server = objectAt(listAt(document.servers)[0])
  const variables = objectAt(server.variables)
  const declared =
    version === '2.0'
      ? stringAt(document.basePath)
      : (stringAt(objectAt(variables.basePath).default) ?? serverUrlPath(server, variables))
  const segments = (declared ?? '').split('/').filter(Boolean)
  const kept = mode === 'split' ? segments.slice(1) : segments
  return kept.length > 0 ? `/${kept.join('/')}` : ''
}

function serverUrlPath(server: JsonObject, variables: JsonObject): string {
  let url = stringAt(server.url) ?? ''
  for (const [name, variable] of Object.entries(variables)) {
    url = url.replaceAll(`{${name}}`, stringAt(objectAt(variable).default) ?? '')
  }
  return url.replace(/^[a-z]+:\/\/[^/]*/i, '')
}
