// AWS's fixed control-plane quotas: account-wide token bucket (10 rps, burst 40) and per-operation intervals.
import { type ApiError, tooManyRequests } from './errors.js'

const RATE_PER_SECOND = 10
const BURST = 40
/** Minimum spacing between accepted calls, per account ([DOC] limits.md), by quota bucket (see `quotaBucket`). */
export const OPERATION_INTERVALS_MS: Record<string, number> = {
  CreateDeployment: 5_000,
  UpdateUsagePlan: 20_000,
  PutRestApi: 1_000,
  DeleteRestApi: 30_000,
  'CreateRestApi/REGIONAL': 3_000,
  'CreateRestApi/EDGE': 30_000,
}

/**
 * The quota an operation is charged to. CreateRestApi and ImportRestApi share one interval per endpoint class:
 * 1 per 3 s for regional and private APIs, 1 per 30 s for edge-optimised ones (the default endpoint type).
 */
export function quotaBucket(operation: string, query: URLSearchParams, body: unknown): string {
  if (operation !== 'CreateRestApi' && operation !== 'ImportRestApi') return operation
  const types = (body as { endpointConfiguration?: { types?: unknown } } | undefined)?.endpointConfiguration?.types
  const requested =
    operation === 'ImportRestApi' ? query.get('endpointConfigurationTypes') : Array.isArray(types) ? types[0] : null
  return String(requested ?? 'EDGE').toUpperCase() === 'EDGE' ? 'CreateRestApi/EDGE' : 'CreateRestApi/REGIONAL'
}

export interface QuotaOptions {
  enabled: boolean
  /**
   * AWS time runs this many times as fast as the emulator's clock: timeScale 100 turns "1 per 5 s" into "1 per 50 ms"
   * and "10 per second" into 1,000, while Retry-After stays in AWS seconds.
   */
  timeScale?: number
}

export class Quotas {
  private tokens = BURST
  private refilledAt: number
  private readonly nextAllowed = new Map<string, number>()
  private readonly scale: number

  constructor(
    private readonly options: QuotaOptions,
    private readonly clock: () => number = Date.now,
  ) {
    this.scale = options.timeScale && options.timeScale > 0 ? options.timeScale : 1
    this.refilledAt = clock()
  }

  /**
   * Returns the 429 to send, or undefined after charging the call to the quotas. `bucket`: see `quotaBucket`. A call
   * the per-operation interval refuses still takes a token from the account's bucket: whether AWS counts refused calls
   * is not documented, and counting them makes a herd of retrying runs visible in everyone's other calls.
   */
  check(bucket: string): ApiError | undefined {
    if (!this.options.enabled) return undefined
    const now = this.clock()
    const ratePerMs = (RATE_PER_SECOND * this.scale) / 1000
    this.tokens = Math.min(BURST, this.tokens + (now - this.refilledAt) * ratePerMs)
    this.refilledAt = now
    if (this.tokens < 1) return this.throttled((1 - this.tokens) / ratePerMs)
    this.tokens -= 1
    const interval = OPERATION_INTERVALS_MS[bucket]
    const next = this.nextAllowed.get(bucket) ?? 0
    if (interval !== undefined && now < next) return this.throttled(next - now)
    if (interval !== undefined) this.nextAllowed.set(bucket, now + interval / this.scale)
    return undefined
  }

  /**
   * Retry-After is whole seconds, at least 1, of AWS time: the emulator's wait (`waitMs`, scaled) times timeScale.
   * A client whose clock runs timeScale times as fast comes back just as the call is allowed.
   */
  private throttled(waitMs: number): ApiError {
    // The epsilon keeps float noise (an interval divided by timeScale 3, multiplied back) from adding a second.
    return tooManyRequests('Too Many Requests', Math.max(1, Math.ceil((waitMs * this.scale) / 1000 - 1e-9)))
  }
}
