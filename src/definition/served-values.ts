// Tolerant readers for the served form: a user's file is validated, but its values are read as AWS reads them,
// keeping what has the right type and leaving the rest out.
import { isObject, type JsonObject, valueAtPointer } from './json.js'

export function objectAt(value: unknown): JsonObject {
  return isObject(value) ? value : {}
}

export function listAt(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function stringAt(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** A string, or a number where a string belongs (YAML reads `statusCode: 200` as a number). */
export function textAt(value: unknown): string | undefined {
  return typeof value === 'number' ? String(value) : stringAt(value)
}

export function stringsAt(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined
}

/** The string entries of a map, or undefined when it has none (AWS stores string maps and leaves empty ones out). */
export function stringMapAt(value: unknown): Record<string, string> | undefined {
  const entries = Object.entries(objectAt(value)).filter((e): e is [string, string] => typeof e[1] === 'string')
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}

/** Follows local `$ref`s (`#/components/parameters/Id`, `#/responses/NotFound`) to what they point at. */
export function resolveLocalRef(document: JsonObject, value: unknown): unknown {
  let current = value
  // A chain of references ends; a cycle of them is cut after a few hops.
  for (let hops = 0; hops < 10; hops++) {
    const ref = stringAt(objectAt(current).$ref)
    if (!ref?.startsWith('#/')) return current
    current = valueAtPointer(document, ref)
  }
  return current
}
