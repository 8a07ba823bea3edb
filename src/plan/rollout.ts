// rollout: start the canary at the first step (deploy or promote-from semantics) and record the rollout on the stage;
// or pick up the rollout the stage records, reconciling what a cancelled run did without recording it.
import type { RolloutInput } from '../inputs/rollout.js'
import type { ActionInputs } from '../inputs/types.js'
import type { StageState } from '../model/state.js'
import { stageArn } from '../model/urls.js'
import { isInProgress, parseRolloutState, type RolloutState, rolloutTags } from '../rollout/state.js'
import { planCanaryDeploy } from './canary.js'
import type { PlanContext } from './context.js'
import { planDefinitionDeploy } from './definition.js'
import { planPromote } from './promote.js'
import { PlanRefusal } from './refusal.js'
import type { Plan, PlannedCall } from './types.js'

function rolloutRules(inputs: ActionInputs): RolloutInput {
  if (!inputs.rollout) throw new Error('operation rollout needs its settings')
  return inputs.rollout
}

/** The TagResource that records `state` on the stage. */
export function recordRolloutCall(ctx: PlanContext, state: RolloutState): PlannedCall {
  const resourceArn = stageArn(ctx.state.region, ctx.state.api.id, ctx.inputs.stage)
  return { action: 'TagResource', resourceArn, tags: rolloutTags(state) }
}

const stepsText = (steps: readonly number[]): string => steps.map((p) => `${p}%`).join(' → ')

export function planRollout(ctx: PlanContext): Plan {
  const rules = rolloutRules(ctx.inputs)
  const stage = ctx.state.stage
  const recorded = stage ? parseRolloutState(stage.tags) : undefined
  if (stage && isInProgress(recorded)) return planResume(ctx, stage, recorded)
  if (rules.mode === 'analyze') {
    // A schedule that judges must never start a rollout (it would deploy again after every promotion).
    const last = recorded ? `The last rollout (deployment ${recorded.canaryDeploymentId}) ${recorded.status}.` : ''
    return tagsOnly(ctx, [], [`No rollout is in progress on '${ctx.inputs.stage}': nothing to judge. ${last}`.trim()])
  }
  return planStart(ctx, rules)
}

function tagsOnly(ctx: PlanContext, calls: PlannedCall[], notes: string[]): Plan {
  const { state, inputs } = ctx
  const expected = { variables: {}, absentVariables: [] }
  return { operation: 'rollout', restApiId: state.api.id, stageName: inputs.stage, calls, expected, notes }
}

function planStart(ctx: PlanContext, rules: RolloutInput): Plan {
  const percent = rules.steps[0] as number
  const inputs: ActionInputs = {
    ...ctx.inputs,
    operation: ctx.inputs.promoteFrom ? 'promote' : 'deploy',
    canary: { ...ctx.inputs.canary, percent },
  }
  const startCtx = { ...ctx, inputs }
  const base = ctx.inputs.promoteFrom
    ? planPromote(startCtx)
    : ctx.definition
      ? planDefinitionDeploy(startCtx, ctx.definition, planCanaryDeploy)
      : planCanaryDeploy(startCtx)
  const expectedCanary = typeof base.expected.canary === 'object' ? base.expected.canary.deploymentId : undefined
  const current = ctx.state.stage?.canary
  if (!expectedCanary) throw new Error('a rollout start must plan a canary')
  if (current && current.deploymentId !== expectedCanary) {
    // Only a cancelled start of this same rollout may have left a canary (then it runs the same deployment).
    throw new PlanRefusal(
      `Stage '${ctx.inputs.stage}' already has a canary (deployment ${current.deploymentId} at ${current.percentTraffic}%) that no rollout in progress owns. Run operation 'promote-canary' or 'rollback-canary' first, then start the rollout again.`,
    )
  }
  const now = ctx.now ?? 0
  const state: RolloutState = {
    status: 'running',
    steps: rules.steps,
    step: 0,
    canaryDeploymentId: expectedCanary,
    startedMs: now,
    intervalStartedMs: now,
    inconclusive: 0,
    judged: 0,
    intervals: [],
  }
  return {
    ...base,
    operation: 'rollout',
    calls: [...base.calls, recordRolloutCall(ctx, state)],
    notes: [
      `Rollout ${stepsText(rules.steps)}: the canary starts at ${percent}%, then each step bakes before it is judged.`,
      ...base.notes,
    ],
  }
}

/** The rollout the stage records, with what a cancelled run did (but did not record) taken into account. */
function planResume(ctx: PlanContext, stage: StageState, state: RolloutState): Plan {
  const at = `step ${state.step + 1} of ${state.steps.length} (${state.steps[state.step]}%)`
  const canary = stage.canary
  const now = ctx.now ?? 0
  const record = (next: RolloutState, note: string) => tagsOnly(ctx, [recordRolloutCall(ctx, next)], [note])
  if (!canary) {
    // The promotion or the rollback went through and the run stopped before recording it.
    const promoted = stage.deploymentId === state.canaryDeploymentId
    return record(
      { ...state, status: promoted ? 'promoted' : 'rolled-back' },
      promoted
        ? `The rollout's canary ${state.canaryDeploymentId} already is production: recording the promotion.`
        : `The stage has no canary any more (removed at ${at}): recording the rollout as rolled back.`,
    )
  }
  if (canary.deploymentId !== state.canaryDeploymentId) {
    throw new PlanRefusal(
      `Stage '${ctx.inputs.stage}' records a rollout of deployment ${state.canaryDeploymentId}, but its canary now runs ${canary.deploymentId}: the canary was changed outside the rollout. Run 'rollback-canary' or 'promote-canary', then start a new rollout.`,
    )
  }
  const next = state.steps[state.step + 1]
  if (canary.percentTraffic === next) {
    return record(
      { ...state, step: state.step + 1, intervalStartedMs: now },
      `The canary is already at ${next}% (a run stopped before recording the step): resuming there, baking from now.`,
    )
  }
  if (canary.percentTraffic !== state.steps[state.step]) {
    throw new PlanRefusal(
      `Stage '${ctx.inputs.stage}' records a rollout at ${at}, but its canary takes ${canary.percentTraffic}%: the traffic was changed outside the rollout. Run 'update-canary' with canary-percent ${state.steps[state.step]} to resume, or 'rollback-canary'.`,
    )
  }
  if (state.status === 'held') {
    // A schedule (analyze) leaves a held rollout to the human; a run or start resumes it.
    if (rolloutRules(ctx.inputs).mode === 'analyze') {
      return tagsOnly(
        ctx,
        [],
        [`The rollout is held at ${at} for a human: run it with rollout-mode run or start to resume.`],
      )
    }
    return record(
      { ...state, status: 'running', inconclusive: 0, intervalStartedMs: now },
      `The rollout was held at ${at}: resuming it, with the inconclusive count reset.`,
    )
  }
  return tagsOnly(ctx, [], [`Resuming the rollout at ${at}, deployment ${state.canaryDeploymentId}.`])
}
