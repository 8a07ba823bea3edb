// Canary rules shared by CreateDeployment, CreateStage and UpdateStage (reference sections 1 and 3).
import { badRequest } from './errors.js'
import type { CanaryState, Dict, RestApiState, StageState } from './types.js'
import { validateVariables } from './validation.js'

const DEPLOYMENT_CONTENT = 'Invalid deployment content specified.'

export function deploymentIdMustExist(api: RestApiState, deploymentId: string | undefined): string {
  if (!deploymentId || !api.deployments.has(deploymentId)) throw badRequest('Deployment id does not exist')
  return deploymentId
}

/** 0.0–100.0 inclusive ([MODEL]); the wording of the error was not observed. */
export function validatePercent(percent: number): number {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw badRequest(`Invalid canary percentTraffic ${percent}: it must be between 0.0 and 100.0`)
  }
  return percent
}

export interface DeploymentCanaryInput {
  percentTraffic?: number | undefined
  stageVariableOverrides?: Dict<string> | undefined
  useStageCache?: boolean | undefined
}

/**
 * CreateDeployment with `canarySettings`: the stage must already exist (recorded messages). Returns the stage.
 * Runs before the deployment is created, so a rejected call leaves no deployment behind.
 */
export function canaryDeploymentTarget(
  api: RestApiState,
  stageName: string | undefined,
  input: DeploymentCanaryInput,
): StageState {
  if (stageName === undefined || stageName === '') {
    throw badRequest(
      `${DEPLOYMENT_CONTENT}Non null and non empty stageName must be provided for canary deployment. Provided value is ${stageName ?? 'null'}`,
    )
  }
  const stage = api.stages.get(stageName)
  if (!stage) {
    throw badRequest(
      `${DEPLOYMENT_CONTENT}Stage ${stageName} must already be created before making a canary release deployment`,
    )
  }
  if (input.percentTraffic !== undefined) validatePercent(input.percentTraffic)
  if (input.stageVariableOverrides) validateVariables(input.stageVariableOverrides)
  return stage
}

/** Real AWS text, quoted in serverless/serverless#11518. */
export function rejectPlainDeployOnCanaryStage(stage: StageState): void {
  if (stage.canarySettings) {
    throw badRequest(
      `${DEPLOYMENT_CONTENT}Non canary deployment not supported on stage ${stage.stageName} because Canary is enabled. Provide CanarySettings in deploymentInput.`,
    )
  }
}

/**
 * Points the stage's canary at the new deployment. Production (`deploymentId`, `variables`) is untouched;
 * percent and overrides take the request's values (recorded: 40 %/canary1 became 50 %/canary2). Override
 * keys missing from the request are dropped: the request describes the whole canary (AWS unverified).
 */
export function pointCanaryAt(stage: StageState, deploymentId: string, input: DeploymentCanaryInput): void {
  const canary: CanaryState = {
    deploymentId,
    percentTraffic: input.percentTraffic ?? 0,
    useStageCache: input.useStageCache ?? false,
  }
  if (input.stageVariableOverrides && Object.keys(input.stageVariableOverrides).length > 0) {
    canary.stageVariableOverrides = { ...input.stageVariableOverrides }
  }
  stage.canarySettings = canary
}

export interface StageCanaryInput extends DeploymentCanaryInput {
  deploymentId?: string | undefined
}

/** CreateStage `canarySettings`: the deployment must exist (recorded `Deployment id does not exist`). */
export function canaryForNewStage(api: RestApiState, stageDeploymentId: string, input: StageCanaryInput): CanaryState {
  const deploymentId = input.deploymentId === undefined ? stageDeploymentId : input.deploymentId
  deploymentIdMustExist(api, deploymentId)
  const canary: CanaryState = {
    deploymentId,
    percentTraffic: validatePercent(input.percentTraffic ?? 0),
    useStageCache: input.useStageCache ?? false,
  }
  if (input.stageVariableOverrides && Object.keys(input.stageVariableOverrides).length > 0) {
    validateVariables(input.stageVariableOverrides)
    canary.stageVariableOverrides = { ...input.stageVariableOverrides }
  }
  return canary
}

/** UpdateStage paths under /canarySettings create a canary on the stage's own deployment at 0 %. */
export function ensureCanary(stage: StageState): CanaryState {
  stage.canarySettings ??= { deploymentId: stage.deploymentId, percentTraffic: 0, useStageCache: false }
  return stage.canarySettings
}
