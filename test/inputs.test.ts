import { beforeEach, describe, expect, it, vi } from 'vitest'
import { OUTPUT_NAMES } from '../src/runner/outputs.js'

vi.mock('@actions/core', () => ({
  getInput: vi.fn(),
  debug: vi.fn(),
  info: vi.fn(),
  warning: vi.fn(),
  setSecret: vi.fn(),
}))

import * as core from '@actions/core'
import { getInputs, INPUT_DEFAULTS, REQUIRED_INPUTS } from '../src/inputs/read.js'
import type { ActionInputs } from '../src/inputs/types.js'
import { InputError } from '../src/lib/errors.js'
import {
  EVERYTHING,
  type InputMap,
  lookupGetInput,
  MINIMAL,
  readActionYml,
  SECRET,
  SECRET_WITH_SPACE,
  TOKEN,
  TOKEN_EXPRESSION,
  withActionDefaults,
} from './fixtures/inputs.js'

let calls: string[] = []

function useInputs(inputs: InputMap): void {
  calls = []
  vi.mocked(core.getInput).mockImplementation(lookupGetInput(inputs, calls))
}

function read(overrides: InputMap = {}): ActionInputs {
  useInputs({ ...MINIMAL, ...overrides })
  return getInputs()
}

function readError(inputs: InputMap): InputError {
  useInputs(inputs)
  try {
    getInputs()
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return err as InputError
  }
  throw new Error('expected getInputs() to throw an InputError')
}

function debugText(): string {
  return vi
    .mocked(core.debug)
    .mock.calls.map((c) => c[0])
    .join('\n')
}

beforeEach(() => {
  vi.clearAllMocks()
})

describe('getInputs: defaults and shape', () => {
  it('resolves the minimal inputs to the documented defaults', () => {
    expect(read()).toEqual({
      api: { kind: 'id', id: 'a1b2c3d4e5' },
      stage: 'pr-12',
      operation: 'deploy',
      variables: {},
      removeVariables: [],
      canary: { variables: {}, removeVariables: [] },
      settings: { defaults: {} },
      methodSettings: [],
      usagePlanIds: [],
      diffAgainst: { kind: 'previous' },
      comment: 'auto',
      rollbackOnFailure: false,
      deleteStagePattern: '^pr-[0-9]+$',
      dryRun: false,
      showVariableValues: false,
      maxAttempts: 6,
      smokeTestAttempts: 5,
      cacheWaitMinutes: 0,
      githubToken: TOKEN,
    } satisfies ActionInputs)
  })

  it('gives the same result with the runner passing action.yml defaults', () => {
    useInputs(withActionDefaults({ 'rest-api-id': 'a1b2c3d4e5', stage: 'pr-12' }))
    expect(getInputs()).toEqual(read())
  })

  it('leaves unset optional fields absent (exactOptionalPropertyTypes), not undefined', () => {
    const inputs = read()
    for (const key of ['region', 'description', 'promoteFrom', 'rollbackTo', 'domain', 'export', 'sdk', 'prNumber']) {
      expect(Object.hasOwn(inputs, key)).toBe(false)
    }
    expect(Object.hasOwn(inputs.canary, 'percent')).toBe(false)
    expect(Object.hasOwn(inputs.settings, 'cacheCluster')).toBe(false)
  })

  it('returns a deeply frozen object', () => {
    const inputs = read({ variables: 'A=1', 'method-settings': 'GET /a:\n  metrics: true' })
    expect(Object.isFrozen(inputs)).toBe(true)
    expect(Object.isFrozen(inputs.variables)).toBe(true)
    expect(Object.isFrozen(inputs.canary)).toBe(true)
    expect(Object.isFrozen(inputs.methodSettings[0]?.settings)).toBe(true)
    expect(() => {
      ;(inputs as { stage: string }).stage = 'prod'
    }).toThrow(TypeError)
  })

  it('reads every input of a fully specified canary deploy', () => {
    useInputs(EVERYTHING)
    expect(getInputs()).toEqual({
      api: { kind: 'id', id: 'a1b2c3d4e5' },
      region: 'eu-central-1',
      stage: 'staging',
      operation: 'deploy',
      description: 'Release 1.2.3 (abc123)',
      variables: { backendUrl: 'https://backend.example.com/v2', lambdaAlias: 'live' },
      removeVariables: ['oldFlag', 'legacyUrl'],
      canary: { percent: 10.5, variables: { lambdaAlias: 'canary' }, removeVariables: ['debug'], useStageCache: false },
      settings: {
        defaults: {
          throttlingRateLimit: 100.5,
          throttlingBurstLimit: 200,
          cachingEnabled: true,
          cacheTtlInSeconds: 300,
          cacheDataEncrypted: true,
          requireAuthorizationForCacheControl: true,
          unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403',
          loggingLevel: 'INFO',
          dataTraceEnabled: false,
          metricsEnabled: true,
        },
        cacheCluster: { enabled: true, size: '0.5' },
        tracingEnabled: true,
        clientCertificateId: 'ab12cd',
        accessLogDestinationArn: 'arn:aws:logs:eu-central-1:123456789012:log-group:api-access',
        accessLogFormat: '{"requestId":"$context.requestId","status":"$context.status"}',
      },
      methodSettings: [
        { httpMethod: 'GET', resourcePath: '/pets/{id}', settings: { cacheTtlInSeconds: 60 } },
        { httpMethod: 'ANY', resourcePath: '/{proxy+}', settings: { throttlingRateLimit: 50 } },
      ],
      domain: { name: 'api.example.com', basePath: 'v1', repoint: false },
      usagePlanIds: ['abc123', 'def456'],
      export: { type: 'oas30', format: 'yaml', extensions: ['integrations', 'authorizers'], file: 'out/api.yaml' },
      sdk: { type: 'swift', parameters: { classPrefix: 'PET' }, file: 'out/sdk.zip' },
      diffAgainst: { kind: 'stage', stage: 'prod' },
      comment: true,
      prNumber: 42,
      environment: 'staging',
      smokeTestPath: '/health?deep=1',
      rollbackOnFailure: true,
      deleteStagePattern: '^(pr|preview)-[0-9]+$',
      prunePreviewsOlderThanDays: 14,
      dryRun: true,
      showVariableValues: true,
      maxAttempts: 9,
      smokeTestAttempts: 5,
      cacheWaitMinutes: 0,
      githubToken: TOKEN,
    } satisfies ActionInputs)
  })

  it('trims values the way @actions/core does', () => {
    const inputs = read({ stage: '  pr-7 \n', variables: '\n  A=1\n  ', operation: ' deploy ' })
    expect(inputs.stage).toBe('pr-7')
    expect(inputs.variables).toEqual({ A: '1' })
  })
})

