// AWS's control-plane quotas, time-scaled: 10 rps / burst 40, CreateDeployment 1 per 5 s, UpdateUsagePlan 1 per 20 s,
// PutRestApi 1 per s, CreateRestApi/ImportRestApi 1 per 3 s (regional) or 30 s (edge), DeleteRestApi 1 per 30 s.
import {
  CreateDeploymentCommand,
  CreateRestApiCommand,
  CreateUsagePlanCommand,
  DeleteRestApiCommand,
  GetRestApisCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway'
import { afterEach, describe, expect, it } from 'vitest'
import { bodyOf, mockOperation, oas30 } from './definition-support.js'
import { type Emulator, startEmulator } from './index.js'
import { Quotas, quotaBucket } from './quotas.js'
import { clientFor } from './support.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('quotas through the SDK', () => {
  let emu: Emulator | undefined
  afterEach(async () => {
    await emu?.stop()
    emu = undefined
  })

  it('are off unless enabled', async () => {
    emu = await startEmulator()
    const { restApiId } = emu.seedSampleApi()
    const client = clientFor(emu)
    for (let i = 0; i < 3; i++) await client.send(new CreateDeploymentCommand({ restApiId }))
    await Promise.all(Array.from({ length: 60 }, () => client.send(new GetRestApisCommand({}))))
    expect(emu.calls.every((c) => c.status < 400)).toBe(true)
  })

  it('CreateDeployment: one per 5 s divided by timeScale, 429 with Retry-After in AWS seconds, rejected calls logged', async () => {
    emu = await startEmulator({ quotas: { enabled: true, timeScale: 100 } })
    const { restApiId } = emu.seedSampleApi()
    const client = clientFor(emu)
    await client.send(new CreateDeploymentCommand({ restApiId }))
    const error = await client.send(new CreateDeploymentCommand({ restApiId })).catch((e: unknown) => e)
    // About 50 ms of the emulator's clock are left: 5 s of AWS time.
    expect(error).toMatchObject({
      name: 'TooManyRequestsException',
      message: 'Too Many Requests',
      retryAfterSeconds: '5',
      $metadata: { httpStatusCode: 429 },
    })
    await sleep(60)
    await expect(client.send(new CreateDeploymentCommand({ restApiId }))).resolves.toBeDefined()
    expect(emu.calls.map((c) => c.status)).toEqual([201, 429, 201])
    expect(emu.state.restApis.get(restApiId)?.deployments.size).toBe(2)
  })

  it('UpdateUsagePlan: one per 20 s divided by timeScale', async () => {
    emu = await startEmulator({ quotas: { enabled: true, timeScale: 1000 } })
    const client = clientFor(emu)
    const plan = await client.send(new CreateUsagePlanCommand({ name: 'plan' }))
    const update = () =>
      client.send(
        new UpdateUsagePlanCommand({
          usagePlanId: plan.id,
          patchOperations: [{ op: 'replace', path: '/throttle/rateLimit', value: '5' }],
        }),
      )
    await update()
    await expect(update()).rejects.toMatchObject({ name: 'TooManyRequestsException' })
    await sleep(30)
    await expect(update()).resolves.toMatchObject({ throttle: { rateLimit: 5 } })
  })

  it('the account bucket allows a burst of 40, then throttles every operation', async () => {
    // timeScale 0.01 refills one token per 10 s, so a slow, loaded machine cannot refill the bucket mid-burst.
    emu = await startEmulator({ quotas: { enabled: true, timeScale: 0.01 } })
    const client = clientFor(emu)
    const results = await Promise.all(
      Array.from({ length: 45 }, () =>
        client.send(new GetRestApisCommand({})).then(
          () => 200,
          (e: { $metadata: { httpStatusCode: number } }) => e.$metadata.httpStatusCode,
        ),
      ),
    )
    expect(results.filter((s) => s === 200)).toHaveLength(40)
    expect(results.filter((s) => s === 429)).toHaveLength(5)
    expect(emu.calls.filter((c) => c.status === 429)).toHaveLength(5)
  })
})

describe('REST API quotas through the SDK (timeScale 10)', () => {
  let emu: Emulator | undefined
  afterEach(async () => {
    await emu?.stop()
    emu = undefined
  })
  const definition = bodyOf(oas30('q', { '/x': { get: mockOperation() } }))

  it('PutRestApi: one per second per account', async () => {
    emu = await startEmulator({ quotas: { enabled: true, timeScale: 10 } })
    const client = clientFor(emu)
    const { restApiId } = emu.seedSampleApi()
    const put = () => client.send(new PutRestApiCommand({ restApiId, body: definition }))
    await put()
    await expect(put()).rejects.toMatchObject({ name: 'TooManyRequestsException', retryAfterSeconds: '1' })
    await sleep(150)
    await expect(put()).resolves.toMatchObject({ name: 'q' })
  })

  it('ImportRestApi and CreateRestApi: one per 3 s (regional) and one per 30 s (edge), counted apart', async () => {
    emu = await startEmulator({ quotas: { enabled: true, timeScale: 10 } })
    const client = clientFor(emu)
    const regional = { endpointConfigurationTypes: 'REGIONAL' }
    await client.send(new ImportRestApiCommand({ body: definition, parameters: regional }))
    await expect(
      client.send(new CreateRestApiCommand({ name: 'r', endpointConfiguration: { types: ['REGIONAL'] } })),
    ).rejects.toMatchObject({ name: 'TooManyRequestsException' })
    await client.send(new ImportRestApiCommand({ body: definition }))
    await expect(client.send(new CreateRestApiCommand({ name: 'e' }))).rejects.toMatchObject({
      name: 'TooManyRequestsException',
      retryAfterSeconds: '30',
    })
    await sleep(350)
    await expect(
      client.send(new ImportRestApiCommand({ body: definition, parameters: regional })),
    ).resolves.toBeDefined()
    expect(emu.state.restApis.size).toBe(3)
  })

  it('DeleteRestApi: one per 30 s per account', async () => {
    emu = await startEmulator({ quotas: { enabled: true, timeScale: 10 } })
    const client = clientFor(emu)
    const first = emu.seedSampleApi({ name: 'a' }).restApiId
    const second = emu.seedSampleApi({ name: 'b' }).restApiId
    await client.send(new DeleteRestApiCommand({ restApiId: first }))
    await expect(client.send(new DeleteRestApiCommand({ restApiId: second }))).rejects.toMatchObject({
      name: 'TooManyRequestsException',
      retryAfterSeconds: '30',
    })
    expect([...emu.state.restApis.keys()]).toEqual([second])
  })
})

