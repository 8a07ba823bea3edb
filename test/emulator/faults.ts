// Injected failures: throttle (429), conflict (409), unavailable (503) or a dropped connection.
import { type ApiError, CONCURRENT_MODIFICATION, conflict, serviceUnavailable, tooManyRequests } from './errors.js'
import type { FaultKind, FaultSpec } from './types.js'

const KINDS: FaultKind[] = ['throttle', 'conflict', 'unavailable', 'drop']

interface ActiveFault {
  operation: string
  kind: FaultKind
  times: number
  retryAfterSeconds: number
  after: number
  seen: number
  fired: number
}

export type FaultOutcome = { kind: 'drop' } | { kind: 'error'; error: ApiError }

export class Faults {
  private rules: ActiveFault[] = []

  inject(spec: FaultSpec): void {
    if (!spec || typeof spec.operation !== 'string' || !KINDS.includes(spec.kind)) {
      throw new Error(`invalid fault: ${JSON.stringify(spec)}; kind must be one of ${KINDS.join(', ')}`)
    }
    this.rules.push({
      operation: spec.operation,
      kind: spec.kind,
      times: spec.times !== undefined && spec.times < 0 ? Number.POSITIVE_INFINITY : (spec.times ?? 1),
      retryAfterSeconds: spec.retryAfterSeconds ?? 1,
      after: spec.after ?? 0,
      seen: 0,
      fired: 0,
    })
  }

  clear(): void {
    this.rules = []
  }

  /** Faults still waiting to fire. */
  pending(): FaultSpec[] {
    return this.rules.map(({ operation, kind, times, retryAfterSeconds, after, seen, fired }) => ({
      operation,
      kind,
      times: times - fired,
      retryAfterSeconds,
      after: Math.max(0, after - seen),
    }))
  }

  /** Decides whether this call fails; the first matching rule that is due fires and is used up. */
  take(operation: string): FaultOutcome | undefined {
    for (const rule of this.rules) {
      if (rule.operation !== '*' && rule.operation !== operation) continue
      if (rule.seen < rule.after) {
        rule.seen += 1
        continue
      }
      rule.fired += 1
      if (rule.fired >= rule.times) this.rules = this.rules.filter((r) => r !== rule)
      return outcome(rule)
    }
    return undefined
  }
}

function outcome(rule: ActiveFault): FaultOutcome {
  switch (rule.kind) {
    case 'drop':
      return { kind: 'drop' }
    case 'throttle':
      return { kind: 'error', error: tooManyRequests('Too Many Requests', rule.retryAfterSeconds) }
    case 'conflict':
      return { kind: 'error', error: conflict(CONCURRENT_MODIFICATION) }
    case 'unavailable':
      return {
        kind: 'error',
        error: serviceUnavailable('Service Unavailable. Please try again later.', rule.retryAfterSeconds),
      }
  }
}
