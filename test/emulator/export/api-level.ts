// What `extensions=apigateway` adds: API-level settings at the top and each method's request validator.
import type { GatewayResponseState, MethodState } from '../types.js'
import { type ExportInput, type Json, withApigateway } from './common.js'

export function apigatewayTopLevel(input: ExportInput): Json {
  if (!withApigateway(input)) return {}
  const { snapshot } = input.deployment
  const out: Json = {}
  if (snapshot.binaryMediaTypes.length > 0) {
    out['x-amazon-apigateway-binary-media-types'] = [...snapshot.binaryMediaTypes]
  }
  if (snapshot.apiKeySource !== 'HEADER') out['x-amazon-apigateway-api-key-source'] = snapshot.apiKeySource
  if (snapshot.minimumCompressionSize !== undefined) {
    out['x-amazon-apigateway-minimum-compression-size'] = snapshot.minimumCompressionSize
  }
  if (snapshot.policy !== undefined) out['x-amazon-apigateway-policy'] = policyDocument(snapshot.policy)
  if (snapshot.disableExecuteApiEndpoint || snapshot.vpcEndpointIds) {
    out['x-amazon-apigateway-endpoint-configuration'] = {
      ...(snapshot.vpcEndpointIds ? { vpcEndpointIds: [...snapshot.vpcEndpointIds] } : {}),
      disableExecuteApiEndpoint: snapshot.disableExecuteApiEndpoint,
    }
  }
  if (snapshot.gatewayResponses.length > 0) {
    out['x-amazon-apigateway-gateway-responses'] = Object.fromEntries(
      snapshot.gatewayResponses.map((r) => [r.responseType, gatewayResponse(r)]),
    )
  }
  if (snapshot.requestValidators.length > 0) {
    out['x-amazon-apigateway-request-validators'] = Object.fromEntries(
      snapshot.requestValidators.map((v) => [
        v.name,
        { validateRequestBody: v.validateRequestBody, validateRequestParameters: v.validateRequestParameters },
      ]),
    )
  }
  return out
}

/** `x-amazon-apigateway-request-validator` of one method, by validator name. */
export function methodValidator(method: MethodState, input: ExportInput): Json {
  if (!withApigateway(input) || !method.requestValidatorId) return {}
  const validator = input.deployment.snapshot.requestValidators.find((v) => v.id === method.requestValidatorId)
  return validator ? { 'x-amazon-apigateway-request-validator': validator.name } : {}
}

/** The policy is stored as JSON text and exported as an object. */
function policyDocument(policy: string): unknown {
  try {
    return JSON.parse(policy)
  } catch {
    return policy
  }
}

/** A numeric status code is exported as a number, as in real exports. */
function gatewayResponse(response: GatewayResponseState): Json {
  const out: Json = {}
  if (response.statusCode)
    out.statusCode = /^\d+$/.test(response.statusCode) ? Number(response.statusCode) : response.statusCode
  if (response.responseParameters) out.responseParameters = { ...response.responseParameters }
  if (response.responseTemplates) out.responseTemplates = { ...response.responseTemplates }
  return out
}
