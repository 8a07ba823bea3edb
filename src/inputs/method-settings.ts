// Method settings: the stage-wide inputs (cache-ttl, logging-level, …) and the `method-settings` input, a
// YAML map of `METHOD /path` to the same settings for one method.
import { fail, ok, type Parsed, parseBoolean, parseDecimal, parseEnum, parseInteger } from '../lib/parse.js'
import { quoteShort, shorten } from '../lib/text.js'
import type { MethodSettingValues } from '../model/state.js'
import {
  ANY_EXPANSION,
  CACHE_CONTROL_STRATEGIES,
  HTTP_METHODS,
  type HttpMethod,
  LOGGING_LEVELS,
  MAX_CACHE_TTL_SECONDS,
  MAX_THROTTLING_BURST_LIMIT,
  MAX_THROTTLING_RATE_LIMIT,
} from '../model/vocabulary.js'
import type { MethodSettingOverride } from './types.js'
import { isYamlMap, isYamlScalar, readYaml } from './yaml-document.js'

/** Setting names of `method-settings` entries; the same names are stage-level inputs. */
export const METHOD_SETTING_NAMES = [
  'throttling-rate-limit',
  'throttling-burst-limit',
  'caching-enabled',
  'cache-ttl',
  'cache-data-encrypted',
  'require-authorization-for-cache-control',
  'unauthorized-cache-control-header-strategy',
  'logging-level',
  'data-trace',
  'metrics',
] as const
export type MethodSettingName = (typeof METHOD_SETTING_NAMES)[number]

/** Parse one setting (stage-level input or method-settings entry) into its MethodSetting field. */
export function parseMethodSetting(name: MethodSettingName, raw: string): Parsed<MethodSettingValues> {
  const wrap = <T>(p: Parsed<T>, make: (v: T) => MethodSettingValues): Parsed<MethodSettingValues> =>
    p.ok ? ok(make(p.value)) : fail(p.error)
  switch (name) {
    case 'throttling-rate-limit':
      return wrap(parseDecimal(raw, { min: 0, max: MAX_THROTTLING_RATE_LIMIT }), (v) => ({ throttlingRateLimit: v }))
    case 'throttling-burst-limit':
      return wrap(parseInteger(raw, { min: 0, max: MAX_THROTTLING_BURST_LIMIT }), (v) => ({ throttlingBurstLimit: v }))
    case 'caching-enabled':
      return wrap(parseBoolean(raw), (v) => ({ cachingEnabled: v }))
    case 'cache-ttl':
      return wrap(parseInteger(raw, { min: 0, max: MAX_CACHE_TTL_SECONDS }), (v) => ({ cacheTtlInSeconds: v }))
    case 'cache-data-encrypted':
      return wrap(parseBoolean(raw), (v) => ({ cacheDataEncrypted: v }))
    case 'require-authorization-for-cache-control':
      return wrap(parseBoolean(raw), (v) => ({ requireAuthorizationForCacheControl: v }))
    case 'unauthorized-cache-control-header-strategy':
      return wrap(parseEnum(raw, CACHE_CONTROL_STRATEGIES), (v) => ({ unauthorizedCacheControlHeaderStrategy: v }))
    case 'logging-level':
      return wrap(parseEnum(raw, LOGGING_LEVELS), (v) => ({ loggingLevel: v }))
    case 'data-trace':
      return wrap(parseBoolean(raw), (v) => ({ dataTraceEnabled: v }))
    case 'metrics':
      return wrap(parseBoolean(raw), (v) => ({ metricsEnabled: v }))
  }
}

