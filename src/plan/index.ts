// plan(inputs, state) → Plan: picks the planner for the operation. Pure.

import { planCanaryDeploy, planPromoteCanary, planRollbackCanary, planUpdateCanary } from './canary.js'
import { withConfiguration } from './configure.js'
import type { PlanContext } from './context.js'
import { planDefinitionDeploy } from './definition.js'
import { planDelete } from './delete.js'
import { planDeploy } from './deploy.js'
import { withFingerprint } from './fingerprint.js'
import { planPreviewApi } from './preview-api.js'
import { planPromote } from './promote.js'
import { withPrune } from './prune.js'
import { planRollback } from './rollback.js'
import { planRollout } from './rollout.js'
import type { Plan } from './types.js'

export { createsCanary, type PlanContext } from './context.js'
export { PlanRefusal } from './refusal.js'

export function plan(ctx: PlanContext): Plan {
  // One API per pull request: its own planner (pruning there deletes preview APIs, not stages).
  if (ctx.state.preview) return withConfiguration(planPreviewApi(ctx, ctx.state.preview), ctx)
  return withFingerprint(withPrune(withConfiguration(operationPlan(ctx), ctx), ctx), ctx)
}

function operationPlan(ctx: PlanContext): Plan {
  switch (ctx.inputs.operation) {
    case 'deploy': {
      const plain = ctx.inputs.canary.percent !== undefined ? planCanaryDeploy : planDeploy
      return ctx.definition ? planDefinitionDeploy(ctx, ctx.definition, plain) : plain(ctx)
    }
    case 'update-canary':
      return planUpdateCanary(ctx)
    case 'promote-canary':
      return planPromoteCanary(ctx)
    case 'rollback-canary':
      return planRollbackCanary(ctx)
    case 'promote':
      return planPromote(ctx)
    case 'rollback':
      return planRollback(ctx)
    case 'delete':
      return planDelete(ctx)
    case 'rollout':
      return planRollout(ctx)
  }
}
