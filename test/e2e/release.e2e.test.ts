// Runner contract for canary releases, promotion and rollback: the bundle against the emulator.
import { GetStageCommand, type Stage } from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../emulator/index.js'
import { type Emulator, sdkClient, writeOperations } from '../support/emulator.js'
import { runAgainst } from '../support/harness.js'

let emu: Emulator
let restApiId: string
const stageOf = (stageName: string): Promise<Stage> =>
  sdkClient(emu).send(new GetStageCommand({ restApiId, stageName }))
const act = (inputs: Record<string, string>) => runAgainst(emu, { 'rest-api-id': restApiId, ...inputs })

beforeAll(async () => {
  emu = await startEmulator()
  restApiId = emu.seedSampleApi({ name: 'release-api' }).restApiId
})
afterAll(async () => {
  await emu.stop()
})
beforeEach(() => {
  emu.clearCalls()
})

describe('canary lifecycle', () => {
  it('deploy → canary 10% → ramp 50% → promote-canary', async () => {
    expect((await act({ stage: 'prod', variables: 'alias=v1\nshared=base' })).code).toBe(0)
    const prodDeployment = (await stageOf('prod')).deploymentId

    emu.clearCalls()
    const canary = await act({ stage: 'prod', 'canary-percent': '10', 'canary-variables': 'alias=v2' })
    expect(canary.errors).toEqual([])
    expect(writeOperations(emu)).toEqual(['CreateDeployment', 'TagResource'])
    let prod = await stageOf('prod')
    expect(prod.deploymentId).toBe(prodDeployment)
    expect(prod.canarySettings).toMatchObject({ percentTraffic: 10, stageVariableOverrides: { alias: 'v2' } })
    expect(canary.outputs['canary-deployment-id']).toBe(prod.canarySettings?.deploymentId)
    expect(canary.outputs['canary-percent']).toBe('10')
    expect(canary.outputs['deployment-id']).toBe(prodDeployment)

    emu.clearCalls()
    const ramp = await act({ stage: 'prod', operation: 'update-canary', 'canary-percent': '50' })
    expect(ramp.code).toBe(0)
    expect(writeOperations(emu)).toEqual(['UpdateStage', 'TagResource'])
    prod = await stageOf('prod')
    expect(prod.canarySettings?.percentTraffic).toBe(50)
    const canaryDeployment = prod.canarySettings?.deploymentId

    emu.clearCalls()
    const promote = await act({ stage: 'prod', operation: 'promote-canary' })
    expect(promote.errors).toEqual([])
    expect(writeOperations(emu)).toEqual(['TagResource', 'UpdateStage', 'TagResource'])
    prod = await stageOf('prod')
    expect(prod.deploymentId).toBe(canaryDeployment)
    expect(prod.canarySettings).toBeUndefined()
    expect(prod.variables).toEqual({ alias: 'v2', shared: 'base' })
    expect(promote.outputs['previous-deployment-id']).toBe(prodDeployment)
    expect(promote.outputs['canary-deployment-id']).toBe('')

    // Plain deploys work again after promotion.
    expect((await act({ stage: 'prod' })).code).toBe(0)
  })

  it('rollback-canary removes the canary and leaves production alone; twice is fine', async () => {
    const before = await stageOf('prod')
    expect((await act({ stage: 'prod', 'canary-percent': '20' })).code).toBe(0)
    const rollback = await act({ stage: 'prod', operation: 'rollback-canary' })
    expect(rollback.code).toBe(0)
    const after = await stageOf('prod')
    expect(after.canarySettings).toBeUndefined()
    expect(after.deploymentId).toBe(before.deploymentId)
    expect(after.variables).toEqual(before.variables)
    emu.clearCalls()
    expect((await act({ stage: 'prod', operation: 'rollback-canary' })).code).toBe(0)
    expect(emu.writes()).toEqual([])
  })

  it('refusals write nothing', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ stage: 'no-such-stage', 'canary-percent': '10' }, /does not exist/],
      [{ stage: 'prod', operation: 'promote-canary' }, /has no canary/],
      [{ stage: 'prod', operation: 'update-canary', 'canary-percent': '30' }, /has no canary/],
      [{ stage: 'prod', operation: 'promote', 'promote-from': 'missing-source' }, /does not exist/],
    ]
    for (const [inputs, message] of cases) {
      emu.clearCalls()
      const run = await act(inputs)
      expect(run.code, JSON.stringify(inputs)).toBe(1)
      expect(run.errors.join('\n')).toMatch(message)
      expect(emu.writes(), JSON.stringify(inputs)).toEqual([])
    }
  })
})

