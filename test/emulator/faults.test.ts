// Fault injection: each kind, `after`, `times`, wildcard, logging of failed calls, and the control surface.
import {
  CreateDeploymentCommand,
  GetRestApisCommand,
  GetStageCommand,
  TooManyRequestsException,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from './index.js'
import { clientFor } from './support.js'

describe('fault injection', () => {
  let emu: Emulator
  let restApiId: string
  const stage = () => ({ restApiId, stageName: 'dev' })
  const replaceDescription = (value: string) =>
    new UpdateStageCommand({ ...stage(), patchOperations: [{ op: 'replace', path: '/description', value }] })

  beforeEach(async () => {
    emu = await startEmulator()
    restApiId = emu.seedSampleApi().restApiId
    await clientFor(emu).send(new CreateDeploymentCommand({ restApiId, stageName: 'dev' }))
    emu.clearCalls()
  })
  afterEach(async () => {
    await emu.stop()
  })

  it('throttle answers 429 TooManyRequestsException with Retry-After, then lets the call through', async () => {
    emu.faults.inject({ operation: 'UpdateStage', kind: 'throttle', retryAfterSeconds: 7 })
    const client = clientFor(emu)
    const error = await client.send(replaceDescription('a')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TooManyRequestsException)
    expect(error).toMatchObject({
      name: 'TooManyRequestsException',
      message: 'Too Many Requests',
      retryAfterSeconds: '7',
    })
    expect((error as TooManyRequestsException).$metadata.httpStatusCode).toBe(429)
    await expect(client.send(replaceDescription('b'))).resolves.toMatchObject({ description: 'b' })
    expect(emu.calls.map((c) => [c.operation, c.status])).toEqual([
      ['UpdateStage', 429],
      ['UpdateStage', 200],
    ])
  })

  it('a throttled call is retried by the SDK when retries are allowed', async () => {
    emu.faults.inject({ operation: 'GetStage', kind: 'throttle', retryAfterSeconds: 0 })
    const result = await clientFor(emu, { maxAttempts: 3 }).send(new GetStageCommand(stage()))
    expect(result.$metadata.attempts).toBe(2)
    expect(emu.calls.map((c) => c.status)).toEqual([429, 200])
  })

  it('conflict answers 409 ConflictException with AWS text', async () => {
    emu.faults.inject({ operation: 'UpdateStage', kind: 'conflict' })
    await expect(clientFor(emu).send(replaceDescription('a'))).rejects.toMatchObject({
      name: 'ConflictException',
      message: 'Unable to complete operation due to concurrent modification. Please try again later.',
      $metadata: { httpStatusCode: 409 },
    })
  })

  it('unavailable answers 503 ServiceUnavailableException with Retry-After', async () => {
    emu.faults.inject({ operation: 'GetStage', kind: 'unavailable', retryAfterSeconds: 3 })
    await expect(clientFor(emu).send(new GetStageCommand(stage()))).rejects.toMatchObject({
      name: 'ServiceUnavailableException',
      retryAfterSeconds: '3',
      $metadata: { httpStatusCode: 503 },
    })
    expect(emu.calls[0]).toMatchObject({ operation: 'GetStage', status: 503, write: false })
  })

  it('drop destroys the connection without an answer and logs status 0', async () => {
    emu.faults.inject({ operation: 'UpdateStage', kind: 'drop' })
    const error = await clientFor(emu)
      .send(replaceDescription('a'))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBeUndefined()
    expect(emu.calls).toHaveLength(1)
    expect(emu.calls[0]).toMatchObject({ operation: 'UpdateStage', status: 0, write: true })
    // the stage was not changed
    const current = await clientFor(emu).send(new GetStageCommand(stage()))
    expect(current.description).toBeUndefined()
  })

  it('`after` lets N matching calls pass first; other operations do not count', async () => {
    emu.faults.inject({ operation: 'UpdateStage', kind: 'conflict', after: 2 })
    const client = clientFor(emu)
    await client.send(replaceDescription('1'))
    await client.send(new GetStageCommand(stage()))
    await client.send(replaceDescription('2'))
    await expect(client.send(replaceDescription('3'))).rejects.toMatchObject({ name: 'ConflictException' })
    await client.send(replaceDescription('4'))
    expect(emu.calls.map((c) => `${c.operation}:${c.status}`)).toEqual([
      'UpdateStage:200',
      'GetStage:200',
      'UpdateStage:200',
      'UpdateStage:409',
      'UpdateStage:200',
    ])
  })

  it('`times` fails that many matching calls, then the fault is used up', async () => {
    emu.faults.inject({ operation: 'GetStage', kind: 'unavailable', times: 2 })
    const client = clientFor(emu)
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) {
      const result = await client.send(new GetStageCommand(stage())).then(
        (r) => r.$metadata.httpStatusCode,
        (e: { $metadata: { httpStatusCode: number } }) => e.$metadata.httpStatusCode,
      )
      statuses.push(result as number)
    }
    expect(statuses).toEqual([503, 503, 200])
    expect(emu.faults.pending()).toEqual([])
  })

  it("operation '*' matches every operation; clear() removes pending faults", async () => {
    emu.faults.inject({ operation: '*', kind: 'throttle', times: Number.POSITIVE_INFINITY })
    const client = clientFor(emu)
    await expect(client.send(new GetRestApisCommand({}))).rejects.toMatchObject({ name: 'TooManyRequestsException' })
    await expect(client.send(new GetStageCommand(stage()))).rejects.toMatchObject({ name: 'TooManyRequestsException' })
    emu.faults.clear()
    await expect(client.send(new GetStageCommand(stage()))).resolves.toBeDefined()
  })

  it('rejects an unknown fault kind', () => {
    expect(() => emu.faults.inject({ operation: 'GetStage', kind: 'explode' as 'drop' })).toThrow(/invalid fault/)
  })
})