describe('getInputs: valid forms per input', () => {
  it('selects the API by name', () => {
    expect(read({ 'rest-api-id': '', 'rest-api-name': 'Orders API (v2)' }).api).toEqual({
      kind: 'name',
      name: 'Orders API (v2)',
    })
  })

  it.each(['us-east-1', 'eu-central-2', 'us-gov-west-1', 'cn-north-1', 'ap-southeast-5', 'us-isob-east-1'])(
    'accepts region %s',
    (region) => {
      expect(read({ region }).region).toBe(region)
    },
  )

  it.each(['a', 'Prod_2-x', 'x'.repeat(128), 'pr-1234'])('accepts stage %s', (stage) => {
    expect(read({ stage, comment: 'false' }).stage).toBe(stage)
  })

  it('accepts every operation with what it needs', () => {
    expect(read({ operation: 'deploy' }).operation).toBe('deploy')
    expect(read({ operation: 'promote', stage: 'prod', 'promote-from': 'staging' })).toMatchObject({
      operation: 'promote',
      promoteFrom: 'staging',
    })
    expect(read({ operation: 'promote', stage: 'prod', variables: 'lambdaAlias=v42' }).promoteFrom).toBeUndefined()
    expect(read({ operation: 'promote', stage: 'prod', 'remove-variables': 'x' }).removeVariables).toEqual(['x'])
    expect(read({ operation: 'update-canary', 'canary-percent': '25' }).canary.percent).toBe(25)
    expect(read({ operation: 'promote-canary' }).operation).toBe('promote-canary')
    expect(read({ operation: 'rollback-canary' }).operation).toBe('rollback-canary')
    expect(read({ operation: 'rollback' }).rollbackTo).toBeUndefined()
    expect(read({ operation: 'rollback', 'rollback-to': 'dep111' }).rollbackTo).toBe('dep111')
    expect(read({ operation: 'delete', stage: 'pr-99' }).operation).toBe('delete')
    expect(read({ operation: 'DELETE', stage: 'pr-99' }).operation).toBe('delete')
  })

  it('takes the description as given, multi-line included', () => {
    expect(read({ description: 'Deploy abc123\nfrom main' }).description).toBe('Deploy abc123\nfrom main')
  })

  describe('variables', () => {
    it('parses KEY=VALUE lines with comments, blank lines and spaces around =', () => {
      const text = '# backend\nbackendUrl = https://api.example.com/v1?x=1&y=2#frag\n\nlambdaAlias=live\nlist=a,b,c'
      expect(read({ variables: text }).variables).toEqual({
        backendUrl: 'https://api.example.com/v1?x=1&y=2#frag',
        lambdaAlias: 'live',
        list: 'a,b,c',
      })
    })

    it('parses a YAML map and keeps every scalar as its text', () => {
      const text = 'version: 1.10\nenabled: true\nempty_like: "null"\nurl: "https://x.example.com:8443/a"\nn: 007'
      expect(read({ variables: text }).variables).toEqual({
        version: '1.10',
        enabled: 'true',
        empty_like: 'null',
        url: 'https://x.example.com:8443/a',
        n: '007',
      })
    })

    it('parses a YAML flow map', () => {
      expect(read({ variables: '{a: b, c: d}' }).variables).toEqual({ a: 'b', c: 'd' })
    })

    it('keeps input order', () => {
      expect(Object.keys(read({ variables: 'z=1\na=2\nm=3' }).variables)).toEqual(['z', 'a', 'm'])
    })

    it('accepts the limits: 64-character names, 512-character values, 100 variables', () => {
      const many = Array.from({ length: 100 }, (_, i) => `V${i}=x`).join('\n')
      expect(Object.keys(read({ variables: many }).variables)).toHaveLength(100)
      const long = read({ variables: `${'N'.repeat(64)}=${'v'.repeat(512)}` }).variables
      expect(long['N'.repeat(64)]).toHaveLength(512)
    })

    it('stores a variable named __proto__ as an own property', () => {
      const vars = read({ variables: '__proto__=x' }).variables
      expect(Object.hasOwn(vars, '__proto__')).toBe(true)
      expect(Object.getPrototypeOf(vars)).toBe(Object.prototype)
    })

    it('parses remove-variables separated by commas and/or newlines', () => {
      expect(read({ 'remove-variables': 'a, b\nc,\n\nd' }).removeVariables).toEqual(['a', 'b', 'c', 'd'])
    })
  })

  describe('canary', () => {
    it.each([
      ['100', 100],
      ['0.5', 0.5],
      ['.5', 0.5],
      ['10', 10],
    ])('deploys a canary with canary-percent %s', (percent, value) => {
      expect(read({ 'canary-percent': percent }).canary.percent).toBe(value)
    })

    it('reads every canary input with a canary deploy', () => {
      const canary = read({
        'canary-percent': '5',
        'canary-variables': 'alias: canary',
        'remove-canary-variables': 'debug\ntrace',
        'canary-use-stage-cache': 'TRUE',
      }).canary
      expect(canary).toEqual({
        percent: 5,
        variables: { alias: 'canary' },
        removeVariables: ['debug', 'trace'],
        useStageCache: true,
      })
    })

    it.each([
      { 'canary-percent': '50' },
      { 'canary-variables': 'a=b' },
      { 'remove-canary-variables': 'a' },
      { 'canary-use-stage-cache': 'false' },
    ])('update-canary accepts %o alone', (given) => {
      expect(read({ operation: 'update-canary', ...given }).operation).toBe('update-canary')
    })
  })

  describe('stage settings', () => {
    it('reads each stage-wide setting into the */* method setting values', () => {
      expect(
        read({
          'throttling-rate-limit': '0',
          'throttling-burst-limit': '5000',
          'caching-enabled': 'False',
          'cache-ttl': '0',
          'logging-level': 'error',
          'unauthorized-cache-control-header-strategy': 'succeed_without_response_header',
        }).settings.defaults,
      ).toEqual({
        throttlingRateLimit: 0,
        throttlingBurstLimit: 5000,
        cachingEnabled: false,
        cacheTtlInSeconds: 0,
        loggingLevel: 'ERROR',
        unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITHOUT_RESPONSE_HEADER',
      })
      expect(read({ 'throttling-rate-limit': '10000', 'cache-ttl': '3600' }).settings.defaults).toEqual({
        throttlingRateLimit: 10000,
        cacheTtlInSeconds: 3600,
      })
    })

    it.each(['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'])('accepts cache-cluster-size %s', (size) => {
      expect(read({ 'cache-cluster-size': size }).settings.cacheCluster).toEqual({ enabled: true, size })
    })

    it('turns the cache cluster off with disabled, any case', () => {
      expect(read({ 'cache-cluster-size': 'Disabled' }).settings.cacheCluster).toEqual({ enabled: false })
    })

    it('reads tracing, client certificate and access logs', () => {
      const s = read({
        tracing: 'false',
        'client-certificate-id': 'z7q4k2',
        'access-log-destination-arn':
          'arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-access-logs',
        'access-log-format': '$context.requestId $context.status',
      }).settings
      expect(s).toEqual({
        defaults: {},
        tracingEnabled: false,
        clientCertificateId: 'z7q4k2',
        accessLogDestinationArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-access-logs',
        accessLogFormat: '$context.requestId $context.status',
      })
    })

    it.each([
      'arn:aws:logs:us-east-1:123456789012:log-group:API-Gateway-Access/my_api',
      'arn:aws:logs:us-east-1:123456789012:log-group:access-logs:*',
      'arn:aws-cn:logs:cn-north-1:123456789012:log-group:access',
      'arn:aws-us-gov:logs:us-gov-west-1:123456789012:log-group:a.b#c',
    ])('accepts access log destination %s', (arn) => {
      expect(read({ 'access-log-destination-arn': arn }).settings.accessLogDestinationArn).toBe(arn)
    })

    it('reads method-settings with ANY, root /, {proxy+}, lower-case verbs and quoted values', () => {
      const text = [
        'ANY /{proxy+}:',
        '  throttling-rate-limit: 50',
        '  throttling-burst-limit: 100',
        'get /:',
        '  caching-enabled: "true"',
        '  cache-ttl: 60',
        '  cache-data-encrypted: TRUE',
        'POST /pets/{petId}/photos:',
        '  logging-level: info',
        '  data-trace: false',
        '  metrics: true',
        '  require-authorization-for-cache-control: false',
        '  unauthorized-cache-control-header-strategy: FAIL_WITH_403',
        '"OPTIONS /a.b/c-d_e":',
        '  metrics: false',
      ].join('\n')
      expect(read({ 'method-settings': text, 'cache-cluster-size': '0.5' }).methodSettings).toEqual([
        {
          httpMethod: 'ANY',
          resourcePath: '/{proxy+}',
          settings: { throttlingRateLimit: 50, throttlingBurstLimit: 100 },
        },
        {
          httpMethod: 'GET',
          resourcePath: '/',
          settings: { cachingEnabled: true, cacheTtlInSeconds: 60, cacheDataEncrypted: true },
        },
        {
          httpMethod: 'POST',
          resourcePath: '/pets/{petId}/photos',
          settings: {
            loggingLevel: 'INFO',
            dataTraceEnabled: false,
            metricsEnabled: true,
            requireAuthorizationForCacheControl: false,
            unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403',
          },
        },
        { httpMethod: 'OPTIONS', resourcePath: '/a.b/c-d_e', settings: { metricsEnabled: false } },
      ])
    })
  })

  describe('domain, usage plans, export, SDK', () => {
    it('maps the domain root when base-path is empty or (none), lower-casing the host', () => {
      expect(read({ 'domain-name': 'API.Example.com' }).domain).toEqual({
        name: 'api.example.com',
        basePath: '(none)',
        repoint: false,
      })
      expect(read({ 'domain-name': 'a.io', 'repoint-base-path': 'true' }).domain?.repoint).toBe(true)
      expect(read({ 'domain-name': 'api.example.com', 'base-path': '(none)' }).domain?.basePath).toBe('(none)')
      expect(read({ 'domain-name': 'a.io', 'base-path': "v1.2_$-+!*'()" }).domain?.basePath).toBe("v1.2_$-+!*'()")
    })

    it('reads usage plan ids', () => {
      expect(read({ 'usage-plan-ids': 'abc123, zyx987\nq1w2e3r4t5' }).usagePlanIds).toEqual([
        'abc123',
        'zyx987',
        'q1w2e3r4t5',
      ])
    })

    it.each([
      ['api.yml', '', 'yaml'],
      ['api.YAML', '', 'yaml'],
      ['api.json', '', 'json'],
      ['api.txt', '', 'json'],
      ['api.txt', 'yaml', 'yaml'],
      ['api.json', 'JSON', 'json'],
    ])('exports to %s with export-format %o as %s', (file, format, expected) => {
      expect(read({ 'export-type': 'swagger', 'export-file': file, 'export-format': format }).export).toEqual({
        type: 'swagger',
        format: expected,
        extensions: [],
        file,
      })
    })

    it('reads export extensions in any case', () => {
      expect(
        read({ 'export-type': 'OAS30', 'export-file': 'a.json', 'export-extensions': 'Postman\napigateway' }).export,
      ).toEqual({ type: 'oas30', format: 'json', extensions: ['postman', 'apigateway'], file: 'a.json' })
    })

    it('reads SDK settings: no parameters, YAML parameters, dotted names', () => {
      expect(read({ 'sdk-type': 'javascript', 'sdk-file': 'sdk.zip' }).sdk).toEqual({
        type: 'javascript',
        parameters: {},
        file: 'sdk.zip',
      })
      const android = 'groupId: com.example\nartifactId: pets\nartifactVersion: 1.0.0\ninvokerPackage: com.example.pets'
      expect(read({ 'sdk-type': 'android', 'sdk-file': 'a.zip', 'sdk-parameters': android }).sdk?.parameters).toEqual({
        groupId: 'com.example',
        artifactId: 'pets',
        artifactVersion: '1.0.0',
        invokerPackage: 'com.example.pets',
      })
      expect(
        read({ 'sdk-type': 'ruby', 'sdk-file': 'r.zip', 'sdk-parameters': 'service.name=Pets\nruby.gem-name=pets' }).sdk
          ?.parameters,
      ).toEqual({ 'service.name': 'Pets', 'ruby.gem-name': 'pets' })
      expect(
        read({ 'sdk-type': 'java', 'sdk-file': 'j.zip', 'sdk-parameters': 'serviceName=Pets\njavaPackageName=com.x' })
          .sdk?.type,
      ).toBe('java')
      expect(
        read({ 'sdk-type': 'objectivec', 'sdk-file': 'o.zip', 'sdk-parameters': 'classPrefix=PET' }).sdk?.type,
      ).toBe('objectivec')
    })
  })

  describe('reporting and behaviour', () => {
    it('reads diff-against a stage', () => {
      expect(read({ 'diff-against': 'prod' }).diffAgainst).toEqual({ kind: 'stage', stage: 'prod' })
    })

    it.each([
      ['auto', 'auto'],
      ['true', true],
      ['FALSE', false],
      ['Auto', 'auto'],
    ])('reads comment %s', (comment, expected) => {
      expect(read({ comment }).comment).toBe(expected)
    })

    it('reads pr-number, environment, smoke-test-path and prune days', () => {
      expect(
        read({
          'pr-number': '17',
          environment: 'preview / pr-17',
          'smoke-test-path': '/',
          'prune-previews-older-than': '30',
        }),
      ).toMatchObject({
        prNumber: 17,
        environment: 'preview / pr-17',
        smokeTestPath: '/',
        prunePreviewsOlderThanDays: 30,
      })
    })

    it('accepts a canary promotion: promote-from with canary-percent and canary-variables', () => {
      const got = read({
        operation: 'promote',
        'promote-from': 'staging',
        'canary-percent': '10',
        'canary-variables': 'a=b',
      })
      expect(got.promoteFrom).toBe('staging')
      expect(got.canary).toMatchObject({ percent: 10, variables: { a: 'b' } })
    })

    it('accepts rollback-on-failure with a canary deploy and a smoke test', () => {
      expect(
        read({ 'rollback-on-failure': 'true', 'canary-percent': '10', 'smoke-test-path': '/health' }).rollbackOnFailure,
      ).toBe(true)
    })

    it('reads dry-run and show-variable-values', () => {
      expect(read({ 'dry-run': 'True', 'show-variable-values': 'true' })).toMatchObject({
        dryRun: true,
        showVariableValues: true,
      })
    })

    it.each([
      ['1', 2],
      ['5', 6],
      ['20', 21],
    ])('max-retries %s gives %i attempts per call', (retries, attempts) => {
      expect(read({ 'max-retries': retries }).maxAttempts).toBe(attempts)
    })

    it('allows a wider delete pattern on purpose', () => {
      expect(read({ operation: 'delete', stage: 'feature_x', 'delete-stage-pattern': 'feature_[a-z]+' })).toMatchObject(
        { operation: 'delete', stage: 'feature_x', deleteStagePattern: 'feature_[a-z]+' },
      )
    })

    it('allows an empty github-token when nothing needs GitHub', () => {
      expect(read({ 'github-token': '', comment: 'false' }).githubToken).toBe('')
    })

    it('registers the token as a secret', () => {
      read()
      expect(core.setSecret).toHaveBeenCalledWith(TOKEN)
    })
  })
})

