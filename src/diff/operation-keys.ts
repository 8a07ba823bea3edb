// How operations are keyed in the comparable documents: OpenAPI method keys, with API Gateway's ANY method travelling
// as `trace` (a key api-smart-diff knows, and one API Gateway never exports).

import type { OperationRef } from './api-diff-types.js'

export const ANY_METHOD_KEY = 'x-amazon-apigateway-any-method'
export const INTEGRATION_KEY = 'x-amazon-apigateway-integration'
const ANY_AS = 'trace'
const OPERATION_KEYS: ReadonlySet<string> = new Set([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  ANY_AS,
])

/** The key an operation has in a comparable document, or undefined when `key` is not an operation. */
export function operationKey(key: string): string | undefined {
  const method = key === ANY_METHOD_KEY ? ANY_AS : key.toLowerCase()
  return OPERATION_KEYS.has(method) ? method : undefined
}

export function isOperationKey(key: string): boolean {
  return OPERATION_KEYS.has(key)
}

export function displayMethod(key: string): string {
  return key === ANY_AS ? 'ANY' : key.toUpperCase()
}

export function opKey(ref: OperationRef): string {
  return `${ref.method} ${ref.path}`
}
