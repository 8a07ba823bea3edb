// What api-smart-diff 1.0.6 reports, or throws on, even when both sides of a part are equal: such a part cannot be
// left out of the diff (reduce.ts), because the full diff would show it, or fail on it. Read from the library's
// mapping resolvers, combiner and allOf handling; each check errs on the side of flagging.

import { isRecord, type Json } from './json.js'
import { resolveRefNode } from './pointer.js'

/** Objects keyed by names (a property named `enum` is not a keyword). */
export const NAME_MAPS: ReadonlySet<string> = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'content',
  'responses',
  'headers',
  'examples',
  'links',
  'callbacks',
  'encoding',
  'variables',
  'mapping',
])
/** Siblings the library leaves beside `oneOf`, `anyOf` or `$ref`; any other is merged into them through allOf. */
const PLAIN_SIBLINGS = new Set(['$defs', 'definitions', '$schema', '$id', 'discriminator'])

/** An object (not a name map) with these keys. */
export function objectQuirk(record: Json, keys: string[]): boolean {
  let combiner = false
  for (const key of keys) {
    switch (key) {
      // Mapped as lists: an object there makes the library throw or report a change.
      case 'enum':
      case 'required':
      case 'tags':
      case 'parameters':
        if (isRecord(record[key])) return true
        break
      case 'oneOf':
      case 'anyOf':
        // A combiner that is not a list is reported as replaced, equal or not.
        if (!Array.isArray(record[key])) return true
        combiner = true
        break
      case '$ref':
        combiner = true
        break
      case 'allOf':
        // Merged by allof-merge, which throws on some inputs.
        return true
    }
  }
  // Siblings of oneOf, anyOf or $ref other than the plain ones are merged into them through allOf.
  return combiner && keys.filter((key) => !PLAIN_SIBLINGS.has(key)).length > 1
}

/** A list under `key`; `root` resolves parameter references. */
export function listQuirk(list: unknown[], key: string, root: Json): boolean {
  switch (key) {
    // Matched item by item with indexOf: a repeated item is reported as added.
    case 'enum':
    case 'required':
    case 'tags':
      return hasRepeats(list)
    case 'allOf':
    case 'oneOf':
    case 'anyOf':
      return !list.every(isRecord)
    case 'parameters':
      return repeatsParameter(list, root)
    case 'examples':
      return false
    default:
      // A list where names are expected.
      return NAME_MAPS.has(key)
  }
}

/** A name map under `key`, with these names. */
export function namesQuirk(names: string[], key: string): boolean {
  if (names.length < 2) return false
  // Responses are matched case-insensitively, media types by type and subtype with wildcards: the first match wins.
  if (key === 'responses') {
    const lower = names.map((n) => n.toLowerCase())
    return lower.some((n, i) => n !== names[i]) && new Set(lower).size !== names.length
  }
  return key === 'content' && hasMatchingMediaTypes(names)
}

/** Objects never match by indexOf (each side has its own); equal primitives and nulls do. */
function hasRepeats(list: unknown[]): boolean {
  return list.some((item, i) => (typeof item !== 'object' || item === null) && list.indexOf(item) !== i)
}

/** Two parameters with the same `in` and `name` (references resolved as the library does) match the same one. */
function repeatsParameter(list: unknown[], root: Json): boolean {
  if (list.length < 2) return false
  const seen = new Set<string>()
  for (const item of list) {
    const p = resolveRefNode(item, root)
    const place = isRecord(p) && typeof p.in === 'string' ? p.in : '\u0000'
    const name = isRecord(p) && typeof p.name === 'string' ? p.name : ''
    const id = `${place}\u0001${name}`
    if (seen.has(id)) return true
    seen.add(id)
  }
  return false
}

function hasMatchingMediaTypes(names: string[]): boolean {
  const parts = names.map((n) => (n.split(';')[0] ?? '').split('/'))
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const [t1, s1] = parts[i] as string[]
      const [t2, s2] = parts[j] as string[]
      if ((t1 === t2 || t1 === '*' || t2 === '*') && (s1 === s2 || s1 === '*' || s2 === '*')) return true
    }
  }
  return false
}
