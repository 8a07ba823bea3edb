// The only module that reads action inputs. getInputs() reads every input once, treats '' as the input's
// default, validates each input and the combinations, and returns one frozen ActionInputs. Every problem
// found is reported in one InputError that names the input, what was given and what is allowed. Stage
// variable values are never logged nor repeated in errors: they may be secrets.

import * as core from '@actions/core'
import { InputError, type InputProblem } from '../lib/errors.js'
import type { MethodSettingValues } from '../model/state.js'
import type {
  ActionInputs,
  CanaryInput,
  ExportInput,
  MethodSettingOverride,
  Operation,
  RestApiSelector,
  SdkInput,
  StageSettingsInput,
} from './types.js'
import { OPERATIONS } from './types.js'
import {
  compileStagePattern,
  DEFAULT_DELETE_STAGE_PATTERN,
  EXPORT_FORMATS,
  EXPORT_TYPES,
  hasControlCharacters,
  MAX_RETRIES,
  METHOD_SETTING_NAMES,
  type Parsed,
  parseAccessLogDestinationArn,
  parseAccessLogFormat,
  parseBasePath,
  parseBaseUrl,
  parseBoolean,
  parseCacheClusterSize,
  parseDecimal,
  parseDomainName,
  parseEnum,
  parseExportExtensions,
  parseInteger,
  parseMethodSetting,
  parseMethodSettings,
  parseOutputFile,
  parseRegion,
  parseRestApiId,
  parseRestApiName,
  parseSdkParameters,
  parseShortId,
  parseSmokeTestPath,
  parseStageName,
  parseStageVariables,
  parseUsagePlanIds,
  parseVariableNameList,
  SDK_REQUIRED_PARAMETERS,
  SDK_TYPES,
  shorten,
} from './validation.js'

/**
 * Every optional input with its action.yml `default:`, in action.yml order. Code treats '' as this default.
 * A `${{ … }}` default is evaluated by the runner only; code sees '' then.
 */
export const INPUT_DEFAULTS = {
  'rest-api-id': '',
  'rest-api-name': '',
  region: '',
  operation: 'deploy',
  description: '',
  variables: '',
  'remove-variables': '',
  'canary-percent': '',
  'canary-variables': '',
  'remove-canary-variables': '',
  'canary-use-stage-cache': '',
  'promote-from': '',
  'rollback-to': '',
  'throttling-rate-limit': '',
  'throttling-burst-limit': '',
  'cache-cluster-size': '',
  'caching-enabled': '',
  'cache-ttl': '',
  'cache-data-encrypted': '',
  'require-authorization-for-cache-control': '',
  'unauthorized-cache-control-header-strategy': '',
  'logging-level': '',
  'data-trace': '',
  metrics: '',
  tracing: '',
  'client-certificate-id': '',
  'access-log-destination-arn': '',
  'access-log-format': '',
  'method-settings': '',
  'domain-name': '',
  'base-path': '',
  'repoint-base-path': 'false',
  'usage-plan-ids': '',
  'export-type': '',
  'export-format': '',
  'export-extensions': '',
  'export-file': '',
  'sdk-type': '',
  'sdk-parameters': '',
  'sdk-file': '',
  'diff-against': 'previous',
  comment: 'auto',
  'pr-number': '',
  environment: '',
  'smoke-test-path': '',
  'smoke-test-base-url': '',
  'smoke-test-attempts': '5',
  'rollback-on-failure': 'false',
  'delete-stage-pattern': DEFAULT_DELETE_STAGE_PATTERN,
  'prune-previews-older-than': '',
  'dry-run': 'false',
  'show-variable-values': 'false',
  'max-retries': '5',
  'wait-for-cache-cluster': '0',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression the runner evaluates, as in action.yml
  'github-token': '${{ github.token }}',
} as const satisfies Record<string, string>

/** Inputs without a default; `required: true` in action.yml. */
export const REQUIRED_INPUTS = ['stage'] as const

type OptionalInput = keyof typeof INPUT_DEFAULTS
type InputName = OptionalInput | (typeof REQUIRED_INPUTS)[number]

