// GetExport `swagger` (OpenAPI 2.0): host and basePath as recorded (`{id}.execute-api.{region}.amazonaws.com`, `/{stage}`).
import type { MethodState } from '../types.js'
import { apigatewayTopLevel, methodValidator } from './api-level.js'
import {
  consumes,
  type ExportInput,
  exportedModels,
  exportedResources,
  exportVersion,
  type Json,
  methodParameters,
  operationKey,
  preferredModel,
  produces,
  responseHeaders,
  withIntegrations,
} from './common.js'
import { integrationExtension } from './integration.js'
import { methodSecurity } from './security.js'

const REF = '#/definitions/'

export function buildSwagger(input: ExportInput): Json {
  const { snapshot } = input.deployment
  const info: Json = {}
  if (snapshot.description) info.description = snapshot.description
  info.version = exportVersion(input)
  info.title = snapshot.name
  const securityDefinitions: Json = {}
  const paths: Json = {}
  for (const { resource, methods } of exportedResources(snapshot)) {
    const item: Json = {}
    for (const method of methods) {
      const security = methodSecurity(method, snapshot, input)
      Object.assign(securityDefinitions, security.definitions)
      item[operationKey(method.httpMethod)] = operation(method, security.requirement, input)
    }
    paths[resource.path] = item
  }
  const doc: Json = {
    swagger: '2.0',
    info,
    host: `${input.restApiId}.execute-api.${input.region}.amazonaws.com`,
    basePath: `/${input.stageName}`,
    schemes: ['https'],
    paths,
  }
  if (Object.keys(securityDefinitions).length > 0) doc.securityDefinitions = securityDefinitions
  const definitions = exportedModels(snapshot, REF)
  if (Object.keys(definitions).length > 0) doc.definitions = definitions
  return { ...doc, ...apigatewayTopLevel(input) }
}

function operation(method: MethodState, security: Json[], input: ExportInput): Json {
  const op: Json = {}
  if (method.operationName) op.operationId = method.operationName
  const consumed = consumes(method)
  if (consumed.length > 0) op.consumes = consumed
  const produced = produces(method)
  if (produced.length > 0) op.produces = produced
  const parameters: Json[] = methodParameters(method).map((p) => ({
    name: p.name,
    in: p.in,
    required: p.required,
    type: 'string',
  }))
  const bodyModel = preferredModel(method.requestModels)
  if (bodyModel)
    parameters.push({ in: 'body', name: bodyModel, required: true, schema: { $ref: `${REF}${bodyModel}` } })
  if (parameters.length > 0) op.parameters = parameters
  const responses: Json = {}
  for (const response of Object.values(method.methodResponses)) {
    const out: Json = { description: `${response.statusCode} response` }
    const model = preferredModel(response.responseModels)
    if (model) out.schema = { $ref: `${REF}${model}` }
    const headers = responseHeaders(response.responseParameters)
    if (headers.length > 0) out.headers = Object.fromEntries(headers.map((h) => [h, { type: 'string' }]))
    responses[response.statusCode] = out
  }
  op.responses = responses
  if (security.length > 0) op.security = security
  Object.assign(op, methodValidator(method, input))
  if (withIntegrations(input) && method.methodIntegration) {
    op['x-amazon-apigateway-integration'] = integrationExtension(method.methodIntegration)
  }
  return op
}
