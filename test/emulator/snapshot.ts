// What CreateDeployment freezes: resources, methods, integrations, models, authorizers, validators, gateway
// responses and the API-level settings an export shows.
import type { ApiSnapshot, RestApiState } from './types.js'

export function takeSnapshot(api: RestApiState): ApiSnapshot {
  const snapshot: ApiSnapshot = {
    name: api.name,
    binaryMediaTypes: [...api.binaryMediaTypes],
    apiKeySource: api.apiKeySource,
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
    resources: structuredClone([...api.resources.values()]),
    models: structuredClone([...api.models.values()]),
    authorizers: structuredClone([...api.authorizers.values()]),
    requestValidators: structuredClone([...api.requestValidators.values()]),
    gatewayResponses: structuredClone([...api.gatewayResponses.values()]),
  }
  if (api.description !== undefined) snapshot.description = api.description
  if (api.version !== undefined) snapshot.version = api.version
  if (api.minimumCompressionSize !== undefined) snapshot.minimumCompressionSize = api.minimumCompressionSize
  if (api.policy !== undefined) snapshot.policy = api.policy
  const vpcEndpointIds = api.endpointConfiguration.vpcEndpointIds
  if (vpcEndpointIds?.length) snapshot.vpcEndpointIds = [...vpcEndpointIds]
  return snapshot
}

/** AWS refuses to deploy an API without methods or with a method that has no integration. */
export function deployProblem(api: RestApiState): string | undefined {
  const methods = [...api.resources.values()].flatMap((r) => Object.values(r.methods))
  if (methods.length === 0) return "The REST API doesn't contain any methods"
  if (methods.some((m) => !m.methodIntegration)) return 'No integration defined for method'
  return undefined
}
