// The calls of one rollout decision, built by the canary planners (update-canary, promote-canary, rollback-canary),
// then the TagResource that records the new state. Acting first and recording after is what makes a cancelled run
// safe to pick up: the next run judges the same window again, or sees the change went through (plan/rollout.ts).
import type { RolloutAction } from '../rollout/decide.js'
import type { RolloutState } from '../rollout/state.js'
import { planPromoteCanary, planRollbackCanary, planUpdateCanary } from './canary.js'
import type { PlanContext } from './context.js'
import { recordRolloutCall } from './rollout.js'
import type { Plan } from './types.js'

export function planRolloutAction(ctx: PlanContext, action: RolloutAction, next: RolloutState): Plan {
  const base = actionPlan(ctx, action, next)
  return { ...base, calls: [...base.calls, recordRolloutCall(ctx, next)] }
}

function actionPlan(ctx: PlanContext, action: RolloutAction, next: RolloutState): Plan {
  switch (action.kind) {
    case 'advance': {
      const percent = next.steps[action.step] as number
      const inputs = { ...ctx.inputs, operation: 'update-canary' as const, canary: { ...ctx.inputs.canary, percent } }
      return planUpdateCanary({ ...ctx, inputs })
    }
    case 'promote':
      return planPromoteCanary({ ...ctx, inputs: { ...ctx.inputs, operation: 'promote-canary' } })
    case 'rollback':
      return planRollbackCanary({ ...ctx, inputs: { ...ctx.inputs, operation: 'rollback-canary' } })
    case 'hold':
    case 'again':
      return {
        operation: 'rollout',
        restApiId: ctx.state.api.id,
        stageName: ctx.inputs.stage,
        calls: [],
        expected: { variables: {}, absentVariables: [] },
        notes: [],
      }
  }
}
