import { describe, expect, it } from 'vitest'
import { PREVIOUS_DEPLOYMENT_TAG, PROMOTED_CANARY_TAG } from '../../src/model/tags.js'
import { PlanRefusal, plan } from '../../src/plan/index.js'
import { NEW_DEPLOYMENT_ID } from '../../src/plan/types.js'
import { actionInputs, readState, stageState } from '../fixtures/action-inputs.js'

const description = 'd'
const canary = {
  deploymentId: 'depCanary',
  percentTraffic: 10,
  stageVariableOverrides: { alias: 'v2', keep: 'k' },
  useStageCache: false,
}
const withCanary = () => readState(stageState({ stageName: 'prod', variables: { alias: 'v1', other: 'o' }, canary }))

describe('canary deploy', () => {
  it('refuses a stage that does not exist and plans no call', () => {
    expect(() =>
      plan({
        inputs: actionInputs({ canary: { percent: 10, variables: {}, removeVariables: [] } }),
        state: readState(),
        description,
      }),
    ).toThrow(/does not exist.*Deploy it first/)
  })

  it('creates the canary on an existing stage, production untouched', () => {
    const p = plan({
      inputs: actionInputs({ stage: 'prod', canary: { percent: 10, variables: { alias: 'v2' }, removeVariables: [] } }),
      state: readState(stageState({ stageName: 'prod' })),
      description,
    })
    expect(p.calls).toEqual([
      {
        action: 'CreateDeployment',
        restApiId: 'a1b2c3d4e5',
        stageName: 'prod',
        description,
        canarySettings: { percentTraffic: 10, stageVariableOverrides: { alias: 'v2' } },
      },
    ])
    expect(p.expected).toMatchObject({
      deploymentId: 'dep111',
      canary: { deploymentId: NEW_DEPLOYMENT_ID, percentTraffic: 10 },
    })
  })

  it('re-pointing an existing canary keeps overrides the inputs do not name', () => {
    const p = plan({
      inputs: actionInputs({ stage: 'prod', canary: { percent: 25, variables: { alias: 'v3' }, removeVariables: [] } }),
      state: withCanary(),
      description,
    })
    expect(p.calls[0]).toMatchObject({
      canarySettings: { percentTraffic: 25, stageVariableOverrides: { alias: 'v3', keep: 'k' }, useStageCache: false },
    })
    expect(p.notes.join(' ')).toContain('re-pointed')
  })
})

describe('update-canary', () => {
  it('changes only what differs', () => {
    const p = plan({
      inputs: actionInputs({
        stage: 'prod',
        operation: 'update-canary',
        canary: { percent: 50, variables: { keep: 'k', added: 'a' }, removeVariables: ['alias'], useStageCache: false },
      }),
      state: withCanary(),
      description,
    })
    expect(p.calls).toEqual([
      {
        action: 'UpdateStage',
        restApiId: 'a1b2c3d4e5',
        stageName: 'prod',
        patchOperations: [
          { op: 'replace', path: '/canarySettings/percentTraffic', value: '50.0' },
          { op: 'replace', path: '/canarySettings/stageVariableOverrides/added', value: 'a' },
          { op: 'remove', path: '/canarySettings/stageVariableOverrides/alias' },
        ],
      },
    ])
  })

  it('is a no-op when the canary already matches, and refuses a stage without a canary', () => {
    const same = plan({
      inputs: actionInputs({
        stage: 'prod',
        operation: 'update-canary',
        canary: { percent: 10, variables: {}, removeVariables: [] },
      }),
      state: withCanary(),
      description,
    })
    expect(same.calls).toEqual([])
    expect(() =>
      plan({
        inputs: actionInputs({
          operation: 'update-canary',
          canary: { percent: 10, variables: {}, removeVariables: [] },
        }),
        state: readState(stageState()),
        description,
      }),
    ).toThrow(PlanRefusal)
  })
})

describe('promote-canary and rollback-canary', () => {
  it('promotes in one UpdateStage: percent 0, merge overrides, copy deployment, remove canary', () => {
    const p = plan({
      inputs: actionInputs({ stage: 'prod', operation: 'promote-canary' }),
      state: withCanary(),
      description,
    })
    // The tags go first: if they failed, nothing would have changed and a re-run redoes both.
    expect(p.calls[0]).toMatchObject({
      action: 'TagResource',
      tags: { [PREVIOUS_DEPLOYMENT_TAG]: 'dep111', [PROMOTED_CANARY_TAG]: 'depCanary' },
    })
    expect(p.calls[1]).toEqual({
      action: 'UpdateStage',
      restApiId: 'a1b2c3d4e5',
      stageName: 'prod',
      patchOperations: [
        { op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' },
        { op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' },
        { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
        { op: 'remove', path: '/canarySettings' },
      ],
    })
    expect(p.expected).toEqual({
      deploymentId: 'depCanary',
      variables: { alias: 'v2', keep: 'k' },
      absentVariables: [],
      canary: 'absent',
    })
  })

  it('a re-run after a completed promotion has nothing to do', () => {
    const done = readState(
      stageState({ stageName: 'prod', deploymentId: 'depCanary', tags: { [PROMOTED_CANARY_TAG]: 'depCanary' } }),
    )
    const p = plan({ inputs: actionInputs({ stage: 'prod', operation: 'promote-canary' }), state: done, description })
    expect(p.calls).toEqual([])
    expect(p.notes[0]).toContain('already promoted')
  })

  it('refuses promote-canary without a canary', () => {
    expect(() =>
      plan({ inputs: actionInputs({ operation: 'promote-canary' }), state: readState(stageState()), description }),
    ).toThrow(/has no canary/)
  })

  it('rollback-canary removes the canary, and is a no-op when there is none', () => {
    const p = plan({
      inputs: actionInputs({ stage: 'prod', operation: 'rollback-canary' }),
      state: withCanary(),
      description,
    })
    expect(p.calls).toEqual([
      {
        action: 'UpdateStage',
        restApiId: 'a1b2c3d4e5',
        stageName: 'prod',
        patchOperations: [{ op: 'remove', path: '/canarySettings' }],
      },
    ])
    const none = plan({
      inputs: actionInputs({ operation: 'rollback-canary' }),
      state: readState(stageState()),
      description,
    })
    expect(none.calls).toEqual([])
  })
})
