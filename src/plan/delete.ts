// delete: remove a (preview) stage. The pattern guard lives in inputs; a stage already gone is success.
import type { Plan } from '../types.js'
import type { PlanContext } from './context.js'

export function planDelete(ctx: PlanContext): Plan {
  const { inputs, state } = ctx
  const base = { operation: 'delete' as const, restApiId: state.api.id, stageName: inputs.stage }
  const expected = { variables: {}, absentVariables: [], deleted: true }
  if (!state.stage)
    return { ...base, calls: [], expected, notes: [`Stage '${inputs.stage}' does not exist: nothing to delete.`] }
  return {
    ...base,
    calls: [{ action: 'DeleteStage', restApiId: state.api.id, stageName: inputs.stage }],
    expected,
    notes: [`DeleteStage removes '${inputs.stage}' (it ran deployment ${state.stage.deploymentId}).`],
  }
}
