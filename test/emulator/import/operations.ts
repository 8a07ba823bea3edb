// Paths and operations → resources and methods (parameters, request and response models, security, integration).
import type { Dict, MethodResponseState } from '../types.js'
import { PATH_PART, PATH_PART_MESSAGE } from '../validation.js'
import type { SecuritySchemes } from './api-level.js'
import type { ImportedMethod, ImportProblems } from './definition.js'
import { type OpenApiVersion, resolveRef } from './document.js'
import { readIntegration } from './integration.js'
import type { ModelRegistry } from './models.js'
import { isObj, list, type Obj, obj, str, strings } from './values.js'

/** OpenAPI operation keys and the HTTP method API Gateway stores for each. */
const VERBS: Dict<string> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  patch: 'PATCH',
  head: 'HEAD',
  options: 'OPTIONS',
  'x-amazon-apigateway-any-method': 'ANY',
}
const PARAMETER_LOCATIONS: Dict<string> = { path: 'path', query: 'querystring', header: 'header' }

export interface OperationsInput {
  doc: Obj
  version: OpenApiVersion
  /** Prepended to every path by the base-path rule ('' for none). */
  prefix: string
  schemes: SecuritySchemes
  validators: Set<string>
  models: ModelRegistry
  problems: ImportProblems
}

export function readPaths(input: OperationsInput): Map<string, Dict<ImportedMethod>> {
  const paths = new Map<string, Dict<ImportedMethod>>()
  for (const [rawPath, rawItem] of Object.entries(obj(input.doc.paths))) {
    const path = `${input.prefix}${rawPath}`.replace(/(.)\/+$/, '$1') || '/'
    if (!validPath(path)) {
      input.problems.error(`Unable to create resource at path '${path}': ${PATH_PART_MESSAGE}`)
      continue
    }
    const item = obj(rawItem)
    const methods = paths.get(path) ?? {}
    for (const [verb, httpMethod] of Object.entries(VERBS)) {
      if (isObj(item[verb])) methods[httpMethod] = readMethod(input, { path, httpMethod, item, op: item[verb] })
    }
    paths.set(path, methods)
  }
  return paths
}

function validPath(path: string): boolean {
  if (!path.startsWith('/')) return false
  const parts = path.split('/').filter(Boolean)
  return parts.every((part, i) => PATH_PART.test(part) && (!part.endsWith('+}') || i === parts.length - 1))
}

interface OperationAt {
  path: string
  httpMethod: string
  item: Obj
  op: Obj
}

function readMethod(input: OperationsInput, at: OperationAt): ImportedMethod {
  const { op, httpMethod, path } = at
  const where = `Unable to put method '${httpMethod}' on resource at path '${path}'`
  const method: ImportedMethod = { httpMethod, authorizationType: 'NONE', apiKeyRequired: false, methodResponses: {} }
  const operationId = str(op.operationId)
  if (operationId) method.operationName = operationId
  applySecurity(input, at, method)
  readRequest(input, at, method, where)
  for (const [statusCode, raw] of Object.entries(obj(op.responses))) {
    if (/^\d{3}$/.test(statusCode)) {
      method.methodResponses[statusCode] = readResponse(input, at, statusCode, resolveRef(input.doc, raw), where)
    }
  }
  const validator = str(
    op['x-amazon-apigateway-request-validator'] ?? input.doc['x-amazon-apigateway-request-validator'],
  )
  if (validator !== undefined) {
    if (input.validators.has(validator)) method.requestValidatorName = validator
    else input.problems.error(`${where}: Invalid request validator specified: ${validator}`)
  }
  const integration = op['x-amazon-apigateway-integration']
  if (isObj(integration)) {
    const stored = readIntegration(integration, { httpMethod, path }, input.problems)
    if (stored) method.methodIntegration = stored
  }
  return method
}

/** Operation `security`, else the document's (applied by AWS [AWS-REC 2025-07-02]); `x-amazon-apigateway-auth`. */
function applySecurity(input: OperationsInput, { op, path, httpMethod }: OperationAt, method: ImportedMethod): void {
  const requirements = Array.isArray(op.security) ? op.security : list(input.doc.security)
  for (const requirement of requirements) {
    for (const [name, scopes] of Object.entries(obj(requirement))) {
      const authorizerType = input.schemes.authorizers.get(name)
      if (input.schemes.apiKeys.has(name)) method.apiKeyRequired = true
      else if (input.schemes.sigv4.has(name)) method.authorizationType = 'AWS_IAM'
      else if (authorizerType) {
        const cognito = authorizerType === 'COGNITO_USER_POOLS'
        Object.assign(method, { authorizationType: cognito ? 'COGNITO_USER_POOLS' : 'CUSTOM', authorizerName: name })
        const granted = strings(scopes) ?? []
        if (cognito && granted.length > 0) method.authorizationScopes = granted
      } else {
        input.problems.warn(
          `Security requirement '${name}' of method '${httpMethod}' on resource '${path}' names no security definition and was ignored`,
        )
      }
    }
  }
  const authType = str(obj(op['x-amazon-apigateway-auth']).type)?.toUpperCase()
  if (authType === 'AWS_IAM' || authType === 'NONE') method.authorizationType = authType
}

/** Parameters (path-level, then operation-level), the path's own parameters, the request body's models. */
function readRequest(input: OperationsInput, at: OperationAt, method: ImportedMethod, where: string): void {
  const requestParameters: Dict<boolean> = {}
  for (const name of at.path.matchAll(/\{([^}+]+)\+?\}/g)) requestParameters[`method.request.path.${name[1]}`] = true
  const requestModels: Dict<string> = {}
  for (const raw of [...list(at.item.parameters), ...list(at.op.parameters)]) {
    const param = obj(resolveRef(input.doc, raw))
    const location = PARAMETER_LOCATIONS[str(param.in) ?? '']
    const name = str(param.name)
    if (param.in === 'body') {
      const model = input.models.modelFor(param.schema, where)
      const types = strings(at.op.consumes ?? input.doc.consumes) ?? ['application/json']
      if (model) for (const type of types) requestModels[type] = model
    } else if (location && name) {
      requestParameters[`method.request.${location}.${name}`] = location === 'path' || param.required === true
    }
  }
  const body = obj(resolveRef(input.doc, at.op.requestBody))
  for (const [type, media] of Object.entries(obj(body.content))) {
    const model = input.models.modelFor(obj(media).schema, where)
    if (model) requestModels[type] = model
  }
  if (Object.keys(requestParameters).length > 0) method.requestParameters = requestParameters
  if (Object.keys(requestModels).length > 0) method.requestModels = requestModels
}

function readResponse(
  input: OperationsInput,
  at: OperationAt,
  statusCode: string,
  raw: unknown,
  where: string,
): MethodResponseState {
  const response = obj(raw)
  const result: MethodResponseState = { statusCode }
  const headers = Object.keys(obj(response.headers))
  if (headers.length > 0) {
    result.responseParameters = Object.fromEntries(headers.map((h) => [`method.response.header.${h}`, false]))
  }
  const models: Dict<string> = {}
  if (input.version === 'swagger2') {
    const model = input.models.modelFor(response.schema, where)
    const types = strings(at.op.produces ?? input.doc.produces) ?? ['application/json']
    if (model) for (const type of types) models[type] = model
  }
  for (const [type, media] of Object.entries(obj(response.content))) {
    const model = input.models.modelFor(obj(media).schema, where)
    if (model) models[type] = model
  }
  if (Object.keys(models).length > 0) result.responseModels = models
  return result
}
