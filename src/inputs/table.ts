// Every input of action.yml in one table, in the order they are read and logged: its default (as in
// action.yml), its parser, whether its value may be secret or is structured, and which operations use it.
// Reading, the refusals of inputs an operation does not use, `npm run docs` and the test that action.yml
// agrees with the code all work from this table.

import { BASE_PATH_MODES, DEFINITION_MODES } from '../definition/options.js'
import { ok, type Parsed, parseBoolean, parseDecimal, parseEnum, parseInteger } from '../lib/parse.js'
import { compileStagePattern, DEFAULT_DELETE_STAGE_PATTERN } from '../model/stage-pattern.js'
import { ENDPOINT_TYPES } from '../model/state.js'
import { EXPORT_FORMATS, EXPORT_TYPES, SDK_TYPES } from '../model/vocabulary.js'
import {
  type Acceptance,
  CANARY_OPERATIONS,
  DEFINITION_DEPLOY,
  DEPLOY_ONLY,
  NOT_DELETE,
  PROMOTE_ONLY,
  ROLLBACK_ONLY,
  ROLLOUT_ONLY,
  SETS_VARIABLES,
} from './acceptance.js'
import {
  parseDescription,
  parseDiffAgainst,
  parseEnvironment,
  parseRegion,
  parseRestApiId,
  parseRestApiName,
  parseShortId,
  parseStageName,
} from './identifiers.js'
import { parseCanaryVariables, parseSdkParameters, parseStageVariables, parseSubstitutions } from './key-values.js'
import { parseExportExtensions, parseUsagePlanIds, parseVariableNameList } from './lists.js'
import {
  parseBasePath,
  parseBaseUrl,
  parseDefinitionPath,
  parseDomainName,
  parseOutputFile,
  parseSmokeTestPath,
} from './locations.js'
import { type MethodSettingName, parseMethodSetting, parseMethodSettings } from './method-settings.js'
import {
  parseAlarmNames,
  parseCanarySteps,
  parseDuration,
  parseMetricStage,
  parseMilliseconds,
  parseRate,
} from './rollout.js'
import { parseAccessLogDestinationArn, parseAccessLogFormat, parseCacheClusterSize } from './stage-settings.js'
import { OPERATIONS, PREVIEW_ISOLATIONS } from './types.js'

/** The highest `max-retries` accepted. */
const MAX_RETRIES = 20

export interface InputSpec<T, D extends string = string> {
  /** action.yml's `default:`; '' for none. Code treats a given '' as this default. */
  readonly default: D
  /** `required: true` in action.yml (and no default). */
  readonly required: boolean
  parse(raw: string): Parsed<T>
  /** How a valid value appears in the debug log; without it, the text as given (secrets: `(set)`). */
  show?(value: T): string
  /** The value may be secret: never logged nor quoted in errors. */
  readonly secret: boolean
  /** Registered with the runner's log masking as soon as it is read. */
  readonly masked: boolean
  /** Its errors already quote the offending keys: the whole text is not repeated. */
  readonly structured: boolean
  /** Its parser may read YAML: when it is given, the YAML parser is loaded before inputs are read (read.ts). */
  readonly yaml: boolean
  /** The operations that use it; undefined: every operation. */
  readonly accepts?: Acceptance
}

interface InputOptions<T, D extends string> {
  default?: D
  required?: true
  parse(raw: string): Parsed<T>
  show?(value: T): string
  secret?: true
  masked?: true
  structured?: true
  yaml?: true
  accepts?: Acceptance
}

function input<T, const D extends string = ''>(options: InputOptions<T, D>): InputSpec<T, D> {
  return {
    ...options,
    default: options.default ?? ('' as D),
    required: options.required ?? false,
    secret: options.secret ?? false,
    masked: options.masked ?? false,
    structured: options.structured ?? false,
    yaml: options.yaml ?? false,
  }
}

function methodSetting(name: MethodSettingName) {
  return input({ parse: (raw) => parseMethodSetting(name, raw), accepts: NOT_DELETE })
}

function variableNames(vars: Record<string, string>): string {
  const names = Object.keys(vars)
  return `${names.length} variable(s): ${names.join(', ') || '(none)'} (values not logged)`
}

const joined = <S extends string>(values: S[]): string => values.join(', ')

