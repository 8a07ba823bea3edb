import { describe, expect, it } from 'vitest'
import type { Plan, PlannedCall } from '../src/plan/types.js'
import { describeStageQuota, explainFailure, isStageQuotaError } from '../src/steps/explain-failure.js'
import { stageState } from './fixtures/action-inputs.js'

const create: PlannedCall = { action: 'CreateDeployment', restApiId: 'a', description: 'd' }
const update: PlannedCall = { action: 'UpdateStage', restApiId: 'a', stageName: 'staging', patchOperations: [] }
const plan: Plan = {
  operation: 'deploy',
  restApiId: 'a',
  stageName: 'staging',
  calls: [create, update],
  expected: { variables: {}, absentVariables: [] },
  notes: [],
}

describe('explainFailure', () => {
  it('says which step failed, what was done, what the stage runs now and that it is unchanged', () => {
    const text = explainFailure({
      plan,
      callError: 'UpdateStage on API a stage ‘staging’ failed: ConflictException: busy',
      failedCall: update,
      completed: [create],
      createdDeploymentId: 'dep9',
      before: stageState({ deploymentId: 'dep1' }),
      now: stageState({ deploymentId: 'dep1' }),
    })
    expect(text).toContain('Step 2 of 2 failed')
    expect(text).toContain('Done before it: CreateDeployment.')
    expect(text).toContain('Deployment dep9 was created by this run.')
    expect(text).toContain("Stage 'staging' now runs deployment dep1 (unchanged by this run).")
    expect(text).not.toContain('rollback-to')
  })

  it('names the rollback when the stage moved, and admits when the state is unknown', () => {
    const moved = explainFailure({
      plan,
      callError: 'x',
      failedCall: update,
      completed: [create],
      before: stageState({ deploymentId: 'dep1' }),
      now: stageState({ deploymentId: 'dep2' }),
    })
    expect(moved).toContain("rollback-to 'dep1'")
    const unknown = explainFailure({ plan, callError: 'x', completed: [], now: 'unknown' })
    expect(unknown).toContain('could not be read back')
    expect(unknown).toContain('Nothing had been changed')
  })
})

describe('stage quota', () => {
  it('recognises the limit error and lists previews oldest first', () => {
    expect(
      isStageQuotaError({ name: 'BadRequestException', message: 'Maximum number of stages has been reached' }),
    ).toBe(true)
    expect(isStageQuotaError({ name: 'BadRequestException', message: 'Invalid stage name' })).toBe(false)
    const now = Date.parse('2026-01-31T00:00:00Z')
    const text = describeStageQuota(
      [
        stageState({ stageName: 'prod', lastUpdatedDate: '2026-01-30T00:00:00Z' }),
        stageState({ stageName: 'pr-2', lastUpdatedDate: '2026-01-30T00:00:00Z' }),
        stageState({ stageName: 'pr-1', lastUpdatedDate: '2026-01-01T00:00:00Z' }),
      ],
      /^pr-[0-9]+$/,
      now,
    )
    expect(text).toContain('Preview stages: pr-1 (last updated 30 days ago), pr-2 (last updated 1 day ago).')
    expect(text).toContain('Other stages: prod.')
  })
})
