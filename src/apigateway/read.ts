// The read step: current state from AWS, converted to domain types. Reads only.
import { type APIGatewayClient, GetRestApiCommand, paginateGetRestApis } from '@aws-sdk/client-api-gateway'
import type { MethodSettingOverride, RestApiSelector } from '../inputs/types.js'
import { errorMessage } from '../lib/errors.js'
import type { ApiResource, ReadState, RestApiInfo, StageState } from '../model/state.js'
import { allItems, awsCall } from './aws-call.js'
import type { RestApiTarget } from './client.js'
import { readDefinition } from './definitions.js'
import { readDomain, readMappingsTo } from './domain.js'
import { readResources } from './resources.js'
import { toRestApiInfo } from './stage-state.js'
import { listStages, readStage } from './stages.js'
import { readUsagePlans } from './usage-plans.js'

/** Finds the REST API by id, or by an exact name that must match exactly one API. */
export async function resolveRestApi(client: APIGatewayClient, selector: RestApiSelector): Promise<RestApiInfo> {
  if (selector.kind === 'id') {
    const api = await awsCall(
      { operation: 'GetRestApi', restApiId: selector.id },
      () => client.send(new GetRestApiCommand({ restApiId: selector.id })),
      { allowNotFound: true },
    )
    if (!api) {
      throw new Error(
        `REST API '${selector.id}' (input 'rest-api-id') was not found in this account and region. Check the id and the 'region' input.`,
      )
    }
    return toRestApiInfo(api)
  }
  const all = await awsCall({ operation: 'GetRestApis' }, () =>
    allItems(paginateGetRestApis({ client, pageSize: 500 }, {})),
  )
  const matches = all.filter((api) => api.name === selector.name)
  if (matches.length === 1 && matches[0]) return toRestApiInfo(matches[0])
  if (matches.length > 1) {
    const ids = matches.map((m) => `${m.id} (created ${m.createdDate?.toISOString() ?? 'unknown'})`).join(', ')
    throw new Error(
      `Input 'rest-api-name': ${matches.length} REST APIs are named '${selector.name}': ${ids}. Use 'rest-api-id' to pick one.`,
    )
  }
  const names = all
    .map((api) => api.name ?? '')
    .sort()
    .slice(0, 20)
  throw new Error(
    `Input 'rest-api-name': no REST API is named '${selector.name}' (names are matched exactly). ` +
      (names.length
        ? `APIs in this region: ${names.join(', ')}${all.length > 20 ? ', …' : ''}.`
        : 'This region has no REST APIs.'),
  )
}

/** What readState reads; the optional fields add reads only when the inputs need them. */
export interface ReadRequest {
  api: RestApiSelector
  stage: string
  promoteFrom?: string | undefined
  region: string
  /** Non-empty: read the API's resources (GetResources, all pages, methods embedded). */
  methodSettings?: MethodSettingOverride[] | undefined
  /** Read the custom domain and its mapping for the base path (GetDomainName ‖ GetBasePathMappings). */
  domain?: { name: string; basePath: string } | undefined
  /** Non-empty: GetUsagePlan for each id. */
  usagePlanIds?: string[] | undefined
  /**
   * Stages this run may delete: `delete` removes `stage`; pruning removes stale stages matching the pattern.
   * Reads the candidates (GetStages, for pruning) and every base path mapping pointing at them.
   */
  cleanup?: { deleteStage: boolean; prunePattern?: RegExp | undefined } | undefined
  /** Export this stage's API definition with the other reads (before anything changes). */
  definitionOf?: string | undefined
}

/** Starts a read now; its failure surfaces only when awaited (no unhandled rejection meanwhile). */
function started<T>(read: () => Promise<T>): Promise<T> {
  const promise = read()
  promise.catch(() => undefined)
  return promise
}

/**
 * Everything the planners need, with independent reads in parallel: one round trip when the API is
 * given by id (GetRestApi ‖ GetStage ‖ GetStage of promote-from ‖ GetResources ‖ domain ‖ usage plans),
 * two when it is looked up by name (domain and usage plans still start at once).
 */
export async function readState(client: APIGatewayClient, request: ReadRequest): Promise<ReadState> {
  const apiReads = (restApiId: string) => {
    const target = { client, restApiId }
    return Promise.all([
      readStage(target, request.stage),
      request.promoteFrom ? readStage(target, request.promoteFrom) : Promise.resolve(undefined),
      request.methodSettings?.length ? readResources(target) : Promise.resolve(undefined),
      request.definitionOf ? definitionBefore(target, request.definitionOf) : Promise.resolve(undefined),
    ])
  }
  const domain = started(() => (request.domain ? readDomain(client, request.domain) : Promise.resolve(undefined)))
  const usagePlans = started(() =>
    request.usagePlanIds?.length ? readUsagePlans(client, request.usagePlanIds) : Promise.resolve(undefined),
  )
  let api: RestApiInfo
  let stage: StageState | undefined
  let sourceStage: StageState | undefined
  let resources: ApiResource[] | undefined
  let definition: ReadState['definitionBefore']
  const selector = request.api
  if (selector.kind === 'id') {
    // Started together; if the API does not exist, GetRestApi's clear message wins over the other failures.
    const reads = started(() => apiReads(selector.id))
    api = await resolveRestApi(client, selector)
    ;[stage, sourceStage, resources, definition] = await reads
  } else {
    api = await resolveRestApi(client, request.api)
    ;[stage, sourceStage, resources, definition] = await apiReads(api.id)
  }
  const state: ReadState = { api, region: request.region }
  if (request.cleanup) {
    Object.assign(state, await readCleanup({ client, restApiId: api.id }, request.stage, request.cleanup))
  }
  if (stage) state.stage = stage
  if (sourceStage) state.sourceStage = sourceStage
  if (resources) state.resources = resources
  if (definition) state.definitionBefore = definition
  const domainState = await domain
  if (domainState) state.domain = domainState
  const plans = await usagePlans
  if (plans) state.usagePlans = plans
  return state
}

/** Preview stages that may be pruned, and the mappings pointing at anything this run may delete. */
async function readCleanup(
  api: RestApiTarget,
  stage: string,
  cleanup: NonNullable<ReadRequest['cleanup']>,
): Promise<Pick<ReadState, 'previewStages' | 'stageMappings'>> {
  const pattern = cleanup.prunePattern
  const previewStages = pattern
    ? (await listStages(api)).filter((s) => s.stageName !== stage && pattern.test(s.stageName))
    : undefined
  const names = [...(cleanup.deleteStage ? [stage] : []), ...(previewStages ?? []).map((s) => s.stageName)]
  const stageMappings = await readMappingsTo(api, names)
  return { ...(previewStages ? { previewStages } : {}), stageMappings }
}

/** The stage's served definition; a failure is recorded, not thrown: it only costs the diff. */
export function definitionBefore(
  api: RestApiTarget,
  stageName: string,
): Promise<NonNullable<ReadState['definitionBefore']>> {
  return readDefinition(api, { kind: 'stage', stageName }).then(
    (definition) => (definition ? { stageName, definition } : { stageName }),
    (err: unknown) => ({ stageName, failed: errorMessage(err) }),
  )
}
