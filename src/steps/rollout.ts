// Step 4b (operation rollout): after the start (or resume) the plan applied, bake each step, judge it from
// CloudWatch and act: next step, promotion, rollback or hold; every decision recorded in the stage tags. `analyze`
// judges once and advances at most one step; `start` only starts. Waits go through the injected clock and sleep.

import type { ActionInputs } from '../inputs/types.js'
import { errorMessage } from '../lib/errors.js'
import { realSleep, type Sleep } from '../lib/sleep.js'
import { ACTION_USER_AGENT } from '../lib/version.js'
import type { StageState } from '../model/state.js'
import { planRolloutAction } from '../plan/rollout-action.js'
import type { ReportInput } from '../report/types.js'
import { type IntervalJudgement, judgeInterval } from '../rollout/analysis.js'
import { decide, intervalWindow, judgeableAt } from '../rollout/decide.js'
import { type RolloutReport, resultOf } from '../rollout/outcome.js'
import { isInProgress, parseRolloutState, type RolloutState } from '../rollout/state.js'
import { describeJudgement, rolloutSummary } from '../rollout/words.js'
import * as core from '../runner/actions-core.js'
import { setOutputs } from '../runner/outputs.js'
import type { ApplyOutcome } from './apply.js'
import { recordFingerprint } from './drift.js'
import type { PlanResult } from './plan.js'
import type { ReadResult } from './read.js'

export type RolloutOutcome = ApplyOutcome & { readonly rollout?: RolloutReport }

interface RolloutFacts {
  inputs: ActionInputs
  read: ReadResult
  planned: PlanResult
  applied: ApplyOutcome
  sleep?: Sleep | undefined
  now?: (() => number) | undefined
}

/** Before anything changes: the named alarms must exist (a typo would otherwise fail the rollout halfway). */
export async function rolloutPreflight(inputs: ActionInputs, read: ReadResult): Promise<void> {
  const alarms = inputs.rollout?.alarms ?? []
  if (inputs.operation !== 'rollout' || !alarms.length) return
  const metrics = await connect(inputs, read)
  const unknown = await metrics.unknownAlarms(alarms).catch((err: unknown) => {
    throw new Error(`CloudWatch alarms could not be read: ${errorMessage(err)}\nNothing was changed.`)
  })
  if (unknown.length) {
    throw new Error(
      `Input 'alarms': CloudWatch has no alarm named ${unknown.map((n) => `'${n}'`).join(', ')} in ${read.state.region}. Nothing was changed.`,
    )
  }
}

async function connect(inputs: ActionInputs, read: ReadResult) {
  // Loaded here only: other operations never load the CloudWatch SDK.
  const { CanaryMetrics } = await import('../cloudwatch/metrics.js')
  return CanaryMetrics.create({
    region: read.state.region,
    maxAttempts: inputs.maxAttempts,
    userAgent: ACTION_USER_AGENT,
  })
}

