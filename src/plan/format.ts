// Renders a plan for logs and dry runs. Stage variable values are replaced unless the user opted in.
import { isFingerprintTag } from '../model/stage-fingerprint.js'
import type { PatchOp, Plan, PlannedCall } from './types.js'

const HIDDEN = '***'

function isVariablePath(path: string): boolean {
  return path.startsWith('/variables/') || path.startsWith('/canarySettings/stageVariableOverrides/')
}

function redactMap(map: Record<string, string> | undefined, show: boolean): Record<string, string> | undefined {
  if (!map || show) return map
  return Object.fromEntries(Object.keys(map).map((k) => [k, HIDDEN]))
}

function redactOp(op: PatchOp, show: boolean): PatchOp {
  return !show && op.value !== undefined && isVariablePath(op.path) ? { ...op, value: HIDDEN } : op
}

/** The call with every variable value hidden (unless `show`). */
function redactCall(call: PlannedCall, show: boolean): PlannedCall {
  switch (call.action) {
    case 'CreateDeployment': {
      const out: PlannedCall = { ...call }
      const variables = redactMap(call.variables, show)
      if (variables) out.variables = variables
      if (call.canarySettings) {
        const overrides = redactMap(call.canarySettings.stageVariableOverrides, show)
        out.canarySettings = { ...call.canarySettings, ...(overrides ? { stageVariableOverrides: overrides } : {}) }
      }
      return out
    }
    case 'CreateStage': {
      const variables = redactMap(call.variables, show)
      return variables ? { ...call, variables } : call
    }
    case 'UpdateStage':
      return { ...call, patchOperations: call.patchOperations.map((op) => redactOp(op, show)) }
    case 'PutRestApi':
      // The body is the whole file: the log shows its size and digest instead.
      return { ...call, body: `(${Buffer.byteLength(call.body, 'utf8')} bytes)` }
    case 'TagResource':
      // The fingerprint hashes variable values: a short hash of a short value gives the value away.
      return {
        ...call,
        tags: Object.fromEntries(
          Object.entries(call.tags).map(([k, v]) => [k, isFingerprintTag(k) ? '(drift fingerprint)' : v]),
        ),
      }
    default:
      return call
  }
}

/** One line per call: `1. UpdateStage {...}`. */
export function formatCalls(plan: Plan, showValues: boolean): string[] {
  return plan.calls.map((call, i) => {
    const { action, ...params } = redactCall(call, showValues)
    return `${i + 1}. ${action} ${JSON.stringify(params)}`
  })
}
