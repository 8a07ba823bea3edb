// GetResources (all pages, methods embedded) → ApiResource[]: what method-settings keys can address.
import { paginateGetResources, type Resource } from '@aws-sdk/client-api-gateway'
import type { ApiResource } from '../model/state.js'
import { allItems, awsCall } from './aws-call.js'
import type { RestApiTarget } from './client.js'

function toApiResource(r: Resource): ApiResource {
  return { id: r.id ?? '', path: r.path ?? '', methods: Object.keys(r.resourceMethods ?? {}).sort() }
}

/** Every resource of the API with its methods. GetResources is limited to 5 requests every 2 s: 500 per page. */
export async function readResources({ client, restApiId }: RestApiTarget): Promise<ApiResource[]> {
  const resources = await awsCall({ operation: 'GetResources', restApiId }, () =>
    allItems(paginateGetResources({ client, pageSize: 500 }, { restApiId, embed: ['methods'] })),
  )
  return resources.map(toApiResource)
}
