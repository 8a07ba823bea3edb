// Runner contract for stage settings, per-method overrides, custom domain, usage plans, export and SDK: the
// bundle, run as the runner runs it, against the emulator. Every invalid setting is refused before any write.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CreateBasePathMappingCommand,
  CreateDeploymentCommand,
  CreateDomainNameCommand,
  CreateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../emulator/index.js'
import { type Emulator, operations, sdkClient, writeOperations } from '../support/emulator.js'
import { runAgainst } from '../support/harness.js'

let emu: Emulator
let restApiId: string
let dir: string
/** Usage plans: A already has stage `other`, B is empty, C (never named) has `other` too. */
const plans = { a: '', b: '', c: '' }
const DOMAIN = 'api.example.com'

const ACCESS_LOG_ARN = 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/apigateway/pets-access'
const ACCESS_LOG_FORMAT = '{"requestId":"$context.requestId","status":"$context.status"}'

/** Per-method overrides: the root, a `{param}` path, greedy `{proxy+}` and `ANY` on three kinds of resource. */
const METHOD_SETTINGS = `
GET /:
  caching-enabled: false
GET /pets/{petId}:
  cache-ttl: 600
ANY /pets:
  metrics: false
ANY /{proxy+}:
  throttling-rate-limit: 50
  throttling-burst-limit: 25
  logging-level: ERROR
  metrics: false
  cache-ttl: 30
ANY /orders:
  throttling-rate-limit: 20
  throttling-burst-limit: 10
  data-trace: false
  caching-enabled: false
  cache-data-encrypted: false
`

const ALL_SETTINGS: Record<string, string> = {
  'throttling-rate-limit': '250.5',
  'throttling-burst-limit': '120',
  'caching-enabled': 'true',
  'cache-ttl': '120',
  'cache-cluster-size': '0.5',
  'cache-data-encrypted': 'true',
  'require-authorization-for-cache-control': 'false',
  'unauthorized-cache-control-header-strategy': 'FAIL_WITH_403',
  'logging-level': 'INFO',
  'data-trace': 'true',
  metrics: 'true',
  tracing: 'true',
  'client-certificate-id': 'cert01',
  'access-log-destination-arn': ACCESS_LOG_ARN,
  'access-log-format': ACCESS_LOG_FORMAT,
  'method-settings': METHOD_SETTINGS,
}

const SEVEN_VERBS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']

