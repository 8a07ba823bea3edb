// delete: remove a (preview) stage and the base path mappings that point at it. The pattern guard lives in
// inputs; a stage already gone is success.
import type { BasePathMappingState } from '../model/state.js'
import type { PlanContext } from './context.js'
import type { Plan, PlannedCall } from './types.js'

/** DeleteBasePathMapping for each mapping pointing at `stageName` (only those), then DeleteStage. */
export function stageRemovalCalls(
  restApiId: string,
  stageName: string,
  mappings: BasePathMappingState[] | undefined,
): PlannedCall[] {
  const own = (mappings ?? []).filter((m) => m.restApiId === restApiId && m.stage === stageName)
  return [
    ...own.map(
      (m): PlannedCall => ({ action: 'DeleteBasePathMapping', domainName: m.domainName, basePath: m.basePath }),
    ),
    { action: 'DeleteStage', restApiId, stageName },
  ]
}

export function planDelete(ctx: PlanContext): Plan {
  const { inputs, state } = ctx
  const base = { operation: 'delete' as const, restApiId: state.api.id, stageName: inputs.stage }
  const expected = { variables: {}, absentVariables: [], deleted: true }
  if (!state.stage)
    return { ...base, calls: [], expected, notes: [`Stage '${inputs.stage}' does not exist: nothing to delete.`] }
  const calls = stageRemovalCalls(state.api.id, inputs.stage, state.stageMappings)
  const notes = [`DeleteStage removes '${inputs.stage}' (it ran deployment ${state.stage.deploymentId}).`]
  if (calls.length > 1) notes.unshift(`${calls.length - 1} base path mapping(s) pointing at it are removed first.`)
  return { ...base, calls, expected, notes }
}
