// How the executor paces and retries its writes, beyond the SDK's own retries: spacing for the per-account quotas,
// ConflictException (concurrent modification, which the SDK does not retry), and throttling. A quota-bound call's
// throttling is handled here alone (the SDK does not retry it, client.ts): the wait follows the quota's slots
// (throttle-wait.ts) and lasts as long as a burst of runs in the account needs, up to a time budget. Other calls are
// throttled only by the account's 10 requests per second; the SDK retries those, then a few rounds here.
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import { realSleep, type Sleep } from '../lib/sleep.js'
import type { PlannedCall } from '../plan/types.js'
import { isConflict, type RetryPolicy } from './aws-call.js'
import { quotaOf } from './quotas.js'
import { backoffWait, isThrottled, retryAfterMs, slotWait } from './throttle-wait.js'

export interface WritePolicyOptions {
  sleep?: Sleep
  /** The clock that `sleep` advances (default Date.now): the spacing of a run's own quota-bound calls uses it. */
  now?: () => number
  /** Extra attempts for ConflictException (concurrent modification), which the SDK does not retry. */
  conflictRetries?: number
  /**
   * Extra rounds for a call without a quota that AWS still throttles after the SDK's own retries gave up (each round
   * is a full SDK attempt with its retries). Default: the client's max-retries. Quota-bound calls have no round limit.
   */
  throttleRetries?: number
  /** Total time one call may spend waiting out throttling (default 10 minutes). */
  throttleBudgetMs?: number
  /** Random source for the jitter, in [0, 1) (tests make it deterministic). */
  random?: () => number
  /**
   * Called before waiting out a throttled call, for logging: the wait, which retry it is, and the most rounds there
   * can be (undefined for a quota-bound call, which is bounded by time).
   */
  onThrottled?: (call: PlannedCall, waitMs: number, round: number, rounds: number | undefined) => void
}

/**
 * Ten minutes: 120 CreateDeployment slots, so a burst of about 100 runs deploying in one account at once all get
 * through (about 1.2 slots per run); 30 UpdateUsagePlan or 20 DeleteRestApi slots. A longer queue is better served by
 * fewer runs at once (a concurrency group, a matrix's max-parallel) than by jobs that wait longer.
 */
export const DEFAULT_THROTTLE_BUDGET_MS = 600_000
const DEFAULT_CONFLICT_RETRIES = 4

function throttleNote(call: PlannedCall, retries: number, waitedMs: number, budgetMs: number): string {
  const quota = quotaOf(call.action)
  const waited = ` It was retried ${retries} more time(s) over ${Math.round(waitedMs / 1000)} s`
  if (!quota) {
    return ` AWS throttled the account's API Gateway control-plane calls (10 per second).${retries ? `${waited}.` : ''} Re-run later, or raise max-retries.`
  }
  return (
    ` AWS allows ${quota.text} per account, shared by every run in the account.${waited}, and waits at most` +
    ` ${Math.round(budgetMs / 60_000)} minutes. Re-run later, or let fewer runs call it at once (a concurrency group,` +
    ` or the matrix's max-parallel).`
  )
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
      now: options.now ?? Date.now,
      random: options.random ?? Math.random,
      conflictRetries: options.conflictRetries ?? DEFAULT_CONFLICT_RETRIES,
      throttleRetries: options.throttleRetries ?? (await clientRetries(client)),
      throttleBudgetMs: options.throttleBudgetMs ?? DEFAULT_THROTTLE_BUDGET_MS,
      ...(options.onThrottled ? { onThrottled: options.onThrottled } : {}),
    })
  }

  /**
   * AWS allows some calls only once per interval per account (UpdateUsagePlan: 1 per 20 s); a run spaces its own
   * calls of a quota instead of collecting 429s.
   */
  async spaceBefore(call: PlannedCall): Promise<void> {
    const interval = quotaOf(call.action)?.intervalMs
    const previous = this.lastSent.get(call.action)
    if (interval && previous !== undefined) {
      const wait = previous + interval - this.options.now()
      if (wait > 0) await this.options.sleep(wait)
    }
    this.sent(call)
  }

  /** Records when the call was last sent; the next call of its kind is spaced from then. */
  sent(call: PlannedCall): void {
    this.lastSent.set(call.action, this.options.now())
  }

  /**
   * Conflicts: backoff with full jitter (0.5 s, 1 s, 2 s, 4 s caps). Throttling: the quota's slots, or backoff rounds
   * for a call without a quota; either within the time budget.
   */
  retryPolicy(call: PlannedCall): RetryPolicy {
    const { sleep, now, random, conflictRetries, throttleRetries, throttleBudgetMs, onThrottled } = this.options
    const quota = quotaOf(call.action)
    let conflicts = 0
    let throttles = 0
    let contested = 0
    let waited = 0
    /** The wait before the next attempt; undefined when the rounds of a call without a quota are used up. */
    const nextWait = (err: unknown): number | undefined => {
      const retryAfter = retryAfterMs(err, now())
      if (!quota) return throttles < throttleRetries ? backoffWait(throttles, retryAfter, random) : undefined
      const slot = slotWait(quota.intervalMs, retryAfter, contested, random)
      if (slot.contested) contested++
      return slot.waitMs
    }
    return {
      retry: async (err) => {
        if (isConflict(err) && conflicts < conflictRetries) {
          await sleep(random() * 500 * 2 ** conflicts)
          conflicts++
          return true
        }
        if (!isThrottled(err)) return false
        const wait = nextWait(err)
        if (wait === undefined || waited + wait > throttleBudgetMs) return false
        onThrottled?.(call, wait, throttles + 1, quota ? undefined : throttleRetries)
        await sleep(wait)
        waited += wait
        throttles++
        return true
      },
      failureNote: (err) => (isThrottled(err) ? throttleNote(call, throttles, waited, throttleBudgetMs) : ''),
    }
  }
}
