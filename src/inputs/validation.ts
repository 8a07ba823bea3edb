// Pure validators and parsers for action inputs. No I/O and no @actions/* imports, so planners, the
// emulator and tests can reuse them. Every parser returns `Parsed<T>`; an error is a phrase such as
// "must be an integer from 0 to 3600" that the caller prefixes with the input's name. Errors about stage
// variable maps never contain a variable's value: those may be secrets.
// Limits come from reference/apigateway-semantics.md section 8 unless noted.

import { isMap, isScalar, parseDocument } from 'yaml'
import { fail, ok, type Parsed } from '../lib/parse.js'
import type { MethodSettingValues } from '../model/state.js'
import type { CacheClusterSize } from '../model/vocabulary.js'
import { CACHE_CLUSTER_SIZES } from '../model/vocabulary.js'
import type { ExportInput, MethodSettingOverride, SdkInput } from './types.js'

export type { Parsed } from '../lib/parse.js'

// ---- Limits and vocabularies ----

export const STAGE_NAME_PATTERN = /^[A-Za-z0-9_-]{1,128}$/
export const VARIABLE_NAME_PATTERN = /^[A-Za-z0-9_]{1,64}$/
export const VARIABLE_VALUE_PATTERN = /^[A-Za-z0-9\-._~:/?#&=,]+$/
export const VARIABLE_VALUE_CHARSET = 'A-Z a-z 0-9 - . _ ~ : / ? # & = ,'
export const MAX_VARIABLE_VALUE_LENGTH = 512
/** Stage variables per stage (fixed AWS quota). */
export const MAX_STAGE_VARIABLES = 100
/** Account defaults for stage and method throttling (AWS; some Regions are lower). */
export const MAX_THROTTLING_RATE_LIMIT = 10_000
export const MAX_THROTTLING_BURST_LIMIT = 5_000
export const MAX_CACHE_TTL_SECONDS = 3_600
export { DEFAULT_DELETE_STAGE_PATTERN } from '../model/stage-pattern.js'
/** Single-level base path characters (v1 CreateBasePathMapping); multi-level paths need apigatewayv2. */
export const MAX_BASE_PATH_LENGTH = 300
export const MAX_RETRIES = 20

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'] as const
export type HttpMethod = (typeof HTTP_METHODS)[number]
/** The verbs `ANY` stands for (ANY itself is rejected by AWS in method-setting paths). */
export const ANY_EXPANSION = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const

export const LOGGING_LEVELS = ['OFF', 'ERROR', 'INFO'] as const
export const CACHE_CONTROL_STRATEGIES = [
  'FAIL_WITH_403',
  'SUCCEED_WITH_RESPONSE_HEADER',
  'SUCCEED_WITHOUT_RESPONSE_HEADER',
] as const
export const EXPORT_TYPES = ['oas30', 'swagger'] as const
export const EXPORT_FORMATS = ['json', 'yaml'] as const
export const EXPORT_EXTENSIONS = ['integrations', 'apigateway', 'authorizers', 'postman'] as const
export const SDK_TYPES = ['javascript', 'java', 'android', 'objectivec', 'swift', 'ruby'] as const
/** GetSdk parameters the service model marks as required, per SDK type. */
export const SDK_REQUIRED_PARAMETERS: Readonly<Record<SdkInput['type'], readonly string[]>> = {
  javascript: [],
  java: ['serviceName', 'javaPackageName'],
  android: ['groupId', 'artifactId', 'artifactVersion', 'invokerPackage'],
  objectivec: ['classPrefix'],
  swift: ['classPrefix'],
  ruby: [],
}

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

// ---- Display ----

/** Quote a given value for an error message: control characters escaped, long values cut. */
export function shorten(value: string, max = 80): string {
  const escaped = JSON.stringify(value).slice(1, -1)
  if (escaped.length <= max) return `'${escaped}'`
  return `'${escaped.slice(0, max)}…' (${value.length} characters)`
}

// ---- Scalars ----

/** `true` or `false`, case-insensitive. Nothing else (no yes/no/1/0): ambiguity is an error. */
export function parseBoolean(raw: string): Parsed<boolean> {
  const lower = raw.toLowerCase()
  if (lower === 'true') return ok(true)
  if (lower === 'false') return ok(false)
  return fail("must be 'true' or 'false'")
}

export interface NumberRange {
  min: number
  max: number
  /** When true, `min` itself is not allowed (0 < p). */
  minExclusive?: boolean
}

function rangeText(kind: string, range: NumberRange): string {
  if (range.minExclusive) return `must be ${kind} greater than ${range.min} and at most ${range.max}`
  if (range.max === Number.MAX_SAFE_INTEGER) return `must be ${kind} of at least ${range.min}`
  return `must be ${kind} from ${range.min} to ${range.max}`
}

/** A non-negative decimal integer in range. No sign, exponent, hex or trailing junk. */
export function parseInteger(raw: string, range: NumberRange): Parsed<number> {
  const text = rangeText('a whole number', range)
  if (!/^[0-9]+$/.test(raw)) return fail(text)
  const n = Number(raw)
  if (!Number.isSafeInteger(n) || n > range.max || n < range.min || (range.minExclusive && n === range.min)) {
    return fail(text)
  }
  return ok(n)
}

/** A non-negative decimal number in range, e.g. `10`, `10.5`, `.5`. */
export function parseDecimal(raw: string, range: NumberRange): Parsed<number> {
  const text = rangeText('a number', range)
  if (!/^(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)$/.test(raw)) return fail(text)
  const n = Number(raw)
  if (!Number.isFinite(n) || n > range.max || n < range.min || (range.minExclusive && n === range.min)) {
    return fail(text)
  }
  return ok(n)
}

/** One of `allowed`, compared case-insensitively; returns the canonical spelling. */
export function parseEnum<const T extends string>(raw: string, allowed: readonly T[]): Parsed<T> {
  const found = allowed.find((a) => a.toLowerCase() === raw.toLowerCase())
  if (found !== undefined) return ok(found)
  return fail(`must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`)
}

/** Whether `text` has control characters (C0 or DEL), other than those in `allowed` (e.g. '\n\t'). */
export function hasControlCharacters(text: string, allowed = ''): boolean {
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    if ((code < 0x20 || code === 0x7f) && !allowed.includes(ch)) return true
  }
  return false
}