export const INPUTS = {
  // Which API and stage
  'rest-api-id': input({ parse: parseRestApiId }),
  'rest-api-name': input({ parse: parseRestApiName }),
  region: input({ parse: parseRegion }),
  stage: input({ required: true, parse: parseStageName }),
  operation: input({ default: 'deploy', parse: (raw) => parseEnum(raw, OPERATIONS) }),
  description: input({ parse: parseDescription, accepts: DEPLOY_ONLY }),
  // The API definition from the repository
  definition: input({ parse: parseDefinitionPath, accepts: DEFINITION_DEPLOY }),
  'definition-mode': input({ default: 'overwrite', parse: (raw) => parseEnum(raw, DEFINITION_MODES) }),
  'definition-substitutions': input({
    parse: parseSubstitutions,
    yaml: true,
    show: (map) => `${Object.keys(map).length} key(s): ${Object.keys(map).join(', ') || '(none)'} (values not logged)`,
    secret: true,
    accepts: DEFINITION_DEPLOY,
  }),
  'fail-on-warnings': input({ default: 'true', parse: parseBoolean }),
  'definition-base-path': input({ default: 'ignore', parse: (raw) => parseEnum(raw, BASE_PATH_MODES) }),
  'force-deploy': input({ default: 'false', parse: parseBoolean }),
  // Isolated previews: one REST API per pull request (rules/preview.ts says which operations use them)
  'preview-isolation': input({ default: 'stage', parse: (raw) => parseEnum(raw, PREVIEW_ISOLATIONS) }),
  'preview-api-name': input({ parse: parseRestApiName }),
  'endpoint-type': input({ default: 'REGIONAL', parse: (raw) => parseEnum(raw, ENDPOINT_TYPES) }),
  // Stage variables and canary
  variables: input({
    parse: parseStageVariables,
    show: variableNames,
    secret: true,
    yaml: true,
    accepts: SETS_VARIABLES,
  }),
  'remove-variables': input({ parse: parseVariableNameList, show: joined, accepts: SETS_VARIABLES }),
  'canary-percent': input({
    parse: (raw) => parseDecimal(raw, { min: 0, max: 100, minExclusive: true }),
    accepts: CANARY_OPERATIONS,
  }),
  'canary-variables': input({
    parse: parseCanaryVariables,
    show: variableNames,
    secret: true,
    yaml: true,
    accepts: CANARY_OPERATIONS,
  }),
  'remove-canary-variables': input({ parse: parseVariableNameList, show: joined, accepts: CANARY_OPERATIONS }),
  'canary-use-stage-cache': input({ parse: parseBoolean, accepts: CANARY_OPERATIONS }),
  'promote-from': input({ parse: parseStageName, accepts: PROMOTE_ONLY }),
  'rollback-to': input({ parse: (raw) => parseShortId(raw, 'a deployment id'), accepts: ROLLBACK_ONLY }),
  // Health-gated rollout (no table defaults: rollout-assemble.ts applies them, so other operations can refuse these)
  'canary-steps': input({ parse: parseCanarySteps, show: (steps) => steps.join(', '), accepts: ROLLOUT_ONLY }),
  'canary-interval': input({ parse: (raw) => parseDuration(raw), accepts: ROLLOUT_ONLY }),
  'max-error-rate': input({ parse: parseRate, accepts: ROLLOUT_ONLY }),
  'max-error-rate-increase': input({ parse: parseRate, accepts: ROLLOUT_ONLY }),
  'max-latency-p99': input({ parse: parseMilliseconds, accepts: ROLLOUT_ONLY }),
  'min-requests': input({ parse: (raw) => parseInteger(raw, { min: 1, max: 1_000_000_000 }), accepts: ROLLOUT_ONLY }),
  alarms: input({ parse: parseAlarmNames, show: joined, accepts: ROLLOUT_ONLY }),
  'on-inconclusive': input({ parse: (raw) => parseEnum(raw, ['rollback', 'hold'] as const), accepts: ROLLOUT_ONLY }),
  'max-inconclusive': input({ parse: (raw) => parseInteger(raw, { min: 0, max: 20 }), accepts: ROLLOUT_ONLY }),
  'rollout-mode': input({
    parse: (raw) => parseEnum(raw, ['run', 'start', 'analyze'] as const),
    accepts: ROLLOUT_ONLY,
  }),
  'canary-metric-stage': input({ parse: parseMetricStage, accepts: ROLLOUT_ONLY }),
  'canary-baseline': input({
    parse: (raw) => parseEnum(raw, ['stage', 'stage-minus-canary'] as const),
    accepts: ROLLOUT_ONLY,
  }),
  'metrics-delay': input({ parse: (raw) => parseDuration(raw, 0), accepts: ROLLOUT_ONLY }),
  // Stage settings: the stage-wide method settings first, then the stage's own
  'throttling-rate-limit': methodSetting('throttling-rate-limit'),
  'throttling-burst-limit': methodSetting('throttling-burst-limit'),
  'caching-enabled': methodSetting('caching-enabled'),
  'cache-ttl': methodSetting('cache-ttl'),
  'cache-data-encrypted': methodSetting('cache-data-encrypted'),
  'require-authorization-for-cache-control': methodSetting('require-authorization-for-cache-control'),
  'unauthorized-cache-control-header-strategy': methodSetting('unauthorized-cache-control-header-strategy'),
  'logging-level': methodSetting('logging-level'),
  'data-trace': methodSetting('data-trace'),
  metrics: methodSetting('metrics'),
  'cache-cluster-size': input({ parse: parseCacheClusterSize, accepts: NOT_DELETE }),
  tracing: input({ parse: parseBoolean, accepts: NOT_DELETE }),
  'client-certificate-id': input({
    parse: (raw) => parseShortId(raw, 'a client certificate id'),
    accepts: NOT_DELETE,
  }),
  'access-log-destination-arn': input({ parse: parseAccessLogDestinationArn, accepts: NOT_DELETE }),
  'access-log-format': input({ parse: parseAccessLogFormat, accepts: NOT_DELETE }),
  'method-settings': input({
    parse: parseMethodSettings,
    show: (settings) => settings.map((m) => `${m.httpMethod} ${m.resourcePath}`).join(', '),
    structured: true,
    yaml: true,
    accepts: NOT_DELETE,
  }),
  // Domain, usage plans, export, SDK
  'domain-name': input({ parse: parseDomainName, accepts: NOT_DELETE }),
  'base-path': input({ parse: parseBasePath, accepts: NOT_DELETE }),
  'repoint-base-path': input({ default: 'false', parse: parseBoolean }),
  'usage-plan-ids': input({ parse: parseUsagePlanIds, show: joined, accepts: NOT_DELETE }),
  'export-type': input({ parse: (raw) => parseEnum(raw, EXPORT_TYPES), accepts: NOT_DELETE }),
  'export-format': input({ parse: (raw) => parseEnum(raw, EXPORT_FORMATS), accepts: NOT_DELETE }),
  'export-extensions': input({ parse: parseExportExtensions, show: joined, accepts: NOT_DELETE }),
  'export-file': input({ parse: parseOutputFile, accepts: NOT_DELETE }),
  'sdk-type': input({ parse: (raw) => parseEnum(raw, SDK_TYPES), accepts: NOT_DELETE }),
  'sdk-parameters': input({ parse: parseSdkParameters, structured: true, yaml: true, accepts: NOT_DELETE }),
  'sdk-file': input({ parse: parseOutputFile, accepts: NOT_DELETE }),
  // Reporting and behaviour
  'diff-against': input({ default: 'previous', parse: parseDiffAgainst }),
  comment: input({ default: 'auto', parse: (raw) => parseEnum(raw, ['auto', 'true', 'false'] as const) }),
  'pr-number': input({ parse: (raw) => parseInteger(raw, { min: 1, max: Number.MAX_SAFE_INTEGER }) }),
  environment: input({ parse: parseEnvironment }),
  'smoke-test-path': input({ parse: parseSmokeTestPath, accepts: NOT_DELETE }),
  'smoke-test-base-url': input({ parse: parseBaseUrl, accepts: NOT_DELETE }),
  'smoke-test-attempts': input({ default: '5', parse: (raw) => parseInteger(raw, { min: 1, max: 30 }) }),
  'rollback-on-failure': input({ default: 'false', parse: parseBoolean }),
  'delete-stage-pattern': input({
    default: DEFAULT_DELETE_STAGE_PATTERN,
    parse: (raw) => {
      const compiled = compileStagePattern(raw)
      return compiled.ok ? ok(raw) : compiled
    },
  }),
  'prune-previews-older-than': input({
    parse: (raw) => parseInteger(raw, { min: 1, max: 36_500 }),
    accepts: DEPLOY_ONLY,
  }),
  'dry-run': input({ default: 'false', parse: parseBoolean }),
  'show-variable-values': input({ default: 'false', parse: parseBoolean }),
  'max-retries': input({ default: '5', parse: (raw) => parseInteger(raw, { min: 1, max: MAX_RETRIES }) }),
  'wait-for-cache-cluster': input({ default: '0', parse: (raw) => parseInteger(raw, { min: 0, max: 30 }) }),
  'github-token': input({
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression the runner evaluates, as in action.yml
    default: '${{ github.token }}',
    parse: ok,
    secret: true,
    masked: true,
  }),
}

export type InputName = keyof typeof INPUTS

/** A workflow expression (`${{ … }}`) is evaluated by the runner only: code sees ''. */
type CodeDefault<D extends string> = D extends `${'$'}{{${string}` ? '' : D

/** Each input's parsed value; without a default, undefined when not given (or invalid: the run fails then). */
export type InputValues = {
  readonly [N in InputName]: (typeof INPUTS)[N] extends InputSpec<infer T, infer D>
    ? CodeDefault<D> extends ''
      ? T | undefined
      : T
    : never
}

/** Every input name, in the order of the table. */
export const INPUT_NAMES = Object.keys(INPUTS) as InputName[]

/** The default code applies when an input is given as '' (a runner expression default is not evaluated here). */
export function codeDefault(spec: InputSpec<unknown>): string {
  return spec.default.startsWith('${{') ? '' : spec.default
}

/** The inputs an acceptance applies to, in table order. */
export function inputsAcceptedBy(acceptance: Acceptance): InputName[] {
  return INPUT_NAMES.filter((name) => INPUTS[name].accepts === acceptance)
}
