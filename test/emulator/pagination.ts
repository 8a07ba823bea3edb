// `position` / `limit` paging shared by every list operation (limit: default 25, maximum 500).
import { badRequest } from './errors.js'

export const DEFAULT_LIMIT = 25
export const MAX_LIMIT = 500

export interface Page<T> {
  item: T[]
  position?: string
}

export function encodePosition(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url')
}

function decodePosition(position: string): number {
  const text = Buffer.from(position, 'base64url').toString()
  const offset = Number(text.slice(2))
  if (!text.startsWith('o:') || !Number.isInteger(offset) || offset < 0) {
    throw badRequest('Invalid position parameter')
  }
  return offset
}

export function paginate<T>(items: T[], query: URLSearchParams): Page<T> {
  const position = query.get('position')
  const start = position ? decodePosition(position) : 0
  const rawLimit = Number(query.get('limit') ?? DEFAULT_LIMIT)
  const limit = Number.isFinite(rawLimit) && rawLimit > 0 ? Math.min(Math.floor(rawLimit), MAX_LIMIT) : DEFAULT_LIMIT
  const item = items.slice(start, start + limit)
  const end = start + item.length
  return end < items.length ? { item, position: encodePosition(end) } : { item }
}
