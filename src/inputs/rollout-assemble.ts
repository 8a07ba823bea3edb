// The rollout settings with their defaults, from the input values (the table gives these inputs no default, so
// that they can be refused with the other operations).
import { type RolloutInput, UNIT_MS } from './rollout.js'
import type { InputValues } from './table.js'

/** The rollout settings of valid input values; undefined unless the operation is `rollout`. */
export function rolloutInput(v: InputValues): RolloutInput | undefined {
  if (v.operation !== 'rollout') return undefined
  const increase = v['max-error-rate-increase']
  const p99 = v['max-latency-p99']
  const stage = v['canary-metric-stage']
  return {
    steps: v['canary-steps'] ?? [],
    intervalMs: v['canary-interval'] ?? 5 * UNIT_MS.m,
    maxErrorRate: v['max-error-rate'] ?? 0.01,
    ...(increase !== undefined ? { maxErrorRateIncrease: increase } : {}),
    ...(p99 !== undefined ? { maxLatencyP99Ms: p99 } : {}),
    minRequests: v['min-requests'] ?? 50,
    alarms: v.alarms ?? [],
    onInconclusive: v['on-inconclusive'] ?? 'rollback',
    maxInconclusive: v['max-inconclusive'] ?? 2,
    mode: v['rollout-mode'] ?? 'run',
    ...(stage !== undefined ? { metricStage: stage } : {}),
    baseline: v['canary-baseline'] ?? 'stage',
    metricsDelayMs: v['metrics-delay'] ?? 2 * UNIT_MS.m,
  }
}
