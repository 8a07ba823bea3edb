// deploy: snapshot the API into a new deployment and make it the stage's production deployment.

import { describeCanary, type PlanContext, recordPreviousCall, updateStage } from './context.js'
import { variablePatchOps } from './patch-ops.js'
import { PlanRefusal } from './refusal.js'
import { NEW_DEPLOYMENT_ID, type Plan, type PlannedCall } from './types.js'
import { refuseTooManyInputVariables } from './variable-limit.js'

export function planDeploy(ctx: PlanContext): Plan {
  const { inputs, state } = ctx
  const stage = state.stage
  const restApiId = state.api.id
  const stageName = inputs.stage
  const base = { operation: 'deploy' as const, restApiId, stageName }
  const expected = {
    deploymentId: NEW_DEPLOYMENT_ID,
    variables: inputs.variables,
    absentVariables: inputs.removeVariables,
  }

  if (!stage) {
    // One call creates the deployment and the stage with its variables.
    const call: PlannedCall = { action: 'CreateDeployment', restApiId, stageName, description: ctx.description }
    if (Object.keys(inputs.variables).length) call.variables = { ...inputs.variables }
    const notes = [`Stage '${stageName}' does not exist: CreateDeployment creates it on a new deployment.`]
    if (inputs.removeVariables.length) notes.push('remove-variables has nothing to remove on a new stage.')
    return { ...base, calls: [call], expected: { ...expected, absentVariables: [] }, notes }
  }

  if (stage.canary) {
    throw new PlanRefusal(
      `Stage '${stageName}' has an active canary (${describeCanary(stage.canary)}); AWS refuses a plain deployment ` +
        'to a stage with a canary. Choose one: set canary-percent to deploy this version as the new canary; ' +
        "operation 'promote-canary' to make the canary production; or operation 'rollback-canary' to remove it, then deploy.",
    )
  }

  refuseTooManyInputVariables(inputs, stage.variables)
  const variableOps = variablePatchOps('/variables', stage.variables, inputs.variables, inputs.removeVariables)
  const tag = recordPreviousCall(ctx, stage.deploymentId)
  if (variableOps.length === 0) {
    return {
      ...base,
      calls: [{ action: 'CreateDeployment', restApiId, stageName, description: ctx.description }, tag],
      expected,
      notes: [`CreateDeployment re-points stage '${stageName}' from ${stage.deploymentId} to the new deployment.`],
    }
  }
  // Variables change too: create the deployment detached, then switch deployment and variables in one
  // UpdateStage, so the stage never runs the new code with the old variables (or the reverse).
  return {
    ...base,
    calls: [
      { action: 'CreateDeployment', restApiId, description: ctx.description },
      updateStage(restApiId, stageName, [
        { op: 'replace', path: '/deploymentId', value: NEW_DEPLOYMENT_ID },
        ...variableOps,
      ]),
      tag,
    ],
    expected,
    notes: [
      'CreateDeployment makes a snapshot not yet attached to any stage.',
      `One UpdateStage switches '${stageName}' from ${stage.deploymentId} to it and changes ${variableOps.length} variable(s) atomically.`,
    ],
  }
}
