// Judging one interval: healthy, unhealthy or inconclusive, with the reasons in numbers. Missing data is never
// healthy; an unhealthy reason wins over an inconclusive one (an alarm in ALARM fails even without traffic).
import type { RolloutInput } from '../inputs/rollout.js'
import type { MetricsReading, SeriesFigures } from '../model/canary-metrics.js'

export type Verdict = 'healthy' | 'unhealthy' | 'inconclusive'

/** The figures kept for one interval (in the stage tags) and shown in the report. */
export interface IntervalFigures {
  /** Index in the steps. */
  step: number
  canary: SeriesFigures
  baseline: SeriesFigures
  verdict: Verdict
}

export interface IntervalJudgement extends IntervalFigures {
  /** Why, in numbers: every threshold crossed, or what was missing; for a healthy interval, what was checked. */
  reasons: string[]
}

type Thresholds = Pick<RolloutInput, 'maxErrorRate' | 'maxErrorRateIncrease' | 'maxLatencyP99Ms' | 'minRequests'>

/** `3.10%`: rates as the inputs write them. */
export function percentText(rate: number): string {
  return `${(rate * 100).toFixed(2)}%`
}

/** errors ÷ requests, when both are known and requests > 0. */
export function errorRate(s: SeriesFigures): number | undefined {
  if (s.requests === undefined || s.errors === undefined || s.requests <= 0) return undefined
  return s.errors / s.requests
}

export function judgeInterval(step: number, reading: MetricsReading, rules: Thresholds): IntervalJudgement {
  const unhealthy: string[] = []
  const inconclusive: string[] = [...reading.problems]
  const checked: string[] = []
  for (const alarm of reading.alarms) {
    if (alarm.state === 'ALARM') unhealthy.push(`alarm '${alarm.name}' is in ALARM`)
    if (alarm.state === 'NOT_FOUND') inconclusive.push(`alarm '${alarm.name}' was not found`)
  }
  if (reading.alarms.length && !unhealthy.length) checked.push(`${reading.alarms.length} alarm(s) not in ALARM`)
  const { canary, baseline } = reading
  const requests = canary.requests ?? 0
  if (requests < rules.minRequests) {
    inconclusive.push(`canary had ${requests} request(s), fewer than min-requests ${rules.minRequests}`)
  } else {
    judgeErrors({ canary, baseline, rules, verdicts: { unhealthy, inconclusive, checked } })
    judgeLatency(canary, rules, { unhealthy, inconclusive, checked })
  }
  const verdict: Verdict = unhealthy.length ? 'unhealthy' : inconclusive.length ? 'inconclusive' : 'healthy'
  const reasons = verdict === 'unhealthy' ? unhealthy : verdict === 'inconclusive' ? inconclusive : checked
  return { step, canary, baseline, verdict, reasons }
}

interface Findings {
  unhealthy: string[]
  inconclusive: string[]
  checked: string[]
}

function judgeErrors(o: { canary: SeriesFigures; baseline: SeriesFigures; rules: Thresholds; verdicts: Findings }) {
  const { canary, baseline, rules, verdicts } = o
  const rate = errorRate(canary)
  if (rate === undefined) {
    verdicts.inconclusive.push('no 5XXError datapoints for the canary')
    return
  }
  const share = `${percentText(rate)} (${canary.errors} of ${canary.requests})`
  if (rate > rules.maxErrorRate) {
    verdicts.unhealthy.push(`canary 5XX rate ${share} is above max-error-rate ${percentText(rules.maxErrorRate)}`)
  } else {
    verdicts.checked.push(`canary 5XX rate ${share} ≤ ${percentText(rules.maxErrorRate)}`)
  }
  if (rules.maxErrorRateIncrease === undefined) return
  const base = errorRate(baseline)
  // The baseline has no traffic at 100 %, or too little to compare with: the absolute limit still applies.
  if (base === undefined || (baseline.requests ?? 0) < rules.minRequests) {
    verdicts.checked.push(`baseline had ${baseline.requests ?? 0} request(s): increase not compared`)
    return
  }
  const increase = rate - base
  const text = `${percentText(Math.abs(increase))} ${increase < 0 ? 'below' : 'above'} the baseline's ${percentText(base)}`
  if (increase > rules.maxErrorRateIncrease) {
    verdicts.unhealthy.push(
      `canary 5XX rate is ${text}, more than max-error-rate-increase ${percentText(rules.maxErrorRateIncrease)}`,
    )
  } else verdicts.checked.push(`canary 5XX rate is ${text}`)
}

function judgeLatency(canary: SeriesFigures, rules: Thresholds, verdicts: Findings): void {
  if (rules.maxLatencyP99Ms === undefined) return
  if (canary.p99Ms === undefined) {
    verdicts.inconclusive.push('no Latency p99 datapoint for the canary')
  } else if (canary.p99Ms > rules.maxLatencyP99Ms) {
    verdicts.unhealthy.push(
      `canary p99 latency ${canary.p99Ms} ms is above max-latency-p99 ${rules.maxLatencyP99Ms} ms`,
    )
  } else {
    verdicts.checked.push(`canary p99 latency ${canary.p99Ms} ms ≤ ${rules.maxLatencyP99Ms} ms`)
  }
}
