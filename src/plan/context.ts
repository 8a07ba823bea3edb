import type { LoadedDefinition } from '../definition/load.js'
import type { ActionInputs, DefinitionInput } from '../inputs/types.js'
import type { ReadState } from '../model/state.js'
import { PREVIOUS_DEPLOYMENT_TAG } from '../model/tags.js'
import { stageArn } from '../model/urls.js'
import type { PatchOp, PlannedCall } from './types.js'

/** The file as loaded, with how the inputs ask to import it. */
export interface DefinitionImport {
  readonly loaded: LoadedDefinition
  readonly options: DefinitionInput
  /** The plan sets the API's name back after the import (a preview API): the file's info.title renames nothing. */
  readonly keepsName?: boolean
}

/** Everything a planner may look at. Planners are pure: no I/O, no clock, no environment. */
export interface PlanContext {
  inputs: ActionInputs
  state: ReadState
  /** Deployment description, already defaulted from commit, ref and run. */
  description: string
  /** The clock, passed in so planners stay pure (pruning compares stage ages with it). */
  now?: number
  /** The repository's definition to import first (deploy with `definition`). */
  definition?: DefinitionImport
}

/**
 * Records on the stage which deployment it ran before this change, for a later `rollback`. Promotions put it
 * before the switch: a re-run after a failed tag would find nothing left to switch and never write it.
 */
export function recordPreviousCall(
  ctx: PlanContext,
  previousDeploymentId: string,
  extraTags: Record<string, string> = {},
): PlannedCall {
  return {
    action: 'TagResource',
    resourceArn: stageArn(ctx.state.region, ctx.state.api.id, ctx.inputs.stage),
    tags: { [PREVIOUS_DEPLOYMENT_TAG]: previousDeploymentId, ...extraTags },
  }
}

export function describeCanary(c: { deploymentId: string; percentTraffic: number }): string {
  return `deployment ${c.deploymentId} at ${c.percentTraffic}%`
}

/** The run creates or re-points a canary: deploy or promote with canary-percent. */
export function createsCanary(inputs: ActionInputs): boolean {
  return (inputs.operation === 'deploy' || inputs.operation === 'promote') && inputs.canary.percent !== undefined
}

/** One UpdateStage call. */
export function updateStage(restApiId: string, stageName: string, patchOperations: PatchOp[]): PlannedCall {
  return { action: 'UpdateStage', restApiId, stageName, patchOperations }
}
