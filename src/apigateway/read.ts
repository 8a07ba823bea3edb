// The read step: current state from AWS, converted to domain types. Reads only.
import {
  type APIGatewayClient,
  GetRestApiCommand,
  GetStageCommand,
  paginateGetRestApis,
  type RestApi,
} from '@aws-sdk/client-api-gateway'
import type { ReadState, RestApiInfo, RestApiSelector, StageState } from '../types.js'
import { AwsCallError, isNotFound } from './aws-error.js'
import { toRestApiInfo, toStageState } from './stage-state.js'

/** Finds the REST API by id, or by an exact name that must match exactly one API. */
export async function resolveRestApi(client: APIGatewayClient, selector: RestApiSelector): Promise<RestApiInfo> {
  if (selector.kind === 'id') {
    try {
      return toRestApiInfo(await client.send(new GetRestApiCommand({ restApiId: selector.id })))
    } catch (err) {
      if (isNotFound(err)) {
        throw new Error(
          `REST API '${selector.id}' (input 'rest-api-id') was not found in this account and region. Check the id and the 'region' input.`,
        )
      }
      throw new AwsCallError({ operation: 'GetRestApi', restApiId: selector.id }, err)
    }
  }
  const all: RestApi[] = []
  try {
    for await (const page of paginateGetRestApis({ client, pageSize: 500 }, {})) all.push(...(page.items ?? []))
  } catch (err) {
    throw new AwsCallError({ operation: 'GetRestApis' }, err)
  }
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
      (names.length ? `APIs in this region: ${names.join(', ')}${all.length > 20 ? ', …' : ''}.` : 'This region has no REST APIs.'),
  )
}

/** The stage, or undefined when it does not exist. */
export async function readStage(
  client: APIGatewayClient,
  restApiId: string,
  stageName: string,
): Promise<StageState | undefined> {
  try {
    return toStageState(await client.send(new GetStageCommand({ restApiId, stageName })))
  } catch (err) {
    if (isNotFound(err)) return undefined
    throw new AwsCallError({ operation: 'GetStage', restApiId, stageName }, err)
  }
}

/**
 * Everything the planners need, with independent reads in parallel: one round trip when the API is
 * given by id (GetRestApi ‖ GetStage ‖ GetStage of promote-from), two when it is looked up by name.
 */
export async function readState(
  client: APIGatewayClient,
  request: { api: RestApiSelector; stage: string; promoteFrom?: string | undefined; region: string },
): Promise<ReadState> {
  const stageReads = (restApiId: string) =>
    Promise.all([
      readStage(client, restApiId, request.stage),
      request.promoteFrom ? readStage(client, restApiId, request.promoteFrom) : Promise.resolve(undefined),
    ])
  let api: RestApiInfo
  let stage: StageState | undefined
  let sourceStage: StageState | undefined
  if (request.api.kind === 'id') {
    // Started together; if the API does not exist, GetRestApi's clear message wins over the stage 404s.
    const stages = stageReads(request.api.id)
    stages.catch(() => undefined)
    api = await resolveRestApi(client, request.api)
    ;[stage, sourceStage] = await stages
  } else {
    api = await resolveRestApi(client, request.api)
    ;[stage, sourceStage] = await stageReads(api.id)
  }
  const state: ReadState = { api, region: request.region }
  if (stage) state.stage = stage
  if (sourceStage) state.sourceStage = sourceStage
  return state
}
