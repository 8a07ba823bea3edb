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
  /** Divides every interval: timeScale 100 turns "1 per 5 s" into "1 per 50 ms". */
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

  /** Returns the 429 to send, or undefined after charging the call to the quotas. `bucket`: see `quotaBucket`. */
  check(bucket: string): ApiError | undefined {
    if (!this.options.enabled) return undefined
    const now = this.clock()
    const ratePerMs = (RATE_PER_SECOND * this.scale) / 1000
    this.tokens = Math.min(BURST, this.tokens + (now - this.refilledAt) * ratePerMs)
    this.refilledAt = now
    if (this.tokens < 1) return throttled((1 - this.tokens) / ratePerMs)
    const interval = OPERATION_INTERVALS_MS[bucket]
    const next = this.nextAllowed.get(bucket) ?? 0
    if (interval !== undefined && now < next) return throttled(next - now)
    this.tokens -= 1
    if (interval !== undefined) this.nextAllowed.set(bucket, now + interval / this.scale)
    return undefined
  }
}

/** Retry-After is whole seconds, at least 1. */
function throttled(waitMs: number): ApiError {
  return tooManyRequests('Too Many Requests', Math.max(1, Math.ceil(waitMs / 1000)))
}
