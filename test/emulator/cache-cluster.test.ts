// Cache cluster status through UpdateStage: settled at once by default, in progress for a while on request.
import { CreateDeploymentCommand, GetStageCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway'
import { afterAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from './index.js'
import { clientFor } from './support.js'

const started: Emulator[] = []
afterAll(async () => {
  await Promise.all(started.map((e) => e.stop()))
})

async function setup(options: Parameters<typeof startEmulator>[0]) {
  const emu = await startEmulator(options)
  started.push(emu)
  const client = clientFor(emu)
  const { restApiId } = emu.seedSampleApi()
  await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
  const patch = (path: string, value: string) =>
    client.send(
      new UpdateStageCommand({ restApiId, stageName: 'prod', patchOperations: [{ op: 'replace', path, value }] }),
    )
  const read = () => client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))
  return { patch, read }
}

describe('cache cluster status', () => {
  it('is AVAILABLE / NOT_AVAILABLE at once by default', async () => {
    const { patch, read } = await setup({})
    expect((await read()).cacheClusterStatus).toBe('NOT_AVAILABLE')
    expect(await patch('/cacheClusterEnabled', 'true')).toMatchObject({
      cacheClusterEnabled: true,
      cacheClusterSize: '0.5',
      cacheClusterStatus: 'AVAILABLE',
    })
    expect((await patch('/cacheClusterEnabled', 'false')).cacheClusterStatus).toBe('NOT_AVAILABLE')
  })

  it('passes through CREATE_IN_PROGRESS and DELETE_IN_PROGRESS with cacheClusterTransitionMs', async () => {
    const { patch, read } = await setup({ cacheClusterTransitionMs: 300 })
    expect((await patch('/cacheClusterEnabled', 'true')).cacheClusterStatus).toBe('CREATE_IN_PROGRESS')
    expect((await read()).cacheClusterStatus).toBe('CREATE_IN_PROGRESS')
    // An unrelated change does not restart or end the transition.
    expect((await patch('/tracingEnabled', 'true')).cacheClusterStatus).toBe('CREATE_IN_PROGRESS')
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect((await read()).cacheClusterStatus).toBe('AVAILABLE')
    expect((await patch('/cacheClusterSize', '1.6')).cacheClusterStatus).toBe('CREATE_IN_PROGRESS')
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect((await read()).cacheClusterStatus).toBe('AVAILABLE')
    expect(await patch('/cacheClusterEnabled', 'false')).toMatchObject({
      cacheClusterEnabled: false,
      cacheClusterStatus: 'DELETE_IN_PROGRESS',
    })
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect((await read()).cacheClusterStatus).toBe('NOT_AVAILABLE')
  })
})
