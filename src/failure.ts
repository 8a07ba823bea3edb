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

/** True when AWS refused to create a stage because the API has as many stages as its quota allows. */
export function isStageQuotaError(err: unknown): boolean {
  const e = err as { name?: string; message?: string } | undefined
  return e?.name === 'BadRequestException' && /maximum number of stages|stage.*(limit|quota)/i.test(e.message ?? '')
}

/** Lists the API's stages, preview ones first with their idle time, and how to free a slot. */
export function describeStageQuota(stages: StageState[], pattern: RegExp, now: number): string {
  const days = (s: StageState) => {
    const at = Date.parse(s.lastUpdatedDate ?? s.createdDate ?? '')
    return Number.isNaN(at) ? undefined : Math.floor((now - at) / 86_400_000)
  }
  const label = (s: StageState) => {
    const d = days(s)
    return d === undefined ? s.stageName : `${s.stageName} (last updated ${d} day${d === 1 ? '' : 's'} ago)`
  }
  const previews = stages.filter((s) => pattern.test(s.stageName)).sort((a, b) => (days(b) ?? 0) - (days(a) ?? 0))
  const others = stages.filter((s) => !pattern.test(s.stageName))
  const lines = [
    `The API already has ${stages.length} stages, the most AWS allows it (10 by default; a quota increase can raise it).`,
  ]
  lines.push(
    previews.length ? `Preview stages: ${previews.map(label).join(', ')}.` : 'No stage matches delete-stage-pattern.',
  )
  if (others.length) lines.push(`Other stages: ${others.map((s) => s.stageName).join(', ')}.`)
  lines.push(
    "Free a slot: run this action with operation 'delete' on a preview stage, or set prune-previews-older-than to delete idle previews before deploying.",
  )
  return lines.join('\n')
}
