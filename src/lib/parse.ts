// The result of parsing a text: a value, or a phrase ("must be …") the caller prefixes with what was parsed.
// Generic parsers of scalars and lists; what they mean for the action lives with the inputs.
import { quoteList } from './text.js'

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value }
}

export function fail<T>(error: string): Parsed<T> {
  return { ok: false, error }
}

/** `true` or `false`, case-insensitive. Nothing else (no yes/no/1/0): ambiguity is an error. */
export function parseBoolean(raw: string): Parsed<boolean> {
  const lower = raw.toLowerCase()
  if (lower === 'true') return ok(true)
  if (lower === 'false') return ok(false)
  return fail("must be 'true' or 'false'")
}

interface NumberRange {
  min: number
  max: number
  /** When true, `min` itself is not allowed (0 < p). */
  minExclusive?: boolean
}

function rangeText(kind: string, range: NumberRange): string {
  if (range.minExclusive) return `must be ${kind} greater than ${range.min} and at most ${range.max}`
  if (range.max === Number.MAX_SAFE_INTEGER) return `must be ${kind} of at least ${range.min}`
  return `must be ${kind} from ${range.min} to ${range.max}`
}

function inRange(n: number, range: NumberRange): boolean {
  return n <= range.max && n >= range.min && !(range.minExclusive && n === range.min)
}

/** A non-negative decimal integer in range. No sign, exponent, hex or trailing junk. */
export function parseInteger(raw: string, range: NumberRange): Parsed<number> {
  const n = Number(raw)
  if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(n) || !inRange(n, range)) {
    return fail(rangeText('a whole number', range))
  }
  return ok(n)
}

/** A non-negative decimal number in range, e.g. `10`, `10.5`, `.5`. */
export function parseDecimal(raw: string, range: NumberRange): Parsed<number> {
  const n = Number(raw)
  if (!/^(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)$/.test(raw) || !Number.isFinite(n) || !inRange(n, range)) {
    return fail(rangeText('a number', range))
  }
  return ok(n)
}

/** One of `allowed`, compared case-insensitively; returns the canonical spelling. */
export function parseEnum<const T extends string>(raw: string, allowed: readonly T[]): Parsed<T> {
  const found = allowed.find((a) => a.toLowerCase() === raw.toLowerCase())
  if (found !== undefined) return ok(found)
  return fail(`must be one of ${quoteList(allowed)}`)
}

/** Items separated by newlines and/or commas, trimmed, blanks dropped. */
export function parseList(raw: string): string[] {
  return raw
    .split(/[\n\r,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}
