// What CreateDeployment freezes: resources with their methods and integrations, models and API metadata.
import type { ApiSnapshot, RestApiState } from './types.js'

export function takeSnapshot(api: RestApiState): ApiSnapshot {
  const snapshot: ApiSnapshot = {
    name: api.name,
    binaryMediaTypes: [...api.binaryMediaTypes],
    apiKeySource: api.apiKeySource,
    resources: structuredClone([...api.resources.values()]),
    models: structuredClone([...api.models.values()]),
    authorizers: structuredClone([...api.authorizers.values()]),
  }
  if (api.description !== undefined) snapshot.description = api.description
  if (api.version !== undefined) snapshot.version = api.version
  return snapshot
}

/** AWS refuses to deploy an API without methods or with a method that has no integration. */
export function deployProblem(api: RestApiState): string | undefined {
  const methods = [...api.resources.values()].flatMap((r) => Object.values(r.methods))
  if (methods.length === 0) return "The REST API doesn't contain any methods"
  if (methods.some((m) => !m.methodIntegration)) return 'No integration defined for method'
  return undefined
}
