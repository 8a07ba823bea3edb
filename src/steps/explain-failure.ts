// Explains a failed apply: which call failed, what had been done, what the stage runs now, how to roll back.

import { ApplyError, ForeignDefinitionError } from '../apigateway/apply.js'
import type { RestApiGateway } from '../apigateway/gateway.js'
import { ReadBackError, VerificationError } from '../apigateway/verify.js'
import { errorMessage, findCause } from '../lib/errors.js'
import { stagePatternMatcher } from '../model/stage-pattern.js'
import type { StageState } from '../model/state.js'
import { PREVIOUS_DEPLOYMENT_TAG } from '../model/tags.js'
import { resolveNewDeployment as substitute } from '../plan/placeholder.js'
import type { Plan, PlannedCall } from '../plan/types.js'

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

/** Every call succeeded but the read-back failed: what was done, what the stage should be, how to undo. */
function explainReadBackFailure(plan: Plan, createdDeploymentId: string | undefined, reason: string): string {
  return (
    `${describeDone(plan, createdDeploymentId)} But reading stage '${plan.stageName}' back to confirm failed: ` +
    `${reason}. ${describeExpected(plan, createdDeploymentId)} ${undoHint(plan)} Re-running the job converges to the intended state.`
  )
}

/** The read-back disagrees with the plan. */
function explainMismatch(plan: Plan, problems: readonly string[]): string {
  return (
    `The calls succeeded but reading stage '${plan.stageName}' back shows: ${problems.join('; ')}. ` +
    `Another run may have changed the stage at the same time; re-run this job to converge. ${undoHint(plan)}`
  )
}

/** "All 3 call(s) succeeded (CreateDeployment, UpdateStage, TagResource); deployment abc was created by this run." */
function describeDone(plan: Plan, createdDeploymentId: string | undefined): string {
  if (!plan.calls.length) return 'Nothing needed to change.'
  const created = createdDeploymentId ? ` Deployment ${createdDeploymentId} was created by this run.` : ''
  return `All ${plan.calls.length} call(s) succeeded (${plan.calls.map((c) => c.action).join(', ')}).${created}`
}

/** What the plan promised the stage would be, e.g. "Stage 'prod' should now run deployment abc." */
function describeExpected(plan: Plan, createdDeploymentId: string | undefined): string {
  const expected = plan.expected
  const stage = `Stage '${plan.stageName}'`
  if (expected.deleted) return `${stage} should no longer exist; check it in the console.`
  const deployment = substitute(expected.deploymentId, createdDeploymentId)
  const canary = expected.canary
  const parts: string[] = []
  if (deployment) parts.push(`run deployment ${deployment}`)
  if (canary === 'absent') parts.push('have no canary')
  else if (canary) {
    const on = substitute(canary.deploymentId, createdDeploymentId)
    const at = canary.percentTraffic === undefined ? '' : ` at ${canary.percentTraffic}%`
    parts.push(`have a canary${on ? ` on deployment ${on}` : ''}${at}`)
  }
  return parts.length
    ? `${stage} should now ${parts.join(' and ')}; check it in the console.`
    : `Check stage '${plan.stageName}' in the console.`
}

/** The one step that undoes the plan, from what the plan itself knows. */
function undoHint(plan: Plan): string {
  for (const call of plan.calls) {
    const previous = call.action === 'TagResource' ? call.tags[PREVIOUS_DEPLOYMENT_TAG] : undefined
    if (previous) {
      return `To roll back, run this action with operation 'rollback' and rollback-to '${previous}' (output previous-deployment-id).`
    }
  }
  const first = plan.calls[0]
  if (first?.action === 'CreateDeployment' && first.canarySettings) {
    return "To roll back, run this action with operation 'rollback-canary'; production did not change."
  }
  if ((first?.action === 'CreateDeployment' && first.stageName) || first?.action === 'CreateStage') {
    return `Stage '${plan.stageName}' did not exist before this run; to undo, delete it (operation 'delete').`
  }
  switch (plan.operation) {
    case 'rollback':
      return "To undo, run operation 'rollback' with rollback-to set to this run's previous-deployment-id output."
    case 'update-canary':
      return "To undo, run operation 'update-canary' with the earlier canary-percent, or 'rollback-canary' to remove the canary."
    case 'rollback-canary':
      return 'Production did not change; only the canary was removed.'
    case 'delete':
      return "The stage was deleted; deploy it again with operation 'deploy'."
    default:
      return "The stage's deployment did not change; set the earlier values again to undo."
  }
}

