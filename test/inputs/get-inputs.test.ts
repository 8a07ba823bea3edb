// getInputs on valid inputs: the ActionInputs each input form gives, and what is logged.
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('@actions/core', () => import('./core-mock.js'))

import * as core from '@actions/core'
import { getInputs } from '../../src/inputs/read.js'
import type { ActionInputs } from '../../src/inputs/types.js'
import { EVERYTHING, MINIMAL, SECRET, SECRET_WITH_SPACE, TOKEN, withActionDefaults } from '../fixtures/inputs.js'
import { debugText, INPUT_DEFAULTS, read, readError, useInputs } from './read-inputs.js'

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
