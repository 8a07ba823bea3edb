// What a rollout does next: when the current interval can be judged, and what a judgement leads to. Pure.
import type { RolloutInput } from '../inputs/rollout.js'
import type { IntervalJudgement } from './analysis.js'
import type { RolloutState } from './state.js'

const MINUTE = 60_000
/** The figures of this many latest intervals are kept (the tags hold about this many). */
const KEPT_INTERVALS = 16

/** The window judged for the interval that started at `startedMs`: whole minutes, as CloudWatch aggregates them. */
export function intervalWindow(startedMs: number, intervalMs: number): { startMs: number; endMs: number } {
  // The minute the traffic changed in is mixed: the window starts at the next whole minute.
  const startMs = Math.ceil(startedMs / MINUTE) * MINUTE
  return { startMs, endMs: startMs + Math.max(MINUTE, Math.ceil(intervalMs / MINUTE) * MINUTE) }
}

/** When the interval can be judged: its window is over and CloudWatch has had time to publish it. */
export function judgeableAt(state: RolloutState, rules: Pick<RolloutInput, 'intervalMs' | 'metricsDelayMs'>): number {
  return intervalWindow(state.intervalStartedMs, rules.intervalMs).endMs + rules.metricsDelayMs
}

export type RolloutAction =
  /** Healthy, and a next step: update-canary to that step's percentage. */
  | { kind: 'advance'; step: number }
  /** Healthy at the last step: promote-canary. */
  | { kind: 'promote' }
  /** Unhealthy, or too many inconclusive intervals with on-inconclusive rollback: rollback-canary. */
  | { kind: 'rollback' }
  /** Too many inconclusive intervals with on-inconclusive hold: the canary stays, the run fails for a human. */
  | { kind: 'hold' }
  /** Inconclusive, within max-inconclusive: bake another interval at the same step. */
  | { kind: 'again' }

/** The action a judgement leads to, and the state to record once it is done. `now`: when the action happens. */
export function decide(
  state: RolloutState,
  judged: IntervalJudgement,
  options: { rules: Pick<RolloutInput, 'maxInconclusive' | 'onInconclusive' | 'intervalMs'>; now: number },
): { action: RolloutAction; next: RolloutState } {
  const { rules, now } = options
  const { reasons: _reasons, ...figures } = judged
  const recorded: RolloutState = {
    ...state,
    judged: state.judged + 1,
    intervals: [...state.intervals, figures].slice(-KEPT_INTERVALS),
  }
  if (judged.verdict === 'unhealthy')
    return { action: { kind: 'rollback' }, next: { ...recorded, status: 'rolled-back' } }
  if (judged.verdict === 'healthy') {
    const last = state.step === state.steps.length - 1
    if (last) return { action: { kind: 'promote' }, next: { ...recorded, status: 'promoted' } }
    const step = state.step + 1
    return { action: { kind: 'advance', step }, next: { ...recorded, step, intervalStartedMs: now } }
  }
  const inconclusive = state.inconclusive + 1
  if (inconclusive <= rules.maxInconclusive) {
    // The next interval follows this one's window: no minute is judged twice, none skipped.
    const { endMs } = intervalWindow(state.intervalStartedMs, rules.intervalMs)
    return { action: { kind: 'again' }, next: { ...recorded, inconclusive, intervalStartedMs: endMs } }
  }
  return rules.onInconclusive === 'hold'
    ? { action: { kind: 'hold' }, next: { ...recorded, inconclusive, status: 'held' } }
    : { action: { kind: 'rollback' }, next: { ...recorded, inconclusive, status: 'rolled-back' } }
}