/** Inputs whose values may be secret: neither logged nor quoted in errors. */
const SECRET_INPUTS: ReadonlySet<InputName> = new Set<InputName>(['variables', 'canary-variables', 'github-token'])
/** Structured inputs whose errors already quote the offending keys: the whole text is not repeated. */
const STRUCTURED_INPUTS: ReadonlySet<InputName> = new Set<InputName>(['method-settings', 'sdk-parameters'])

const CANARY_DETAIL_INPUTS = ['canary-variables', 'remove-canary-variables', 'canary-use-stage-cache'] as const
const CANARY_INPUTS = ['canary-percent', ...CANARY_DETAIL_INPUTS] as const
const STAGE_SETTING_INPUTS = [
  ...METHOD_SETTING_NAMES,
  'cache-cluster-size',
  'tracing',
  'client-certificate-id',
  'access-log-destination-arn',
  'access-log-format',
  'method-settings',
] as const satisfies readonly InputName[]

function codeDefault(name: InputName): string {
  if (name === 'stage') return ''
  const value: string = INPUT_DEFAULTS[name]
  return value.startsWith('${{') ? '' : value
}

/** Where input values come from: the runner's INPUT_* variables, or a map in tests. Values come trimmed. */
export type InputSource = (name: string) => string

/** Reads inputs once each, remembers what was given, and collects problems (one per input). */
class InputReader {
  constructor(private readonly source: InputSource) {}

  private readonly raws = new Map<InputName, string>()
  private readonly problems = new Map<string, InputProblem>()

  /** The trimmed value as given ('' when not given). */
  given(name: InputName): string {
    let raw = this.raws.get(name)
    if (raw === undefined) {
      raw = this.source(name)
      this.raws.set(name, raw)
    }
    return raw
  }

  isGiven(name: InputName): boolean {
    return this.given(name) !== ''
  }

  failed(name: InputName): boolean {
    return this.problems.has(name)
  }

  /** Record a problem; the first problem of an input wins. */
  problem(name: InputName, message: string): void {
    if (!this.problems.has(name)) this.problems.set(name, { input: name, message })
  }

  /** A problem with the value itself: "Input 'x' <error>, got '<value>'." (value left out for secrets). */
  invalid(name: InputName, error: string): void {
    const got = SECRET_INPUTS.has(name) || STRUCTURED_INPUTS.has(name) ? '' : `, got ${shorten(this.given(name))}`
    this.problem(name, `Input '${name}' ${error}${got}.`)
  }

  /** Parse an input whose '' means "not set": undefined when not given or invalid. */
  optional<T>(name: OptionalInput, parse: (raw: string) => Parsed<T>, describe?: (value: T) => string): T | undefined {
    const raw = this.given(name) || codeDefault(name)
    if (raw === '') {
      core.debug(`Input ${name}: (not set)`)
      return undefined
    }
    return this.parse(name, raw, parse, describe)
  }

  /** Parse an input with a non-empty default; an invalid value yields `fallback` (the error is recorded). */
  withDefault<T>(name: OptionalInput, parse: (raw: string) => Parsed<T>, fallback: T): T {
    const raw = this.given(name) || codeDefault(name)
    return this.parse(name, raw, parse) ?? fallback
  }

  required(name: InputName, parse: (raw: string) => Parsed<string>): string {
    const raw = this.given(name)
    if (raw === '') {
      this.problem(name, `Input '${name}' is required and was not supplied.`)
      return ''
    }
    return this.parse(name, raw, parse) ?? ''
  }

  private parse<T>(
    name: InputName,
    raw: string,
    parse: (raw: string) => Parsed<T>,
    describe?: (value: T) => string,
  ): T | undefined {
    const parsed = parse(raw)
    if (!parsed.ok) {
      core.debug(`Input ${name}: invalid`)
      this.invalid(name, parsed.error)
      return undefined
    }
    const shown = describe ? describe(parsed.value) : shorten(raw, 200)
    const origin = this.isGiven(name) ? '' : ' (default)'
    core.debug(`Input ${name}: ${shown}${origin}`)
    return parsed.value
  }

