// `x-amazon-apigateway-integration` in AWS's export form: lower-case type and passthrough behaviour, keys left
// out when they hold AWS's default (recorded exports, AWS-REC 2025-05).
import type { IntegrationResponseState, IntegrationState } from '../types.js'
import type { Json } from './common.js'

const nonEmpty = (map: object | undefined) => map !== undefined && Object.keys(map).length > 0

export function integrationExtension(integration: IntegrationState): Json {
  const out: Json = { type: integration.type.toLowerCase() }
  if (integration.httpMethod) out.httpMethod = integration.httpMethod
  if (integration.uri) out.uri = integration.uri
  if (integration.credentials) out.credentials = integration.credentials
  if (integration.connectionType && integration.connectionType !== 'INTERNET') {
    out.connectionType = integration.connectionType
    if (integration.connectionId) out.connectionId = integration.connectionId
  }
  const responses = Object.values(integration.integrationResponses)
  if (responses.length > 0) {
    out.responses = Object.fromEntries(responses.map((r) => [r.selectionPattern || 'default', responseExtension(r)]))
  }
  if (nonEmpty(integration.requestParameters)) out.requestParameters = { ...integration.requestParameters }
  if (nonEmpty(integration.requestTemplates)) out.requestTemplates = { ...integration.requestTemplates }
  out.passthroughBehavior = integration.passthroughBehavior.toLowerCase()
  if (integration.contentHandling) out.contentHandling = integration.contentHandling
  if (integration.timeoutInMillis !== 29000) out.timeoutInMillis = integration.timeoutInMillis
  if (integration.cacheKeyParameters.length > 0) out.cacheKeyParameters = [...integration.cacheKeyParameters]
  if (integration.tlsConfig) out.tlsConfig = { ...integration.tlsConfig }
  return out
}

function responseExtension(response: IntegrationResponseState): Json {
  const out: Json = { statusCode: response.statusCode }
  if (nonEmpty(response.responseParameters)) out.responseParameters = { ...response.responseParameters }
  if (nonEmpty(response.responseTemplates)) out.responseTemplates = { ...response.responseTemplates }
  if (response.contentHandling) out.contentHandling = response.contentHandling
  return out
}