export async function rolloutStep(facts: RolloutFacts): Promise<RolloutOutcome> {
  const { inputs, read, applied } = facts
  const rules = inputs.rollout
  if (inputs.operation !== 'rollout' || !rules || inputs.dryRun || applied.failure !== undefined) return applied
  const now = facts.now ?? Date.now
  const sleep = facts.sleep ?? realSleep
  let stage = applied.after ?? read.state.stage
  const recorded = stage ? parseRolloutState(stage.tags) : undefined
  if (!stage || !recorded) return applied
  if (rules.intervalMs < 60_000) {
    core.warning(
      'canary-interval is under 60 s: CloudWatch publishes API Gateway metrics per minute, so each interval judges one whole minute.',
    )
  }
  let state: RolloutState = recorded
  const judgedNow: IntervalJudgement[] = []
  let canaryStage: string | undefined
  let failure: unknown
  const metrics = isInProgress(state) && rules.mode !== 'start' ? await connect(inputs, read) : undefined
  const { metricApiName } = await import('../cloudwatch/metrics.js')
  while (metrics && state.status === 'running') {
    const due = judgeableAt(state, rules)
    if (now() < due) {
      if (rules.mode === 'analyze') break
      core.info(
        `Step ${state.step + 1} (${state.steps[state.step]}%) bakes until ${new Date(due).toISOString()}: waiting ${Math.round((due - now()) / 1000)} s`,
      )
      await sleep(due - now())
    }
    const window = intervalWindow(state.intervalStartedMs, rules.intervalMs)
    const reading = await metrics.read({
      apiName: metricApiName(read.state.api.name, read.state.api.id),
      stage: inputs.stage,
      ...(rules.metricStage ? { canaryStage: rules.metricStage } : {}),
      ...window,
      latency: rules.maxLatencyP99Ms !== undefined,
      baseline: rules.baseline,
      alarms: rules.alarms,
    })
    canaryStage = reading.canaryStage ?? canaryStage
    const judged = judgeInterval(state.step, reading, rules)
    core.info(describeJudgement(judged, state.steps, window))
    const { action, next } = decide(state, judged, { rules, now: now() })
    const plan = planRolloutAction(
      { inputs, state: { ...read.state, ...(stage ? { stage } : {}) }, description: '', now: now() },
      action,
      next,
    )
    try {
      const result = await read.api.apply(plan, { sleep })
      stage = result.after ?? stage
    } catch (err) {
      // What is live now, for the outputs, the report and the fingerprint; the next run reconciles from it.
      failure = err
      stage = (await read.api.readStage(inputs.stage).catch(() => undefined)) ?? stage
      break
    }
    state = next
    judgedNow.push(judged)
    if (rules.mode === 'analyze') break
  }
  // The drift fingerprint follows what the rollout left, so the next run does not see its own steps as drift.
  if (judgedNow.length || failure !== undefined) {
    await recordFingerprint({ api: read.api, inputs, region: read.state.region, after: stage })
  }
  const report = rolloutReport({ state, judgedNow, canaryStage, rules })
  setOutputs({
    'rollout-result': report.result,
    'rollout-step': state.step + 1,
    'deployment-id': stage?.deploymentId ?? '',
    'canary-deployment-id': stage?.canary?.deploymentId ?? '',
    'canary-percent': stage?.canary ? stage.canary.percentTraffic : '',
  })
  // A rollout that ended in an earlier run (a schedule still running analyze) does not fail every later run.
  const endedNow = judgedNow.length > 0 || facts.planned.plan.calls.length > 0
  if (endedNow) failure ??= rolloutFailure(report, stage)
  return Object.freeze({
    ...applied,
    ...(stage ? { after: stage } : {}),
    rollout: report,
    ...(failure !== undefined ? { failure } : {}),
  })
}

function rolloutReport(o: {
  state: RolloutState
  judgedNow: readonly IntervalJudgement[]
  canaryStage: string | undefined
  rules: NonNullable<ActionInputs['rollout']>
}): RolloutReport {
  const { state, judgedNow } = o
  // This run's judgements are the newest intervals kept: they carry their reasons.
  const fresh = state.intervals.length - Math.min(judgedNow.length, state.intervals.length)
  const intervals = state.intervals.map((figures, i) =>
    i >= fresh
      ? { ...figures, reasons: judgedNow[judgedNow.length - (state.intervals.length - i)]?.reasons ?? [] }
      : figures,
  )
  const result = resultOf(state)
  return {
    result,
    steps: state.steps,
    step: state.step,
    canaryDeploymentId: state.canaryDeploymentId,
    intervals,
    notKept: Math.max(0, state.judged - state.intervals.length),
    ...(o.canaryStage ? { canaryStage: o.canaryStage } : {}),
    summary: rolloutSummary(state, judgedNow.at(-1)),
    ...(result === 'in-progress' ? { nextJudgement: new Date(judgeableAt(state, o.rules)).toISOString() } : {}),
  }
}

/** A rollout that ended rolled back or held fails the step (the report still says why). */
function rolloutFailure(report: RolloutReport, stage: StageState | undefined): Error | undefined {
  const at = `step ${report.step + 1} of ${report.steps.length} (${report.steps[report.step]}%)`
  if (report.result === 'rolled-back') {
    return new Error(
      `Rollout rolled back at ${at}: ${report.summary} The canary was removed; production stays on deployment ${stage?.deploymentId ?? '?'}.`,
    )
  }
  if (report.result === 'held') {
    return new Error(
      `Rollout held at ${at}: ${report.summary} The canary stays for a human: run the rollout again to resume it, or operation 'promote-canary' or 'rollback-canary'.`,
    )
  }
  return undefined
}

/** The report of a rollout run: its section, and a headline that says where the canary is. */
export function withRollout(report: ReportInput, rollout: RolloutReport | undefined): ReportInput {
  if (rollout === undefined) return report
  if (report.status === 'failed') return { ...report, rollout }
  return { ...report, status: rollout.result === 'promoted' ? 'promoted' : 'canary', rollout }
}
