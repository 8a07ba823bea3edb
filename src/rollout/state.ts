// The rollout's state, kept in stage tags so that any later run (a scheduled `analyze`, or the re-run of a cancelled
// job) picks it up where it stopped. Tag values allow only letters, digits, spaces and _ . : / = + - @, and 256
// characters: one tag for the state, two for the figures of the latest intervals.
import type { SeriesFigures } from '../model/canary-metrics.js'
import type { IntervalFigures, Verdict } from './analysis.js'

const ROLLOUT_TAG = 'apigw-stage-action:rollout'
const INTERVAL_TAGS = ['apigw-stage-action:rollout-intervals', 'apigw-stage-action:rollout-intervals-2'] as const
const MAX_TAG_VALUE = 256

/** `running` and `held` are in progress (a rollout run resumes them); the others are finished. */
type RolloutStatus = 'running' | 'held' | 'promoted' | 'rolled-back'

export interface RolloutState {
  status: RolloutStatus
  steps: number[]
  /** Index in steps of the current traffic share. */
  step: number
  /** The canary's deployment: a canary on another deployment is not this rollout's. */
  canaryDeploymentId: string
  startedMs: number
  /** Start of the interval being baked (the step change, or the end of an inconclusive interval). */
  intervalStartedMs: number
  /** Inconclusive intervals so far (the whole rollout). */
  inconclusive: number
  /** Intervals judged so far, and the latest of them (those that fit in the tags). */
  judged: number
  intervals: IntervalFigures[]
}

export function isInProgress(state: RolloutState | undefined): state is RolloutState {
  return state?.status === 'running' || state?.status === 'held'
}

const seconds = (ms: number): string => String(Math.floor(ms / 1000))
const num = (n: number | undefined): string => (n === undefined ? '-' : String(n))
const VERDICT_LETTER: Record<Verdict, string> = { healthy: 'h', unhealthy: 'u', inconclusive: 'i' }

/** The tags that record `state`; every key is always written, so figures of an earlier rollout never linger. */
export function rolloutTags(state: RolloutState): Record<string, string> {
  const head = [
    state.status,
    `steps=${state.steps.join('/')}`,
    `step=${state.step}`,
    `canary=${state.canaryDeploymentId}`,
    `started=${seconds(state.startedMs)}`,
    `interval=${seconds(state.intervalStartedMs)}`,
    `inconclusive=${state.inconclusive}`,
    `judged=${state.judged}`,
  ].join(' ')
  const tags: Record<string, string> = { [ROLLOUT_TAG]: head }
  // Newest first into the tags, then each tag's records back in time order.
  const records = state.intervals.map(intervalRecord).reverse()
  for (const key of INTERVAL_TAGS) {
    const kept: string[] = []
    while (records.length && [records[0], ...kept].join(' ').length <= MAX_TAG_VALUE)
      kept.unshift(records.shift() as string)
    tags[key] = kept.join(' ')
  }
  return tags
}

function intervalRecord(i: IntervalFigures): string {
  const { canary: c, baseline: b } = i
  return [
    i.step,
    num(c.requests),
    num(c.errors),
    num(c.p99Ms),
    num(b.requests),
    num(b.errors),
    VERDICT_LETTER[i.verdict],
  ].join(':')
}

/** The state recorded on the stage; undefined when none is (or it is not one this version can read). */
export function parseRolloutState(tags: Readonly<Record<string, string>>): RolloutState | undefined {
  const head = tags[ROLLOUT_TAG]
  if (!head) return undefined
  const [status, ...fields] = head.split(' ')
  const f = Object.fromEntries(fields.map((kv) => kv.split('=') as [string, string]))
  const steps = (f.steps ?? '').split('/').map(Number)
  const ints = ['step', 'started', 'interval', 'inconclusive', 'judged'].map((k) => Number(f[k]))
  if (!['running', 'held', 'promoted', 'rolled-back'].includes(status ?? '') || !f.canary) return undefined
  if (!steps.length || steps.some((p) => !(p > 0)) || ints.some((n) => !Number.isInteger(n) || n < 0)) return undefined
  const [step, started, interval, inconclusive, judged] = ints as [number, number, number, number, number]
  if (step >= steps.length) return undefined
  const intervals = [...INTERVAL_TAGS]
    .reverse()
    .flatMap((key) => (tags[key] ?? '').split(' ').filter(Boolean))
    .map(parseRecord)
    .filter((r): r is IntervalFigures => r !== undefined)
  return {
    status: status as RolloutStatus,
    steps,
    step,
    canaryDeploymentId: f.canary,
    startedMs: started * 1000,
    intervalStartedMs: interval * 1000,
    inconclusive,
    judged,
    intervals,
  }
}

function parseRecord(record: string): IntervalFigures | undefined {
  const [step, cr, ce, cp, br, be, v] = record.split(':')
  const verdict = (Object.keys(VERDICT_LETTER) as Verdict[]).find((k) => VERDICT_LETTER[k] === v)
  if (verdict === undefined || !/^[0-9]+$/.test(step ?? '')) return undefined
  const figure = (s: string | undefined): number | undefined => (s === undefined || s === '-' ? undefined : Number(s))
  const series = (requests?: string, errors?: string, p99?: string): SeriesFigures => {
    const out: SeriesFigures = {}
    const [r, e, p] = [figure(requests), figure(errors), figure(p99)]
    if (r !== undefined) out.requests = r
    if (e !== undefined) out.errors = e
    if (p !== undefined) out.p99Ms = p
    return out
  }
  return { step: Number(step), canary: series(cr, ce, cp), baseline: series(br, be), verdict }
}
