// GetResources (all pages, methods embedded) → ApiResource[]: what method-settings keys can address.
import { type APIGatewayClient, paginateGetResources, type Resource } from '@aws-sdk/client-api-gateway'
import type { ApiResource } from '../model/state.js'
import { AwsCallError } from './aws-error.js'

export function toApiResource(r: Resource): ApiResource {
  return { id: r.id ?? '', path: r.path ?? '', methods: Object.keys(r.resourceMethods ?? {}).sort() }
}

/** Every resource of the API with its methods. GetResources is limited to 5 requests every 2 s: 500 per page. */
export async function readResources(client: APIGatewayClient, restApiId: string): Promise<ApiResource[]> {
  const resources: ApiResource[] = []
  try {
    for await (const page of paginateGetResources({ client, pageSize: 500 }, { restApiId, embed: ['methods'] })) {
      resources.push(...(page.items ?? []).map(toApiResource))
    }
  } catch (err) {
    throw new AwsCallError({ operation: 'GetResources', restApiId }, err)
  }
  return resources
}