// ---- Names and identifiers ----

export function isStageName(name: string): boolean {
  return STAGE_NAME_PATTERN.test(name)
}

export function parseStageName(raw: string): Parsed<string> {
  if (isStageName(raw)) return ok(raw)
  return fail('must be a stage name: 1 to 128 letters, digits, - or _ ([A-Za-z0-9_-]{1,128})')
}

export function isVariableName(name: string): boolean {
  return VARIABLE_NAME_PATTERN.test(name)
}

/** Why a stage variable value is invalid, without repeating the value; undefined when it is valid. */
export function variableValueProblem(value: string): string | undefined {
  if (value === '') return 'is empty (AWS requires a non-empty value; use remove-variables to delete a variable)'
  if (value.length > MAX_VARIABLE_VALUE_LENGTH) {
    return `is ${value.length} characters long (at most ${MAX_VARIABLE_VALUE_LENGTH})`
  }
  if (!VARIABLE_VALUE_PATTERN.test(value)) {
    const what = /\s/.test(value) ? 'whitespace' : 'a character'
    return `contains ${what} outside the allowed set (${VARIABLE_VALUE_CHARSET})`
  }
  return undefined
}

/** AWS REST API ids are 10 lowercase letters and digits, e.g. `a1b2c3d4e5`. */
export function parseRestApiId(raw: string): Parsed<string> {
  if (/^[a-z0-9]{10}$/.test(raw)) return ok(raw)
  return fail('must be a REST API id: 10 lowercase letters and digits, e.g. a1b2c3d4e5 (not the API name or URL)')
}

