// Runner contract: the committed bundle, run as the runner runs it, deploys to the emulator.
import { GetStageCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../emulator/index.js'
import { type Emulator, operations, sdkClient, writeOperations } from '../support/emulator.js'
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
beforeEach(() => {
  emu.faults.clear()
  emu.clearCalls()
})

describe('deploy', () => {
  it('creates a stage on the first run and keeps unnamed variables on the second', async () => {
    const first = await runAgainst(emu, {
      'rest-api-id': restApiId,
      stage: 'staging',
      variables: 'lambdaAlias=staging\nlogLevel=debug',
    })
    expect(first.errors).toEqual([])
    expect(first.code).toBe(0)
    expect(first.outputs['base-url']).toBe(`https://${restApiId}.execute-api.us-east-1.amazonaws.com/staging`)
    expect(first.outputs['previous-deployment-id']).toBe('')
    expect(first.outputs.changed).toBe('true')
    expect(first.outputs.operation).toBe('deploy')
    expect(first.outputs['rest-api-id']).toBe(restApiId)
    const firstDeployment = first.outputs['deployment-id'] ?? ''
    expect(firstDeployment).toMatch(/^[a-z0-9]+$/)
    // Then the drift fingerprint (issue 12).
    expect(writeOperations(emu)).toEqual(['CreateDeployment', 'TagResource'])

    // A variable this action never names, set by someone else.
    const sdk = sdkClient(emu)
    await sdk.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'staging',
        patchOperations: [{ op: 'replace', path: '/variables/external', value: 'keep-me' }],
      }),
    )
    emu.clearCalls()

    const second = await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'staging', variables: 'logLevel: info' })
    expect(second.code).toBe(0)
    expect(second.outputs['previous-deployment-id']).toBe(firstDeployment)
    expect(second.outputs['deployment-id']).not.toBe(firstDeployment)
    // One TagResource records the previous deployment and the drift fingerprint (issues 12, 15).
    expect(writeOperations(emu)).toEqual(['CreateDeployment', 'UpdateStage', 'TagResource'])
    const stage = await sdk.send(new GetStageCommand({ restApiId, stageName: 'staging' }))
    expect(stage.variables).toEqual({ lambdaAlias: 'staging', logLevel: 'info', external: 'keep-me' })
    expect(stage.deploymentId).toBe(second.outputs['deployment-id'])
    // The variable values never reach the log, nor does the fingerprint that hashes them.
    expect(second.stdout).not.toContain('keep-me')
    expect(first.stdout).not.toContain('debug\n')
    expect(second.stdout).toContain('(drift fingerprint)')
    // The fingerprint the plan predicted is the stage's: a third run finds no drift and nothing to record.
    emu.clearCalls()
    const third = await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'staging', variables: 'logLevel: info' })
    expect(third.outputs.drift).toBe('false')
    expect(third.warnings.join('\n')).not.toContain('Drift')
    expect(writeOperations(emu)).toEqual(['CreateDeployment', 'TagResource'])
  })

  it('reads in one parallel round trip and verifies by reading back', async () => {
    const run = await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'reads' })
    expect(run.code).toBe(0)
    const ops = operations(emu)
    // Round trip 1, in parallel: the API, the stage, the stage's current definition (404: new stage).
    expect(ops.slice(0, 3).sort()).toEqual(['GetExport', 'GetRestApi', 'GetStage'])
    // Round trip 2: the write. Round trip 3, in parallel: the read-back, the new definition for the diff and the
    // drift fingerprint of the stage it created (issues 12, 15).
    expect(ops[3]).toBe('CreateDeployment')
    expect(ops.slice(4).sort()).toEqual(['GetExport', 'GetStage', 'TagResource'])
  })

  it('finds the API by exact name', async () => {
    const run = await runAgainst(emu, { 'rest-api-name': 'orders-api', stage: 'by-name' })
    expect(run.code).toBe(0)
    expect(run.outputs['rest-api-id']).toBe(restApiId)
  })

  it('dry-run prints the plan and writes nothing', async () => {
    const run = await runAgainst(emu, {
      'rest-api-id': restApiId,
      stage: 'staging',
      variables: 'secretish=do-not-print-me',
      'dry-run': 'true',
    })
    expect(run.code).toBe(0)
    expect(emu.writes()).toEqual([])
    expect(run.stdout).toContain('dry run')
    expect(run.stdout).toContain('UpdateStage')
    expect(run.stdout).toContain('/variables/secretish')
    expect(run.stdout).not.toContain('do-not-print-me')
    expect(run.outputs.changed).toBe('true')
  })

  it('retries a concurrent-modification conflict and a throttled CreateDeployment', async () => {
    emu.faults.inject({ operation: 'CreateDeployment', kind: 'throttle', times: 1, retryAfterSeconds: 1 })
    emu.faults.inject({ operation: 'UpdateStage', kind: 'conflict', times: 1 })
    const run = await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'staging', variables: 'retried=yes' })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    const statuses = emu.calls.filter((c) => c.write).map((c) => `${c.operation}:${c.status}`)
    expect(statuses).toEqual([
      'CreateDeployment:429',
      'CreateDeployment:201',
      'UpdateStage:409',
      'UpdateStage:200',
      // The previous deployment and the drift fingerprint, in one call (issues 12, 15).
      'TagResource:204',
    ])
  })

  it('explains the stage state when a call keeps failing', async () => {
    const before = await sdkClient(emu).send(new GetStageCommand({ restApiId, stageName: 'staging' }))
    emu.faults.inject({ operation: 'UpdateStage', kind: 'unavailable', times: 20 })
    const run = await runAgainst(emu, {
      'rest-api-id': restApiId,
      stage: 'staging',
      variables: 'another=value',
      'max-retries': '2',
    })
    expect(run.code).toBe(1)
    const message = run.errors.join('\n')
    expect(message).toContain('Step 2 of 3 failed: UpdateStage')
    expect(message).toContain('ServiceUnavailableException')
    expect(message).toMatch(/Deployment \w+ was created by this run/)
    expect(message).toContain(`runs deployment ${before.deploymentId} (unchanged by this run)`)
  })

  it('refuses a plain deploy to a stage with a canary and writes nothing', async () => {
    const sdk = sdkClient(emu)
    await sdk.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'staging',
        patchOperations: [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '5.0' }],
      }),
    )
    emu.clearCalls()
    const run = await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'staging' })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain('active canary')
    expect(emu.writes()).toEqual([])
    await sdk.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'staging',
        patchOperations: [{ op: 'remove', path: '/canarySettings' }],
      }),
    )
  })
})
