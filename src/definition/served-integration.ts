// x-amazon-apigateway-integration as the export writes it: what PutIntegration and PutIntegrationResponse keep of
// the file's extension, with AWS's defaults left out and its letter case (recorded exports, AWS-REC 2025-05).
import type { JsonObject } from './json.js'
import { objectAt, stringAt, stringMapAt, stringsAt, textAt } from './served-values.js'

/** AWS's default integration timeout, which the export leaves out. */
const DEFAULT_TIMEOUT_MS = 29_000

export function servedIntegration(raw: JsonObject): JsonObject {
  // The export writes the type and passthrough behaviour in lower case, the HTTP method in upper case.
  const out: JsonObject = { type: (stringAt(raw.type) ?? '').toLowerCase() }
  const httpMethod = stringAt(raw.httpMethod)?.toUpperCase()
  if (httpMethod !== undefined) out.httpMethod = httpMethod
  copyStrings(raw, out, ['uri', 'credentials'])
  // Every non-mock integration without a VPC link is INTERNET, which the export leaves out.
  const connectionType = stringAt(raw.connectionType)?.toUpperCase()
  if (connectionType !== undefined && connectionType !== 'INTERNET') {
    out.connectionType = connectionType
    copyStrings(raw, out, ['connectionId'])
  }
  const responses = integrationResponses(raw.responses)
  if (Object.keys(responses).length > 0) out.responses = responses
  // Only string values are kept: AWS drops any other with a warning (AWS-REC 2025-07-02).
  copyStringMaps(raw, out, ['requestParameters', 'requestTemplates'])
  out.passthroughBehavior = (stringAt(raw.passthroughBehavior) ?? 'when_no_match').toLowerCase()
  copyStrings(raw, out, ['contentHandling'])
  const timeout = typeof raw.timeoutInMillis === 'number' ? raw.timeoutInMillis : DEFAULT_TIMEOUT_MS
  if (timeout !== DEFAULT_TIMEOUT_MS) out.timeoutInMillis = timeout
  const cacheKeys = stringsAt(raw.cacheKeyParameters) ?? []
  if (cacheKeys.length > 0) out.cacheKeyParameters = cacheKeys
  const tls = raw.tlsConfig
  if (typeof tls === 'object' && tls !== null) {
    out.tlsConfig = { insecureSkipVerification: objectAt(tls).insecureSkipVerification === true }
  }
  // cacheNamespace (the resource id by default) and HTTP API fields such as payloadFormatVersion are not exported.
  return out
}

/**
 * Integration responses by selection pattern (`default` for none). AWS keys them by status code, so of two patterns
 * mapping to one status code the later replaces the earlier; a missing status code is 200.
 */
function integrationResponses(value: unknown): JsonObject {
  const byStatus = new Map<string, [string, JsonObject]>()
  for (const [pattern, raw] of Object.entries(objectAt(value))) {
    const response = objectAt(raw)
    const out: JsonObject = { statusCode: textAt(response.statusCode) ?? '200' }
    copyStringMaps(response, out, ['responseParameters', 'responseTemplates'])
    copyStrings(response, out, ['contentHandling'])
    byStatus.set(out.statusCode as string, [pattern === '' ? 'default' : pattern, out])
  }
  return Object.fromEntries(byStatus.values())
}

function copyStrings(from: JsonObject, to: JsonObject, keys: readonly string[]): void {
  for (const key of keys) {
    const value = stringAt(from[key])
    if (value !== undefined) to[key] = value
  }
}

function copyStringMaps(from: JsonObject, to: JsonObject, keys: readonly string[]): void {
  for (const key of keys) {
    const value = stringMapAt(from[key])
    if (value !== undefined) to[key] = value
  }
}