describe('getInputs: logging', () => {
  it('logs each input with core.debug, variable names only, never the token or variable values', () => {
    read({
      variables: `DB_PASSWORD=${SECRET}\nAPI_KEY=${SECRET}x`,
      'canary-percent': '5',
      'canary-variables': `T=${SECRET}`,
    })
    const text = debugText()
    expect(text).toContain('stage')
    expect(text).toContain('DB_PASSWORD, API_KEY')
    expect(text).toContain("'pr-12'")
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain(TOKEN)
    for (const name of Object.keys(INPUT_DEFAULTS)) expect(text).toContain(`Input ${name}:`)
  })

  it('does not log invalid variable values either', () => {
    readError({ ...MINIMAL, variables: `DB_PASSWORD=${SECRET_WITH_SPACE}` })
    expect(debugText()).not.toContain('Sup3r')
  })
})

// ---- Bad inputs ----

/** Base of the matrix: valid, with a secret-looking variable value that no message may repeat. */
const BAD_BASE: InputMap = { ...MINIMAL, variables: `DB_PASSWORD=${SECRET}` }

interface BadCase {
  why: string
  given: InputMap
  /** The input the message must name (and InputError.problems must include). */
  input: string
  /** A fragment the message must contain (what is allowed, or a hint). */
  says?: string
}

