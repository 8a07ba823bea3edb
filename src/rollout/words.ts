// The rollout's sentences for the log and the report: one interval's figures and verdict, and how it ended. Pure.
import { errorRate, type IntervalJudgement, percentText } from './analysis.js'
import type { RolloutState } from './state.js'

const time = (ms: number): string => new Date(ms).toISOString().slice(11, 16)

export function describeJudgement(
  j: IntervalJudgement,
  steps: readonly number[],
  window: { startMs: number; endMs: number },
): string {
  const rate = (r: number | undefined) => (r === undefined ? 'n/a' : percentText(r))
  const c = j.canary
  const b = j.baseline
  const p99 = c.p99Ms === undefined ? '' : `, p99 ${c.p99Ms} ms`
  return (
    `Step ${j.step + 1}/${steps.length} (${steps[j.step]}%), ${time(window.startMs)}–${time(window.endMs)} UTC: ` +
    `canary ${c.requests ?? 0} requests, ${c.errors ?? 0} 5XX (${rate(errorRate(c))})${p99}; ` +
    `baseline ${b.requests ?? 0} requests, ${b.errors ?? 0} 5XX (${rate(errorRate(b))}) → ${j.verdict}: ${j.reasons.join('; ')}`
  )
}

/** Why the rollout is where it is, in one sentence. */
export function rolloutSummary(state: RolloutState, last: IntervalJudgement | undefined): string {
  const why = last ? ` (${last.reasons.join('; ')})` : ''
  const percent = `${state.steps[state.step]}%`
  switch (state.status) {
    case 'promoted':
      return `The canary was healthy at every step and was promoted${why}.`
    case 'rolled-back':
      return last ? `The canary was ${last.verdict} at ${percent}${why}.` : `The canary was removed at ${percent}.`
    case 'held':
      return `Too many inconclusive intervals at ${percent}${why}.`
    case 'running':
      return last
        ? `The canary was ${last.verdict} at the previous interval${why}; baking ${percent} now.`
        : `Baking ${percent}.`
  }
}
