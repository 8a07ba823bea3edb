// How long a throttled write waits before it is sent again (all times are AWS time, in ms). Two kinds:
// - a quota-bound call (CreateDeployment 1 per 5 s, …) competes with every run in the account for the quota's slots.
//   AWS accepts the first call after a slot opens. A run comes back just as a slot opens (Retry-After says when), not
//   at a backoff time that leaves slots empty, but not necessarily at the next one: each waiting run picks one of
//   the next few slots at random, so each opening sees a few of them rather than all (which would spend the account's
//   10 requests per second on refusals) and no slot is left empty while many wait.
// - any other call still throttled after the SDK's own retries met the account's 10 requests per second, a bucket
//   that refills within seconds: rounds of exponential backoff with full jitter.

import { errorName } from './aws-call.js'

/** 429: TooManyRequestsException or LimitExceededException. */
export function isThrottled(err: unknown): boolean {
  const name = errorName(err)
  const status = (err as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode
  return name === 'TooManyRequestsException' || name === 'LimitExceededException' || status === 429
}

/** Retry-After of a throttling answer in ms (AWS: `retryAfterSeconds`, from the header); undefined without one. */
export function retryAfterMs(err: unknown, now: number = Date.now()): number | undefined {
  const e = err as { retryAfterSeconds?: unknown; $response?: { headers?: Record<string, string | undefined> } }
  const raw = typeof e?.retryAfterSeconds === 'string' ? e.retryAfterSeconds : e?.$response?.headers?.['retry-after']
  if (raw === undefined || raw.trim() === '') return undefined
  const seconds = Number(raw)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const at = Date.parse(raw)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** The shortest wait after a throttling answer, whatever Retry-After says (it may say 0). */
const MIN_WAIT_MS = 1_000
/**
 * A run that lost a race for a slot comes back within this many slots (after 2 and 4 on its first two losses): about
 * one waiting run in three and a half calls at each opening. Wider would leave slots empty once few runs are left;
 * narrower would make a long queue spend more of the account's 10 requests per second on refusals.
 */
export const SLOT_WINDOW = 6
/**
 * After this many lost races (about 25 slots of waiting: two minutes for CreateDeployment), a run is likely among the
 * last of a burst, where a wide window leaves slots empty: it comes back within LATE_SLOT_WINDOW slots.
 */
const LATE_AFTER_LOSSES = 8
const LATE_SLOT_WINDOW = 4
/** Spread of the arrivals just after a slot opens. */
const SLOT_JITTER_MS = 200
/**
 * How late a slot is taken after it opens, about: the first call after the opening comes a fraction of Retry-After's
 * rounding late, and the next slot opens an interval after it. A run that skips slots counts this much per slot.
 */
const SLOT_DRIFT_MS = 200

export interface SlotWait {
  waitMs: number
  /** The slot went to another run: the call lost a race (or, on its first throttling, met a queue). */
  contested: boolean
}

/**
 * The wait of a quota-bound call after its throttling answer. `contested`: how often it lost a slot so far.
 * - Retry-After shorter than the interval after a lost race: the last slot was taken a while ago, so the call came
 *   between two slots; it comes back as the next one opens (a re-alignment, not a loss).
 * - Otherwise (first throttling, a lost race, no Retry-After): as the next slot opens plus a whole number of slots
 *   drawn from a window of 2, 4, then SLOT_WINDOW slots (LATE_SLOT_WINDOW after many losses). Without Retry-After the
 *   opening is drawn within the interval.
 */
export function slotWait(
  intervalMs: number,
  retryAfter: number | undefined,
  contested: number,
  random: () => number,
): SlotWait {
  const jitter = random() * SLOT_JITTER_MS
  if (retryAfter !== undefined && retryAfter < intervalMs && contested > 0) {
    return { waitMs: Math.max(MIN_WAIT_MS, retryAfter) + jitter, contested: false }
  }
  const window = contested >= LATE_AFTER_LOSSES ? LATE_SLOT_WINDOW : Math.min(SLOT_WINDOW, 2 ** (contested + 1))
  const skipped = Math.floor(random() * window)
  const opening = retryAfter === undefined ? random() * intervalMs : retryAfter
  return { waitMs: Math.max(MIN_WAIT_MS, opening) + skipped * (intervalMs + SLOT_DRIFT_MS) + jitter, contested: true }
}

/** Jitter spread of the first backoff round; doubles each round, up to a minute. */
const BACKOFF_SPREAD_MS = 1_000
const MAX_SPREAD_MS = 60_000

/**
 * The wait before backoff round `round` (0-based) of a call without a quota: what Retry-After asks for (at least
 * 1 s), plus full jitter over 1 s doubled each round (capped at 60 s), so runs throttled together come back apart.
 */
export function backoffWait(round: number, retryAfter: number | undefined, random: () => number): number {
  const spread = Math.min(MAX_SPREAD_MS, BACKOFF_SPREAD_MS * 2 ** round)
  return Math.max(MIN_WAIT_MS, retryAfter ?? 0) + Math.floor(random() * spread)
}