beforeAll(async () => {
  // AWS takes minutes to create a cache cluster: keep it CREATE_IN_PROGRESS for the whole file.
  emu = await startEmulator({ cacheClusterTransitionMs: 10 * 60_000 })
  restApiId = emu.seedSampleApi({ name: 'pets-api' }).restApiId
  emu.defineApi(restApiId, {
    'GET /': {},
    'GET /pets': { lambda: 'list-pets' },
    'POST /pets': { lambda: 'create-pet' },
    'GET /pets/{petId}': { http: 'https://pets.example.com/pets/{petId}' },
    'DELETE /pets/{petId}': { lambda: 'delete-pet' },
    'ANY /orders': { http: 'https://orders.example.com/orders' },
    'ANY /{proxy+}': { http: 'https://legacy.example.com/{proxy}' },
  })
  dir = mkdtempSync(join(tmpdir(), 'settings-e2e-'))

  const sdk = sdkClient(emu)
  await sdk.send(new CreateDeploymentCommand({ restApiId, stageName: 'other' }))
  await sdk.send(
    new CreateDomainNameCommand({
      domainName: DOMAIN,
      regionalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d',
      endpointConfiguration: { types: ['REGIONAL'] },
    }),
  )
  await sdk.send(new CreateBasePathMappingCommand({ domainName: DOMAIN, restApiId, stage: 'other' }))
  const plan = async (name: string, stages: string[]) =>
    (
      await sdk.send(
        new CreateUsagePlanCommand({ name, apiStages: stages.map((stage) => ({ apiId: restApiId, stage })) }),
      )
    ).id ?? ''
  plans.a = await plan('gold', ['other'])
  plans.b = await plan('silver', [])
  plans.c = await plan('bronze', ['other'])
})
afterAll(async () => {
  await emu.stop()
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => {
  emu.faults.clear()
  emu.clearCalls()
})

function stageState(name: string) {
  const stage = emu.state.restApis.get(restApiId)?.stages.get(name)
  if (!stage) throw new Error(`no stage ${name}`)
  return stage
}

function patchOps(call: { body: unknown }): Array<{ op: string; path: string; value?: string }> {
  return (call.body as { patchOperations: Array<{ op: string; path: string; value?: string }> }).patchOperations
}

describe('stage settings, overrides, domain, usage plans, export and SDK', () => {
  it('applies every setting on the first run; the identical re-run sends no UpdateStage', async () => {
    const exportFile = join(dir, 'api', 'openapi.yaml')
    const sdkFile = join(dir, 'sdk', 'pets-java.zip')
    const inputs = {
      'rest-api-id': restApiId,
      stage: 'prod',
      ...ALL_SETTINGS,
      'domain-name': DOMAIN,
      'base-path': 'v1',
      'usage-plan-ids': `${plans.a}, ${plans.b}`,
      'export-type': 'oas30',
      'export-extensions': 'integrations',
      'export-file': exportFile,
      'sdk-type': 'java',
      'sdk-parameters': 'serviceName=PetStore\njavaPackageName=com.example.pets',
      'sdk-file': sdkFile,
      comment: 'false',
    }
    const first = await runAgainst(emu, inputs, { timeoutMs: 90_000 })
    expect(first.errors).toEqual([])
    expect(first.code).toBe(0)

    // Writes, in order: the stage, the settings in two UpdateStage calls (80 + 10 operations), the mapping,
    // one UpdateUsagePlan per plan.
    expect(writeOperations(emu)).toEqual([
      'CreateDeployment',
      'UpdateStage',
      'UpdateStage',
      'CreateBasePathMapping',
      'UpdateUsagePlan',
      'UpdateUsagePlan',
      // The drift fingerprint (issue 12).
      'TagResource',
    ])
    const updates = emu.writes().filter((c) => c.operation === 'UpdateStage')
    expect(updates.map((c) => patchOps(c).length)).toEqual([80, 10])
    const ops = updates.flatMap(patchOps)
    expect(ops.every((op) => op.op === 'replace')).toBe(true)
    expect(ops.some((op) => op.path.includes('/ANY/'))).toBe(false)
    expect(new Set(ops.map((op) => op.path)).size).toBe(ops.length)
    // Stage-level fields first, then `*/*`, then the specific entries (which copy `*/*` when created).
    expect(ops.slice(0, 6).map((op) => op.path)).toEqual([
      '/cacheClusterEnabled',
      '/cacheClusterSize',
      '/tracingEnabled',
      '/clientCertificateId',
      '/accessLogSettings/destinationArn',
      '/accessLogSettings/format',
    ])
    expect(ops.find((op) => op.path === '/*/*/throttling/rateLimit')?.value).toBe('250.5')
    expect(ops.find((op) => op.path === '/~1{proxy+}/PUT/throttling/rateLimit')?.value).toBe('50.0')

    // UpdateUsagePlan is limited to 1 request per 20 s per account: the executor spaced the two calls.
    const [planCall1, planCall2] = emu.writes().filter((c) => c.operation === 'UpdateUsagePlan')
    expect((planCall2?.at ?? 0) - (planCall1?.at ?? 0)).toBeGreaterThanOrEqual(19_900)

    // GetSdkType (the parameter check) is a read made before the first write.
    const calls = operations(emu)
    expect(calls.indexOf('GetSdkType')).toBeGreaterThanOrEqual(0)
    expect(calls.indexOf('GetSdkType')).toBeLessThan(calls.indexOf('CreateDeployment'))

    // Emulator state: the stage.
    const stage = stageState('prod')
    expect(stage).toMatchObject({
      cacheClusterEnabled: true,
      cacheClusterSize: '0.5',
      cacheClusterStatus: 'CREATE_IN_PROGRESS',
      tracingEnabled: true,
      clientCertificateId: 'cert01',
      accessLogSettings: { destinationArn: ACCESS_LOG_ARN, format: ACCESS_LOG_FORMAT },
    })
    const stageWide = {
      metricsEnabled: true,
      loggingLevel: 'INFO',
      dataTraceEnabled: true,
      throttlingBurstLimit: 120,
      throttlingRateLimit: 250.5,
      cachingEnabled: true,
      cacheTtlInSeconds: 120,
      cacheDataEncrypted: true,
      requireAuthorizationForCacheControl: false,
      unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403',
    }
    const settings = stage.methodSettings
    expect(settings['*/*']).toEqual(stageWide)
    expect(settings['~1/GET']).toEqual({ ...stageWide, cachingEnabled: false })
    expect(settings['~1pets~1{petId}/GET']).toEqual({ ...stageWide, cacheTtlInSeconds: 600 })
    // `ANY /pets` addresses the methods /pets has; `ANY` on a resource with an ANY method addresses all seven.
    expect(settings['~1pets/GET']).toEqual({ ...stageWide, metricsEnabled: false })
    expect(settings['~1pets/POST']).toEqual({ ...stageWide, metricsEnabled: false })
    for (const verb of SEVEN_VERBS) {
      expect(settings[`~1{proxy+}/${verb}`]).toEqual({
        ...stageWide,
        throttlingRateLimit: 50,
        throttlingBurstLimit: 25,
        loggingLevel: 'ERROR',
        metricsEnabled: false,
        cacheTtlInSeconds: 30,
      })
      expect(settings[`~1orders/${verb}`]).toEqual({
        ...stageWide,
        throttlingRateLimit: 20,
        throttlingBurstLimit: 10,
        dataTraceEnabled: false,
        cachingEnabled: false,
        cacheDataEncrypted: false,
      })
    }
    expect(Object.keys(settings)).toHaveLength(1 + 1 + 1 + 2 + 7 + 7)
    expect(Object.keys(settings).some((key) => key.endsWith('/ANY'))).toBe(false)
    // The other stage was not touched.
    expect(stageState('other').methodSettings).toEqual({})
    expect(stageState('other').cacheClusterEnabled).toBe(false)

    // Mapping and usage plans; what was there before stays.
    const domain = emu.state.domainNames.get(DOMAIN)
    expect(domain?.mappings.get('v1')).toEqual({ basePath: 'v1', restApiId, stage: 'prod' })
    expect(domain?.mappings.get('(none)')).toEqual({ basePath: '(none)', restApiId, stage: 'other' })
    const apiStages = (id: string) => emu.state.usagePlans.get(id)?.apiStages.map((s) => `${s.apiId}:${s.stage}`)
    expect(apiStages(plans.a)).toEqual([`${restApiId}:other`, `${restApiId}:prod`])
    expect(apiStages(plans.b)).toEqual([`${restApiId}:prod`])
    expect(apiStages(plans.c)).toEqual([`${restApiId}:other`])

    // Outputs and files.
    expect(first.outputs['custom-url']).toBe(`https://${DOMAIN}/v1`)
    expect(first.outputs['export-file']).toBe(exportFile)
    expect(first.outputs['sdk-file']).toBe(sdkFile)
    const exported = readFileSync(exportFile, 'utf8')
    expect(exported).toMatch(/^openapi: 3\.0\.1/m)
    expect(exported).toContain('/pets/{petId}:')
    expect(exported).toContain('x-amazon-apigateway-integration')
    const zip = readFileSync(sdkFile)
    expect(zip.subarray(0, 4).toString('hex')).toBe('504b0304')
    const getSdk = emu.calls.find((c) => c.operation === 'GetSdk')
    expect(getSdk?.query).toMatchObject({ serviceName: 'PetStore', javaPackageName: 'com.example.pets' })

    // Cache cluster: the plan says it takes minutes, the run reports the status it read back.
    expect(first.stdout).toContain('The 0.5 GB cache cluster is created')
    expect(first.stdout).toContain('Cache cluster status: CREATE_IN_PROGRESS')
    expect(first.stdout).toContain('Stage settings: 90 patch operation(s)')

    // ---- The identical re-run ----
    emu.clearCalls()
    rmSync(dir, { recursive: true, force: true })
    const second = await runAgainst(emu, inputs, { timeoutMs: 90_000 })
    expect(second.errors).toEqual([])
    expect(second.code).toBe(0)
    // A deploy always creates a deployment (and records the previous one with the drift fingerprint, issues 12 and
    // 15); settings, mapping and plans need nothing.
    expect(writeOperations(emu)).toEqual(['CreateDeployment', 'TagResource'])
    expect(operations(emu).filter((op) => op === 'UpdateStage')).toEqual([])
    expect(second.stdout).toContain('Stage settings already match the inputs: nothing to change.')
    expect(second.stdout).toContain('already maps to this stage')
    expect(second.stdout).toContain('already includes this stage')
    expect(second.stdout).toContain('The cache cluster is still changing: cacheClusterStatus CREATE_IN_PROGRESS')
    expect(stageState('prod').methodSettings).toEqual(settings)
    expect(second.outputs['custom-url']).toBe(`https://${DOMAIN}/v1`)
    // The files are written again from the stage's new deployment.
    expect(existsSync(exportFile)).toBe(true)
    expect(existsSync(sdkFile)).toBe(true)
  }, 120_000)
})

describe('later changes', () => {
  const base = () => ({ 'rest-api-id': restApiId, stage: 'prod', comment: 'false' })

  it('a changed stage-wide setting also reaches the methods the overrides manage, and nothing else', async () => {
    const before = structuredClone(stageState('prod').methodSettings)
    const run = await runAgainst(emu, { ...base(), ...ALL_SETTINGS, 'cache-ttl': '60' })
    expect(run.errors).toEqual([])
    // The last TagResource: the drift fingerprint (issue 12).
    expect(writeOperations(emu)).toEqual(['CreateDeployment', 'TagResource', 'UpdateStage', 'TagResource'])
    const [update] = emu.writes().filter((c) => c.operation === 'UpdateStage')
    const paths = patchOps(update ?? { body: { patchOperations: [] } }).map((op) => op.path)
    // `*/*`, then every managed entry that does not set its own TTL (ANY expansions first): /pets (GET, POST),
    // /orders (7 verbs), /.
    expect(paths).toEqual([
      '/*/*/caching/ttlInSeconds',
      '/~1pets/GET/caching/ttlInSeconds',
      '/~1pets/POST/caching/ttlInSeconds',
      ...['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].map((v) => `/~1orders/${v}/caching/ttlInSeconds`),
      '/~1/GET/caching/ttlInSeconds',
    ])
    const settings = stageState('prod').methodSettings
    expect(settings['~1orders/GET']?.cacheTtlInSeconds).toBe(60)
    expect(settings['~1pets~1{petId}/GET']?.cacheTtlInSeconds).toBe(600)
    expect(settings['~1{proxy+}/GET']?.cacheTtlInSeconds).toBe(30)
    for (const [key, entry] of Object.entries(settings)) {
      expect({ key, ...entry }).toEqual({
        key,
        ...before[key],
        ...(paths.includes(`/${key}/caching/ttlInSeconds`) ? { cacheTtlInSeconds: 60 } : {}),
      })
    }
  })

  it('resizes, then deletes the cache cluster with one operation each', async () => {
    const resize = await runAgainst(emu, { ...base(), 'cache-cluster-size': '1.6' })
    expect(resize.code).toBe(0)
    expect(
      emu
        .writes()
        .filter((c) => c.operation === 'UpdateStage')
        .map(patchOps),
    ).toEqual([[{ op: 'replace', path: '/cacheClusterSize', value: '1.6' }]])
    expect(resize.stdout).toContain('resized from 0.5 to 1.6 GB')
    expect(resize.stdout).toContain('Cache cluster status: CREATE_IN_PROGRESS')
    expect(stageState('prod')).toMatchObject({ cacheClusterSize: '1.6', cacheClusterStatus: 'CREATE_IN_PROGRESS' })

    emu.clearCalls()
    const remove = await runAgainst(emu, { ...base(), 'cache-cluster-size': 'disabled' })
    expect(remove.code).toBe(0)
    expect(
      emu
        .writes()
        .filter((c) => c.operation === 'UpdateStage')
        .map(patchOps),
    ).toEqual([[{ op: 'replace', path: '/cacheClusterEnabled', value: 'false' }]])
    expect(remove.stdout).toContain('The cache cluster is deleted')
    expect(stageState('prod')).toMatchObject({ cacheClusterEnabled: false, cacheClusterStatus: 'DELETE_IN_PROGRESS' })
  })

  it('re-points a base path mapping of another API only with repoint-base-path', async () => {
    const sdk = sdkClient(emu)
    const other = emu.seedSampleApi({ name: 'legacy-api' }).restApiId
    await sdk.send(new CreateDeploymentCommand({ restApiId: other, stageName: 'live' }))
    await sdk.send(
      new CreateBasePathMappingCommand({ domainName: DOMAIN, basePath: 'legacy', restApiId: other, stage: 'live' }),
    )
    emu.clearCalls()
    const refused = await runAgainst(emu, { ...base(), 'domain-name': DOMAIN, 'base-path': 'legacy' })
    expect(refused.code).toBe(1)
    expect(refused.errors.join('\n')).toContain(`already maps to API ${other} stage 'live'`)
    expect(emu.writes()).toEqual([])

    const run = await runAgainst(emu, {
      ...base(),
      'domain-name': DOMAIN,
      'base-path': 'legacy',
      'repoint-base-path': 'true',
    })
    expect(run.errors).toEqual([])
    // The last TagResource: the drift fingerprint (issue 12).
    expect(writeOperations(emu)).toEqual(['CreateDeployment', 'TagResource', 'UpdateBasePathMapping', 'TagResource'])
    expect(patchOps(emu.writes()[2] ?? { body: { patchOperations: [] } })).toEqual([
      { op: 'replace', path: '/restapiId', value: restApiId },
      { op: 'replace', path: '/stage', value: 'prod' },
    ])
    expect(emu.state.domainNames.get(DOMAIN)?.mappings.get('legacy')).toEqual({
      basePath: 'legacy',
      restApiId,
      stage: 'prod',
    })
    expect(run.outputs['custom-url']).toBe(`https://${DOMAIN}/legacy`)
    // The other mappings of the domain are unchanged.
    expect(emu.state.domainNames.get(DOMAIN)?.mappings.get('(none)')?.stage).toBe('other')
    expect(emu.state.domainNames.get(DOMAIN)?.mappings.get('v1')?.stage).toBe('prod')
  })
})

interface InvalidCase {
  name: string
  inputs: Record<string, string>
  /** The input the error must name. */
  input: string
  /** More text the error must contain. */
  says?: string
  /**
   * Omitted: refused while reading inputs, before any AWS call. Otherwise refused by the planner after these
   * reads (sorted, de-duplicated operation names), before any write.
   */
  reads?: string[]
}

const STATE_READS = ['GetExport', 'GetRestApi', 'GetStage']

const INVALID: InvalidCase[] = [
  {
    name: 'rate limit above the account limit',
    inputs: { 'throttling-rate-limit': '10001' },
    input: 'throttling-rate-limit',
    says: 'from 0 to 10000',
  },
  { name: 'rate limit not a number', inputs: { 'throttling-rate-limit': 'fast' }, input: 'throttling-rate-limit' },
  { name: 'negative rate limit', inputs: { 'throttling-rate-limit': '-1' }, input: 'throttling-rate-limit' },
  {
    name: 'burst limit above the account limit',
    inputs: { 'throttling-burst-limit': '5001' },
    input: 'throttling-burst-limit',
    says: 'from 0 to 5000',
  },
  {
    name: 'fractional burst limit',
    inputs: { 'throttling-burst-limit': '1.5' },
    input: 'throttling-burst-limit',
    says: 'whole number',
  },
  {
    name: 'caching-enabled not a boolean',
    inputs: { 'caching-enabled': 'yes' },
    input: 'caching-enabled',
    says: "'true' or 'false'",
  },
  { name: 'cache TTL above 3600', inputs: { 'cache-ttl': '3601' }, input: 'cache-ttl', says: 'from 0 to 3600' },
  {
    name: 'unknown cache cluster size',
    inputs: { 'cache-cluster-size': '2' },
    input: 'cache-cluster-size',
    says: "'disabled'",
  },
  {
    name: 'cache-data-encrypted not a boolean',
    inputs: { 'cache-data-encrypted': 'maybe' },
    input: 'cache-data-encrypted',
  },
  {
    name: 'require-authorization… not a boolean',
    inputs: { 'require-authorization-for-cache-control': '1' },
    input: 'require-authorization-for-cache-control',
  },
  {
    name: 'unknown cache-control strategy',
    inputs: { 'unauthorized-cache-control-header-strategy': 'FAIL' },
    input: 'unauthorized-cache-control-header-strategy',
    says: 'FAIL_WITH_403',
  },
  {
    name: 'unknown logging level',
    inputs: { 'logging-level': 'DEBUG' },
    input: 'logging-level',
    says: "'OFF', 'ERROR', 'INFO'",
  },
  { name: 'data-trace not a boolean', inputs: { 'data-trace': 'on' }, input: 'data-trace' },
  { name: 'metrics not a boolean', inputs: { metrics: 'enabled' }, input: 'metrics' },
  { name: 'tracing not a boolean', inputs: { tracing: 'x' }, input: 'tracing' },
  {
    name: 'client certificate id of the wrong shape',
    inputs: { 'client-certificate-id': 'Not-An-Id!' },
    input: 'client-certificate-id',
  },
  {
    name: 'access log destination not a log group or Firehose ARN',
    inputs: { 'access-log-destination-arn': 'arn:aws:s3:::access-logs' },
    input: 'access-log-destination-arn',
    says: 'log group ARN',
  },
  {
    name: 'Firehose stream without the amazon-apigateway- prefix',
    inputs: { 'access-log-destination-arn': 'arn:aws:firehose:us-east-1:123456789012:deliverystream/logs' },
    input: 'access-log-destination-arn',
    says: 'amazon-apigateway-',
  },
  {
    name: 'access log format without $context.requestId',
    inputs: { 'access-log-format': '$context.status $context.requestTime' },
    input: 'access-log-format',
    says: '$context.requestId',
  },
  {
    name: 'method-settings YAML syntax error',
    inputs: { 'method-settings': 'GET /pets: [unclosed' },
    input: 'method-settings',
    says: 'not valid YAML',
  },
  {
    name: 'method-settings key that is not METHOD /path',
    inputs: { 'method-settings': 'FETCH /pets:\n  metrics: true' },
    input: 'method-settings',
    says: "'METHOD /path'",
  },
  {
    name: 'method-settings unknown setting name',
    inputs: { 'method-settings': 'GET /pets:\n  ttl: 5' },
    input: 'method-settings',
    says: "unknown setting 'ttl'",
  },
  {
    name: 'method-settings value out of range',
    inputs: { 'method-settings': 'GET /pets:\n  cache-ttl: 9000' },
    input: 'method-settings',
    says: 'cache-ttl must be a whole number from 0 to 3600',
  },
  {
    name: 'method-settings naming a method twice through ANY',
    inputs: { 'method-settings': 'ANY /pets:\n  metrics: true\nGET /pets:\n  metrics: false' },
    input: 'method-settings',
    says: 'both set GET /pets',
  },
  {
    name: 'caching-enabled true with the cache cluster disabled',
    inputs: { 'cache-cluster-size': 'disabled', 'caching-enabled': 'true' },
    input: 'caching-enabled',
    says: 'caching needs a cache cluster',
  },
  {
    name: 'method-settings caching with the cache cluster disabled',
    inputs: { 'cache-cluster-size': 'disabled', 'method-settings': 'GET /pets:\n  caching-enabled: true' },
    input: 'method-settings',
    says: 'caching needs a cache cluster',
  },
  {
    name: 'domain-name with a scheme',
    inputs: { 'domain-name': 'https://api.example.com' },
    input: 'domain-name',
    says: 'host name only',
  },
  {
    name: 'multi-level base-path',
    inputs: { 'domain-name': DOMAIN, 'base-path': 'v1/orders' },
    input: 'base-path',
    says: 'single path segment',
  },
  {
    name: 'base-path without domain-name',
    inputs: { 'base-path': 'v1' },
    input: 'base-path',
    says: "needs 'domain-name'",
  },
  {
    name: 'repoint-base-path without domain-name',
    inputs: { 'repoint-base-path': 'true' },
    input: 'repoint-base-path',
  },
  {
    name: 'usage plan id of the wrong shape',
    inputs: { 'usage-plan-ids': 'gold-plan' },
    input: 'usage-plan-ids',
    says: "'gold-plan'",
  },
  {
    name: 'unknown export type',
    inputs: { 'export-type': 'openapi', 'export-file': 'api.json' },
    input: 'export-type',
    says: "'oas30', 'swagger'",
  },
  {
    name: 'export-type without export-file',
    inputs: { 'export-type': 'oas30' },
    input: 'export-type',
    says: "needs 'export-file'",
  },
  {
    name: 'export-format contradicting the file extension',
    inputs: { 'export-type': 'oas30', 'export-format': 'json', 'export-file': 'api.yaml' },
    input: 'export-format',
  },
  {
    name: 'unknown export extension',
    inputs: { 'export-type': 'oas30', 'export-extensions': 'lambda', 'export-file': 'api.json' },
    input: 'export-extensions',
    says: "'lambda'",
  },
  {
    name: 'unknown SDK type',
    inputs: { 'sdk-type': 'python', 'sdk-file': 'sdk.zip' },
    input: 'sdk-type',
    says: "'javascript'",
  },
  {
    name: 'sdk-type without sdk-file',
    inputs: { 'sdk-type': 'javascript' },
    input: 'sdk-type',
    says: "needs 'sdk-file'",
  },
  {
    name: 'missing required SDK parameter',
    inputs: { 'sdk-type': 'java', 'sdk-parameters': 'serviceName=PetStore', 'sdk-file': 'sdk.zip' },
    input: 'sdk-parameters',
    says: 'javaPackageName',
  },
  {
    name: 'missing required SDK parameters (android)',
    inputs: { 'sdk-type': 'android', 'sdk-parameters': 'groupId: com.example', 'sdk-file': 'sdk.zip' },
    input: 'sdk-parameters',
    says: "'artifactId', 'artifactVersion', 'invokerPackage'",
  },
  // Refused by the planner once the state is read: only reads happened.
  {
    name: 'method-settings path the API does not have',
    inputs: { 'method-settings': 'GET /unicorns:\n  metrics: true' },
    input: 'method-settings',
    says: "The API's resources are: / (GET); /orders (ANY); /pets (GET, POST); /pets/{petId} (DELETE, GET); /{proxy+} (ANY)",
    reads: [...STATE_READS, 'GetResources'],
  },
  {
    name: 'method-settings method the resource does not have',
    inputs: { 'method-settings': 'PUT /pets/{petId}:\n  metrics: true' },
    input: 'method-settings',
    says: 'has no PUT method',
    reads: [...STATE_READS, 'GetResources'],
  },
  {
    name: 'custom domain that does not exist',
    inputs: { 'domain-name': 'missing.example.com', 'base-path': 'v1' },
    input: 'domain-name',
    says: "custom domain 'missing.example.com' does not exist",
    reads: [...STATE_READS, 'GetBasePathMappings', 'GetDomainName'],
  },
  {
    name: 'base path mapped to another stage without repoint-base-path',
    inputs: { 'domain-name': DOMAIN },
    input: 'base-path',
    says: 'already maps to API',
    reads: [...STATE_READS, 'GetBasePathMappings', 'GetDomainName'],
  },
  {
    name: 'usage plan that does not exist',
    inputs: { 'usage-plan-ids': 'zzzzzz' },
    input: 'usage-plan-ids',
    says: "no usage plan 'zzzzzz'",
    reads: [...STATE_READS, 'GetUsagePlan'],
  },
]

describe('invalid settings are refused before any write', () => {
  it.each(INVALID)('$name', async ({ inputs, input, says, reads }) => {
    const run = await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'prod', comment: 'false', ...inputs })
    expect(run.code).toBe(1)
    const message = run.errors.join('\n')
    expect(message).toContain(`'${input}'`)
    if (says) expect(message).toContain(says)
    expect(emu.writes()).toEqual([])
    if (reads) expect([...new Set(operations(emu))].sort()).toEqual([...reads].sort())
    else expect(emu.calls).toEqual([])
  })

  it('covers every setting input', () => {
    const named = new Set(INVALID.flatMap((c) => [c.input, ...Object.keys(c.inputs)]))
    const settingInputs = [
      ...Object.keys(ALL_SETTINGS),
      'domain-name',
      'base-path',
      'repoint-base-path',
      'usage-plan-ids',
      'export-type',
      'export-format',
      'export-extensions',
      'export-file',
      'sdk-type',
      'sdk-parameters',
      'sdk-file',
    ]
    expect(settingInputs.filter((name) => !named.has(name))).toEqual([])
  })
})