  throwIfProblems(): void {
    if (this.problems.size > 0) throw InputError.fromProblems([...this.problems.values()])
  }
}

function variableNames(vars: Record<string, string>): string {
  const names = Object.keys(vars)
  return `${names.length} variable(s): ${names.join(', ') || '(none)'} (values not logged)`
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

function list(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(', ')
}

/** Read, validate and return every input. Throws InputError listing every problem found. */
export function getInputs(source: InputSource = core.getInput): ActionInputs {
  const r = new InputReader(source)

  // ---- Target ----
  const restApiId = r.optional('rest-api-id', parseRestApiId)
  const restApiName = r.optional('rest-api-name', parseRestApiName)
  const region = r.optional('region', parseRegion)
  const stage = r.required('stage', parseStageName)
  const operation: Operation = r.withDefault('operation', (raw) => parseEnum(raw, OPERATIONS), 'deploy')
  const description = r.optional('description', (raw) =>
    hasControlCharacters(raw, '\t\n\r') ? { ok: false, error: 'must not contain control characters' } : ok(raw),
  )

  // ---- Variables and canary ----
  const variables = r.optional('variables', parseStageVariables, variableNames) ?? {}
  const removeVariables = r.optional('remove-variables', parseVariableNameList, (v) => v.join(', ')) ?? []
  const canaryPercent = r.optional('canary-percent', (raw) =>
    parseDecimal(raw, { min: 0, max: 100, minExclusive: true }),
  )
  const canaryVariables = r.optional('canary-variables', parseStageVariables, variableNames) ?? {}
  const removeCanaryVariables = r.optional('remove-canary-variables', parseVariableNameList, (v) => v.join(', ')) ?? []
  const canaryUseStageCache = r.optional('canary-use-stage-cache', parseBoolean)
  const promoteFrom = r.optional('promote-from', parseStageName)
  const rollbackTo = r.optional('rollback-to', (raw) => parseShortId(raw, 'a deployment id'))

  // ---- Stage settings ----
  let defaults: MethodSettingValues = {}
  for (const name of METHOD_SETTING_NAMES) {
    const value = r.optional(name, (raw) => parseMethodSetting(name, raw))
    if (value !== undefined) defaults = { ...defaults, ...value }
  }
  const cacheClusterSize = r.optional('cache-cluster-size', parseCacheClusterSize)
  const tracing = r.optional('tracing', parseBoolean)
  const clientCertificateId = r.optional('client-certificate-id', (raw) => parseShortId(raw, 'a client certificate id'))
  const accessLogDestinationArn = r.optional('access-log-destination-arn', parseAccessLogDestinationArn)
  const accessLogFormat = r.optional('access-log-format', parseAccessLogFormat)
  const methodSettings: MethodSettingOverride[] =
    r.optional('method-settings', parseMethodSettings, (v) =>
      v.map((m) => `${m.httpMethod} ${m.resourcePath}`).join(', '),
    ) ?? []

  // ---- Domain, usage plans, export, SDK ----
  const domainName = r.optional('domain-name', parseDomainName)
  const basePath = r.optional('base-path', parseBasePath)
  const repointBasePath = r.withDefault('repoint-base-path', parseBoolean, false)
  const usagePlanIds = r.optional('usage-plan-ids', parseUsagePlanIds, (v) => v.join(', ')) ?? []
  const exportType = r.optional('export-type', (raw) => parseEnum(raw, EXPORT_TYPES))
  const exportFormat = r.optional('export-format', (raw) => parseEnum(raw, EXPORT_FORMATS))
  const exportExtensions = r.optional('export-extensions', parseExportExtensions, (v) => v.join(', ')) ?? []
  const exportFile = r.optional('export-file', parseOutputFile)
  const sdkType = r.optional('sdk-type', (raw) => parseEnum(raw, SDK_TYPES))
  const sdkParameters = r.optional('sdk-parameters', parseSdkParameters)
  const sdkFile = r.optional('sdk-file', parseOutputFile)

  // ---- Reporting and behaviour ----
  const diffAgainstRaw = r.withDefault(
    'diff-against',
    (raw) => (raw === 'previous' ? ok(raw) : diffStage(raw)),
    'previous',
  )
  const comment = r.withDefault('comment', (raw) => parseEnum(raw, ['auto', 'true', 'false'] as const), 'auto')
  const prNumber = r.optional('pr-number', (raw) => parseInteger(raw, { min: 1, max: Number.MAX_SAFE_INTEGER }))
  const environment = r.optional('environment', parseEnvironment)
  const smokeTestPath = r.optional('smoke-test-path', parseSmokeTestPath)
  const smokeTestBaseUrl = r.optional('smoke-test-base-url', parseBaseUrl)
  const smokeTestAttempts = r.withDefault('smoke-test-attempts', (raw) => parseInteger(raw, { min: 1, max: 30 }), 5)
  if (r.isGiven('smoke-test-base-url') && !r.isGiven('smoke-test-path')) {
    r.problem(
      'smoke-test-base-url',
      "Input 'smoke-test-base-url' is set but 'smoke-test-path' is not: there is no smoke test to run.",
    )
  }
  const rollbackOnFailure = r.withDefault('rollback-on-failure', parseBoolean, false)
  const deleteStagePattern = r.withDefault(
    'delete-stage-pattern',
    (raw) => {
      const compiled = compileStagePattern(raw)
      return compiled.ok ? ok(raw) : compiled
    },
    DEFAULT_DELETE_STAGE_PATTERN,
  )
  const pruneDays = r.optional('prune-previews-older-than', (raw) => parseInteger(raw, { min: 1, max: 36_500 }))
  const dryRun = r.withDefault('dry-run', parseBoolean, false)
  const showVariableValues = r.withDefault('show-variable-values', parseBoolean, false)
  const maxRetries = r.withDefault('max-retries', (raw) => parseInteger(raw, { min: 1, max: MAX_RETRIES }), 5)
  const cacheWaitMinutes = r.withDefault('wait-for-cache-cluster', (raw) => parseInteger(raw, { min: 0, max: 30 }), 0)
  const githubToken = r.given('github-token')
  if (githubToken !== '') core.setSecret(githubToken)
  core.debug(`Input github-token: ${githubToken === '' ? '(not set)' : '(set)'}`)

  // ---- Combinations ----
  const refuse = (names: readonly InputName[], why: (name: InputName) => string): void => {
    for (const name of names) if (r.isGiven(name)) r.problem(name, why(name))
  }
  const opFailed = r.failed('operation')

  // Which REST API.
  if (r.isGiven('rest-api-id') && r.isGiven('rest-api-name')) {
    r.problem('rest-api-id', "Inputs 'rest-api-id' and 'rest-api-name' are both set; set exactly one of them.")
  } else if (!r.isGiven('rest-api-id') && !r.isGiven('rest-api-name')) {
    r.problem('rest-api-id', "Input 'rest-api-id' or 'rest-api-name' is required: set exactly one of them.")
  }

  if (!opFailed) {
    // A canary this run creates: a new deployment, or another stage's deployment (promote + promote-from).
    const canaryPromote = operation === 'promote' && r.isGiven('canary-percent')
    const canaryDeploy = (operation === 'deploy' || canaryPromote) && r.isGiven('canary-percent')
    // Canary inputs only mean something for a canary deploy, a canary promotion or update-canary.
    if (operation !== 'deploy' && operation !== 'update-canary' && operation !== 'promote') {
      refuse(
        CANARY_INPUTS,
        (n) =>
          `Input '${n}' is used only by operations 'deploy' and 'promote' (with canary-percent) and 'update-canary', not by '${operation}'.`,
      )
    } else if (operation === 'promote' && canaryPromote) {
      if (!r.isGiven('promote-from')) {
        r.problem(
          'canary-percent',
          "Input 'canary-percent' with operation 'promote' needs 'promote-from': the canary runs that stage's deployment.",
        )
      }
      refuse(
        ['variables', 'remove-variables'],
        (n) =>
          `Input '${n}' cannot be used with a canary promotion: production's variables stay as they are; use 'canary-variables' for the canary.`,
      )
    } else if ((operation === 'deploy' || operation === 'promote') && !canaryDeploy) {
      refuse(
        CANARY_DETAIL_INPUTS,
        (n) =>
          `Input '${n}' needs 'canary-percent' with operation '${operation}' (that makes the new version a canary); to change a live canary without deploying use operation 'update-canary'.`,
      )
    }
    if (operation === 'update-canary' && !CANARY_INPUTS.some((n) => r.isGiven(n))) {
      r.problem(
        'operation',
        `Input 'operation' is 'update-canary' but nothing to change was given: set at least one of ${list(CANARY_INPUTS)}.`,
      )
    }

    if (operation !== 'promote') {
      refuse(['promote-from'], () => `Input 'promote-from' is used only by operation 'promote', not by '${operation}'.`)
    } else if (!r.isGiven('promote-from') && !r.isGiven('variables') && !r.isGiven('remove-variables')) {
      r.problem(
        'promote-from',
        "Input 'promote-from' is required by operation 'promote' (the stage whose deployment to promote), unless the promotion only switches stage variables through 'variables' or 'remove-variables'.",
      )
    }
    if (operation !== 'rollback') {
      refuse(['rollback-to'], () => `Input 'rollback-to' is used only by operation 'rollback', not by '${operation}'.`)
    }
    if (operation !== 'deploy') {
      refuse(
        ['description', 'prune-previews-older-than'],
        (n) => `Input '${n}' is used only by operation 'deploy' (which creates a deployment), not by '${operation}'.`,
      )
    }
    if (rollbackOnFailure && !canaryDeploy && !r.failed('rollback-on-failure')) {
      r.problem(
        'rollback-on-failure',
        `Input 'rollback-on-failure' is 'true', but it rolls back only a canary this run creates: it needs operation 'deploy' or 'promote' with 'canary-percent' (operation is '${operation}').`,
      )
    }
    if (operation === 'delete') {
      refuse(
        [
          'variables',
          'remove-variables',
          ...STAGE_SETTING_INPUTS,
          'domain-name',
          'base-path',
          'usage-plan-ids',
          'export-type',
          'export-format',
          'export-extensions',
          'export-file',
          'sdk-type',
          'sdk-parameters',
          'sdk-file',
          'smoke-test-path',
          'smoke-test-base-url',
        ],
        (n) => `Input '${n}' cannot be used with operation 'delete': the stage is deleted, not changed or read.`,
      )
      const pattern = compileStagePattern(deleteStagePattern)
      if (
        stage !== '' &&
        !r.failed('stage') &&
        !r.failed('delete-stage-pattern') &&
        pattern.ok &&
        !pattern.value.test(stage)
      ) {
        r.problem(
          'stage',
          `Input 'stage' is '${stage}', which operation 'delete' refuses: it does not match delete-stage-pattern '${deleteStagePattern}'. To delete this stage on purpose, widen the pattern, e.g. delete-stage-pattern: '^${stage}$'.`,
        )
      }
    }
  }

  if (rollbackOnFailure && !r.isGiven('smoke-test-path')) {
    r.problem(
      'rollback-on-failure',
      "Input 'rollback-on-failure' is 'true' but 'smoke-test-path' is not set: the rollback is triggered by a failing smoke test.",
    )
  }
  if (promoteFrom !== undefined && promoteFrom === stage) {
    r.problem(
      'promote-from',
      `Input 'promote-from' is '${promoteFrom}', the same as 'stage': promote from another stage.`,
    )
  }
  if (diffAgainstRaw !== 'previous' && diffAgainstRaw === stage) {
    r.problem(
      'diff-against',
      `Input 'diff-against' is '${diffAgainstRaw}', the target stage itself: use 'previous' to compare with the stage before this run.`,
    )
  }

  // Set and removed at once.
  const both = (set: Record<string, string>, removed: readonly string[]): string[] =>
    removed.filter((n) => Object.hasOwn(set, n))
  const setAndRemoved = both(variables, removeVariables)
  if (setAndRemoved.length > 0) {
    r.problem(
      'remove-variables',
      `Input 'remove-variables' names ${list(setAndRemoved)}, which 'variables' also sets: a variable is either set or removed.`,
    )
  }
  const canarySetAndRemoved = both(canaryVariables, removeCanaryVariables)
  if (canarySetAndRemoved.length > 0) {
    r.problem(
      'remove-canary-variables',
      `Input 'remove-canary-variables' names ${list(canarySetAndRemoved)}, which 'canary-variables' also sets: an override is either set or removed.`,
    )
  }

  // Caching needs a cache cluster.
  if (cacheClusterSize === 'disabled') {
    const why = "but 'cache-cluster-size' is 'disabled': caching needs a cache cluster."
    if (defaults.cachingEnabled === true) r.problem('caching-enabled', `Input 'caching-enabled' is 'true' ${why}`)
    const cached = methodSettings.filter((m) => m.settings.cachingEnabled === true)
    if (cached.length > 0) {
      r.problem(
        'method-settings',
        `Input 'method-settings' enables caching for ${list(cached.map((m) => `${m.httpMethod} ${m.resourcePath}`))} ${why}`,
      )
    }
    if (canaryUseStageCache === true) {
      r.problem('canary-use-stage-cache', `Input 'canary-use-stage-cache' is 'true' ${why}`)
    }
  }

  // Domain.
  if (repointBasePath && !r.isGiven('domain-name')) {
    r.problem(
      'repoint-base-path',
      "Input 'repoint-base-path' is 'true' but 'domain-name' is not set: there is no mapping to move.",
    )
  }
  if (r.isGiven('base-path') && !r.isGiven('domain-name')) {
    r.problem('base-path', "Input 'base-path' needs 'domain-name' (the custom domain to map).")
  }

  // Export: type and file go together; format and extensions need a type.
  let exportInput: ExportInput | undefined
  if (!r.isGiven('export-type')) {
    refuse(
      ['export-format', 'export-extensions', 'export-file'],
      (n) => `Input '${n}' needs 'export-type' (${list(EXPORT_TYPES)}).`,
    )
  } else if (!r.isGiven('export-file')) {
    r.problem('export-type', "Input 'export-type' needs 'export-file' (the path to write the API definition to).")
  } else if (exportType !== undefined && exportFile !== undefined) {
    const byExtension = /\.ya?ml$/i.test(exportFile) ? 'yaml' : /\.json$/i.test(exportFile) ? 'json' : undefined
    if (exportFormat !== undefined && byExtension !== undefined && exportFormat !== byExtension) {
      r.problem(
        'export-format',
        `Input 'export-format' is '${exportFormat}' but 'export-file' ${shorten(exportFile)} has a ${byExtension} extension; make them agree.`,
      )
    }
    exportInput = {
      type: exportType,
      format: exportFormat ?? byExtension ?? 'json',
      extensions: exportExtensions,
      file: exportFile,
    }
  }

  // SDK: type and file go together; parameters need a type and must include the required ones.
  let sdkInput: SdkInput | undefined
  if (!r.isGiven('sdk-type')) {
    refuse(['sdk-parameters', 'sdk-file'], (n) => `Input '${n}' needs 'sdk-type' (${list(SDK_TYPES)}).`)
  } else if (!r.isGiven('sdk-file')) {
    r.problem('sdk-type', "Input 'sdk-type' needs 'sdk-file' (the path to write the SDK zip to).")
  } else if (sdkType !== undefined && sdkFile !== undefined && !r.failed('sdk-parameters')) {
    const parameters = sdkParameters ?? {}
    const missing = SDK_REQUIRED_PARAMETERS[sdkType].filter((p) => !Object.hasOwn(parameters, p))
    if (missing.length > 0) {
      r.problem(
        'sdk-parameters',
        `Input 'sdk-parameters' must set ${list(missing)} for sdk-type '${sdkType}' (required by API Gateway), e.g. '${missing[0]}=…'.`,
      )
    }
    sdkInput = { type: sdkType, parameters, file: sdkFile }
  }
  if (exportFile !== undefined && sdkFile !== undefined && exportFile === sdkFile) {
    r.problem('sdk-file', `Input 'sdk-file' is the same file as 'export-file' (${shorten(sdkFile)}); use two files.`)
  }

  // GitHub.
  if (comment === 'false' && prNumber !== undefined) {
    r.problem(
      'pr-number',
      "Input 'pr-number' is set but 'comment' is 'false': the pull request number is used only for the comment.",
    )
  }
  if (githubToken === '' && (comment !== 'false' || environment !== undefined)) {
    const needs = environment !== undefined ? "'environment' (a GitHub deployment)" : `'comment' ('${comment}')`
    r.problem(
      'github-token',
      `Input 'github-token' is empty but ${needs} needs it: pass a token (default \${{ github.token }}) or set comment: false.`,
    )
  }

  r.throwIfProblems()

  const api: RestApiSelector =
    restApiId !== undefined ? { kind: 'id', id: restApiId } : { kind: 'name', name: restApiName ?? '' }
  const canary: CanaryInput = {
    ...(canaryPercent === undefined ? {} : { percent: canaryPercent }),
    variables: canaryVariables,
    removeVariables: removeCanaryVariables,
    ...(canaryUseStageCache === undefined ? {} : { useStageCache: canaryUseStageCache }),
  }
  const settings: StageSettingsInput = {
    defaults,
    ...(cacheClusterSize === undefined
      ? {}
      : {
          cacheCluster:
            cacheClusterSize === 'disabled' ? { enabled: false } : { enabled: true, size: cacheClusterSize },
        }),
    ...(tracing === undefined ? {} : { tracingEnabled: tracing }),
    ...(clientCertificateId === undefined ? {} : { clientCertificateId }),
    ...(accessLogDestinationArn === undefined ? {} : { accessLogDestinationArn }),
    ...(accessLogFormat === undefined ? {} : { accessLogFormat }),
  }
  const inputs: ActionInputs = {
    api,
    ...(region === undefined ? {} : { region }),
    stage,
    operation,
    ...(description === undefined ? {} : { description }),
    variables,
    removeVariables,
    canary,
    ...(promoteFrom === undefined ? {} : { promoteFrom }),
    ...(rollbackTo === undefined ? {} : { rollbackTo }),
    settings,
    methodSettings,
    ...(domainName === undefined
      ? {}
      : { domain: { name: domainName, basePath: basePath ?? '(none)', repoint: repointBasePath } }),
    usagePlanIds,
    ...(exportInput === undefined ? {} : { export: exportInput }),
    ...(sdkInput === undefined ? {} : { sdk: sdkInput }),
    diffAgainst: diffAgainstRaw === 'previous' ? { kind: 'previous' } : { kind: 'stage', stage: diffAgainstRaw },
    comment: comment === 'auto' ? 'auto' : comment === 'true',
    ...(prNumber === undefined ? {} : { prNumber }),
    ...(environment === undefined ? {} : { environment }),
    ...(smokeTestPath === undefined ? {} : { smokeTestPath }),
    ...(smokeTestBaseUrl === undefined ? {} : { smokeTestBaseUrl }),
    smokeTestAttempts,
    rollbackOnFailure,
    deleteStagePattern,
    ...(pruneDays === undefined ? {} : { prunePreviewsOlderThanDays: pruneDays }),
    dryRun,
    showVariableValues,
    maxAttempts: maxRetries + 1,
    cacheWaitMinutes,
    githubToken,
  }
  return deepFreeze(inputs)
}

function ok<T>(value: T): Parsed<T> {
  return { ok: true, value }
}

function diffStage(raw: string): Parsed<string> {
  const stage = parseStageName(raw)
  return stage.ok
    ? stage
    : { ok: false, error: `must be 'previous' or a stage name (${stage.error.replace(/^must be a stage name: /, '')})` }
}

/** GitHub environment names: up to 255 characters on one line. */
function parseEnvironment(raw: string): Parsed<string> {
  if (raw.length > 255 || hasControlCharacters(raw)) {
    return { ok: false, error: 'must be a GitHub environment name: one line, at most 255 characters' }
  }
  return ok(raw)
}