/** A REST API name: any single line of text. */
export function parseRestApiName(raw: string): Parsed<string> {
  if (hasControlCharacters(raw)) return fail('must be a single line of text without control characters')
  if (raw.length > 1024) return fail('must be at most 1024 characters')
  return ok(raw)
}

/**
 * Deployment, usage plan and client certificate ids: AWS issues 6 lowercase letters and digits; up to 10 are
 * accepted because emulators such as moto use 10-character ids for every resource.
 */
export function parseShortId(raw: string, what: string): Parsed<string> {
  if (/^[a-z0-9]{6,10}$/.test(raw)) return ok(raw)
  return fail(`must be ${what}: 6 to 10 lowercase letters and digits, e.g. a1b2c3`)
}

/** Region code such as `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`, `us-isob-east-1`. */
export function parseRegion(raw: string): Parsed<string> {
  if (/^[a-z]{2}(?:-[a-z]+)+-[0-9]{1,2}$/.test(raw)) return ok(raw)
  return fail('must be an AWS Region code such as us-east-1 or eu-central-2')
}

/** A custom domain host name (lower-cased). No scheme, path, port or wildcard. */
export function parseDomainName(raw: string): Parsed<string> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || raw.includes('/')) {
    return fail('must be a host name only, without https:// or a path, e.g. api.example.com')
  }
  if (raw.startsWith('*')) return fail('must be a concrete host name; a wildcard domain has no single base URL')
  const host = raw.toLowerCase()
  const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?'
  const re = new RegExp(`^(?:${label}\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$`)
  if (host.length <= 253 && re.test(host)) return ok(host)
  return fail('must be a domain name such as api.example.com')
}