describe('promotion and rollback', () => {
  it('promote-from moves the tested snapshot without a new deployment', async () => {
    expect((await act({ stage: 'staging' })).code).toBe(0)
    const staging = await stageOf('staging')
    const prodBefore = await stageOf('prod')
    emu.clearCalls()
    const run = await act({ stage: 'prod', operation: 'promote', 'promote-from': 'staging', variables: 'alias=v3' })
    expect(run.errors).toEqual([])
    expect(writeOperations(emu)).toEqual(['TagResource', 'UpdateStage', 'TagResource'])
    expect(emu.calls.filter((c) => c.operation === 'CreateDeployment')).toEqual([])
    const prod = await stageOf('prod')
    expect(prod.deploymentId).toBe(staging.deploymentId)
    expect(prod.variables?.alias).toBe('v3')
    expect(prod.variables?.shared).toBe('base')
    expect(run.outputs['previous-deployment-id']).toBe(prodBefore.deploymentId)
  })

  it('promote-from with canary-percent canaries the tested deployment, then promote-canary ships it', async () => {
    const staging = await stageOf('staging')
    const prodBefore = await stageOf('prod')
    emu.clearCalls()
    const canary = await act({ stage: 'prod', operation: 'promote', 'promote-from': 'staging', 'canary-percent': '10' })
    expect(canary.errors).toEqual([])
    expect(writeOperations(emu)).toEqual(['UpdateStage', 'TagResource'])
    let prod = await stageOf('prod')
    expect(prod.deploymentId).toBe(prodBefore.deploymentId)
    expect(prod.canarySettings).toMatchObject({ deploymentId: staging.deploymentId, percentTraffic: 10 })
    expect(canary.outputs['canary-deployment-id']).toBe(staging.deploymentId)

    const promote = await act({ stage: 'prod', operation: 'promote-canary' })
    expect(promote.errors).toEqual([])
    prod = await stageOf('prod')
    expect(prod.deploymentId).toBe(staging.deploymentId)
    expect(prod.canarySettings).toBeUndefined()
    expect(emu.calls.filter((c) => c.operation === 'CreateDeployment')).toEqual([])
  })

  it('promote-from creates a missing target on the source deployment', async () => {
    emu.clearCalls()
    const run = await act({ stage: 'preprod', operation: 'promote', 'promote-from': 'staging' })
    expect(run.code).toBe(0)
    expect(writeOperations(emu)).toEqual(['CreateStage', 'TagResource'])
    expect((await stageOf('preprod')).deploymentId).toBe((await stageOf('staging')).deploymentId)
  })

  it('variable promotion switches a variable only', async () => {
    const before = await stageOf('prod')
    emu.clearCalls()
    const run = await act({ stage: 'prod', operation: 'promote', variables: 'backend=green' })
    expect(run.code).toBe(0)
    expect(writeOperations(emu)).toEqual(['UpdateStage', 'TagResource'])
    const after = await stageOf('prod')
    expect(after.deploymentId).toBe(before.deploymentId)
    expect(after.variables).toEqual({ ...before.variables, backend: 'green' })
  })

  it('rollback returns to the recorded previous deployment, across runs, and a re-run changes nothing', async () => {
    const before = await stageOf('prod')
    const recorded = before.tags?.['apigw-stage-action:previous-deployment']
    expect(recorded).toBeTruthy()
    const run = await act({ stage: 'prod', operation: 'rollback' })
    expect(run.errors).toEqual([])
    expect(run.outputs['previous-deployment-id']).toBe(before.deploymentId)
    const after = await stageOf('prod')
    expect(after.deploymentId).toBe(recorded)
    // Re-running the same job is idempotent: the stage already runs the recorded deployment.
    emu.clearCalls()
    expect((await act({ stage: 'prod', operation: 'rollback' })).code).toBe(0)
    expect(emu.writes()).toEqual([])
    expect((await stageOf('prod')).deploymentId).toBe(recorded)
    // Going forward again is explicit: rollback-to the deployment it left (the output of the rollback run).
    expect((await act({ stage: 'prod', operation: 'rollback', 'rollback-to': before.deploymentId ?? '' })).code).toBe(0)
    expect((await stageOf('prod')).deploymentId).toBe(before.deploymentId)
  })

  it('rollback-to a deployment that does not exist fails with AWS’s message and changes nothing', async () => {
    const before = await stageOf('prod')
    const run = await act({ stage: 'prod', operation: 'rollback', 'rollback-to': 'zzzzzzzzzz' })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain('Deployment id does not exist')
    expect((await stageOf('prod')).deploymentId).toBe(before.deploymentId)
  })
})
