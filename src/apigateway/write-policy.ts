// How the executor paces and retries its writes, beyond the SDK's own retries: spacing for the per-account quotas,
// ConflictException (concurrent modification, which the SDK does not retry) and throttling that outlived the SDK.
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import { realSleep, type Sleep } from '../lib/sleep.js'
import type { PlannedCall } from '../plan/types.js'
import { errorName, isConflict, type RetryPolicy } from './aws-call.js'

export interface WritePolicyOptions {
  sleep?: Sleep
  /** Extra attempts for ConflictException (concurrent modification), which the SDK does not retry. */
  conflictRetries?: number
  /**
   * Extra rounds for a call AWS still throttles after the SDK's own retries gave up (each round is a full SDK
   * attempt with its retries). Default: the client's max-retries. Matters for the per-account quotas that every run
   * in the account shares (CreateDeployment 1 per 5 s, UpdateUsagePlan 1 per 20 s).
   */
  throttleRetries?: number
  /** Total time a call may spend waiting out throttling, across rounds (default 3 minutes). */
  throttleBudgetMs?: number
  /** Random source for the jitter, in [0, 1) (tests make it deterministic). */
  random?: () => number
  /** Called before waiting out a throttled call, for logging. */
  onThrottled?: (call: PlannedCall, waitMs: number, round: number, rounds: number) => void
}

/** AWS's fixed per-account rate for these calls [apigateway quotas]. */
const MIN_INTERVAL_MS: Partial<Record<PlannedCall['action'], number>> = {
  UpdateUsagePlan: 20_000,
  CreateDeployment: 5_000,
  PutRestApi: 1_000,
  // Regional and private; an edge API's creation is 1 per 30 s (a run creates at most one API).
  ImportRestApi: 3_000,
  DeleteRestApi: 30_000,
}
const QUOTA_TEXT: Partial<Record<PlannedCall['action'], string>> = {
  UpdateUsagePlan: '1 UpdateUsagePlan per 20 seconds',
  CreateDeployment: '1 CreateDeployment per 5 seconds',
  PutRestApi: '1 PutRestApi per second',
  ImportRestApi: '1 ImportRestApi per 3 seconds (regional; 30 seconds for edge-optimised APIs)',
  DeleteRestApi: '1 DeleteRestApi per 30 seconds',
}
/** Jitter spread of the first throttling round for calls without a fixed interval; doubles each round. */
const DEFAULT_SPREAD_MS = 1_000
const MAX_SPREAD_MS = 60_000
const DEFAULT_THROTTLE_BUDGET_MS = 180_000
const DEFAULT_CONFLICT_RETRIES = 4

/** 429: TooManyRequestsException or LimitExceededException (the SDK's own retries are used up). */
function isThrottled(err: unknown): boolean {
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

/**
 * How long to wait before throttling round `round` (0-based): what Retry-After asks for (at least 1 s), plus full
 * jitter over the call's quota interval doubled each round (capped at 60 s), so runs that were throttled together
 * do not come back together.
 */
export function throttleWaitMs(
  action: PlannedCall['action'],
  round: number,
  retryAfter: number | undefined,
  random: () => number,
): number {
  const spread = Math.min(MAX_SPREAD_MS, (MIN_INTERVAL_MS[action] ?? DEFAULT_SPREAD_MS) * 2 ** round)
  return Math.max(1000, retryAfter ?? 0) + Math.floor(random() * spread)
}

function throttleNote(call: PlannedCall, rounds: number, waitedMs: number): string {
  const quota = QUOTA_TEXT[call.action]
  const waited = rounds ? ` It was retried ${rounds} more time(s) over ${Math.round(waitedMs / 1000)} s.` : ''
  return quota
    ? ` AWS allows ${quota} per account, shared by every run in the account.${waited} Re-run later, or raise max-retries.`
    : ` AWS throttled the account's API Gateway control-plane calls (10 per second).${waited} Re-run later, or raise max-retries.`
}

/** The max-retries the client was built with (the SDK resolves maxAttempts to a provider). */
function clientRetries(client: APIGatewayClient): Promise<number> {
  return client.config.maxAttempts().then(
    (attempts) => Math.max(1, attempts - 1),
    () => 1,
  )
}

/** The options with their defaults filled in (the logging callback stays optional). */
type ResolvedOptions = Required<Omit<WritePolicyOptions, 'onThrottled'>> & Pick<WritePolicyOptions, 'onThrottled'>

/** The pacing and retries of one plan's writes: spacing between calls of a quota, a retry policy per call. */
export class WritePolicy {
  private readonly lastSent = new Map<PlannedCall['action'], number>()

  private constructor(private readonly options: ResolvedOptions) {}

  static async create(client: APIGatewayClient, options: WritePolicyOptions): Promise<WritePolicy> {
    return new WritePolicy({
      sleep: options.sleep ?? realSleep,
      random: options.random ?? Math.random,
      conflictRetries: options.conflictRetries ?? DEFAULT_CONFLICT_RETRIES,
      throttleRetries: options.throttleRetries ?? (await clientRetries(client)),
      throttleBudgetMs: options.throttleBudgetMs ?? DEFAULT_THROTTLE_BUDGET_MS,
      ...(options.onThrottled ? { onThrottled: options.onThrottled } : {}),
    })
  }

  /**
   * AWS allows some calls only once per interval per account (UpdateUsagePlan: 1 per 20 s); space them instead of
   * collecting 429s.
   */
  async spaceBefore(call: PlannedCall): Promise<void> {
    const interval = MIN_INTERVAL_MS[call.action]
    const previous = this.lastSent.get(call.action)
    if (interval && previous !== undefined) {
      const wait = previous + interval - Date.now()
      if (wait > 0) await this.options.sleep(wait)
    }
    this.sent(call)
  }

  /** Records when the call was last sent; the next call of its kind is spaced from then. */
  sent(call: PlannedCall): void {
    this.lastSent.set(call.action, Date.now())
  }

  /** Conflicts: backoff with full jitter (0.5 s, 1 s, 2 s, 4 s caps). Throttling: rounds within the budget. */
  retryPolicy(call: PlannedCall): RetryPolicy {
    const { sleep, random, conflictRetries, throttleRetries, throttleBudgetMs, onThrottled } = this.options
    let conflicts = 0
    let throttleRounds = 0
    let throttledFor = 0
    return {
      retry: async (err) => {
        if (isConflict(err) && conflicts < conflictRetries) {
          await sleep(random() * 500 * 2 ** conflicts)
          conflicts++
          return true
        }
        if (!isThrottled(err) || throttleRounds >= throttleRetries) return false
        // The SDK's retries are used up, typically because other runs in the account share the quota.
        const wait = throttleWaitMs(call.action, throttleRounds, retryAfterMs(err), random)
        if (throttledFor + wait > throttleBudgetMs) return false
        onThrottled?.(call, wait, throttleRounds + 1, throttleRetries)
        await sleep(wait)
        throttledFor += wait
        throttleRounds++
        return true
      },
      failureNote: (err) => (isThrottled(err) ? throttleNote(call, throttleRounds, throttledFor) : ''),
    }
  }
}
