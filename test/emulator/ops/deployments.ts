// CreateDeployment (with the stage and canary rules), GetDeployment(s), UpdateDeployment, DeleteDeployment.
import {
  canaryDeploymentTarget,
  type DeploymentCanaryInput,
  pointCanaryAt,
  rejectPlainDeployOnCanaryStage,
} from '../canary.js'
import type { Handler, RequestContext } from '../context.js'
import { badRequest } from '../errors.js'
import { newId } from '../ids.js'
import { optBool, optMap, optNumber, optObject, optString, patchOperations } from '../input.js'
import { paginate } from '../pagination.js'
import { deploymentToWire } from '../serialize.js'
import { deployProblem, takeSnapshot } from '../snapshot.js'
import { checkStageQuota, newStage, validateCacheClusterSize } from '../stage-factory.js'
import { getDeployment, getRestApi } from '../state.js'
import type { DeploymentState, Dict, StageState } from '../types.js'
import { validateStageName, validateVariables } from '../validation.js'

function canaryInput(ctx: RequestContext): DeploymentCanaryInput | undefined {
  const raw = optObject(ctx.body, 'canarySettings')
  if (!raw) return undefined
  return {
    percentTraffic: optNumber(raw, 'percentTraffic'),
    stageVariableOverrides: optMap<string>(raw, 'stageVariableOverrides', 'string'),
    useStageCache: optBool(raw, 'useStageCache'),
  }
}

/**
 * Stage fields of a plain CreateDeployment on an existing stage. `variables` merge by default
 * (`deploymentVariables: 'replace'` replaces the map instead): AWS's behaviour here was not observed.
 */
function updateExistingStage(ctx: RequestContext, stage: StageState, deploymentId: string, variables?: Dict<string>) {
  stage.deploymentId = deploymentId
  const description = optString(ctx.body, 'stageDescription')
  if (description) stage.description = description
  const cacheClusterEnabled = optBool(ctx.body, 'cacheClusterEnabled')
  if (cacheClusterEnabled !== undefined) {
    stage.cacheClusterEnabled = cacheClusterEnabled
    stage.cacheClusterStatus = cacheClusterEnabled ? 'AVAILABLE' : 'NOT_AVAILABLE'
    if (cacheClusterEnabled) stage.cacheClusterSize ??= '0.5'
  }
  const size = optString(ctx.body, 'cacheClusterSize')
  if (size) stage.cacheClusterSize = size
  const tracingEnabled = optBool(ctx.body, 'tracingEnabled')
  if (tracingEnabled !== undefined) stage.tracingEnabled = tracingEnabled
  if (variables) {
    stage.variables =
      ctx.options.deploymentVariables === 'replace' ? { ...variables } : { ...stage.variables, ...variables }
  }
  stage.lastUpdatedDate = ctx.now
}

export const createDeployment: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  const stageName = optString(ctx.body, 'stageName')
  const canary = canaryInput(ctx)
  const variables = optMap<string>(ctx.body, 'variables', 'string')
  if (variables) validateVariables(variables)
  validateCacheClusterSize(optString(ctx.body, 'cacheClusterSize'))
  let existing: StageState | undefined
  if (canary) {
    existing = canaryDeploymentTarget(api, stageName, canary)
  } else if (stageName) {
    existing = api.stages.get(stageName)
    if (existing) rejectPlainDeployOnCanaryStage(existing)
    else {
      validateStageName(stageName)
      checkStageQuota(api, ctx.options.stagesPerApi)
    }
  }
  const problem = deployProblem(api)
  if (problem) throw badRequest(problem)

  const deployment: DeploymentState = {
    id: newId(6, (id) => api.deployments.has(id)),
    createdDate: ctx.now,
    snapshot: takeSnapshot(api),
  }
  const description = optString(ctx.body, 'description')
  if (description) deployment.description = description
  api.deployments.set(deployment.id, deployment)

  if (canary && existing) {
    // A canary deployment leaves production (deploymentId, variables) alone; `variables` are not applied.
    pointCanaryAt(existing, deployment.id, canary)
    existing.lastUpdatedDate = ctx.now
  } else if (existing) {
    updateExistingStage(ctx, existing, deployment.id, variables)
  } else if (stageName) {
    const stage = newStage(
      {
        stageName,
        deploymentId: deployment.id,
        description: optString(ctx.body, 'stageDescription'),
        variables,
        cacheClusterEnabled: optBool(ctx.body, 'cacheClusterEnabled'),
        cacheClusterSize: optString(ctx.body, 'cacheClusterSize'),
        tracingEnabled: optBool(ctx.body, 'tracingEnabled'),
      },
      ctx.now,
    )
    api.stages.set(stageName, stage)
  }
  return { status: 201, json: deploymentToWire(deployment) }
}

export const getDeploymentOp: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  const deployment = getDeployment(api, ctx.params.deploymentId as string)
  const embed = ctx.query.getAll('embed').flatMap((v) => v.split(','))
  return { status: 200, json: deploymentToWire(deployment, embed.includes('apisummary')) }
}

export const getDeployments: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  const items = [...api.deployments.values()].map((d) => deploymentToWire(d))
  return { status: 200, json: paginate(items, ctx.query) }
}

export const updateDeployment: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  const deployment = getDeployment(api, ctx.params.deploymentId as string)
  const updated = structuredClone(deployment)
  for (const op of patchOperations(ctx.body)) {
    if (op.path !== '/description' || op.op !== 'replace') {
      throw badRequest(`Invalid patch path ${op.path} specified for op '${op.op}'. Must be one of: [/description]`)
    }
    if (op.value) updated.description = op.value
    else delete updated.description
  }
  api.deployments.set(updated.id, updated)
  return { status: 200, json: deploymentToWire(updated) }
}

export const deleteDeployment: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  const deployment = getDeployment(api, ctx.params.deploymentId as string)
  const stages = [...api.stages.values()]
  if (stages.some((s) => s.deploymentId === deployment.id)) {
    throw badRequest('Active stages pointing to this deployment must be moved or deleted')
  }
  if (stages.some((s) => s.canarySettings?.deploymentId === deployment.id)) {
    throw badRequest('Active stages with canary settings pointing to this deployment must be moved or deleted')
  }
  api.deployments.delete(deployment.id)
  return { status: 202 }
}
