// What the golden fixture keeps of one case: the whole diff result, or the error message; for a large case a digest
// of the result (sorted-key JSON, SHA-256) and its counts, which keeps the fixture small.

import { createHash } from 'node:crypto'
import type { ApiDiff } from '../../../src/diff/api-diff.js'
import type { GoldenCase } from './case.js'

export type DiffFunction = (before: object | undefined, after: object | undefined) => ApiDiff

export type GoldenRecord =
  | { name: string; result: ApiDiff }
  | { name: string; digest: string; counts: ApiDiff['counts']; engine: ApiDiff['engine'] }
  | { name: string; error: string }

export interface CaseOutcome {
  name: string
  result?: ApiDiff
  error?: string
  /** Time of the diff alone, the inputs being built beforehand: wall clock, and the process's CPU time. */
  ms: number
  cpuMs: number
}

export function runCase(diff: DiffFunction, c: GoldenCase): CaseOutcome {
  const before = c.before()
  const after = c.after()
  const started = performance.now()
  const cpu = process.cpuUsage()
  const timed = (outcome: { result: ApiDiff } | { error: string }): CaseOutcome => {
    const { user, system } = process.cpuUsage(cpu)
    return { name: c.name, ...outcome, ms: performance.now() - started, cpuMs: (user + system) / 1000 }
  }
  try {
    return timed({ result: diff(before, after) })
  } catch (err) {
    return timed({ error: err instanceof Error ? err.message : String(err) })
  }
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

function digest(result: ApiDiff): string {
  return createHash('sha256').update(JSON.stringify(result, sortedKeys)).digest('hex')
}

export function goldenRecord(c: GoldenCase, outcome: CaseOutcome): GoldenRecord {
  if (outcome.result === undefined) return { name: c.name, error: outcome.error ?? '' }
  if (c.large !== true) return { name: c.name, result: outcome.result }
  const { counts, engine } = outcome.result
  return { name: c.name, digest: digest(outcome.result), counts, engine }
}
