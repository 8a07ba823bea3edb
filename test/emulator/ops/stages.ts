// CreateStage, GetStage, GetStages, UpdateStage, DeleteStage, FlushStageCache.
import { canaryForNewStage, deploymentIdMustExist } from '../canary.js'
import type { Handler, RequestContext } from '../context.js'
import { conflict } from '../errors.js'
import { optBool, optMap, optNumber, optObject, optString, patchOperations } from '../input.js'
import { stageToWire } from '../serialize.js'
import { checkStageQuota, newStage } from '../stage-factory.js'
import { applyStagePatch, settleCacheCluster } from '../stage-patch.js'
import { getRestApi, getStage, stageArn } from '../state.js'
import type { RestApiState, StageState } from '../types.js'
import { validateStageName, validateTags } from '../validation.js'

export function stageJson(ctx: RequestContext, api: RestApiState, stage: StageState) {
  settleCacheCluster(stage, ctx.now)
  return stageToWire(stage, ctx.state.tags.get(stageArn(ctx.state, api.id, stage.stageName)))
}

function apiAndStage(ctx: RequestContext) {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  return { api, stage: getStage(api, ctx.params.stageName as string) }
}

export const createStage: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  const stageName = optString(ctx.body, 'stageName') ?? ''
  validateStageName(stageName)
  if (api.stages.has(stageName)) throw conflict('Stage already exists')
  checkStageQuota(api, ctx.options.stagesPerApi)
  const deploymentId = deploymentIdMustExist(api, optString(ctx.body, 'deploymentId'))
  const stage = newStage(
    {
      stageName,
      deploymentId,
      description: optString(ctx.body, 'description'),
      variables: optMap<string>(ctx.body, 'variables', 'string'),
      cacheClusterEnabled: optBool(ctx.body, 'cacheClusterEnabled'),
      cacheClusterSize: optString(ctx.body, 'cacheClusterSize'),
      tracingEnabled: optBool(ctx.body, 'tracingEnabled'),
      documentationVersion: optString(ctx.body, 'documentationVersion'),
    },
    ctx.now,
  )
  const canary = optObject(ctx.body, 'canarySettings')
  if (canary) {
    stage.canarySettings = canaryForNewStage(api, deploymentId, {
      deploymentId: optString(canary, 'deploymentId'),
      percentTraffic: optNumber(canary, 'percentTraffic'),
      stageVariableOverrides: optMap<string>(canary, 'stageVariableOverrides', 'string'),
      useStageCache: optBool(canary, 'useStageCache'),
    })
  }
  const tags = optMap<string>(ctx.body, 'tags', 'string')
  if (tags) validateTags(tags)
  api.stages.set(stageName, stage)
  if (tags && Object.keys(tags).length > 0) ctx.state.tags.set(stageArn(ctx.state, api.id, stageName), tags)
  return { status: 201, json: stageJson(ctx, api, stage) }
}

export const getStageOp: Handler = (ctx) => {
  const { api, stage } = apiAndStage(ctx)
  return { status: 200, json: stageJson(ctx, api, stage) }
}

/** GetStages is not paginated and lists under `item`. The `deploymentId` filter matches production only. */
export const getStages: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  const deploymentId = ctx.query.get('deploymentId')
  const stages = [...api.stages.values()].filter((s) => !deploymentId || s.deploymentId === deploymentId)
  return { status: 200, json: { item: stages.map((s) => stageJson(ctx, api, s)) } }
}

export const updateStage: Handler = (ctx) => {
  const { api, stage } = apiAndStage(ctx)
  const updated = applyStagePatch(api, stage, patchOperations(ctx.body), ctx.now, ctx.options.cacheClusterTransitionMs)
  api.stages.set(updated.stageName, updated)
  return { status: 200, json: stageJson(ctx, api, updated) }
}

export const deleteStage: Handler = (ctx) => {
  const { api, stage } = apiAndStage(ctx)
  api.stages.delete(stage.stageName)
  ctx.state.tags.delete(stageArn(ctx.state, api.id, stage.stageName))
  return { status: 202 }
}

export const flushStageCache: Handler = (ctx) => {
  const { stage } = apiAndStage(ctx)
  stage.cacheFlushes += 1
  return { status: 202 }
}
