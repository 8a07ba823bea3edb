// The UpdateStage operations that make `deploymentId` the stage's canary with the inputs' traffic share, overrides
// and cache use, sending only what differs from the current canary.
import type { ActionInputs } from '../inputs/types.js'
import type { CanaryState } from '../model/state.js'
import { percentValue, variablePatchOps } from './patch-ops.js'
import type { PatchOp } from './types.js'

/**
 * AWS creates a canary from `replace /canarySettings/deploymentId`; the later operations of the same request then
 * set its traffic and overrides.
 */
export function canaryPatchOps(
  inputs: ActionInputs,
  current: CanaryState | undefined,
  deploymentId: string,
): PatchOp[] {
  const percent = inputs.canary.percent
  const ops: PatchOp[] = []
  if (current?.deploymentId !== deploymentId) {
    ops.push({ op: 'replace', path: '/canarySettings/deploymentId', value: deploymentId })
  }
  if (percent !== undefined && current?.percentTraffic !== percent) {
    ops.push({ op: 'replace', path: '/canarySettings/percentTraffic', value: percentValue(percent) })
  }
  ops.push(
    ...variablePatchOps(
      '/canarySettings/stageVariableOverrides',
      current?.stageVariableOverrides ?? {},
      inputs.canary.variables,
      inputs.canary.removeVariables,
    ),
  )
  const cache = inputs.canary.useStageCache
  if (cache !== undefined && cache !== (current?.useStageCache ?? false)) {
    ops.push({ op: 'replace', path: '/canarySettings/useStageCache', value: String(cache) })
  }
  return ops
}
