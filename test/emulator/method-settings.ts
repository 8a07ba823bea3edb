// Stage method settings: the `*/*` and `~1`-escaped keys, AWS's defaults and the setting paths.
import { badRequest } from './errors.js'
import type { Dict, MethodSettingState } from './types.js'
import { parseBool } from './validation.js'

/** The list AWS prints for an invalid UpdateStage path, verbatim (odd spacing and missing commas included). */
export const VALID_STAGE_PATHS =
  '[/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, /{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace, /{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds, /{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted, /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, /{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel, /*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted, /*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{variable_name}, /tracingEnabled]'

export const invalidStagePath = (path: string) =>
  badRequest(`Invalid method setting path: ${path}. Must be one of: ${VALID_STAGE_PATHS}`)

export const cannotRemove = (what: string) =>
  badRequest(`Cannot remove method setting ${what} because there is no method setting for this method `)

/** What AWS fills into a method-setting entry it creates (recorded in TestStages::test_create_update_stages). */
export function defaultMethodSetting(): MethodSettingState {
  return {
    metricsEnabled: false,
    dataTraceEnabled: false,
    throttlingBurstLimit: 5000,
    throttlingRateLimit: 10000.0,
    cachingEnabled: false,
    cacheTtlInSeconds: 300,
    cacheDataEncrypted: false,
    requireAuthorizationForCacheControl: true,
    unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
  }
}

const LOG_LEVELS = ['OFF', 'ERROR', 'INFO']
const CACHE_CONTROL_STRATEGIES = ['FAIL_WITH_403', 'SUCCEED_WITH_RESPONSE_HEADER', 'SUCCEED_WITHOUT_RESPONSE_HEADER']
const HTTP_METHODS = ['*', 'GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']

function integer(value: string, min: number, max: number, what: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw badRequest(`Invalid value '${value}' for ${what}`)
  }
  return n
}

function decimal(value: string, what: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw badRequest(`Invalid value '${value}' for ${what}`)
  return n
}

function oneOf(value: string, allowed: string[], what: string): string {
  if (!allowed.includes(value)) throw badRequest(`Invalid value '${value}' for ${what}. Must be one of ${allowed}`)
  return value
}

type Parse = (value: string) => string | number | boolean

/** `{group}/{field}` suffix → MethodSetting field and how AWS parses the string value. */
const SETTINGS: Dict<{ field: keyof MethodSettingState; parse: Parse }> = {
  'metrics/enabled': { field: 'metricsEnabled', parse: parseBool },
  'logging/loglevel': { field: 'loggingLevel', parse: (v) => oneOf(v, LOG_LEVELS, 'logging level') },
  'logging/dataTrace': { field: 'dataTraceEnabled', parse: parseBool },
  'throttling/burstLimit': {
    field: 'throttlingBurstLimit',
    parse: (v) => integer(v, 0, Number.MAX_SAFE_INTEGER, 'burst limit'),
  },
  'throttling/rateLimit': { field: 'throttlingRateLimit', parse: (v) => decimal(v, 'rate limit') },
  'caching/enabled': { field: 'cachingEnabled', parse: parseBool },
  'caching/ttlInSeconds': { field: 'cacheTtlInSeconds', parse: (v) => integer(v, 0, 3600, 'cache ttl') },
  'caching/dataEncrypted': { field: 'cacheDataEncrypted', parse: parseBool },
  'caching/requireAuthorizationForCacheControl': { field: 'requireAuthorizationForCacheControl', parse: parseBool },
  'caching/unauthorizedCacheControlHeaderStrategy': {
    field: 'unauthorizedCacheControlHeaderStrategy',
    parse: (v) => oneOf(v, CACHE_CONTROL_STRATEGIES, 'cache control strategy'),
  },
}

/** `/{resource}/{method}/{group}/{field}` split into key and suffix, or undefined if it has another shape. */
export function parseSettingPath(path: string): { key: string; suffix: string } | undefined {
  const parts = path.slice(1).split('/')
  if (parts.length !== 4) return undefined
  const [resource, method, group, field] = parts as [string, string, string, string]
  if (!resource || !method) return undefined
  return { key: `${resource}/${method}`, suffix: `${group}/${field}` }
}

/**
 * Applies one `replace`/`add` of a method setting. AWS does not check that the resource exists, so a key
 * such as `test/GET` is accepted as written. A new specific entry starts as a copy of `*\/*` when that
 * exists (recorded: `cachingEnabled:true` was inherited), else from AWS's defaults.
 * `ANY` as the method is rejected, as third-party measurements through CloudFormation reported.
 */
export function setMethodSetting(settings: Dict<MethodSettingState>, path: string, value: string | undefined): void {
  const parsed = parseSettingPath(path)
  const setting = parsed && SETTINGS[parsed.suffix]
  const method = parsed?.key.split('/')[1] ?? ''
  if (!parsed || !setting || !HTTP_METHODS.includes(method)) throw invalidStagePath(path)
  const wildcard = settings['*/*']
  const entry = settings[parsed.key] ?? (wildcard ? structuredClone(wildcard) : defaultMethodSetting())
  Object.assign(entry, { [setting.field]: setting.parse(value ?? '') })
  settings[parsed.key] = entry
}

/**
 * `remove` of a whole entry (`/*\/*`, `/~1pets/GET`) deletes it; a missing entry gives AWS's recorded error.
 * `remove` of one leaf (not observed on AWS) resets that field to AWS's default.
 */
export function removeMethodSetting(settings: Dict<MethodSettingState>, path: string): void {
  const parts = path.slice(1).split('/')
  const key = parts.slice(0, 2).join('/')
  if (parts.length === 2) {
    if (!settings[key]) throw cannotRemove(key)
    delete settings[key]
    return
  }
  const parsed = parseSettingPath(path)
  const setting = parsed && SETTINGS[parsed.suffix]
  if (!parsed || !setting) throw invalidStagePath(path)
  const entry = settings[key]
  if (!entry) throw cannotRemove(key)
  if (setting.field === 'loggingLevel') delete entry.loggingLevel
  else Object.assign(entry, { [setting.field]: defaultMethodSetting()[setting.field] })
}