/** `(none)` (also for empty) or a single-level path of letters, digits and $-_.+!*'(). */
export function parseBasePath(raw: string): Parsed<string> {
  if (raw === '' || raw === '(none)') return ok('(none)')
  if (raw.includes('/')) {
    const hint = raw.replace(/^\/+|\/+$/g, '')
    if (hint !== '' && !hint.includes('/')) return fail(`must not contain '/': write '${hint}'`)
    return fail(
      "must be '(none)' or a single path segment; multi-level base paths (a/b) need API mappings of apigatewayv2, which this action does not manage",
    )
  }
  if (raw.length > MAX_BASE_PATH_LENGTH || !/^[A-Za-z0-9$\-_.+!*'()]+$/.test(raw)) {
    return fail(`must be '(none)' or up to ${MAX_BASE_PATH_LENGTH} letters, digits and $-_.+!*'()`)
  }
  return ok(raw)
}

/** A cache cluster size in GB, or `disabled` to turn the cluster off. */
export function parseCacheClusterSize(raw: string): Parsed<CacheClusterSize | 'disabled'> {
  if (raw.toLowerCase() === 'disabled') return ok('disabled')
  const size = CACHE_CLUSTER_SIZES.find((s) => s === raw)
  if (size !== undefined) return ok(size)
  return fail(`must be one of ${CACHE_CLUSTER_SIZES.join(', ')} (GB) or 'disabled'`)
}

const PARTITION = 'aws(?:-[a-z]+)*'
const REGION = '[a-z]{2}(?:-[a-z]+)+-[0-9]{1,2}'
const LOG_GROUP_ARN = new RegExp(
  `^arn:${PARTITION}:logs:${REGION}:[0-9]{12}:log-group:[A-Za-z0-9_\\-/.#]{1,512}(?::\\*)?$`,
)
const FIREHOSE_ARN = new RegExp(`^arn:${PARTITION}:firehose:${REGION}:[0-9]{12}:deliverystream/([A-Za-z0-9_.-]{1,64})$`)

/** CloudWatch Logs log group ARN, or Firehose stream ARN whose stream name starts with `amazon-apigateway-`. */
export function parseAccessLogDestinationArn(raw: string): Parsed<string> {
  if (LOG_GROUP_ARN.test(raw)) return ok(raw)
  const firehose = FIREHOSE_ARN.exec(raw)
  if (firehose) {
    if (firehose[1]?.startsWith('amazon-apigateway-')) return ok(raw)
    return fail("must name a Firehose stream whose name starts with 'amazon-apigateway-'")
  }
  return fail(
    'must be a CloudWatch Logs log group ARN (arn:aws:logs:REGION:ACCOUNT:log-group:NAME) or a Firehose stream ARN (arn:aws:firehose:REGION:ACCOUNT:deliverystream/amazon-apigateway-NAME)',
  )
}

/** Access log format: must contain `$context.requestId`. */
export function parseAccessLogFormat(raw: string): Parsed<string> {
  if (/\$context\.requestId(?![A-Za-z0-9_])/.test(raw)) return ok(raw)
  return fail("must contain '$context.requestId'")
}

/** A GET path appended to the base URL: starts with a single `/`, no whitespace. */
export function parseSmokeTestPath(raw: string): Parsed<string> {
  if (
    !raw.startsWith('/') ||
    raw.startsWith('//') ||
    /\s/.test(raw) ||
    hasControlCharacters(raw) ||
    raw.length > 2048
  ) {
    return fail("must be a URL path starting with a single '/', without whitespace, e.g. /health")
  }
  return ok(raw)
}

/** A file path to write: one line, not a directory. */
export function parseOutputFile(raw: string): Parsed<string> {
  if (hasControlCharacters(raw)) return fail('must be a file path on one line')
  if (raw.endsWith('/') || raw.endsWith('\\') || raw === '.' || raw === '..') {
    return fail('must be a file path, not a directory')
  }
  return ok(raw)
}

export { compileStagePattern, stageMatchesPattern } from '../model/stage-pattern.js'

// ---- Lists ----

/** Items separated by newlines and/or commas, trimmed, blanks dropped. */
export function parseList(raw: string): string[] {
  return raw
    .split(/[\n\r,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

function duplicates(items: readonly string[]): string[] {
  const seen = new Set<string>()
  const dups = new Set<string>()
  for (const item of items) {
    if (seen.has(item)) dups.add(item)
    seen.add(item)
  }
  return [...dups]
}

function quoteAll(items: readonly string[]): string {
  return items.map((i) => `'${shorten(i, 64).slice(1, -1)}'`).join(', ')
}

/** Stage variable names (remove-variables, remove-canary-variables). */
export function parseVariableNameList(raw: string): Parsed<string[]> {
  const names = parseList(raw)
  const bad = names.filter((n) => !isVariableName(n))
  if (bad.length > 0) {
    return fail(
      `must list stage variable names (letters, digits and _, at most 64 characters); not valid: ${quoteAll(bad)}`,
    )
  }
  const dups = duplicates(names)
  if (dups.length > 0) return fail(`lists ${quoteAll(dups)} more than once`)
  if (names.length > MAX_STAGE_VARIABLES) {
    return fail(`lists ${names.length} names; a stage has at most ${MAX_STAGE_VARIABLES} variables`)
  }
  return ok(names)
}

export function parseUsagePlanIds(raw: string): Parsed<string[]> {
  const ids = parseList(raw)
  const bad = ids.filter((id) => !parseShortId(id, 'x').ok)
  if (bad.length > 0) {
    return fail(
      `must list usage plan ids (6 to 10 lowercase letters and digits, e.g. a1b2c3); not valid: ${quoteAll(bad)}`,
    )
  }
  const dups = duplicates(ids)
  if (dups.length > 0) return fail(`lists ${quoteAll(dups)} more than once`)
  return ok(ids)
}

export function parseExportExtensions(raw: string): Parsed<ExportInput['extensions']> {
  const out: ExportInput['extensions'] = []
  const bad: string[] = []
  for (const item of parseList(raw)) {
    const parsed = parseEnum(item, EXPORT_EXTENSIONS)
    if (parsed.ok) out.push(parsed.value)
    else bad.push(item)
  }
  if (bad.length > 0) {
    return fail(`must list any of ${EXPORT_EXTENSIONS.join(', ')}; not valid: ${quoteAll(bad)}`)
  }
  const dups = duplicates(out)
  if (dups.length > 0) return fail(`lists ${quoteAll(dups)} more than once`)
  return ok(out)
}

// ---- KEY=VALUE lines or YAML maps ----

function lineOf(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++
  return line
}

const KV_LINE = /^\s*([^\s=:#][^\s=:]*)\s*=(.*)$/

function isContentLine(line: string): boolean {
  const t = line.trim()
  return t !== '' && !t.startsWith('#')
}

/**
 * Parse `KEY=VALUE` lines (blank lines and `#` comment lines ignored) or a YAML map of scalars, keeping
 * input order. The form is chosen by the first content line. Every scalar stays a string (YAML failsafe
 * schema: `1.10` stays `1.10`, `true` stays `true`). Errors name keys and line numbers, never values.
 */
export function parseKeyValueText(raw: string): Parsed<Array<[string, string]>> {
  const lines = raw.split(/\r?\n/)
  const first = lines.find(isContentLine)
  if (first === undefined) return ok([])
  if (KV_LINE.test(first)) return parseKeyValueLines(lines)
  return parseYamlScalarMap(raw)
}

function parseKeyValueLines(lines: readonly string[]): Parsed<Array<[string, string]>> {
  const entries: Array<[string, string]> = []
  const errors: string[] = []
  const seen = new Set<string>()
  lines.forEach((line, i) => {
    if (!isContentLine(line)) return
    const m = KV_LINE.exec(line)
    if (!m) {
      errors.push(`line ${i + 1} is not KEY=VALUE (do not mix KEY=VALUE lines with YAML)`)
      return
    }
    const key = m[1] ?? ''
    const value = (m[2] ?? '').trim()
    if (seen.has(key)) errors.push(`key '${shorten(key, 64).slice(1, -1)}' is given more than once (line ${i + 1})`)
    seen.add(key)
    entries.push([key, value])
  })
  return errors.length > 0 ? fail(errors.join('; ')) : ok(entries)
}

function parseYamlScalarMap(raw: string): Parsed<Array<[string, string]>> {
  const doc = parseDocument(raw, { schema: 'failsafe', prettyErrors: false, uniqueKeys: true })
  const yamlError = doc.errors[0]
  if (yamlError) {
    const line = lineOf(raw, yamlError.pos[0])
    const what = yamlError.code === 'DUPLICATE_KEY' ? 'a key is repeated' : `not valid YAML (${yamlError.code})`
    return fail(`${what} at line ${line}; write KEY=VALUE lines or a YAML map of KEY: value`)
  }
  const contents = doc.contents
  if (contents === null) return ok([])
  if (!isMap(contents)) return fail('write KEY=VALUE lines or a YAML map of KEY: value')
  const entries: Array<[string, string]> = []
  const errors: string[] = []
  for (const pair of contents.items) {
    if (!isScalar(pair.key)) {
      errors.push('a key is not a plain name')
      continue
    }
    const key = String(pair.key.value)
    if (pair.value === null) {
      entries.push([key, ''])
    } else if (isScalar(pair.value)) {
      entries.push([key, String(pair.value.value)])
    } else {
      errors.push(`key '${shorten(key, 64).slice(1, -1)}' must have a single text value, not a list, map or alias`)
    }
  }
  return errors.length > 0 ? fail(errors.join('; ')) : ok(entries)
}

/**
 * Stage variables (variables, canary-variables): names `[A-Za-z0-9_]{1,64}`, values non-empty,
 * `[A-Za-z0-9-._~:/?#&=,]+`, at most 512 characters, at most 100 variables. Values never appear in errors.
 */
export function parseStageVariables(raw: string): Parsed<Record<string, string>> {
  const parsed = parseKeyValueText(raw)
  if (!parsed.ok) return fail(`is invalid: ${parsed.error}`)
  const errors: string[] = []
  for (const [key, value] of parsed.value) {
    const shown = `'${shorten(key, 64).slice(1, -1)}'`
    if (!isVariableName(key)) {
      errors.push(`name ${shown} is not valid (letters, digits and _, at most 64 characters)`)
      continue
    }
    const problem = variableValueProblem(value)
    if (problem !== undefined) errors.push(`the value of ${shown} ${problem}`)
  }
  if (parsed.value.length > MAX_STAGE_VARIABLES) {
    errors.push(`has ${parsed.value.length} variables; a stage has at most ${MAX_STAGE_VARIABLES}`)
  }
  if (errors.length > 0) return fail(`is invalid: ${errors.join('; ')}`)
  return ok(Object.fromEntries(parsed.value))
}

/** SDK generation parameters: names such as `classPrefix` or `ruby.gem-name`, non-empty single-line values. */
export function parseSdkParameters(raw: string): Parsed<Record<string, string>> {
  const parsed = parseKeyValueText(raw)
  if (!parsed.ok) return fail(`is invalid: ${parsed.error}`)
  const errors: string[] = []
  for (const [key, value] of parsed.value) {
    if (!/^[A-Za-z0-9._-]{1,128}$/.test(key)) {
      errors.push(`name ${shorten(key, 64)} is not valid (letters, digits, '.', '_' and '-')`)
    } else if (value === '' || /[\r\n]/.test(value)) {
      errors.push(`the value of '${key}' must be non-empty text on one line`)
    }
  }
  if (errors.length > 0) return fail(`is invalid: ${errors.join('; ')}`)
  return ok(Object.fromEntries(parsed.value))
}

// ---- Method settings ----

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
    if (!PATH_LITERAL.test(segment)) return fail(`${rule}; segment '${shorten(segment, 40).slice(1, -1)}' is not valid`)
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
  const doc = parseDocument(raw, { schema: 'failsafe', prettyErrors: false, uniqueKeys: true })
  const yamlError = doc.errors[0]
  if (yamlError) {
    const line = lineOf(raw, yamlError.pos[0])
    const what = yamlError.code === 'DUPLICATE_KEY' ? 'repeats a key' : `is not valid YAML (${yamlError.message})`
    return fail(`${what} at line ${line}; ${shape}`)
  }
  const contents = doc.contents
  if (!isMap(contents)) return fail(shape)
  const out: MethodSettingOverride[] = []
  const errors: string[] = []
  const covered = new Map<string, string>()
  for (const pair of contents.items) {
    if (!isScalar(pair.key)) {
      errors.push(shape)
      continue
    }
    const keyText = String(pair.key.value)
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
    if (!isMap(pair.value) || pair.value.items.length === 0) {
      errors.push(`${label} must map to settings, e.g. 'caching-enabled: true'`)
      continue
    }
    let settings: MethodSettingValues = {}
    for (const item of pair.value.items) {
      const nameText = isScalar(item.key) ? String(item.key.value) : ''
      const name = METHOD_SETTING_NAMES.find((n) => n === nameText)
      if (name === undefined) {
        errors.push(`${label}: unknown setting ${shorten(nameText, 60)} (allowed: ${METHOD_SETTING_NAMES.join(', ')})`)
        continue
      }
      if (!isScalar(item.value)) {
        errors.push(`${label}: ${name} must have a single value`)
        continue
      }
      const valueText = String(item.value.value)
      const value = parseMethodSetting(name, valueText)
      if (value.ok) settings = { ...settings, ...value.value }
      else errors.push(`${label}: ${name} ${value.error}, got ${shorten(valueText, 60)}`)
    }
    out.push({ httpMethod: key.value.httpMethod, resourcePath: key.value.resourcePath, settings })
  }
  return errors.length > 0 ? fail(`is invalid: ${errors.join('; ')}`) : ok(out)
}

/** An absolute http(s) URL without query or fragment, e.g. LocalStack's invoke URL for a stage. */
export function parseBaseUrl(raw: string): Parsed<string> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return fail('must be an absolute URL such as https://example.com/stage')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('must start with https:// or http://')
  if (url.search || url.hash) return fail('must not have a query or fragment: the smoke test path is appended to it')
  return ok(raw.replace(/\/+$/, ''))
}
