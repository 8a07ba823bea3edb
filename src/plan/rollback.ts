// rollback: re-point the stage at an earlier deployment: `rollback-to`, or the one recorded on the stage.

import { PREVIOUS_DEPLOYMENT_TAG } from '../model/tags.js'
import { type PlanContext, updateStage } from './context.js'
import { refuseCanaryTarget } from './promote.js'
import { PlanRefusal } from './refusal.js'
import type { Plan } from './types.js'

export function planRollback(ctx: PlanContext): Plan {
  const { inputs, state } = ctx
  const stage = state.stage
  if (!stage) throw new PlanRefusal(`Stage '${inputs.stage}' does not exist: there is nothing to roll back.`)
  const target = inputs.rollbackTo ?? stage.tags[PREVIOUS_DEPLOYMENT_TAG]
  if (!target) {
    throw new PlanRefusal(
      `Stage '${inputs.stage}' carries no '${PREVIOUS_DEPLOYMENT_TAG}' tag (this action has not changed its deployment yet), ` +
        "so there is no recorded previous deployment. Set 'rollback-to' to a deployment id.",
    )
  }
  refuseCanaryTarget(stage, 'rollback')
  const base = { operation: 'rollback' as const, restApiId: state.api.id, stageName: inputs.stage }
  const expected = { deploymentId: target, variables: {}, absentVariables: [] }
  if (target === stage.deploymentId) {
    return { ...base, calls: [], expected, notes: [`'${inputs.stage}' already runs deployment ${target}.`] }
  }
  // The recorded previous is left as it is: a re-run then finds the stage already there (idempotent).
  return {
    ...base,
    calls: [updateStage(state.api.id, inputs.stage, [{ op: 'replace', path: '/deploymentId', value: target }])],
    expected,
    notes: [`UpdateStage moves '${inputs.stage}' from ${stage.deploymentId} back to ${target}.`],
  }
}