describe('Quotas (unit, fake clock)', () => {
  it('charges REST API creation to one bucket per endpoint class, other operations to their own name', () => {
    const query = (value?: string) => new URLSearchParams(value ? { endpointConfigurationTypes: value } : {})
    expect(quotaBucket('ImportRestApi', query(), undefined)).toBe('CreateRestApi/EDGE')
    expect(quotaBucket('ImportRestApi', query('regional'), undefined)).toBe('CreateRestApi/REGIONAL')
    expect(quotaBucket('ImportRestApi', query('PRIVATE'), undefined)).toBe('CreateRestApi/REGIONAL')
    expect(quotaBucket('CreateRestApi', query(), { name: 'x' })).toBe('CreateRestApi/EDGE')
    expect(quotaBucket('CreateRestApi', query(), { endpointConfiguration: { types: ['REGIONAL'] } })).toBe(
      'CreateRestApi/REGIONAL',
    )
    expect(quotaBucket('PutRestApi', query('REGIONAL'), undefined)).toBe('PutRestApi')
  })

  it('spaces PutRestApi 1 s, regional creation 3 s, edge creation and DeleteRestApi 30 s apart', () => {
    let now = 0
    const quotas = new Quotas({ enabled: true }, () => now)
    for (const bucket of ['PutRestApi', 'CreateRestApi/REGIONAL', 'CreateRestApi/EDGE', 'DeleteRestApi']) {
      expect(quotas.check(bucket)).toBeUndefined()
    }
    now += 999
    expect(quotas.check('PutRestApi')?.retryAfterSeconds).toBe(1)
    now += 1
    expect(quotas.check('PutRestApi')).toBeUndefined()
    expect(quotas.check('CreateRestApi/REGIONAL')?.retryAfterSeconds).toBe(2)
    now += 2_000
    expect(quotas.check('CreateRestApi/REGIONAL')).toBeUndefined()
    expect(quotas.check('CreateRestApi/EDGE')?.retryAfterSeconds).toBe(27)
    expect(quotas.check('DeleteRestApi')?.retryAfterSeconds).toBe(27)
    now += 27_000
    expect(quotas.check('CreateRestApi/EDGE')).toBeUndefined()
    expect(quotas.check('DeleteRestApi')).toBeUndefined()
  })

  it('refills the bucket at 10 per second times timeScale', () => {
    let now = 0
    const quotas = new Quotas({ enabled: true, timeScale: 10 }, () => now)
    for (let i = 0; i < 40; i++) expect(quotas.check('GetStage')).toBeUndefined()
    expect(quotas.check('GetStage')?.status).toBe(429)
    now += 10 // 10 ms at 100 rps refills one token
    expect(quotas.check('GetStage')).toBeUndefined()
    expect(quotas.check('GetStage')?.retryAfterSeconds).toBe(1)
  })

  it('reports Retry-After in AWS seconds at any timeScale, rounded up', () => {
    let now = 0
    const quotas = new Quotas({ enabled: true, timeScale: 10 }, () => now)
    expect(quotas.check('CreateDeployment')).toBeUndefined()
    now += 120 // 1.2 s of AWS time: 3.8 s are left
    expect(quotas.check('CreateDeployment')?.retryAfterSeconds).toBe(4)
    now += 300 // 0.8 s left
    expect(quotas.check('CreateDeployment')?.retryAfterSeconds).toBe(1)
    now += 80 // exactly one interval of AWS time after the accepted call
    expect(quotas.check('CreateDeployment')).toBeUndefined()
    const third = new Quotas({ enabled: true, timeScale: 3 }, () => now)
    expect(third.check('DeleteRestApi')).toBeUndefined()
    expect(third.check('DeleteRestApi')?.retryAfterSeconds).toBe(30)
  })

  it('charges a call the interval refuses to the account bucket too', () => {
    let now = 0
    const quotas = new Quotas({ enabled: true }, () => now)
    expect(quotas.check('CreateDeployment')).toBeUndefined()
    for (let i = 0; i < 39; i++) expect(quotas.check('CreateDeployment')?.retryAfterSeconds).toBe(5)
    // 40 calls took the burst: the next one of any operation waits for a token (0.1 s, reported as 1 s).
    expect(quotas.check('GetStage')?.retryAfterSeconds).toBe(1)
    now += 100
    expect(quotas.check('GetStage')).toBeUndefined()
  })

  it('spaces CreateDeployment 5 s apart at timeScale 1 and reports the wait in whole seconds', () => {
    let now = 0
    const quotas = new Quotas({ enabled: true }, () => now)
    expect(quotas.check('CreateDeployment')).toBeUndefined()
    now += 1_200
    expect(quotas.check('CreateDeployment')?.retryAfterSeconds).toBe(4)
    now += 3_800
    expect(quotas.check('CreateDeployment')).toBeUndefined()
  })
})
