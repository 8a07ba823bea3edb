// Typed readers for request bodies: the SDK sends JSON, but nothing on the wire is trusted.
import { badRequest } from './errors.js'
import type { Dict } from './types.js'

export function optString(body: Dict<unknown>, key: string): string | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw badRequest(`Invalid value for ${key}`)
  return value
}

export function reqString(body: Dict<unknown>, key: string, message: string): string {
  const value = optString(body, key)
  if (value === undefined || value === '') throw badRequest(message)
  return value
}

export function optBool(body: Dict<unknown>, key: string): boolean | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw badRequest(`Invalid value for ${key}`)
  return value
}

export function optNumber(body: Dict<unknown>, key: string): number | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badRequest(`Invalid value for ${key}`)
  return value
}

export function optObject(body: Dict<unknown>, key: string): Dict<unknown> | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(`Invalid value for ${key}`)
  return value as Dict<unknown>
}

export function optMap<T extends string | boolean>(
  body: Dict<unknown>,
  key: string,
  type: 'string' | 'boolean',
): Dict<T> | undefined {
  const value = optObject(body, key)
  if (value === undefined) return undefined
  for (const entry of Object.values(value)) {
    if (typeof entry !== type) throw badRequest(`Invalid value for ${key}`)
  }
  return { ...(value as Dict<T>) }
}

export function optStringList(body: Dict<unknown>, key: string): string[] | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw badRequest(`Invalid value for ${key}`)
  return [...(value as string[])]
}

export interface PatchOperation {
  op: string
  path: string
  value?: string
  from?: string
}

export function patchOperations(body: Dict<unknown>): PatchOperation[] {
  const value = body.patchOperations
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw badRequest('Invalid patch operations specified')
  return value.map((raw) => {
    const op = (raw ?? {}) as Dict<unknown>
    const result: PatchOperation = { op: String(op.op ?? ''), path: String(op.path ?? '') }
    if (typeof op.value === 'string') result.value = op.value
    if (typeof op.from === 'string') result.from = op.from
    return result
  })
}
