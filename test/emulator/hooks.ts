// Code a test runs right after a successful call, before the caller sees the answer: e.g. another pipeline's
// import landing between this run's PutRestApi and its CreateDeployment.
import type { CallRecord, EmulatorState } from './types.js'

export type AfterHook = (state: EmulatorState, call: CallRecord) => void

interface Rule {
  operation: string
  run: AfterHook
  remaining: number
}

export class Hooks {
  private rules: Rule[] = []
  private readonly failed: Error[] = []

  /** Runs `hook` after each successful (2xx) `operation` call, `times` times (default 1; Infinity for always). */
  after(operation: string, hook: AfterHook, options: { times?: number } = {}): void {
    this.rules.push({ operation, run: hook, remaining: options.times ?? 1 })
  }

  clear(): void {
    this.rules = []
  }

  pending(): Array<{ operation: string; times: number }> {
    return this.rules.map((rule) => ({ operation: rule.operation, times: rule.remaining }))
  }

  /** Errors thrown by hooks; the call they followed still succeeds. */
  failures(): Error[] {
    return [...this.failed]
  }

  /** Called by the server once a call succeeded; hooks change state directly and are not logged as calls. */
  fire(state: EmulatorState, call: CallRecord): void {
    for (const rule of this.rules.filter((r) => r.operation === call.operation)) {
      rule.remaining -= 1
      if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule)
      try {
        rule.run(state, call)
      } catch (error) {
        this.failed.push(error instanceof Error ? error : new Error(String(error)))
      }
    }
  }
}
