// The drift fingerprint folded into the plan's closing TagResource (issue 15): only where the stage the plan leaves
// is known exactly, and never before a change to the stage.
import { describe, expect, it } from 'vitest'
import { fingerprintTags } from '../../src/model/stage-fingerprint.js'
import { PREVIOUS_DEPLOYMENT_TAG } from '../../src/model/tags.js'
import { formatCalls } from '../../src/plan/format.js'
import { plan } from '../../src/plan/index.js'
import { NEW_DEPLOYMENT_ID, type Plan, type PlannedCall } from '../../src/plan/types.js'
import { actionInputs, readState, stageState } from '../fixtures/action-inputs.js'

const description = 'Deployed by test'
const tagCalls = (p: Plan) =>
  p.calls.filter((c): c is Extract<PlannedCall, { action: 'TagResource' }> => c.action === 'TagResource')
const hasFingerprint = (p: Plan) => tagCalls(p).some((c) => 'apigw-stage-action:fingerprint' in c.tags)

describe('withFingerprint (through plan())', () => {
  it('folds the predicted fingerprint into a deploy’s closing tag, deployment as the placeholder', () => {
    const stage = stageState({ variables: { keep: 'k', change: 'old', drop: 'x' } })
    const p = plan({
      inputs: actionInputs({ variables: { change: 'new', add: 'a' }, removeVariables: ['drop'] }),
      state: readState(stage),
      description,
    })
    expect(p.calls.map((c) => c.action)).toEqual(['CreateDeployment', 'UpdateStage', 'TagResource'])
    const predicted = { ...stage, deploymentId: NEW_DEPLOYMENT_ID, variables: { keep: 'k', change: 'new', add: 'a' } }
    expect(tagCalls(p)[0]?.tags).toEqual({ [PREVIOUS_DEPLOYMENT_TAG]: 'dep111', ...fingerprintTags(predicted) })
  })

  it('keeps the stage’s settings and canary-free state in the prediction', () => {
    const stage = stageState({ tracingEnabled: true, methodSettings: { '*/*': { metricsEnabled: true } } })
    const p = plan({ inputs: actionInputs(), state: readState(stage), description })
    expect(tagCalls(p)[0]?.tags).toMatchObject(fingerprintTags({ ...stage, deploymentId: NEW_DEPLOYMENT_ID }))
  })

  it('does not predict when the plan changes stage settings: the fingerprint is written after the read-back', () => {
    const p = plan({
      inputs: actionInputs({ settings: { defaults: {}, tracingEnabled: true } }),
      state: readState(stageState()),
      description,
    })
    expect(p.calls.some((c) => c.action === 'UpdateStage')).toBe(true)
    expect(hasFingerprint(p)).toBe(false)
  })

  it('does not predict a canary deploy', () => {
    const p = plan({
      inputs: actionInputs({ canary: { percent: 10, variables: {}, removeVariables: [] } }),
      state: readState(stageState()),
      description,
    })
    expect(hasFingerprint(p)).toBe(false)
  })

  it('never folds into a tag that comes before the change (promote records the previous id first)', () => {
    const p = plan({
      inputs: actionInputs({ operation: 'promote', promoteFrom: 'staging', stage: 'prod' }),
      state: readState(
        stageState({ stageName: 'prod', deploymentId: 'dep000' }),
        stageState({ deploymentId: 'dep222' }),
      ),
      description,
    })
    expect(p.calls.at(-1)?.action).not.toBe('TagResource')
    expect(hasFingerprint(p)).toBe(false)
  })

  it('ends a new stage’s plan with a best-effort tag: the fingerprint of the stage AWS creates', () => {
    const p = plan({ inputs: actionInputs({ variables: { a: '1' } }), state: readState(), description })
    expect(p.calls.map((c) => c.action)).toEqual(['CreateDeployment', 'TagResource'])
    const created = stageState({ deploymentId: NEW_DEPLOYMENT_ID, variables: { a: '1' } })
    expect(p.calls[1]).toEqual({
      action: 'TagResource',
      resourceArn: 'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/staging',
      tags: fingerprintTags(created),
      bestEffort: true,
    })
  })

  it('does not predict a new stage that the plan also configures', () => {
    const p = plan({
      inputs: actionInputs({ settings: { defaults: {}, tracingEnabled: true } }),
      state: readState(),
      description,
    })
    expect(hasFingerprint(p)).toBe(false)
  })

  it('hides the fingerprint in the logged plan: it hashes variable values', () => {
    const p = plan({
      inputs: actionInputs({ variables: { secret: 'hunter2' } }),
      state: readState(stageState({ variables: { secret: 'old' } })),
      description,
    })
    const logged = formatCalls(p, false).join('\n')
    expect(logged).toContain('"apigw-stage-action:fingerprint":"(drift fingerprint)"')
    expect(logged).not.toMatch(/secret:[0-9a-f]{6}/)
    expect(logged).not.toContain('hunter2')
  })
})
