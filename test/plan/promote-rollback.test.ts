import { describe, expect, it } from 'vitest'
import { PREVIOUS_DEPLOYMENT_TAG } from '../../src/model/tags.js'
import { formatCalls } from '../../src/plan/format.js'
import { plan } from '../../src/plan/index.js'
import { actionInputs, readState, stageState } from '../fixtures/action-inputs.js'

const description = 'd'
const staging = stageState({ stageName: 'staging', deploymentId: 'depStaging' })

describe('promote', () => {
  it('re-points prod at the source deployment without creating a deployment', () => {
    const p = plan({
      inputs: actionInputs({
        stage: 'prod',
        operation: 'promote',
        promoteFrom: 'staging',
        variables: { alias: 'prod' },
      }),
      state: readState(stageState({ stageName: 'prod', deploymentId: 'depOld', variables: { keep: 'x' } }), staging),
      description,
    })
    expect(p.calls.map((c) => c.action)).toEqual(['TagResource', 'UpdateStage'])
    expect(p.calls[1]).toMatchObject({
      patchOperations: [
        { op: 'replace', path: '/deploymentId', value: 'depStaging' },
        { op: 'replace', path: '/variables/alias', value: 'prod' },
      ],
    })
    expect(p.calls[0]).toMatchObject({ tags: { [PREVIOUS_DEPLOYMENT_TAG]: 'depOld' } })
  })

  it('creates a missing target stage on the source deployment', () => {
    const p = plan({
      inputs: actionInputs({ stage: 'prod', operation: 'promote', promoteFrom: 'staging' }),
      state: readState(undefined, staging),
      description,
    })
    expect(p.calls).toEqual([
      { action: 'CreateStage', restApiId: 'a1b2c3d4e5', stageName: 'prod', deploymentId: 'depStaging' },
    ])
  })

  it('variable-only promotion sends only variable operations; equal state sends nothing', () => {
    const state = readState(stageState({ stageName: 'prod', variables: { backend: 'blue' } }))
    const p = plan({
      inputs: actionInputs({ stage: 'prod', operation: 'promote', variables: { backend: 'green' } }),
      state,
      description,
    })
    expect(p.calls).toEqual([
      {
        action: 'UpdateStage',
        restApiId: 'a1b2c3d4e5',
        stageName: 'prod',
        patchOperations: [{ op: 'replace', path: '/variables/backend', value: 'green' }],
      },
    ])
    const same = plan({
      inputs: actionInputs({ stage: 'prod', operation: 'promote', variables: { backend: 'blue' } }),
      state,
      description,
    })
    expect(same.calls).toEqual([])
  })

  it('with canary-percent makes the source deployment the canary in one UpdateStage, production untouched', () => {
    const p = plan({
      inputs: actionInputs({
        stage: 'prod',
        operation: 'promote',
        promoteFrom: 'staging',
        canary: { percent: 10, variables: { alias: 'next' }, removeVariables: [] },
      }),
      state: readState(stageState({ stageName: 'prod', deploymentId: 'depOld' }), staging),
      description,
    })
    expect(p.calls).toEqual([
      {
        action: 'UpdateStage',
        restApiId: 'a1b2c3d4e5',
        stageName: 'prod',
        patchOperations: [
          { op: 'replace', path: '/canarySettings/deploymentId', value: 'depStaging' },
          { op: 'replace', path: '/canarySettings/percentTraffic', value: '10.0' },
          { op: 'replace', path: '/canarySettings/stageVariableOverrides/alias', value: 'next' },
        ],
      },
    ])
    expect(p.expected).toMatchObject({
      deploymentId: 'depOld',
      canary: { deploymentId: 'depStaging', percentTraffic: 10 },
    })
  })

  it('refuses a missing source and a target with a canary', () => {
    expect(() =>
      plan({
        inputs: actionInputs({ stage: 'prod', operation: 'promote', promoteFrom: 'staging' }),
        state: readState(stageState()),
        description,
      }),
    ).toThrow(/'promote-from'.*does not exist/)
    const canary = { deploymentId: 'c', percentTraffic: 5, stageVariableOverrides: {}, useStageCache: false }
    expect(() =>
      plan({
        inputs: actionInputs({ stage: 'prod', operation: 'promote', promoteFrom: 'staging' }),
        state: readState(stageState({ stageName: 'prod', canary }), staging),
        description,
      }),
    ).toThrow(/active canary.*promote-canary/)
  })
})

describe('rollback', () => {
  it('uses the recorded previous deployment by default and leaves the record as it is (idempotent)', () => {
    const p = plan({
      inputs: actionInputs({ stage: 'prod', operation: 'rollback' }),
      state: readState(
        stageState({ stageName: 'prod', deploymentId: 'depNew', tags: { [PREVIOUS_DEPLOYMENT_TAG]: 'depOld' } }),
      ),
      description,
    })
    expect(p.calls).toEqual([
      {
        action: 'UpdateStage',
        restApiId: 'a1b2c3d4e5',
        stageName: 'prod',
        patchOperations: [{ op: 'replace', path: '/deploymentId', value: 'depOld' }],
      },
    ])
  })

  it('prefers rollback-to, and refuses when nothing is recorded', () => {
    const p = plan({
      inputs: actionInputs({ operation: 'rollback', rollbackTo: 'depX' }),
      state: readState(stageState({ tags: { [PREVIOUS_DEPLOYMENT_TAG]: 'depOld' } })),
      description,
    })
    expect(p.calls[0]).toMatchObject({ patchOperations: [{ value: 'depX' }] })
    expect(() =>
      plan({ inputs: actionInputs({ operation: 'rollback' }), state: readState(stageState()), description }),
    ).toThrow(/rollback-to/)
  })
})

describe('formatCalls', () => {
  it('hides variable values unless opted in', () => {
    const p = plan({
      inputs: actionInputs({ variables: { token: 's3cr3t-value' } }),
      state: readState(stageState()),
      description,
    })
    expect(formatCalls(p, false).join('\n')).not.toContain('s3cr3t-value')
    expect(formatCalls(p, false).join('\n')).toContain('/variables/token')
    expect(formatCalls(p, true).join('\n')).toContain('s3cr3t-value')
  })
})
