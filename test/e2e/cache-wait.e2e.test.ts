// Runner contract for wait-for-cache-cluster: the bundle waits (bounded) for a cache cluster to settle.
import { GetStageCommand } from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from '../emulator/index.js'
import { type Emulator, sdkClient } from '../support/emulator.js'
import { runAgainst } from '../support/harness.js'

let emu: Emulator
let restApiId: string

beforeAll(async () => {
  emu = await startEmulator({ cacheClusterTransitionMs: 2_000 })
  restApiId = emu.seedSampleApi({ name: 'cache-api' }).restApiId
})
afterAll(async () => {
  await emu.stop()
})

describe('wait-for-cache-cluster', () => {
  it('without it the status is reported; with it the run ends once the cluster is available', async () => {
    const quick = await runAgainst(emu, {
      'rest-api-id': restApiId,
      stage: 'quick',
      'cache-cluster-size': '0.5',
      comment: 'false',
    })
    expect(quick.errors).toEqual([])
    expect(quick.stdout).toContain('Cache cluster status: CREATE_IN_PROGRESS')

    const waited = await runAgainst(emu, {
      'rest-api-id': restApiId,
      stage: 'patient',
      'cache-cluster-size': '0.5',
      'wait-for-cache-cluster': '1',
      comment: 'false',
    })
    expect(waited.errors).toEqual([])
    expect(waited.warnings).toEqual([])
    expect(waited.stdout).toMatch(/Cache cluster is AVAILABLE after \d+ s/)
    const stage = await sdkClient(emu).send(new GetStageCommand({ restApiId, stageName: 'patient' }))
    expect(stage.cacheClusterStatus).toBe('AVAILABLE')
  })
})
