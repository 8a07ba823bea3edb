// The result of parsing a text: a value, or a phrase ("must be …") the caller prefixes with what was parsed.
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value }
}

export function fail<T>(error: string): Parsed<T> {
  return { ok: false, error }
}
