// Tolerant readers for a parsed OpenAPI document: nothing in a user's file is trusted to have the right shape.
import type { Dict } from '../types.js'

export type Obj = Dict<unknown>

export const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
export const obj = (value: unknown): Obj => (isObj(value) ? value : {})
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** A string, or a number written where a string belongs (YAML reads `version: 1.0` as a number). */
export const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined

export const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined

/** A map of strings; entries of another type are left out. */
export function stringMap(value: unknown): Dict<string> | undefined {
  if (!isObj(value)) return undefined
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}

/** Like Partial, with `undefined` allowed explicitly (the project compiles with exactOptionalPropertyTypes). */
export type Maybe<T> = { [K in keyof T]?: T[K] | undefined }

/** Copies the entries of `optional` whose value is defined (AWS leaves unset fields out). */
export function assignDefined<T extends object>(target: T, optional: Maybe<T>): T {
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(target, { [key]: value })
  }
  return target
}