const PATH_PARAM = /^\{[A-Za-z0-9._-]+\+?\}$/
const PATH_LITERAL = /^[A-Za-z0-9._~:@!$&'()+,;=-]+$/

/** A resource path: `/`, or `/`-separated segments (literals, `{param}`, a final greedy `{proxy+}`). */
export function parseResourcePath(raw: string): Parsed<string> {
  if (raw === '/') return ok(raw)
  const rule = "must be a resource path starting with '/', e.g. / or /pets/{id} or /{proxy+}"
  if (!raw.startsWith('/')) return fail(rule)
  const segments = raw.slice(1).split('/')
  for (const [i, segment] of segments.entries()) {
    if (segment === '') return fail(`${rule}, without empty segments or a trailing '/'`)
    if (PATH_PARAM.test(segment)) {
      if (segment.endsWith('+}') && i !== segments.length - 1) return fail(`${rule}; a greedy {name+} must come last`)
      continue
    }
    if (!PATH_LITERAL.test(segment)) return fail(`${rule}; segment ${quoteShort(segment, 40)} is not valid`)
  }
  return ok(raw)
}

/** A `method-settings` key: `METHOD /path`, e.g. `GET /pets/{id}`, `ANY /{proxy+}`, `POST /`. */
export function parseMethodSettingKey(raw: string): Parsed<{ httpMethod: HttpMethod; resourcePath: string }> {
  const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(raw)
  const usage = `key ${shorten(raw, 60)} must be 'METHOD /path' with METHOD one of ${HTTP_METHODS.join(', ')}`
  if (!m) {
    if (raw.trim() === '*/*' || raw.trim() === '* /*') {
      return fail(`${usage}; stage-wide (*/*) settings go in the stage-level inputs such as cache-ttl`)
    }
    return fail(usage)
  }
  const method = HTTP_METHODS.find((h) => h === m[1]?.toUpperCase())
  if (method === undefined) return fail(usage)
  const path = parseResourcePath(m[2] ?? '')
  if (!path.ok) return fail(`key ${shorten(raw, 60)}: path ${path.error}`)
  return ok({ httpMethod: method, resourcePath: path.value })
}

/**
 * `method-settings`: a YAML map keyed `METHOD /path`, each value a map of setting name to value, e.g.
 * ```yaml
 * GET /pets/{id}:
 *   caching-enabled: true
 *   cache-ttl: 60
 * ANY /{proxy+}:
 *   throttling-rate-limit: 50
 * ```
 * Rejects an entry that names the same method and path as another (including through `ANY`).
 */
export function parseMethodSettings(raw: string): Parsed<MethodSettingOverride[]> {
  if (raw.trim() === '') return ok([])
  const shape = "must be a YAML map of 'METHOD /path' to a map of settings"
  const read = readYaml(raw)
  if (!read.ok) {
    if (read.code === 'ALIAS') return fail(`is invalid: ${read.message}`)
    const what = read.code === 'DUPLICATE_KEY' ? 'repeats a key' : `is not valid YAML (${read.message})`
    return fail(`${what} at line ${read.line}; ${shape}`)
  }
  const { contents, resolve } = read
  if (!isYamlMap(contents)) return fail(shape)
  const out: MethodSettingOverride[] = []
  const errors: string[] = []
  const covered = new Map<string, string>()
  for (const pair of contents.items) {
    const keyNode = resolve(pair.key)
    if (!isYamlScalar(keyNode)) {
      errors.push(shape)
      continue
    }
    const keyText = String(keyNode.value)
    const key = parseMethodSettingKey(keyText)
    if (!key.ok) {
      errors.push(key.error)
      continue
    }
    const label = `'${key.value.httpMethod} ${key.value.resourcePath}'`
    const verbs = key.value.httpMethod === 'ANY' ? ANY_EXPANSION : [key.value.httpMethod]
    for (const verb of verbs) {
      const id = `${verb} ${key.value.resourcePath}`
      const earlier = covered.get(id)
      if (earlier !== undefined) errors.push(`${label} and ${earlier} both set ${id}`)
      else covered.set(id, label)
    }
    const settingsNode = resolve(pair.value)
    if (!isYamlMap(settingsNode) || settingsNode.items.length === 0) {
      errors.push(`${label} must map to settings, e.g. 'caching-enabled: true'`)
      continue
    }
    let settings: MethodSettingValues = {}
    for (const item of settingsNode.items) {
      const nameNode = resolve(item.key)
      const nameText = isYamlScalar(nameNode) ? String(nameNode.value) : ''
      const name = METHOD_SETTING_NAMES.find((n) => n === nameText)
      if (name === undefined) {
        errors.push(`${label}: unknown setting ${shorten(nameText, 60)} (allowed: ${METHOD_SETTING_NAMES.join(', ')})`)
        continue
      }
      const valueNode = resolve(item.value)
      if (!isYamlScalar(valueNode)) {
        errors.push(`${label}: ${name} must have a single value`)
        continue
      }
      const valueText = String(valueNode.value)
      const value = parseMethodSetting(name, valueText)
      if (value.ok) settings = { ...settings, ...value.value }
      else errors.push(`${label}: ${name} ${value.error}, got ${shorten(valueText, 60)}`)
    }
    out.push({ httpMethod: key.value.httpMethod, resourcePath: key.value.resourcePath, settings })
  }
  return errors.length > 0 ? fail(`is invalid: ${errors.join('; ')}`) : ok(out)
}
