// Explains a failed apply: which call failed, what had been done, what the stage runs now, how to roll back.
import type { Plan, PlannedCall, StageState } from './types.js'

export interface FailureFacts {
  plan: Plan
  /** Message of the failing call (already names operation, API, stage, exception, request id). */
  callError: string
  failedCall?: PlannedCall
  completed: PlannedCall[]
  createdDeploymentId?: string
  before?: StageState
  /** The stage as read after the failure; undefined if it does not exist; 'unknown' if the read failed too. */
  now: StageState | undefined | 'unknown'
}

function describeStage(stage: StageState | undefined): string {
  if (!stage) return 'does not exist'
  const canary = stage.canary ? `, canary on ${stage.canary.deploymentId} at ${stage.canary.percentTraffic}%` : ''
  return `runs deployment ${stage.deploymentId}${canary}`
}

export function explainFailure(f: FailureFacts): string {
  const total = f.plan.calls.length
  const index = f.failedCall ? f.plan.calls.indexOf(f.failedCall) + 1 : 0
  const lines = [index ? `Step ${index} of ${total} failed: ${f.callError}` : f.callError]
  lines.push(
    f.completed.length
      ? `Done before it: ${f.completed.map((c) => c.action).join(', ')}.`
      : 'Nothing had been changed before it.',
  )
  if (f.createdDeploymentId) lines.push(`Deployment ${f.createdDeploymentId} was created by this run.`)
  const stageName = f.plan.stageName
  if (f.now === 'unknown') {
    lines.push(`The state of stage '${stageName}' could not be read back; check it in the console.`)
  } else {
    const unchanged = f.before && f.now && describeStage(f.before) === describeStage(f.now)
    lines.push(`Stage '${stageName}' now ${describeStage(f.now)}${unchanged ? ' (unchanged by this run)' : ''}.`)
    if (f.before && f.now && f.now.deploymentId !== f.before.deploymentId) {
      lines.push(
        `To roll back, run this action with operation 'rollback' and rollback-to '${f.before.deploymentId}' (output previous-deployment-id).`,
      )
    }
  }
  lines.push('Re-running the job converges to the intended state.')
  return lines.join('\n')
}
