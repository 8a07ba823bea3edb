import { UpdateStageCommand } from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestApiGateway } from '../../src/apigateway/gateway.js'
import { startEmulator } from '../emulator/index.js'
import { type Emulator, sdkClient } from '../support/emulator.js'

let emu: Emulator
let restApiId: string

beforeAll(async () => {
  emu = await startEmulator({ cacheClusterTransitionMs: 1_500 })
  restApiId = emu.seedSampleApi().restApiId
})
afterAll(async () => {
  await emu.stop()
})

async function createStageWithCache(stageName: string): Promise<void> {
  const client = sdkClient(emu)
  const { CreateDeploymentCommand } = await import('@aws-sdk/client-api-gateway')
  await client.send(new CreateDeploymentCommand({ restApiId, stageName }))
  await client.send(
    new UpdateStageCommand({
      restApiId,
      stageName,
      patchOperations: [
        { op: 'replace', path: '/cacheClusterEnabled', value: 'true' },
        { op: 'replace', path: '/cacheClusterSize', value: '0.5' },
      ],
    }),
  )
}

describe('waitForCacheCluster', () => {
  it('polls with growing pauses until the cluster is available', async () => {
    await createStageWithCache('waits')
    const pauses: number[] = []
    const statuses: Array<string | undefined> = []
    const result = await new RestApiGateway(sdkClient(emu), restApiId).waitForCacheCluster('waits', {
      timeoutMs: 60_000,
      sleep: async (ms) => {
        pauses.push(ms)
        await new Promise((r) => setTimeout(r, ms))
      },
      onPoll: (s) => statuses.push(s),
    })
    expect(result.settled).toBe(true)
    expect(result.stage?.cacheClusterStatus).toBe('AVAILABLE')
    // 1.5 s of transition: a 1 s pause, then a 2 s one.
    expect(pauses).toEqual([1_000, 2_000])
    expect(statuses.at(-1)).toBe('AVAILABLE')
  })

  it('gives up at the bound without throwing', async () => {
    await createStageWithCache('bounded')
    let clock = 0
    const result = await new RestApiGateway(sdkClient(emu), restApiId).waitForCacheCluster('bounded', {
      timeoutMs: 5_000,
      now: () => clock,
      // Time passes only on the fake clock, so the real cluster is still changing at the bound.
      sleep: async (ms) => {
        clock += ms
      },
    })
    expect(result.settled).toBe(false)
    expect(result.stage?.cacheClusterStatus).toBe('CREATE_IN_PROGRESS')
    expect(result.waitedMs).toBe(5_000)
  })
})
