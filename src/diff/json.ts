// Plain-JSON helpers for the API diff, which works on parsed definitions.

export type Json = Record<string, unknown>

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** JSON with sorted keys, for equality checks that ignore key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  )
}

/**
 * An object with these entries, in this order. V8 gives an object that receives integer-like keys one at a time
 * ("200", "404") a sparse backing store hundreds of slots long, slow to build and to copy: an object parsed from JSON
 * holds them compactly, so one is parsed with the keys and then filled.
 */
export function recordOf(entries: Array<[string, unknown]>): Json {
  const out: Json =
    // `__proto__` assigned sets the prototype: it keeps that meaning.
    entries.some(([key]) => isIndexKey(key)) && !entries.some(([key]) => key === '__proto__')
      ? (JSON.parse(`{${entries.map(([key]) => `${JSON.stringify(key)}:0`).join(',')}}`) as Json)
      : {}
  for (const [key, value] of entries) out[key] = value
  return out
}

function isIndexKey(key: string): boolean {
  const first = key.charCodeAt(0)
  return first >= 48 && first <= 57 && /^(0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295
}
