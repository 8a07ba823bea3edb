// Canary lifecycle: deploy as canary, change its traffic or overrides, promote it, roll it back.

import type { StageState } from '../model/state.js'
import { CANARY_DEFINITION_TAG, PROMOTED_CANARY_TAG } from '../model/tags.js'
import { describeCanary, type PlanContext, recordPreviousCall, updateStage } from './context.js'
import { carriedRecord } from './definition.js'
import { mergedVariables, percentValue, variablePatchOps } from './patch-ops.js'
import { PlanRefusal } from './refusal.js'
import { NEW_DEPLOYMENT_ID, type PatchOp, type Plan } from './types.js'
import { refuseTooManyVariables } from './variable-limit.js'

function requireStage(ctx: PlanContext, what: string): StageState {
  const stage = ctx.state.stage
  if (!stage) {
    throw new PlanRefusal(
      `Stage '${ctx.inputs.stage}' does not exist, so ${what} is not possible. Deploy it first with operation 'deploy' (no canary-percent).`,
    )
  }
  return stage
}

function requireCanary(ctx: PlanContext, what: string): NonNullable<StageState['canary']> {
  const stage = requireStage(ctx, what)
  if (!stage.canary) {
    throw new PlanRefusal(
      `Stage '${ctx.inputs.stage}' has no canary, so ${what} is not possible. Start one with operation 'deploy' and canary-percent.`,
    )
  }
  return stage.canary
}

/** deploy + canary-percent: the new deployment becomes the canary; production is untouched. */
export function planCanaryDeploy(ctx: PlanContext): Plan {
  const { inputs, state } = ctx
  const stage = requireStage(ctx, 'a canary deployment')
  const percent = inputs.canary.percent
  if (percent === undefined) throw new Error('planCanaryDeploy needs canary-percent')
  // AWS replaces the canary's overrides with the request's; carry over the ones the inputs do not name.
  const overrides = mergedVariables(
    stage.canary?.stageVariableOverrides ?? {},
    inputs.canary.variables,
    inputs.canary.removeVariables,
  )
  const canarySettings: {
    percentTraffic: number
    stageVariableOverrides?: Record<string, string>
    useStageCache?: boolean
  } = {
    percentTraffic: percent,
  }
  if (Object.keys(overrides).length) canarySettings.stageVariableOverrides = overrides
  const useStageCache = inputs.canary.useStageCache ?? stage.canary?.useStageCache
  if (useStageCache !== undefined) canarySettings.useStageCache = useStageCache
  const notes = [
    `CreateDeployment with canarySettings sends ${percent}% of '${inputs.stage}' traffic to the new deployment; production stays on ${stage.deploymentId}.`,
  ]
  if (stage.canary)
    notes.push(`The existing canary (${describeCanary(stage.canary)}) is re-pointed to the new deployment.`)
  return {
    operation: 'deploy',
    restApiId: state.api.id,
    stageName: inputs.stage,
    calls: [
      {
        action: 'CreateDeployment',
        restApiId: state.api.id,
        stageName: inputs.stage,
        description: ctx.description,
        canarySettings,
      },
    ],
    expected: {
      deploymentId: stage.deploymentId,
      variables: {},
      absentVariables: [],
      canary: { deploymentId: NEW_DEPLOYMENT_ID, percentTraffic: percent },
    },
    notes,
  }
}

/** update-canary: change percent, overrides or cache use of the live canary; no new deployment. */
export function planUpdateCanary(ctx: PlanContext): Plan {
  const { inputs, state } = ctx
  const canary = requireCanary(ctx, 'update-canary')
  const ops: PatchOp[] = []
  const percent = inputs.canary.percent
  if (percent !== undefined && percent !== canary.percentTraffic) {
    ops.push({ op: 'replace', path: '/canarySettings/percentTraffic', value: percentValue(percent) })
  }
  ops.push(
    ...variablePatchOps(
      '/canarySettings/stageVariableOverrides',
      canary.stageVariableOverrides,
      inputs.canary.variables,
      inputs.canary.removeVariables,
    ),
  )
  const cache = inputs.canary.useStageCache
  if (cache !== undefined && cache !== canary.useStageCache) {
    ops.push({ op: 'replace', path: '/canarySettings/useStageCache', value: String(cache) })
  }
  const stageName = inputs.stage
  return {
    operation: 'update-canary',
    restApiId: state.api.id,
    stageName,
    calls: ops.length ? [updateStage(state.api.id, stageName, ops)] : [],
    expected: {
      variables: {},
      absentVariables: [],
      canary: { deploymentId: canary.deploymentId, percentTraffic: percent ?? canary.percentTraffic },
    },
    notes: ops.length
      ? [`One UpdateStage changes the canary (${describeCanary(canary)}) in place; no new deployment.`]
      : ['The canary already has these settings: nothing to change.'],
  }
}

