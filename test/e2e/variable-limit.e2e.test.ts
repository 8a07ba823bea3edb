// Issue 12, point 15: a run that would leave a stage with more than 100 variables is refused before any write.
import { GetStageCommand } from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from '../emulator/index.js'
import { type Emulator, sdkClient } from '../support/emulator.js'
import { runAgainst } from '../support/harness.js'

let emu: Emulator
let restApiId: string

beforeAll(async () => {
  emu = await startEmulator()
  restApiId = emu.seedSampleApi({ name: 'orders-api' }).restApiId
})
afterAll(async () => {
  await emu.stop()
})

function lines(prefix: string, n: number): string {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}=v${i}`).join('\n')
}

describe('the stage total of 100 variables', () => {
  it('refuses a deploy that would take the stage past 100, with zero writes', async () => {
    const first = await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'staging', variables: lines('old', 95) })
    expect(first.errors).toEqual([])
    emu.clearCalls()

    const run = await runAgainst(emu, {
      'rest-api-id': restApiId,
      stage: 'staging',
      variables: lines('new', 10),
      'remove-variables': 'old0,old1',
    })
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain('103 variables')
    expect(run.errors[0]).toContain('95')
    expect(emu.writes()).toEqual([])
    const stage = await sdkClient(emu).send(new GetStageCommand({ restApiId, stageName: 'staging' }))
    expect(Object.keys(stage.variables ?? {})).toHaveLength(95)
  })
})
