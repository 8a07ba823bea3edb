import { describe, expect, it } from 'vitest'
import type { MethodSettingOverride, StageSettingsInput } from '../../src/inputs/types.js'
import type { MethodSettingValues } from '../../src/model/state.js'
import { PlanRefusal, plan } from '../../src/plan/index.js'
import { escapeResourcePath, methodSettingKey } from '../../src/plan/method-setting-keys.js'
import { NEW_METHOD_SETTING_DEFAULTS, stageSettingsOps } from '../../src/plan/stage-settings.js'
import type { PlannedCall } from '../../src/plan/types.js'
import { actionInputs, stageState } from '../fixtures/action-inputs.js'
import { configuredState, manyResources, petStoreResources } from '../fixtures/resources.js'

const settings = (s: Partial<StageSettingsInput> = {}): StageSettingsInput => ({ defaults: {}, ...s })
const override = (httpMethod: string, resourcePath: string, s: MethodSettingValues): MethodSettingOverride => ({
  httpMethod,
  resourcePath,
  settings: s,
})
/** An existing stage whose `*\/*` entry holds AWS's defaults. */
const stageWithDefaults = () => stageState({ methodSettings: { '*/*': { ...NEW_METHOD_SETTING_DEFAULTS } } })

describe('stageSettingsOps: every setting → its exact patch operation', () => {
  const cases: Array<[string, Partial<StageSettingsInput>, Array<{ path: string; value: string }>]> = [
    [
      'throttling-rate-limit (integer → decimal)',
      { defaults: { throttlingRateLimit: 100 } },
      [{ path: '/*/*/throttling/rateLimit', value: '100.0' }],
    ],
    [
      'throttling-rate-limit (fraction)',
      { defaults: { throttlingRateLimit: 12.5 } },
      [{ path: '/*/*/throttling/rateLimit', value: '12.5' }],
    ],
    [
      'throttling-burst-limit',
      { defaults: { throttlingBurstLimit: 50 } },
      [{ path: '/*/*/throttling/burstLimit', value: '50' }],
    ],
    ['caching-enabled', { defaults: { cachingEnabled: true } }, [{ path: '/*/*/caching/enabled', value: 'true' }]],
    ['cache-ttl', { defaults: { cacheTtlInSeconds: 60 } }, [{ path: '/*/*/caching/ttlInSeconds', value: '60' }]],
    ['cache-ttl 0', { defaults: { cacheTtlInSeconds: 0 } }, [{ path: '/*/*/caching/ttlInSeconds', value: '0' }]],
    ['logging-level', { defaults: { loggingLevel: 'INFO' } }, [{ path: '/*/*/logging/loglevel', value: 'INFO' }]],
    ['logging-level OFF', { defaults: { loggingLevel: 'OFF' } }, [{ path: '/*/*/logging/loglevel', value: 'OFF' }]],
    ['data-trace', { defaults: { dataTraceEnabled: true } }, [{ path: '/*/*/logging/dataTrace', value: 'true' }]],
    ['metrics', { defaults: { metricsEnabled: true } }, [{ path: '/*/*/metrics/enabled', value: 'true' }]],
    [
      'cache data encrypted',
      { defaults: { cacheDataEncrypted: true } },
      [{ path: '/*/*/caching/dataEncrypted', value: 'true' }],
    ],
    [
      'require authorization for cache control',
      { defaults: { requireAuthorizationForCacheControl: false } },
      [{ path: '/*/*/caching/requireAuthorizationForCacheControl', value: 'false' }],
    ],
    [
      'unauthorized cache control header strategy',
      { defaults: { unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403' } },
      [{ path: '/*/*/caching/unauthorizedCacheControlHeaderStrategy', value: 'FAIL_WITH_403' }],
    ],
    [
      'cache-cluster-size on a stage without a cluster',
      { cacheCluster: { enabled: true, size: '0.5' } },
      [
        { path: '/cacheClusterEnabled', value: 'true' },
        { path: '/cacheClusterSize', value: '0.5' },
      ],
    ],
    ['tracing', { tracingEnabled: true }, [{ path: '/tracingEnabled', value: 'true' }]],
    ['client-certificate-id', { clientCertificateId: 'cert1' }, [{ path: '/clientCertificateId', value: 'cert1' }]],
    [
      'access-log-destination-arn',
      { accessLogDestinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:api' },
      [{ path: '/accessLogSettings/destinationArn', value: 'arn:aws:logs:us-east-1:123456789012:log-group:api' }],
    ],
    [
      'access-log-format',
      { accessLogFormat: '$context.requestId $context.status' },
      [{ path: '/accessLogSettings/format', value: '$context.requestId $context.status' }],
    ],
  ]
  it.each(cases)('%s', (_name, input, expected) => {
    const { ops } = stageSettingsOps(settings(input), [], stageWithDefaults(), undefined)
    expect(ops).toEqual(expected.map((e) => ({ op: 'replace', ...e })))
  })

  it('resizes an enabled cluster with the size operation only and reports the wait', () => {
    const stage = stageState({ cacheClusterEnabled: true, cacheClusterSize: '0.5', cacheClusterStatus: 'AVAILABLE' })
    const { ops, notes } = stageSettingsOps(
      settings({ cacheCluster: { enabled: true, size: '6.1' } }),
      [],
      stage,
      undefined,
    )
    expect(ops).toEqual([{ op: 'replace', path: '/cacheClusterSize', value: '6.1' }])
    expect(notes.join(' ')).toMatch(
      /resized from 0.5 to 6.1 GB \(status now AVAILABLE\).*4 minutes.*deletes all cached data/,
    )
  })

  it('disables the cluster without a size operation', () => {
    const stage = stageState({ cacheClusterEnabled: true, cacheClusterSize: '0.5', cacheClusterStatus: 'AVAILABLE' })
    const { ops, notes } = stageSettingsOps(settings({ cacheCluster: { enabled: false } }), [], stage, undefined)
    expect(ops).toEqual([{ op: 'replace', path: '/cacheClusterEnabled', value: 'false' }])
    expect(notes.join(' ')).toContain('DELETE_IN_PROGRESS')
  })

  it('reports a cluster that is still being created when nothing changes', () => {
    const stage = stageState({
      cacheClusterEnabled: true,
      cacheClusterSize: '0.5',
      cacheClusterStatus: 'CREATE_IN_PROGRESS',
    })
    const { ops, notes } = stageSettingsOps(
      settings({ cacheCluster: { enabled: true, size: '0.5' } }),
      [],
      stage,
      undefined,
    )
    expect(ops).toEqual([])
    expect(notes.join(' ')).toContain('cacheClusterStatus CREATE_IN_PROGRESS')
  })

  it('clears the client certificate with an empty value', () => {
    const stage = stageState({ clientCertificateId: 'cert1' })
    const { ops } = stageSettingsOps(settings({ clientCertificateId: '' }), [], stage, undefined)
    expect(ops).toEqual([{ op: 'replace', path: '/clientCertificateId', value: '' }])
  })

  it('refuses an empty access log value, which AWS rejects', () => {
    expect(() => stageSettingsOps(settings({ accessLogFormat: '' }), [], stageState(), undefined)).toThrow(PlanRefusal)
  })

  it('warns when caching is enabled without a cache cluster', () => {
    const { notes } = stageSettingsOps(settings({ defaults: { cachingEnabled: true } }), [], stageState(), undefined)
    expect(notes.join(' ')).toContain('no cache cluster')
  })
})

describe('stageSettingsOps: idempotence', () => {
  const everything = settings({
    defaults: {
      throttlingRateLimit: 100,
      throttlingBurstLimit: 50,
      cachingEnabled: true,
      cacheTtlInSeconds: 60,
      loggingLevel: 'ERROR',
      dataTraceEnabled: true,
      metricsEnabled: true,
    },
    cacheCluster: { enabled: true, size: '1.6' },
    tracingEnabled: true,
    clientCertificateId: 'cert1',
    accessLogDestinationArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-x',
    accessLogFormat: '$context.requestId',
  })
  const overrides = [
    override('GET', '/pets/{petId}', { cacheTtlInSeconds: 3600 }),
    override('ANY', '/pets', { metricsEnabled: false }),
  ]
  // The stage as AWS returns it after the first run applied these inputs.
  const converged = () => {
    const stageWide: MethodSettingValues = {
      ...NEW_METHOD_SETTING_DEFAULTS,
      throttlingRateLimit: 100,
      throttlingBurstLimit: 50,
      cachingEnabled: true,
      cacheTtlInSeconds: 60,
      loggingLevel: 'ERROR',
      dataTraceEnabled: true,
      metricsEnabled: true,
    }
    return stageState({
      cacheClusterEnabled: true,
      cacheClusterSize: '1.6',
      cacheClusterStatus: 'AVAILABLE',
      tracingEnabled: true,
      clientCertificateId: 'cert1',
      accessLogSettings: {
        destinationArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-x',
        format: '$context.requestId',
      },
      methodSettings: {
        '*/*': stageWide,
        '~1pets~1{petId}/GET': { ...stageWide, cacheTtlInSeconds: 3600 },
        '~1pets/GET': { ...stageWide, metricsEnabled: false },
        '~1pets/POST': { ...stageWide, metricsEnabled: false },
        '~1pets/OPTIONS': { ...stageWide, metricsEnabled: false },
      },
    })
  }

  it('sends nothing when the stage already matches every named setting', () => {
    const { ops, notes } = stageSettingsOps(everything, overrides, converged(), petStoreResources)
    expect(ops).toEqual([])
    expect(notes[0]).toContain('already match')
  })

  it('the first run sends operations; a second run with the same inputs sends no UpdateStage at all', () => {
    const inputs = actionInputs({ operation: 'promote', settings: everything, methodSettings: overrides })
    const first = plan({
      inputs,
      state: configuredState(stageState(), { resources: petStoreResources }),
      description: 'd',
    })
    expect(first.calls.some((c) => c.action === 'UpdateStage')).toBe(true)
    const second = plan({
      inputs,
      state: configuredState(converged(), { resources: petStoreResources }),
      description: 'd',
    })
    expect(second.calls).toEqual([])
  })

  it('touches nothing and says nothing when no setting is named', () => {
    expect(stageSettingsOps(settings(), [], converged(), undefined)).toEqual({ ops: [], notes: [] })
  })

  it('leaves fields and entries the inputs do not name alone', () => {
    const stage = stageState({
      methodSettings: {
        '*/*': { ...NEW_METHOD_SETTING_DEFAULTS, throttlingBurstLimit: 7 },
        '~1x/GET': { metricsEnabled: true },
      },
      tracingEnabled: true,
    })
    const { ops } = stageSettingsOps(settings({ defaults: { metricsEnabled: true } }), [], stage, undefined)
    expect(ops).toEqual([{ op: 'replace', path: '/*/*/metrics/enabled', value: 'true' }])
  })
})

describe('stageSettingsOps: a stage that does not exist yet', () => {
  it('compares with a fresh stage and the defaults AWS fills into a new entry', () => {
    const { ops } = stageSettingsOps(
      settings({
        defaults: {
          throttlingBurstLimit: 5000,
          throttlingRateLimit: 10000,
          cacheTtlInSeconds: 300,
          metricsEnabled: true,
        },
        cacheCluster: { enabled: false },
        tracingEnabled: false,
      }),
      [],
      undefined,
      undefined,
    )
    expect(ops).toEqual([{ op: 'replace', path: '/*/*/metrics/enabled', value: 'true' }])
  })

  it('sets a logging level, which a new entry does not have', () => {
    const { ops } = stageSettingsOps(settings({ defaults: { loggingLevel: 'OFF' } }), [], undefined, undefined)
    expect(ops).toEqual([{ op: 'replace', path: '/*/*/logging/loglevel', value: 'OFF' }])
  })

  it('enables tracing and the cache cluster on a new stage', () => {
    const { ops } = stageSettingsOps(
      settings({ tracingEnabled: true, cacheCluster: { enabled: true, size: '237' } }),
      [],
      undefined,
      undefined,
    )
    expect(ops.map((o) => o.path)).toEqual(['/cacheClusterEnabled', '/cacheClusterSize', '/tracingEnabled'])
  })
})

describe('stageSettingsOps: */* inheritance of new specific entries', () => {
  it('a new entry inherits the existing */* values: only what differs is sent', () => {
    const stage = stageState({ methodSettings: { '*/*': { ...NEW_METHOD_SETTING_DEFAULTS, cachingEnabled: true } } })
    const { ops } = stageSettingsOps(
      settings(),
      [override('GET', '/pets', { cachingEnabled: true, throttlingBurstLimit: 10 })],
      stage,
      petStoreResources,
    )
    expect(ops).toEqual([{ op: 'replace', path: '/~1pets/GET/throttling/burstLimit', value: '10' }])
  })

  it('a new entry inherits */* as changed earlier in the same request', () => {
    const { ops } = stageSettingsOps(
      settings({ defaults: { cachingEnabled: true } }),
      [override('GET', '/pets', { cachingEnabled: true })],
      stageState(),
      petStoreResources,
    )
    expect(ops).toEqual([{ op: 'replace', path: '/*/*/caching/enabled', value: 'true' }])
  })

  it('an existing specific entry is compared with its own values, not with */*', () => {
    const stage = stageState({
      methodSettings: {
        '*/*': { ...NEW_METHOD_SETTING_DEFAULTS, cachingEnabled: true },
        '~1pets/GET': { ...NEW_METHOD_SETTING_DEFAULTS, cachingEnabled: false },
      },
    })
    const { ops } = stageSettingsOps(
      settings(),
      [override('GET', '/pets', { cachingEnabled: true })],
      stage,
      petStoreResources,
    )
    expect(ops).toEqual([{ op: 'replace', path: '/~1pets/GET/caching/enabled', value: 'true' }])
  })

  it('a later stage-wide change reaches the entries the inputs manage, unless they override it; others stay', () => {
    // After a first run with cache-ttl 120 and these overrides, every managed entry holds a copy of */*.
    const stageWide: MethodSettingValues = {
      ...NEW_METHOD_SETTING_DEFAULTS,
      cachingEnabled: true,
      cacheTtlInSeconds: 120,
    }
    const stage = stageState({
      methodSettings: {
        '*/*': stageWide,
        '~1pets/GET': { ...stageWide, metricsEnabled: true },
        '~1pets~1{petId}/GET': { ...stageWide, cacheTtlInSeconds: 600 },
        '~1pets~1{petId}/DELETE': { ...stageWide, cacheTtlInSeconds: 5 },
      },
    })
    const overrides = [
      override('GET', '/pets', { metricsEnabled: true }),
      override('GET', '/pets/{petId}', { cacheTtlInSeconds: 600 }),
    ]
    const { ops } = stageSettingsOps(
      settings({ defaults: { cachingEnabled: true, cacheTtlInSeconds: 60 } }),
      overrides,
      stage,
      petStoreResources,
    )
    // `~1pets~1{petId}/DELETE` is not named by method-settings: left alone.
    expect(ops).toEqual([
      { op: 'replace', path: '/*/*/caching/ttlInSeconds', value: '60' },
      { op: 'replace', path: '/~1pets/GET/caching/ttlInSeconds', value: '60' },
    ])
    // Applied, the same inputs then converge: no operation.
    const after = stageState({
      methodSettings: {
        '*/*': { ...stageWide, cacheTtlInSeconds: 60 },
        '~1pets/GET': { ...stageWide, cacheTtlInSeconds: 60, metricsEnabled: true },
        '~1pets~1{petId}/GET': { ...stageWide, cacheTtlInSeconds: 600 },
        '~1pets~1{petId}/DELETE': { ...stageWide, cacheTtlInSeconds: 5 },
      },
    })
    const again = stageSettingsOps(
      settings({ defaults: { cachingEnabled: true, cacheTtlInSeconds: 60 } }),
      overrides,
      after,
      petStoreResources,
    )
    expect(again.ops).toEqual([])
  })

  it('a managed entry changed by hand gets the stage-wide value the inputs name back', () => {
    const stageWide: MethodSettingValues = { ...NEW_METHOD_SETTING_DEFAULTS, loggingLevel: 'INFO' }
    const stage = stageState({
      methodSettings: { '*/*': stageWide, '~1pets/GET': { ...stageWide, loggingLevel: 'OFF', metricsEnabled: true } },
    })
    const { ops } = stageSettingsOps(
      settings({ defaults: { loggingLevel: 'INFO' } }),
      [override('GET', '/pets', { metricsEnabled: true })],
      stage,
      petStoreResources,
    )
    expect(ops).toEqual([{ op: 'replace', path: '/~1pets/GET/logging/loglevel', value: 'INFO' }])
  })

  it('without */* a new entry starts from the AWS defaults', () => {
    const { ops } = stageSettingsOps(
      settings(),
      [override('GET', '/pets', { cacheTtlInSeconds: 300, throttlingBurstLimit: 5000, metricsEnabled: true })],
      stageState(),
      petStoreResources,
    )
    expect(ops).toEqual([{ op: 'replace', path: '/~1pets/GET/metrics/enabled', value: 'true' }])
  })
})

describe('stageSettingsOps: method keys', () => {
  it('escapes ~ before /', () => {
    expect(escapeResourcePath('/')).toBe('~1')
    expect(escapeResourcePath('/pets/{petId}')).toBe('~1pets~1{petId}')
    expect(escapeResourcePath('/legacy~v1')).toBe('~1legacy~0v1')
    expect(methodSettingKey('/{proxy+}', 'GET')).toBe('~1{proxy+}/GET')
  })

  it.each([
    ['GET', '/', '/~1/GET/metrics/enabled'],
    ['GET', '/pets/{petId}', '/~1pets~1{petId}/GET/metrics/enabled'],
    ['DELETE', '/{proxy+}', '/~1{proxy+}/DELETE/metrics/enabled'],
    ['GET', '/legacy~v1', '/~1legacy~0v1/GET/metrics/enabled'],
    ['get', '/pets/', '/~1pets/GET/metrics/enabled'],
  ])('%s %s → %s', (method, path, expected) => {
    const { ops } = stageSettingsOps(
      settings(),
      [override(method, path, { metricsEnabled: true })],
      stageState(),
      petStoreResources,
    )
    expect(ops).toEqual([{ op: 'replace', path: expected, value: 'true' }])
  })
})

describe('stageSettingsOps: ANY', () => {
  it('expands into the concrete methods the resource has', () => {
    const { ops, notes } = stageSettingsOps(
      settings(),
      [override('ANY', '/pets', { metricsEnabled: true })],
      stageState(),
      petStoreResources,
    )
    expect(ops.map((o) => o.path)).toEqual([
      '/~1pets/GET/metrics/enabled',
      '/~1pets/POST/metrics/enabled',
      '/~1pets/OPTIONS/metrics/enabled',
    ])
    expect(notes.join(' ')).toContain("'ANY /pets' applies to GET, POST, OPTIONS")
  })

  it('expands into all seven verbs on a resource with an ANY method, and never emits ANY', () => {
    const { ops } = stageSettingsOps(
      settings(),
      [override('ANY', '/{proxy+}', { metricsEnabled: true })],
      stageState(),
      petStoreResources,
    )
    expect(ops.map((o) => o.path.split('/')[2])).toEqual(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'])
    expect(ops.every((o) => !o.path.includes('ANY'))).toBe(true)
  })

  it('accepts a concrete verb on a resource that only has ANY', () => {
    const { ops } = stageSettingsOps(
      settings(),
      [override('PATCH', '/{proxy+}', { metricsEnabled: true })],
      stageState(),
      petStoreResources,
    )
    expect(ops).toEqual([{ op: 'replace', path: '/~1{proxy+}/PATCH/metrics/enabled', value: 'true' }])
  })

  it('an explicit verb wins over ANY for the same method, whatever the order', () => {
    const { ops } = stageSettingsOps(
      settings(),
      [override('GET', '/pets', { cacheTtlInSeconds: 10 }), override('ANY', '/pets', { cacheTtlInSeconds: 60 })],
      stageState(),
      petStoreResources,
    )
    expect(ops).toEqual([
      { op: 'replace', path: '/~1pets/GET/caching/ttlInSeconds', value: '10' },
      { op: 'replace', path: '/~1pets/POST/caching/ttlInSeconds', value: '60' },
      { op: 'replace', path: '/~1pets/OPTIONS/caching/ttlInSeconds', value: '60' },
    ])
  })
})

describe('stageSettingsOps: refusals', () => {
  it('refuses an unknown resource path, listing the API resources', () => {
    const run = () =>
      stageSettingsOps(settings(), [override('GET', '/pet', { metricsEnabled: true })], stageState(), petStoreResources)
    expect(run).toThrow(PlanRefusal)
    expect(run).toThrow(
      "Input 'method-settings': 'GET /pet' names resource path '/pet', which this API does not have (AWS would accept the setting and never apply it). " +
        "The API's resources are: / (GET); /legacy~v1 (GET); /orders (no methods); /pets (GET, OPTIONS, POST); /pets/{petId} (DELETE, GET, OPTIONS); /{proxy+} (ANY).",
    )
  })

  it('refuses a method the resource does not have, listing the ones it has', () => {
    expect(() =>
      stageSettingsOps(
        settings(),
        [override('PUT', '/pets', { metricsEnabled: true })],
        stageState(),
        petStoreResources,
      ),
    ).toThrow(
      "Input 'method-settings': 'PUT /pets': resource '/pets' has no PUT method (AWS would accept the setting and never apply it). It has: GET, OPTIONS, POST.",
    )
  })

  it('refuses ANY on a resource without methods', () => {
    expect(() =>
      stageSettingsOps(
        settings(),
        [override('ANY', '/orders', { metricsEnabled: true })],
        stageState(),
        petStoreResources,
      ),
    ).toThrow(/'ANY \/orders': resource '\/orders' has no methods/)
  })

  it('refuses before planning any call', () => {
    const inputs = actionInputs({ methodSettings: [override('GET', '/nope', { metricsEnabled: true })] })
    expect(() =>
      plan({ inputs, state: configuredState(stageState(), { resources: petStoreResources }), description: 'd' }),
    ).toThrow(PlanRefusal)
  })
})

describe('splitting large patch lists', () => {
  const all: MethodSettingValues = {
    metricsEnabled: true,
    loggingLevel: 'INFO',
    dataTraceEnabled: true,
    throttlingBurstLimit: 1,
    throttlingRateLimit: 1,
    cachingEnabled: true,
    cacheTtlInSeconds: 1,
    cacheDataEncrypted: true,
    requireAuthorizationForCacheControl: false,
    unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403',
  }
  const resources = manyResources(20)
  const overrides = resources.map((r) => override('GET', r.path, all))

  it('200 operations go out in 3 UpdateStage calls of at most 80, in order', () => {
    const { ops } = stageSettingsOps(settings(), overrides, stageState(), resources)
    expect(ops).toHaveLength(200)
    const p = plan({
      inputs: actionInputs({ operation: 'promote', methodSettings: overrides }),
      state: configuredState(stageState(), { resources }),
      description: 'd',
    })
    const updates = p.calls.filter(
      (c): c is Extract<PlannedCall, { action: 'UpdateStage' }> => c.action === 'UpdateStage',
    )
    expect(updates.map((c) => c.patchOperations.length)).toEqual([80, 80, 40])
    expect(updates.flatMap((c) => c.patchOperations)).toEqual(ops)
  })
})