/**
 * promote-canary: AWS's promotion recipe, then the canary is removed so plain deploys work again.
 * All in one UpdateStage: AWS applies the operations of one request in order.
 */
export function planPromoteCanary(ctx: PlanContext): Plan {
  const { inputs, state } = ctx
  const promoted = state.stage?.tags[PROMOTED_CANARY_TAG]
  if (state.stage && !state.stage.canary && promoted === state.stage.deploymentId) {
    // A re-run after the promotion went through (e.g. only the read-back failed): nothing is left to do.
    return {
      operation: 'promote-canary',
      restApiId: state.api.id,
      stageName: inputs.stage,
      calls: [],
      expected: { deploymentId: promoted, variables: {}, absentVariables: [], canary: 'absent' },
      notes: [`The canary's deployment ${promoted} was already promoted: '${inputs.stage}' runs it and has no canary.`],
    }
  }
  const canary = requireCanary(ctx, 'promote-canary')
  const stage = state.stage as StageState
  refuseTooManyVariables({
    stageName: inputs.stage,
    current: stage.variables,
    set: canary.stageVariableOverrides,
    remove: [],
    source: "the canary's overrides, which promotion merges into them",
    hint: "Remove some first: overrides with operation 'update-canary' and remove-canary-variables, or stage variables with remove-variables.",
  })
  const ops: PatchOp[] = [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' }]
  // The copy merges the overrides into the stage variables (override keys win, other variables stay).
  if (Object.keys(canary.stageVariableOverrides).length) {
    ops.push({ op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' })
  }
  ops.push({ op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' })
  ops.push({ op: 'remove', path: '/canarySettings' })
  const calls: Plan['calls'] = [
    recordPreviousCall(ctx, stage.deploymentId, {
      [PROMOTED_CANARY_TAG]: canary.deploymentId,
      ...carriedRecord(stage, CANARY_DEFINITION_TAG, canary.deploymentId),
    }),
    updateStage(state.api.id, inputs.stage, ops),
  ]
  return {
    operation: 'promote-canary',
    restApiId: state.api.id,
    stageName: inputs.stage,
    calls,
    expected: {
      deploymentId: canary.deploymentId,
      variables: { ...canary.stageVariableOverrides },
      absentVariables: [],
      canary: 'absent',
    },
    notes: [
      `One UpdateStage makes the canary's deployment ${canary.deploymentId} production (was ${stage.deploymentId}), ` +
        `merges ${Object.keys(canary.stageVariableOverrides).length} override(s) into the stage variables and removes the canary.`,
    ],
  }
}

/** rollback-canary: remove the canary; production never changed. Idempotent when there is none. */
export function planRollbackCanary(ctx: PlanContext): Plan {
  const { inputs, state } = ctx
  const stage = requireStage(ctx, 'rollback-canary')
  const base = { operation: 'rollback-canary' as const, restApiId: state.api.id, stageName: inputs.stage }
  const expected = { deploymentId: stage.deploymentId, variables: {}, absentVariables: [], canary: 'absent' as const }
  if (!stage.canary) return { ...base, calls: [], expected, notes: ['The stage has no canary: nothing to roll back.'] }
  return {
    ...base,
    calls: [updateStage(state.api.id, inputs.stage, [{ op: 'remove', path: '/canarySettings' }])],
    expected,
    notes: [
      `UpdateStage removes the canary (${describeCanary(stage.canary)}); production stays on ${stage.deploymentId}.`,
    ],
  }
}