/**
 * Turns an executor failure into the error the run ends with. A failed call: which one, what was done, what the stage
 * runs now (read again) and how to roll back; for a stage-quota refusal, the API's stages first. A failed or
 * disagreeing read-back: see explainReadBack. Other errors pass through.
 */
export async function explainApplyError(
  err: unknown,
  context: { plan: Plan; before: StageState | undefined; api: RestApiGateway; deleteStagePattern: string },
): Promise<unknown> {
  if (!(err instanceof ApplyError)) return explainReadBack(err, context.plan)
  const { plan, before, api } = context
  const now = await api.readStage(plan.stageName).catch(() => 'unknown' as const)
  // The call's error keeps the SDK's exception as its own cause.
  const awsException = err.cause instanceof Error ? err.cause.cause : undefined
  const quota = isStageQuotaError(awsException) ? await stageQuotaHint(api, context.deleteStagePattern) : ''
  const explained = explainFailure({
    plan,
    callError: err.message,
    failedCall: err.failedCall,
    completed: err.completed,
    ...(err.createdDeploymentId ? { createdDeploymentId: err.createdDeploymentId } : {}),
    ...(before ? { before } : {}),
    now,
  })
  return new Error(quota + explained + foreignDefinitionHint(err), { cause: err })
}

/** Routes listed at most, per side, when the new deployment is not the reviewed file. */
const MAX_ROUTES_LISTED = 10

/** When the deployment held another run's import: which routes differ, and how to keep runs apart. */
function foreignDefinitionHint(err: unknown): string {
  const foreign = findCause(err, (e): e is ForeignDefinitionError => e instanceof ForeignDefinitionError)
  if (!foreign) return ''
  const list = (routes: string[]) =>
    routes.slice(0, MAX_ROUTES_LISTED).join(', ') +
    (routes.length > MAX_ROUTES_LISTED ? `, … (${routes.length} in all)` : '')
  const lines = [
    '',
    "Another run imported a different definition into this API between this run's import and its deployment (twice in a row), so the new deployment is not what was reviewed; the stage was not switched to it.",
  ]
  if (foreign.missing.length) lines.push(`Routes of the file the deployment lacks: ${list(foreign.missing)}.`)
  if (foreign.unexpected.length)
    lines.push(`Routes the deployment has that the file does not: ${list(foreign.unexpected)}.`)
  lines.push(
    "The API's working copy is shared by every stage and pipeline: run the jobs that import into one API one at a time (one `concurrency:` group per API).",
  )
  return lines.join('\n')
}

/**
 * Every call of `plan` succeeded, but the read-back failed or disagrees: what was done, what the stage should be,
 * how to undo. Other errors (a failed call among them) pass through.
 */
export function explainReadBack(err: unknown, plan: Plan): unknown {
  if (err instanceof ReadBackError) {
    return new Error(explainReadBackFailure(plan, err.createdDeploymentId, errorMessage(err.cause)), { cause: err })
  }
  if (err instanceof VerificationError) return new Error(explainMismatch(plan, err.problems), { cause: err })
  return err
}

/** The stage list for a quota failure; a failure to list only loses the hint. */
async function stageQuotaHint(api: RestApiGateway, pattern: string): Promise<string> {
  const stages = await api.listStages().catch(() => undefined)
  return stages ? `${describeStageQuota(stages, stagePatternMatcher(pattern), Date.now())}\n` : ''
}
