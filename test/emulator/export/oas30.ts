// GetExport `oas30` (OpenAPI 3.0.1): servers[0].url with the `basePath` variable defaulting to the stage (recorded).
import type { MethodState } from '../types.js'
import { apigatewayTopLevel, methodValidator } from './api-level.js'
import {
  type ExportInput,
  exportedModels,
  exportedResources,
  exportVersion,
  type Json,
  methodParameters,
  operationKey,
  responseHeaders,
  withIntegrations,
} from './common.js'
import { integrationExtension } from './integration.js'
import { methodSecurity } from './security.js'

const REF = '#/components/schemas/'

export function buildOas30(input: ExportInput): Json {
  const { snapshot } = input.deployment
  const info: Json = { title: snapshot.name }
  if (snapshot.description) info.description = snapshot.description
  info.version = exportVersion(input)
  const securitySchemes: Json = {}
  const paths: Json = {}
  for (const { resource, methods } of exportedResources(snapshot)) {
    const item: Json = {}
    for (const method of methods) {
      const security = methodSecurity(method, snapshot, input)
      Object.assign(securitySchemes, security.definitions)
      item[operationKey(method.httpMethod)] = operation(method, security.requirement, input)
    }
    paths[resource.path] = item
  }
  const components: Json = {}
  const schemas = exportedModels(snapshot, REF)
  if (Object.keys(schemas).length > 0) components.schemas = schemas
  if (Object.keys(securitySchemes).length > 0) components.securitySchemes = securitySchemes
  return {
    openapi: '3.0.1',
    info,
    servers: [
      {
        url: `https://${input.restApiId}.execute-api.${input.region}.amazonaws.com/{basePath}`,
        variables: { basePath: { default: input.stageName } },
      },
    ],
    paths,
    components,
    ...apigatewayTopLevel(input),
  }
}

function operation(method: MethodState, security: Json[], input: ExportInput): Json {
  const op: Json = {}
  if (method.operationName) op.operationId = method.operationName
  const parameters = methodParameters(method).map((p) => ({
    name: p.name,
    in: p.in,
    ...(p.required ? { required: true } : {}),
    schema: { type: 'string' },
  }))
  if (parameters.length > 0) op.parameters = parameters
  const requestModels = Object.entries(method.requestModels ?? {})
  if (requestModels.length > 0) {
    op.requestBody = {
      content: Object.fromEntries(requestModels.map(([type, model]) => [type, { schema: { $ref: `${REF}${model}` } }])),
      required: true,
    }
  }
  const responses: Json = {}
  for (const response of Object.values(method.methodResponses)) {
    const out: Json = { description: `${response.statusCode} response` }
    const headers = responseHeaders(response.responseParameters)
    if (headers.length > 0) out.headers = Object.fromEntries(headers.map((h) => [h, { schema: { type: 'string' } }]))
    out.content = Object.fromEntries(
      Object.entries(response.responseModels ?? {}).map(([type, model]) => [
        type,
        { schema: { $ref: `${REF}${model}` } },
      ]),
    )
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
