// The `rollout` operation's inputs: the traffic steps, the bake interval, the health thresholds and what to do
// when the metrics cannot tell. Parsers here; the defaults are applied in rolloutInput (the table has none, so the
// inputs can be refused with the other operations): rollout-assemble.ts.
import { fail, ok, type Parsed, parseList } from '../lib/parse.js'
import { hasControlCharacters, quoteShort } from '../lib/text.js'

/** Steps are kept in one stage tag with the interval results: a short list keeps it within 256 characters. */
const MAX_STEPS = 10
/** DescribeAlarms takes at most 100 names per call. */
const MAX_ALARMS = 100
export const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const
const DAY_MS = 86_400_000

type RolloutMode = 'run' | 'start' | 'analyze'
type InconclusivePolicy = 'rollback' | 'hold'
/** What the canary's error rate is compared with: the stage's series as CloudWatch gives it, or that minus the canary's. */
type BaselineSeries = 'stage' | 'stage-minus-canary'

/** Everything `rollout` needs besides the stage; defaults applied. Rates are fractions (1% = 0.01). */
export interface RolloutInput {
  steps: number[]
  intervalMs: number
  maxErrorRate: number
  maxErrorRateIncrease?: number
  maxLatencyP99Ms?: number
  minRequests: number
  alarms: string[]
  onInconclusive: InconclusivePolicy
  maxInconclusive: number
  mode: RolloutMode
  /** The canary's Stage dimension value; undefined: found with ListMetrics. */
  metricStage?: string
  baseline: BaselineSeries
  /** How long after a minute ends before its datapoints are read. */
  metricsDelayMs: number
}

/** `10,25,50`: strictly increasing percentages, 0 < p ≤ 100 (a trailing % is allowed). */
export function parseCanarySteps(raw: string): Parsed<number[]> {
  const items = parseList(raw)
  const bad = items.filter((i) => !/^(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)%?$/.test(i))
  if (bad.length)
    return fail(`must list percentages like 10,50,100; not valid: ${bad.map((b) => quoteShort(b)).join(', ')}`)
  const steps = items.map((i) => Number(i.replace(/%$/, '')))
  if (steps.length === 0 || steps.length > MAX_STEPS) return fail(`must list 1 to ${MAX_STEPS} percentages`)
  if (steps.some((p) => p <= 0 || p > 100)) return fail('must list percentages greater than 0 and at most 100')
  if (steps.some((p, i) => i > 0 && p <= (steps[i - 1] as number)))
    return fail('must list strictly increasing percentages')
  return ok(steps)
}

/** `90s`, `5m`, `1h` (whole numbers), from `min` to 24 hours. */
export function parseDuration(raw: string, minMs = 1000): Parsed<number> {
  const m = /^([0-9]{1,6})([smh])$/.exec(raw)
  const ms = m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : Number.NaN
  if (!(ms >= minMs && ms <= DAY_MS)) {
    return fail(`must be a duration like 90s, 5m or 1h, from ${minMs / 1000}s to 24h`)
  }
  return ok(ms)
}

/** `1%`, `0.5%`: a percentage, returned as a fraction. The % is required: `0.01` could mean either. */
export function parseRate(raw: string): Parsed<number> {
  const m = /^((?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+))%$/.exec(raw)
  const n = m ? Number(m[1]) : Number.NaN
  if (!(n >= 0 && n <= 100)) return fail('must be a percentage from 0% to 100%, e.g. 1% or 0.5%')
  return ok(n / 100)
}

/** Milliseconds, e.g. `800` or `800ms`. */
export function parseMilliseconds(raw: string): Parsed<number> {
  const m = /^([0-9]+(?:\.[0-9]+)?)(?:ms)?$/.exec(raw)
  const n = m ? Number(m[1]) : Number.NaN
  if (!(n > 0 && n <= 3_600_000)) return fail('must be a latency in milliseconds greater than 0, e.g. 800 or 800ms')
  return ok(n)
}

/** CloudWatch alarm names, separated by newlines or commas. */
export function parseAlarmNames(raw: string): Parsed<string[]> {
  const names = raw
    .split(/[\n\r]/)
    .flatMap((line) => line.split(','))
    .map((s) => s.trim())
    .filter(Boolean)
  const bad = names.filter((n) => n.length > 255 || hasControlCharacters(n))
  if (bad.length)
    return fail(
      `must list CloudWatch alarm names (1 to 255 characters); not valid: ${bad.map((b) => quoteShort(b)).join(', ')}`,
    )
  if (names.length > MAX_ALARMS) return fail(`must list at most ${MAX_ALARMS} alarm names`)
  return ok([...new Set(names)])
}

/** A CloudWatch Stage dimension value, e.g. `prod/Canary`. */
export function parseMetricStage(raw: string): Parsed<string> {
  if (raw.length > 255 || hasControlCharacters(raw))
    return fail('must be a CloudWatch dimension value (1 to 255 characters)')
  return ok(raw)
}