const long = (n: number): string => 'x'.repeat(n)
const noVars = { variables: '' }

const BAD: BadCase[] = [
  // Which API
  { why: 'upper-case id', given: { 'rest-api-id': 'A1B2C3D4E5' }, input: 'rest-api-id', says: '10 lowercase' },
  { why: 'short id', given: { 'rest-api-id': 'abc' }, input: 'rest-api-id' },
  {
    why: 'URL as id',
    given: { 'rest-api-id': 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com' },
    input: 'rest-api-id',
  },
  { why: 'id and name', given: { 'rest-api-name': 'orders' }, input: 'rest-api-id', says: 'exactly one' },
  { why: 'neither id nor name', given: { 'rest-api-id': '' }, input: 'rest-api-id', says: 'exactly one' },
  { why: 'multi-line name', given: { 'rest-api-id': '', 'rest-api-name': 'orders\napi' }, input: 'rest-api-name' },
  { why: 'upper-case region', given: { region: 'US-EAST-1' }, input: 'region', says: 'us-east-1' },
  { why: 'region without number', given: { region: 'us-east' }, input: 'region' },
  // Stage and operation
  { why: 'missing stage', given: { stage: '' }, input: 'stage', says: 'required' },
  { why: 'space in stage', given: { stage: 'pr 12' }, input: 'stage', says: '[A-Za-z0-9_-]{1,128}' },
  { why: '129-character stage', given: { stage: long(129) }, input: 'stage', says: '(129 characters)' },
  { why: 'slash in stage', given: { stage: 'pr/12' }, input: 'stage' },
  { why: 'unknown operation', given: { operation: 'deploy-canary' }, input: 'operation', says: "'update-canary'" },
  { why: 'control character in description', given: { description: 'a\u0007b' }, input: 'description' },
  {
    why: 'description without a deployment',
    given: { operation: 'rollback', description: 'x' },
    input: 'description',
    says: "'deploy'",
  },
  // Variables (values may be secrets)
  {
    why: 'bad variable name',
    given: { variables: `DB-PASSWORD=${SECRET}` },
    input: 'variables',
    says: "'DB-PASSWORD'",
  },
  {
    why: 'space in a value',
    given: { variables: `DB_PASSWORD=${SECRET_WITH_SPACE}` },
    input: 'variables',
    says: "value of 'DB_PASSWORD' contains whitespace",
  },
  { why: 'value over 512', given: { variables: `DB_PASSWORD=${SECRET}${long(600)}` }, input: 'variables', says: '512' },
  { why: 'empty value', given: { variables: 'DB_PASSWORD=' }, input: 'variables', says: 'remove-variables' },
  {
    why: 'duplicate KEY=VALUE key',
    given: { variables: `DB_PASSWORD=${SECRET}\nDB_PASSWORD=${SECRET}2` },
    input: 'variables',
    says: 'more than once',
  },
  { why: 'duplicate YAML key', given: { variables: `A: ${SECRET}\nA: ${SECRET}` }, input: 'variables', says: 'line 2' },
  { why: 'broken YAML', given: { variables: `A: [${SECRET}` }, input: 'variables', says: 'not valid YAML' },
  { why: 'list value', given: { variables: `A:\n  - ${SECRET}` }, input: 'variables', says: 'single text value' },
  { why: 'YAML that is not a map', given: { variables: `- ${SECRET}` }, input: 'variables', says: 'KEY=VALUE' },
  {
    why: '101 variables',
    given: { variables: Array.from({ length: 101 }, (_, i) => `V${i}=${SECRET}`).join('\n') },
    input: 'variables',
    says: 'at most 100',
  },
  { why: 'mixed forms', given: { variables: `A=1\nB: ${SECRET}` }, input: 'variables', says: 'line 2' },
  { why: 'quote in a YAML value', given: { variables: `A: '${SECRET}"'` }, input: 'variables' },
  { why: 'bad name to remove', given: { 'remove-variables': 'a-b' }, input: 'remove-variables', says: "'a-b'" },
  {
    why: 'name removed twice',
    given: { 'remove-variables': 'A,A' },
    input: 'remove-variables',
    says: 'more than once',
  },
  {
    why: 'variable set and removed',
    given: { 'remove-variables': 'DB_PASSWORD' },
    input: 'remove-variables',
    says: "'DB_PASSWORD'",
  },
  // Canary
  { why: 'zero percent', given: { 'canary-percent': '0' }, input: 'canary-percent', says: 'greater than 0' },
  { why: 'over 100 percent', given: { 'canary-percent': '101' }, input: 'canary-percent' },
  { why: 'percent sign', given: { 'canary-percent': '10%' }, input: 'canary-percent' },
  {
    why: 'canary promotion without promote-from',
    given: { operation: 'promote', variables: 'a=b', 'canary-percent': '10' },
    input: 'canary-percent',
    says: "'promote-from'",
  },
  {
    why: 'canary promotion that also changes production variables',
    given: { operation: 'promote', 'promote-from': 'staging', 'canary-percent': '10', variables: 'a=b' },
    input: 'variables',
    says: "'canary-variables'",
  },
  {
    why: 'percent with rollback',
    given: { operation: 'rollback', 'canary-percent': '10' },
    input: 'canary-percent',
    says: "'update-canary'",
  },
  {
    why: 'canary variables on a plain deploy',
    given: { 'canary-variables': `T=${SECRET}` },
    input: 'canary-variables',
    says: "'canary-percent'",
  },
  {
    why: 'bad canary value',
    given: { 'canary-percent': '5', 'canary-variables': `T=${SECRET_WITH_SPACE}` },
    input: 'canary-variables',
  },
  {
    why: 'bad canary name to remove',
    given: { operation: 'update-canary', 'remove-canary-variables': 'x y' },
    input: 'remove-canary-variables',
  },
  {
    why: 'canary override set and removed',
    given: { operation: 'update-canary', 'canary-variables': `T=${SECRET}`, 'remove-canary-variables': 'T' },
    input: 'remove-canary-variables',
    says: "'T'",
  },
  {
    why: 'yes is not a boolean',
    given: { 'canary-percent': '5', 'canary-use-stage-cache': 'yes' },
    input: 'canary-use-stage-cache',
    says: "'true' or 'false'",
  },
  {
    why: 'update-canary with nothing',
    given: { operation: 'update-canary' },
    input: 'operation',
    says: 'at least one',
  },
  {
    why: 'canary cache with rollback-canary',
    given: { operation: 'rollback-canary', 'canary-use-stage-cache': 'true' },
    input: 'canary-use-stage-cache',
  },
  // Promote and rollback
  { why: 'promote without source', given: { operation: 'promote', variables: '' }, input: 'promote-from' },
  {
    why: 'promote from itself',
    given: { operation: 'promote', 'promote-from': 'pr-12' },
    input: 'promote-from',
    says: 'same as',
  },
  { why: 'promote-from with deploy', given: { 'promote-from': 'staging' }, input: 'promote-from', says: "'promote'" },
  { why: 'bad promote-from', given: { operation: 'promote', 'promote-from': 'st age' }, input: 'promote-from' },
  { why: 'rollback-to with deploy', given: { 'rollback-to': 'abc123' }, input: 'rollback-to', says: "'rollback'" },
  { why: 'bad deployment id', given: { operation: 'rollback', 'rollback-to': 'ABC' }, input: 'rollback-to' },
  // Stage settings
  {
    why: 'negative rate',
    given: { 'throttling-rate-limit': '-1' },
    input: 'throttling-rate-limit',
    says: '0 to 10000',
  },
  { why: 'rate over account default', given: { 'throttling-rate-limit': '10001' }, input: 'throttling-rate-limit' },
  { why: 'rate not a number', given: { 'throttling-rate-limit': 'abc' }, input: 'throttling-rate-limit' },
  { why: 'burst over 5000', given: { 'throttling-burst-limit': '5001' }, input: 'throttling-burst-limit' },
  { why: 'fractional burst', given: { 'throttling-burst-limit': '1.5' }, input: 'throttling-burst-limit' },
  { why: 'unknown cache size', given: { 'cache-cluster-size': '2' }, input: 'cache-cluster-size', says: '0.5' },
  { why: 'caching-enabled yes', given: { 'caching-enabled': 'yes' }, input: 'caching-enabled' },
  { why: 'TTL over 3600', given: { 'cache-ttl': '3601' }, input: 'cache-ttl', says: '0 to 3600' },
  { why: 'TTL in exponent form', given: { 'cache-ttl': '1e3' }, input: 'cache-ttl' },
  { why: 'encrypted 1', given: { 'cache-data-encrypted': '1' }, input: 'cache-data-encrypted' },
  {
    why: 'authorization on',
    given: { 'require-authorization-for-cache-control': 'on' },
    input: 'require-authorization-for-cache-control',
  },
  {
    why: 'unknown header strategy',
    given: { 'unauthorized-cache-control-header-strategy': 'FAIL' },
    input: 'unauthorized-cache-control-header-strategy',
    says: 'FAIL_WITH_403',
  },
  { why: 'DEBUG logging', given: { 'logging-level': 'DEBUG' }, input: 'logging-level', says: "'INFO'" },
  { why: 'data-trace enabled', given: { 'data-trace': 'enabled' }, input: 'data-trace' },
  { why: 'metrics y', given: { metrics: 'y' }, input: 'metrics' },
  { why: 'tracing xray', given: { tracing: 'xray' }, input: 'tracing' },
  { why: 'bad certificate id', given: { 'client-certificate-id': 'cert!' }, input: 'client-certificate-id' },
  {
    why: 'S3 access log destination',
    given: { 'access-log-destination-arn': 'arn:aws:s3:::my-bucket' },
    input: 'access-log-destination-arn',
    says: 'log group ARN',
  },
  {
    why: 'Firehose stream without the prefix',
    given: { 'access-log-destination-arn': 'arn:aws:firehose:us-east-1:123456789012:deliverystream/logs' },
    input: 'access-log-destination-arn',
    says: 'amazon-apigateway-',
  },
  {
    why: 'format without requestId',
    given: { 'access-log-format': '$context.extendedRequestId $context.status' },
    input: 'access-log-format',
    says: '$context.requestId',
  },
  // Method settings
  { why: 'path without slash', given: { 'method-settings': 'GET pets:\n  metrics: true' }, input: 'method-settings' },
  {
    why: 'unknown verb',
    given: { 'method-settings': 'FETCH /pets:\n  metrics: true' },
    input: 'method-settings',
    says: 'ANY',
  },
  {
    why: 'unknown setting',
    given: { 'method-settings': 'GET /pets:\n  ttl: 5' },
    input: 'method-settings',
    says: 'unknown setting',
  },
  {
    why: 'bad setting value',
    given: { 'method-settings': 'GET /pets:\n  cache-ttl: 4000' },
    input: 'method-settings',
    says: '0 to 3600',
  },
  { why: 'not a map', given: { 'method-settings': 'just text' }, input: 'method-settings', says: 'YAML map' },
  {
    why: 'ANY overlaps GET',
    given: { 'method-settings': 'ANY /pets:\n  metrics: true\nGET /pets:\n  metrics: false' },
    input: 'method-settings',
    says: 'both set GET /pets',
  },
  {
    why: 'greedy segment not last',
    given: { 'method-settings': 'GET /{proxy+}/x:\n  metrics: true' },
    input: 'method-settings',
    says: 'must come last',
  },
  {
    why: 'stage-wide key',
    given: { 'method-settings': '"*/*":\n  metrics: true' },
    input: 'method-settings',
    says: 'stage-level inputs',
  },
  { why: 'entry without settings', given: { 'method-settings': 'GET /a: {}' }, input: 'method-settings' },
  {
    why: 'caching without a cluster',
    given: { 'caching-enabled': 'true', 'cache-cluster-size': 'disabled' },
    input: 'caching-enabled',
    says: 'cache cluster',
  },
  {
    why: 'method caching without a cluster',
    given: { 'method-settings': 'GET /a:\n  caching-enabled: true', 'cache-cluster-size': 'disabled' },
    input: 'method-settings',
    says: 'cache cluster',
  },
  {
    why: 'canary stage cache without a cluster',
    given: { 'canary-percent': '5', 'canary-use-stage-cache': 'true', 'cache-cluster-size': 'disabled' },
    input: 'canary-use-stage-cache',
  },
  // Domain and usage plans
  { why: 'URL as domain', given: { 'domain-name': 'https://api.example.com' }, input: 'domain-name', says: 'https://' },
  { why: 'wildcard domain', given: { 'domain-name': '*.example.com' }, input: 'domain-name' },
  { why: 'not a domain', given: { 'domain-name': 'not a domain' }, input: 'domain-name' },
  { why: 'base path without domain', given: { 'base-path': 'v1' }, input: 'base-path', says: 'domain-name' },
  {
    why: 'repoint without domain',
    given: { 'repoint-base-path': 'true' },
    input: 'repoint-base-path',
    says: 'domain-name',
  },
  {
    why: 'repoint not a boolean',
    given: { 'domain-name': 'api.example.com', 'repoint-base-path': 'maybe' },
    input: 'repoint-base-path',
  },
  {
    why: 'multi-level base path',
    given: { 'domain-name': 'api.example.com', 'base-path': 'a/b' },
    input: 'base-path',
    says: 'apigatewayv2',
  },
  {
    why: 'base path with slashes',
    given: { 'domain-name': 'api.example.com', 'base-path': '/v1' },
    input: 'base-path',
    says: "write 'v1'",
  },
  { why: 'space in base path', given: { 'domain-name': 'api.example.com', 'base-path': 'v 1' }, input: 'base-path' },
  { why: 'bad usage plan id', given: { 'usage-plan-ids': 'abc123,ABC!' }, input: 'usage-plan-ids', says: "'ABC!'" },
  { why: 'usage plan twice', given: { 'usage-plan-ids': 'abc123\nabc123' }, input: 'usage-plan-ids' },
  // Export and SDK
  {
    why: 'unknown export type',
    given: { 'export-type': 'openapi', 'export-file': 'a.json' },
    input: 'export-type',
    says: "'oas30'",
  },
  { why: 'export type without file', given: { 'export-type': 'oas30' }, input: 'export-type', says: 'export-file' },
  { why: 'export file without type', given: { 'export-file': 'api.json' }, input: 'export-file', says: 'export-type' },
  {
    why: 'xml format',
    given: { 'export-type': 'oas30', 'export-file': 'a.out', 'export-format': 'xml' },
    input: 'export-format',
  },
  {
    why: 'format and extension disagree',
    given: { 'export-type': 'oas30', 'export-file': 'api.yaml', 'export-format': 'json' },
    input: 'export-format',
    says: 'agree',
  },
  {
    why: 'unknown extension',
    given: { 'export-type': 'oas30', 'export-file': 'a.json', 'export-extensions': 'swagger' },
    input: 'export-extensions',
    says: 'postman',
  },
  {
    why: 'export file is a directory',
    given: { 'export-type': 'oas30', 'export-file': 'out/' },
    input: 'export-file',
    says: 'directory',
  },
  { why: 'unknown SDK type', given: { 'sdk-type': 'python', 'sdk-file': 's.zip' }, input: 'sdk-type', says: 'swift' },
  {
    why: 'swift without classPrefix',
    given: { 'sdk-type': 'swift', 'sdk-file': 's.zip' },
    input: 'sdk-parameters',
    says: "'classPrefix'",
  },
  { why: 'SDK file without type', given: { 'sdk-file': 's.zip' }, input: 'sdk-file', says: 'sdk-type' },
  { why: 'SDK type without file', given: { 'sdk-type': 'javascript' }, input: 'sdk-type', says: 'sdk-file' },
  {
    why: 'bad SDK parameter',
    given: { 'sdk-type': 'javascript', 'sdk-file': 's.zip', 'sdk-parameters': 'a b=c' },
    input: 'sdk-parameters',
  },
  {
    why: 'SDK and export to one file',
    given: { 'sdk-type': 'javascript', 'sdk-file': 'x.zip', 'export-type': 'oas30', 'export-file': 'x.zip' },
    input: 'sdk-file',
    says: 'same file',
  },
  // Reporting and behaviour
  { why: 'bad diff stage', given: { 'diff-against': 'not valid!' }, input: 'diff-against', says: "'previous'" },
  { why: 'diff against itself', given: { 'diff-against': 'pr-12' }, input: 'diff-against', says: "'previous'" },
  { why: 'comment yes', given: { comment: 'yes' }, input: 'comment', says: "'auto'" },
  { why: 'pr-number 0', given: { 'pr-number': '0' }, input: 'pr-number', says: 'at least 1' },
  { why: 'pr-number with #', given: { 'pr-number': '#12' }, input: 'pr-number' },
  { why: 'pr-number without comment', given: { 'pr-number': '12', comment: 'false' }, input: 'pr-number' },
  { why: 'long environment', given: { environment: long(256) }, input: 'environment', says: '255' },
  { why: 'relative smoke path', given: { 'smoke-test-path': 'health' }, input: 'smoke-test-path', says: "'/'" },
  {
    why: 'smoke base URL not absolute',
    given: { 'smoke-test-path': '/health', 'smoke-test-base-url': 'localhost:4566/dev' },
    input: 'smoke-test-base-url',
  },
  {
    why: 'smoke base URL with a query',
    given: { 'smoke-test-path': '/health', 'smoke-test-base-url': 'https://x.example/dev?a=1' },
    input: 'smoke-test-base-url',
  },
  {
    why: 'smoke base URL without a path',
    given: { 'smoke-test-base-url': 'https://x.example/dev' },
    input: 'smoke-test-base-url',
  },
  { why: 'cache wait negative', given: { 'wait-for-cache-cluster': '-1' }, input: 'wait-for-cache-cluster' },
  { why: 'cache wait over 30 minutes', given: { 'wait-for-cache-cluster': '45' }, input: 'wait-for-cache-cluster' },
  {
    why: 'smoke attempts zero',
    given: { 'smoke-test-path': '/h', 'smoke-test-attempts': '0' },
    input: 'smoke-test-attempts',
  },
  {
    why: 'smoke attempts too many',
    given: { 'smoke-test-path': '/h', 'smoke-test-attempts': '31' },
    input: 'smoke-test-attempts',
  },
  { why: 'protocol-relative smoke path', given: { 'smoke-test-path': '//evil.example.com' }, input: 'smoke-test-path' },
  { why: 'rollback-on-failure maybe', given: { 'rollback-on-failure': 'maybe' }, input: 'rollback-on-failure' },
  {
    why: 'rollback-on-failure without a canary',
    given: { 'rollback-on-failure': 'true', 'smoke-test-path': '/health' },
    input: 'rollback-on-failure',
    says: 'canary-percent',
  },
  {
    why: 'rollback-on-failure without a smoke test',
    given: { 'rollback-on-failure': 'true', 'canary-percent': '10' },
    input: 'rollback-on-failure',
    says: 'smoke-test-path',
  },
  { why: 'pattern does not compile', given: { 'delete-stage-pattern': '[' }, input: 'delete-stage-pattern' },
  {
    why: 'pattern with delimiters',
    given: { 'delete-stage-pattern': '/^pr-\\d+$/' },
    input: 'delete-stage-pattern',
    says: 'delimiters',
  },
  {
    why: 'deleting a stage outside the pattern',
    given: { ...noVars, operation: 'delete', stage: 'prod' },
    input: 'stage',
    says: "delete-stage-pattern: '^prod$'",
  },
  {
    why: 'pattern matches only part of the stage',
    given: { ...noVars, operation: 'delete', stage: 'pr-12-old', 'delete-stage-pattern': 'pr-[0-9]+' },
    input: 'stage',
  },
  { why: 'variables with delete', given: { operation: 'delete' }, input: 'variables', says: "'delete'" },
  { why: 'cache-ttl with delete', given: { ...noVars, operation: 'delete', 'cache-ttl': '5' }, input: 'cache-ttl' },
  { why: 'prune 0 days', given: { 'prune-previews-older-than': '0' }, input: 'prune-previews-older-than' },
  {
    why: 'prune with promote',
    given: { operation: 'promote', 'promote-from': 'staging', 'prune-previews-older-than': '7' },
    input: 'prune-previews-older-than',
  },
  { why: 'dry-run yes', given: { 'dry-run': 'yes' }, input: 'dry-run' },
  { why: 'show values 1', given: { 'show-variable-values': '1' }, input: 'show-variable-values' },
  { why: 'zero retries', given: { 'max-retries': '0' }, input: 'max-retries', says: '1 to 20' },
  { why: '21 retries', given: { 'max-retries': '21' }, input: 'max-retries' },
  { why: 'retries in words', given: { 'max-retries': 'five' }, input: 'max-retries' },
  { why: 'no token for the comment', given: { 'github-token': '' }, input: 'github-token', says: 'comment' },
  {
    why: 'no token for the environment',
    given: { 'github-token': '', comment: 'false', environment: 'prod' },
    input: 'github-token',
    says: 'environment',
  },
]

describe('getInputs: bad inputs', () => {
  it('has a large matrix covering every input', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(60)
    const covered = new Set(BAD.map((c) => c.input))
    const all = [...REQUIRED_INPUTS, ...Object.keys(INPUT_DEFAULTS)]
    expect(all.filter((name) => !covered.has(name))).toEqual([])
  })

  it.each(BAD)('$input: $why', ({ given, input, says }) => {
    const err = readError({ ...BAD_BASE, ...given })
    expect(err.name).toBe('InputError')
    expect(err.problems.map((p) => p.input)).toContain(input)
    const problem = err.problems.find((p) => p.input === input)
    expect(problem?.message).toContain(`'${input}'`)
    if (says !== undefined) expect(problem?.message).toContain(says)
    expect(err.message).toContain(`'${input}'`)
    expect(err.message).not.toContain('Sup3r')
    expect(err.message).not.toContain(TOKEN)
  })

  it('quotes the value given, shortened when long', () => {
    const err = readError({ ...MINIMAL, stage: `pr ${long(300)}` })
    expect(err.input).toBe('stage')
    expect(err.message).toMatch(/got 'pr x+…' \(303 characters\)/)
    expect(err.message.length).toBeLessThan(300)
  })

  it('escapes line breaks of the value given', () => {
    expect(readError({ ...MINIMAL, region: 'us-east-1\nus-west-2' }).message).toContain("got 'us-east-1\\nus-west-2'")
  })

  it('reports every problem in one message', () => {
    const err = readError({
      ...BAD_BASE,
      stage: 'bad stage',
      'cache-ttl': '-5',
      comment: 'sometimes',
      variables: `bad-name=${SECRET}`,
    })
    expect(err.problems.map((p) => p.input)).toEqual(['stage', 'variables', 'cache-ttl', 'comment'])
    expect(err.input).toBe('stage')
    expect(err.message).toMatch(/^4 inputs are invalid:\n- Input 'stage'/)
    expect(err.message).not.toContain(SECRET)
  })

  it('does not throw core\'s plain "Input required" error for the required stage', () => {
    const err = readError({ 'rest-api-id': 'a1b2c3d4e5', 'github-token': TOKEN })
    expect(err.message).toBe("Input 'stage' is required and was not supplied.")
  })
})

