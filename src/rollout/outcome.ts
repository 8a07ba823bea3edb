// What a rollout run ends with, for the outputs and the report. Pure data.
import type { IntervalFigures } from './analysis.js'
import type { RolloutState } from './state.js'

/** The `rollout-result` output. */
export type RolloutResult = 'promoted' | 'rolled-back' | 'held' | 'in-progress'

export interface RolloutReport {
  result: RolloutResult
  steps: readonly number[]
  /** Index in steps of the canary's share when the run ended (the last one judged, once finished). */
  step: number
  canaryDeploymentId: string
  /** Intervals kept in the stage tags, oldest first; `reasons` only for those judged by this run. */
  intervals: ReadonlyArray<IntervalFigures & { reasons?: readonly string[] }>
  /** Intervals judged before the oldest one kept. */
  notKept: number
  /** The Stage dimension value the canary's metrics were read from (this run). */
  canaryStage?: string
  /** One sentence: why the rollout ended this way, or what it waits for. */
  summary: string
  /** In progress: when the current interval can be judged (ISO 8601). */
  nextJudgement?: string
}

export function resultOf(state: RolloutState): RolloutResult {
  return state.status === 'running' ? 'in-progress' : state.status
}
