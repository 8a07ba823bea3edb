import { describe, expect, it } from 'vitest'
import { fingerprintTags } from '../../src/model/stage-fingerprint.js'
import { PREVIOUS_DEPLOYMENT_TAG } from '../../src/model/tags.js'
import { PlanRefusal, plan } from '../../src/plan/index.js'
import { NEW_DEPLOYMENT_ID } from '../../src/plan/types.js'
import { actionInputs, readState, stageState } from '../fixtures/action-inputs.js'

const description = 'Deployed by test'

describe('planDeploy', () => {
  it('creates a new stage with its variables in one CreateDeployment', () => {
    const p = plan({
      inputs: actionInputs({ variables: { lambdaAlias: 'staging' }, removeVariables: ['old'] }),
      state: readState(),
      description,
    })
    expect(p.calls).toEqual([
      {
        action: 'CreateDeployment',
        restApiId: 'a1b2c3d4e5',
        stageName: 'staging',
        description,
        variables: { lambdaAlias: 'staging' },
      },
      // The drift fingerprint of the stage it creates, best effort (plan/fingerprint.ts).
      expect.objectContaining({ action: 'TagResource', bestEffort: true }),
    ])
    expect(p.expected).toEqual({
      deploymentId: NEW_DEPLOYMENT_ID,
      variables: { lambdaAlias: 'staging' },
      absentVariables: [],
    })
    expect(p.notes.join(' ')).toContain('nothing to remove')
  })

  it('re-points an existing stage with one CreateDeployment when no variable changes, and records the previous id', () => {
    const p = plan({
      inputs: actionInputs({ variables: { keep: 'same' } }),
      state: readState(stageState({ variables: { keep: 'same', other: 'x' } })),
      description,
    })
    expect(p.calls.map((c) => c.action)).toEqual(['CreateDeployment', 'TagResource'])
    expect(p.calls[0]).toMatchObject({ stageName: 'staging' })
    // The closing TagResource records the previous deployment and the fingerprint of the stage the plan leaves.
    const predicted = stageState({ deploymentId: NEW_DEPLOYMENT_ID, variables: { keep: 'same', other: 'x' } })
    expect(p.calls[1]).toEqual({
      action: 'TagResource',
      resourceArn: 'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/staging',
      tags: { [PREVIOUS_DEPLOYMENT_TAG]: 'dep111', ...fingerprintTags(predicted) },
    })
  })

  it('switches deployment and variables atomically with per-key operations only', () => {
    const p = plan({
      inputs: actionInputs({ variables: { a: '1', same: 'v' }, removeVariables: ['gone', 'never-existed'] }),
      state: readState(stageState({ variables: { same: 'v', gone: 'x', untouched: 'keep' } })),
      description,
    })
    expect(p.calls[0]).toEqual({ action: 'CreateDeployment', restApiId: 'a1b2c3d4e5', description })
    expect(p.calls[1]).toEqual({
      action: 'UpdateStage',
      restApiId: 'a1b2c3d4e5',
      stageName: 'staging',
      patchOperations: [
        { op: 'replace', path: '/deploymentId', value: NEW_DEPLOYMENT_ID },
        { op: 'replace', path: '/variables/a', value: '1' },
        { op: 'remove', path: '/variables/gone' },
      ],
    })
    // No patch addresses the variable the inputs never named; the fingerprint keeps it, as the stage will.
    expect(JSON.stringify(p.calls.filter((c) => c.action !== 'TagResource'))).not.toContain('untouched')
    const predicted = stageState({
      deploymentId: NEW_DEPLOYMENT_ID,
      variables: { same: 'v', a: '1', untouched: 'keep' },
    })
    expect(p.calls[2]).toMatchObject({ action: 'TagResource', tags: fingerprintTags(predicted) })
  })

  it('refuses a plain deploy to a stage with a canary and explains the choices', () => {
    const state = readState(
      stageState({
        canary: { deploymentId: 'dep222', percentTraffic: 10, stageVariableOverrides: {}, useStageCache: false },
      }),
    )
    expect(() => plan({ inputs: actionInputs(), state, description })).toThrow(PlanRefusal)
    expect(() => plan({ inputs: actionInputs(), state, description })).toThrow(
      /canary-percent.*promote-canary.*rollback-canary/,
    )
  })
})