describe('action.yml', () => {
  const yml = readActionYml()
  const ymlInputs = Object.keys(yml.inputs)

  it('runs on node24 from dist/index.js and has branding', () => {
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(yml.name).toBeTruthy()
    expect(yml.description).toBeTruthy()
    expect(yml.author).toBeTruthy()
    expect(yml.branding?.icon).toBeTruthy()
    expect(yml.branding?.color).toBeTruthy()
  })

  it('declares exactly the inputs inputs.ts reads, and inputs.ts reads them all', () => {
    read()
    expect(new Set(calls)).toEqual(new Set(ymlInputs))
    expect(new Set(ymlInputs)).toEqual(new Set([...REQUIRED_INPUTS, ...Object.keys(INPUT_DEFAULTS)]))
  })

  it('gives every optional input an explicit string default equal to the one in code, and required ones none', () => {
    for (const [name, spec] of Object.entries(yml.inputs)) {
      expect(spec.description, name).toBeTruthy()
      if ((REQUIRED_INPUTS as readonly string[]).includes(name)) {
        expect(spec.required, name).toBe(true)
        expect(spec.default, name).toBeUndefined()
      } else {
        expect(spec.required ?? false, name).toBe(false)
        expect(typeof spec.default, name).toBe('string')
        expect(spec.default, name).toBe(INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS])
      }
    }
  })

  it('keeps the contract defaults', () => {
    expect(yml.inputs.operation?.default).toBe('deploy')
    expect(yml.inputs.comment?.default).toBe('auto')
    expect(yml.inputs['diff-against']?.default).toBe('previous')
    expect(yml.inputs['delete-stage-pattern']?.default).toBe('^pr-[0-9]+$')
    expect(yml.inputs['github-token']?.default).toBe(TOKEN_EXPRESSION)
    expect(yml.inputs['show-variable-values']?.default).toBe('false')
    expect(yml.inputs['max-retries']?.default).toBe('5')
    expect(yml.inputs['wait-for-cache']).toBeUndefined()
  })

  it('declares and describes every output of the contract', () => {
    const contract = [
      'base-url',
      'custom-url',
      'stage',
      'rest-api-id',
      'deployment-id',
      'previous-deployment-id',
      'canary-deployment-id',
      'canary-percent',
      'operation',
      'changed',
      'breaking-changes',
      'diff-markdown',
      'diff-json',
      'comment-url',
      'export-file',
      'sdk-file',
      'console-url',
    ]
    expect(Object.keys(yml.outputs)).toEqual(expect.arrayContaining(contract))
    // action.yml declares exactly what outputs.ts can set.
    expect(Object.keys(yml.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
    for (const [name, spec] of Object.entries(yml.outputs)) expect(spec.description, name).toBeTruthy()
  })
})
