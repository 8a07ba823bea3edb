// AWS's control-plane quotas, time-scaled: 10 rps / burst 40, CreateDeployment 1 per 5 s, UpdateUsagePlan 1 per 20 s.
import {
  CreateDeploymentCommand,
  CreateUsagePlanCommand,
  GetRestApisCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway'
import { afterEach, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from './index.js'
import { Quotas } from './quotas.js'
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

  it('CreateDeployment: one per 5 s divided by timeScale, 429 with Retry-After, rejected calls logged', async () => {
    emu = await startEmulator({ quotas: { enabled: true, timeScale: 100 } })
    const { restApiId } = emu.seedSampleApi()
    const client = clientFor(emu)
    await client.send(new CreateDeploymentCommand({ restApiId }))
    const error = await client.send(new CreateDeploymentCommand({ restApiId })).catch((e: unknown) => e)
    expect(error).toMatchObject({
      name: 'TooManyRequestsException',
      message: 'Too Many Requests',
      retryAfterSeconds: '1',
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
    emu = await startEmulator({ quotas: { enabled: true } })
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

describe('Quotas (unit, fake clock)', () => {
  it('refills the bucket at 10 per second times timeScale', () => {
    let now = 0
    const quotas = new Quotas({ enabled: true, timeScale: 10 }, () => now)
    for (let i = 0; i < 40; i++) expect(quotas.check('GetStage')).toBeUndefined()
    expect(quotas.check('GetStage')?.status).toBe(429)
    now += 10 // 10 ms at 100 rps refills one token
    expect(quotas.check('GetStage')).toBeUndefined()
    expect(quotas.check('GetStage')?.retryAfterSeconds).toBe(1)
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
