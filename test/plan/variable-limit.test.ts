// Issue 12, point 15: AWS allows at most 100 variables on a stage; the planner checks the stage's total.
import { describe, expect, it } from 'vitest'
import { PlanRefusal, plan } from '../../src/plan/index.js'
import { actionInputs, readState, stageState } from '../fixtures/action-inputs.js'

const description = 'Deployed by test'

function vars(prefix: string, n: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 'v']))
}

function refusal(run: () => unknown): string {
  try {
    run()
  } catch (e) {
    if (e instanceof PlanRefusal) return e.message
    throw e
  }
  throw new Error('expected a PlanRefusal')
}

describe('the 100-variable limit on the stage total', () => {
  it('refuses a deploy that would leave 101 variables, giving the numbers', () => {
    const message = refusal(() =>
      plan({
        inputs: actionInputs({ variables: vars('new', 11), removeVariables: ['old0', 'absent'] }),
        state: readState(stageState({ variables: vars('old', 91) })),
        description,
      }),
    )
    expect(message).toContain('101')
    expect(message).toContain('91 now + 11 new')
    expect(message).toContain('11')
    expect(message).toContain('1 removed')
    expect(message).toContain('100')
    expect(message).toContain("'staging'")
  })

  it('counts a variable set again as one, and allows exactly 100', () => {
    const p = plan({
      inputs: actionInputs({ variables: { ...vars('old', 5), ...vars('new', 5) } }),
      state: readState(stageState({ variables: vars('old', 95) })),
      description,
    })
    expect(p.calls.map((c) => c.action)).toEqual(['CreateDeployment', 'UpdateStage', 'TagResource'])
  })

  it('lets a run bring an over-full stage down, and refuses one that keeps it above 100', () => {
    const down = plan({
      inputs: actionInputs({ removeVariables: ['old0', 'old1'] }),
      state: readState(stageState({ variables: vars('old', 101) })),
      description,
    })
    expect(down.calls.some((c) => c.action === 'UpdateStage')).toBe(true)
    expect(() =>
      plan({
        inputs: actionInputs({ variables: { extra: 'v' }, removeVariables: ['old0'] }),
        state: readState(stageState({ variables: vars('old', 101) })),
        description,
      }),
    ).toThrow(PlanRefusal)
  })

  it('refuses a promote that would leave more than 100 variables', () => {
    expect(() =>
      plan({
        inputs: actionInputs({ operation: 'promote', variables: vars('new', 2) }),
        state: readState(stageState({ variables: vars('old', 99) })),
        description,
      }),
    ).toThrow(/101 variables/)
  })

  it('refuses promote-canary when merging the overrides would leave more than 100 variables', () => {
    const canary = {
      deploymentId: 'dep222',
      percentTraffic: 10,
      stageVariableOverrides: vars('o', 3),
      useStageCache: false,
    }
    expect(() =>
      plan({
        inputs: actionInputs({ operation: 'promote-canary' }),
        state: readState(stageState({ variables: vars('old', 98), canary })),
        description,
      }),
    ).toThrow(/101 variables/)
  })
})
