// Who retries a throttled call: the SDK, for calls that only share the account's 10 requests per second; the
// executor alone, for quota-bound writes (client.ts leaves their 429 to write-policy.ts). Against the emulator's faults.
import {
  CreateDeploymentCommand,
  DeleteRestApiCommand,
  GetStageCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApiGatewayClient } from '../../src/apigateway/client.js'
import { startEmulator } from '../emulator/index.js'
import type { Emulator } from '../support/emulator.js'

let emu: Emulator
let restApiId: string
const saved: Record<string, string | undefined> = {}
const ENV = {
  AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00',
  AWS_SECRET_ACCESS_KEY: 'secret-access-key-example',
  AWS_EC2_METADATA_DISABLED: 'true',
}

beforeAll(async () => {
  emu = await startEmulator()
  restApiId = emu.seedSampleApi().restApiId
  for (const [name, value] of Object.entries({ ...ENV, AWS_ENDPOINT_URL_API_GATEWAY: emu.url })) {
    saved[name] = process.env[name]
    process.env[name] = value
  }
})
afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  await emu.stop()
})
beforeEach(() => {
  emu.faults.clear()
  emu.clearCalls()
})

/** The client exactly as the action builds it: max-retries 3. */
const client = () => createApiGatewayClient({ region: 'us-east-1', maxAttempts: 4, userAgent: 'test/1' })

describe('a 429', () => {
  it('on a quota-bound write reaches the caller after one attempt, as AWS sent it', async () => {
    emu.faults.inject({ operation: 'CreateDeployment', kind: 'throttle', times: 1, retryAfterSeconds: 4 })
    const error = await client()
      .send(new CreateDeploymentCommand({ restApiId, stageName: 'dev' }))
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      name: 'TooManyRequestsException',
      retryAfterSeconds: '4',
      $metadata: { httpStatusCode: 429 },
    })
    expect(emu.calls.map((c) => `${c.operation}:${c.status}`)).toEqual(['CreateDeployment:429'])
  })

  it('on another quota-bound write (DeleteRestApi) is not retried by the SDK either', async () => {
    emu.faults.inject({ operation: 'DeleteRestApi', kind: 'throttle', times: 1, retryAfterSeconds: 0 })
    await expect(client().send(new DeleteRestApiCommand({ restApiId: 'gone' }))).rejects.toMatchObject({
      name: 'TooManyRequestsException',
    })
    expect(emu.calls).toHaveLength(1)
  })

  it('on a call without a quota is retried by the SDK', async () => {
    emu.faults.inject({ operation: 'GetStage', kind: 'throttle', times: 1, retryAfterSeconds: 0 })
    emu.faults.inject({ operation: 'UpdateStage', kind: 'throttle', times: 1, retryAfterSeconds: 0 })
    const sdk = client()
    await sdk.send(new CreateDeploymentCommand({ restApiId, stageName: 'dev' }))
    await expect(sdk.send(new GetStageCommand({ restApiId, stageName: 'dev' }))).resolves.toMatchObject({
      stageName: 'dev',
    })
    await expect(
      sdk.send(
        new UpdateStageCommand({
          restApiId,
          stageName: 'dev',
          patchOperations: [{ op: 'replace', path: '/description', value: 'retried' }],
        }),
      ),
    ).resolves.toMatchObject({ description: 'retried' })
    expect(emu.calls.map((c) => `${c.operation}:${c.status}`)).toEqual([
      'CreateDeployment:201',
      'GetStage:429',
      'GetStage:200',
      'UpdateStage:429',
      'UpdateStage:200',
    ])
  })

  it('other errors of a quota-bound write pass through unchanged (a 503 is still retried by the SDK)', async () => {
    emu.faults.inject({ operation: 'CreateDeployment', kind: 'unavailable', times: 1, retryAfterSeconds: 0 })
    await expect(client().send(new CreateDeploymentCommand({ restApiId, stageName: 'dev' }))).resolves.toMatchObject({
      id: expect.any(String),
    })
    expect(emu.calls.map((c) => c.status)).toEqual([503, 201])
  })
})
