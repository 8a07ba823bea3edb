// `preview-isolation: api`: finds this pull request's preview API by its tags (GetRestApis returns them), never by
// name alone, along with what the planners need around it: the source API, this repository's other preview APIs,
// an API already using the preview's name, how many APIs of the endpoint type the region has, and the base path
// mappings a deletion must remove first. Reads only.
import { type APIGatewayClient, paginateGetRestApis, type RestApi } from '@aws-sdk/client-api-gateway'
import type { RestApiSelector } from '../inputs/types.js'
import type { BasePathMappingState, EndpointType, PreviewApi, PreviewState, ReadState } from '../model/state.js'
import {
  PREVIEW_DEPLOYED_AT_TAG,
  PREVIEW_OF_TAG,
  PREVIEW_PULL_REQUEST_TAG,
  PREVIEW_REPOSITORY_TAG,
} from '../model/tags.js'
import { allItems, awsCall } from './aws-call.js'
import { readMappingsWhere } from './domain.js'
import { definitionBefore, resolveRestApi } from './read.js'

export interface PreviewRequest {
  source: RestApiSelector
  repository: string
  pullRequest: number
  /** `preview-api-name`, else `<source API name>-<stage>`. */
  name: string | undefined
  stage: string
  endpointType: EndpointType
  /** Read the base path mappings of this repository's preview APIs (delete, prune). */
  mappings: boolean
  /** A stage of the source API whose export the diff compares with (`diff-against`). */
  diffAgainst: string | undefined
}

export interface PreviewRead {
  preview: PreviewState
  definitionBefore?: ReadState['definitionBefore']
}

/** The preview tags of an API, if it carries this action's marker. */
function toPreviewApi(api: RestApi): PreviewApi | undefined {
  const tags = api.tags ?? {}
  const sourceId = tags[PREVIEW_OF_TAG]
  if (!sourceId || !api.id) return undefined
  return {
    id: api.id,
    name: api.name ?? '',
    endpointType: api.endpointConfiguration?.types?.[0] ?? 'EDGE',
    sourceId,
    repository: tags[PREVIEW_REPOSITORY_TAG] ?? '',
    pullRequest: tags[PREVIEW_PULL_REQUEST_TAG] ?? '',
    ...(tags[PREVIEW_DEPLOYED_AT_TAG] ? { deployedAt: tags[PREVIEW_DEPLOYED_AT_TAG] } : {}),
    ...(api.createdDate ? { createdDate: api.createdDate.toISOString() } : {}),
  }
}

export async function readPreviewApis(client: APIGatewayClient, request: PreviewRequest): Promise<PreviewRead> {
  const listed = awsCall({ operation: 'GetRestApis' }, () =>
    allItems(paginateGetRestApis({ client, pageSize: 500 }, {})),
  )
  listed.catch(() => undefined)
  const source = await resolveRestApi(client, request.source)
  const all = await listed
  const name = request.name ?? `${source.name}-${request.stage}`
  const repository = all
    .map(toPreviewApi)
    .filter((p): p is PreviewApi => p !== undefined && p.repository === request.repository && p.id !== source.id)
  const mine = repository.filter((p) => p.sourceId === source.id && p.pullRequest === String(request.pullRequest))
  const taken = all.find((api) => api.name === name && !mine.some((p) => p.id === api.id))
  const [mappings, before] = await Promise.all([
    request.mappings ? readMappingsToApis(client, new Set(repository.map((p) => p.id))) : Promise.resolve([]),
    request.diffAgainst ? definitionBefore({ client, restApiId: source.id }, request.diffAgainst) : undefined,
  ])
  const preview: PreviewState = {
    source,
    name,
    owner: { repository: request.repository, pullRequest: request.pullRequest },
    mine,
    repository,
    ...(taken?.id ? { nameTakenBy: { id: taken.id, name } } : {}),
    sameTypeCount: all.filter((api) => (api.endpointConfiguration?.types?.[0] ?? 'EDGE') === request.endpointType)
      .length,
    mappings,
  }
  return { preview, ...(before ? { definitionBefore: before } : {}) }
}

/** Every base path mapping, on any custom domain of the region, that points at one of these APIs. */
async function readMappingsToApis(client: APIGatewayClient, apiIds: Set<string>): Promise<BasePathMappingState[]> {
  return apiIds.size ? readMappingsWhere(client, (m) => apiIds.has(m.restApiId)) : []
}
