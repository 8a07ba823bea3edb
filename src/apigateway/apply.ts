// The apply step: runs a plan's calls in order, then reads the stage back and checks the result.
import {
  type APIGatewayClient,
  CreateBasePathMappingCommand,
  CreateDeploymentCommand,
  CreateStageCommand,
  DeleteBasePathMappingCommand,
  DeleteStageCommand,
  TagResourceCommand,
  UpdateBasePathMappingCommand,
  UpdateStageCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway'
import { realSleep, type Sleep } from '../lib/sleep.js'
import type { StageState } from '../model/state.js'
import { resolveNewDeployment as substitute } from '../plan/placeholder.js'
import type { ExpectedStage, Plan, PlannedCall } from '../plan/types.js'
import { explainMismatch, explainReadBackFailure } from '../steps/explain-failure.js'
import { type AwsCallContext, AwsCallError, errorName, isConflict, isNotFound } from './aws-error.js'
import { readStage } from './read.js'

/** What the executor hands back. */
export interface ApplyResult {
  /** Deployment created by this run, if any. */
  createdDeploymentId?: string
  /** The stage as read back after the change (undefined after delete). */
  after?: StageState
}

export interface ApplyOptions {
  sleep?: Sleep
  /** Extra attempts for ConflictException (concurrent modification), which the SDK does not retry. */
  conflictRetries?: number
  /**
   * Extra rounds for a call AWS still throttles after the SDK's own retries gave up (each round is a full SDK
   * attempt with its retries). Default: the client's max-retries. Matters for the per-account quotas that every run
   * in the account shares (CreateDeployment 1 per 5 s, UpdateUsagePlan 1 per 20 s).
   */
  throttleRetries?: number
  /** Total time a call may spend waiting out throttling, across rounds (default 3 minutes). */
  throttleBudgetMs?: number
  /** Random source for the jitter, in [0, 1) (tests make it deterministic). */
  random?: () => number
  /** Called before each call, for logging. */
  onCall?: (call: PlannedCall, index: number) => void
  /** Called before waiting out a throttled call, for logging. */
  onThrottled?: (call: PlannedCall, waitMs: number, round: number, rounds: number) => void
}

/** A read to run in parallel with the stage read-back, given the deployment the plan created. */
export interface AlongsideRead<T> {
  alongside?: (createdDeploymentId: string | undefined) => Promise<T>
}

/** A call in the plan failed. Says what had already been done, so the caller can explain the stage's state. */
export class ApplyError extends Error {
  override readonly name = 'ApplyError'
  constructor(
    message: string,
    readonly failedCall: PlannedCall,
    readonly completed: PlannedCall[],
    readonly createdDeploymentId: string | undefined,
    override readonly cause: unknown,
  ) {
    super(message)
  }
}

/** Read-back disagreed with the plan's expectation. */
export class VerificationError extends Error {
  override readonly name = 'VerificationError'
}

/** A delete whose target is already gone has done its job (idempotent re-runs). */
async function unlessGone(deletion: Promise<unknown>): Promise<void> {
  try {
    await deletion
  } catch (err) {
    if (!isNotFound(err)) throw err
  }
}

async function send(
  client: APIGatewayClient,
  call: PlannedCall,
  newDeploymentId?: string,
): Promise<string | undefined> {
  switch (call.action) {
    case 'CreateDeployment': {
      const out = await client.send(
        new CreateDeploymentCommand({
          restApiId: call.restApiId,
          stageName: call.stageName,
          description: call.description,
          variables: call.variables,
          canarySettings: call.canarySettings,
        }),
      )
      return out.id
    }
    case 'UpdateStage':
      await client.send(
        new UpdateStageCommand({
          restApiId: call.restApiId,
          stageName: call.stageName,
          patchOperations: call.patchOperations.map((op) => ({
            op: op.op,
            path: op.path,
            value: substitute(op.value, newDeploymentId),
            from: op.from,
          })),
        }),
      )
      return undefined
    case 'CreateStage':
      await client.send(
        new CreateStageCommand({
          restApiId: call.restApiId,
          stageName: call.stageName,
          deploymentId: substitute(call.deploymentId, newDeploymentId),
          description: call.description,
          variables: call.variables,
          tags: call.tags,
        }),
      )
      return undefined
    case 'DeleteStage':
      await unlessGone(client.send(new DeleteStageCommand({ restApiId: call.restApiId, stageName: call.stageName })))
      return undefined
    case 'TagResource':
      await client.send(new TagResourceCommand({ resourceArn: call.resourceArn, tags: call.tags }))
      return undefined
    case 'CreateBasePathMapping':
      await client.send(
        new CreateBasePathMappingCommand({
          domainName: call.domainName,
          basePath: call.basePath,
          restApiId: call.restApiId,
          stage: call.stageName,
        }),
      )
      return undefined
    case 'UpdateBasePathMapping':
      await client.send(
        new UpdateBasePathMappingCommand({
          domainName: call.domainName,
          basePath: call.basePath,
          patchOperations: call.patchOperations,
        }),
      )
      return undefined
    case 'UpdateUsagePlan':
      await client.send(
        new UpdateUsagePlanCommand({ usagePlanId: call.usagePlanId, patchOperations: call.patchOperations }),
      )
      return undefined
    case 'DeleteBasePathMapping':
      await unlessGone(
        client.send(new DeleteBasePathMappingCommand({ domainName: call.domainName, basePath: call.basePath })),
      )
      return undefined
  }
}

function callContext(call: PlannedCall): AwsCallContext {
  if (call.action === 'TagResource') return { operation: call.action }
  if (call.action === 'DeleteBasePathMapping') {
    return { operation: `${call.action} ${call.domainName}/${call.basePath}` }
  }
  return { operation: call.action, restApiId: call.restApiId, stageName: call.stageName }
}

/** AWS's fixed per-account rate for these calls [apigateway quotas]. */
const MIN_INTERVAL_MS: Partial<Record<PlannedCall['action'], number>> = {
  UpdateUsagePlan: 20_000,
  CreateDeployment: 5_000,
}
const QUOTA_TEXT: Partial<Record<PlannedCall['action'], string>> = {
  UpdateUsagePlan: '1 UpdateUsagePlan per 20 seconds',
  CreateDeployment: '1 CreateDeployment per 5 seconds',
}
/** Jitter spread of the first throttling round for calls without a fixed interval; doubles each round. */
const DEFAULT_SPREAD_MS = 1_000
const MAX_SPREAD_MS = 60_000
const DEFAULT_THROTTLE_BUDGET_MS = 180_000

/** 429: TooManyRequestsException or LimitExceededException (the SDK's own retries are used up). */
export function isThrottled(err: unknown): boolean {
  const name = errorName(err)
  const status = (err as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode
  return name === 'TooManyRequestsException' || name === 'LimitExceededException' || status === 429
}

/** Retry-After of a throttling answer in ms (AWS: `retryAfterSeconds`, from the header); undefined without one. */
export function retryAfterMs(err: unknown, now: number = Date.now()): number | undefined {
  const e = err as { retryAfterSeconds?: unknown; $response?: { headers?: Record<string, string | undefined> } }
  const raw = typeof e?.retryAfterSeconds === 'string' ? e.retryAfterSeconds : e?.$response?.headers?.['retry-after']
  if (raw === undefined || raw.trim() === '') return undefined
  const seconds = Number(raw)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const at = Date.parse(raw)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/**
 * How long to wait before throttling round `round` (0-based): what Retry-After asks for (at least 1 s), plus full
 * jitter over the call's quota interval doubled each round (capped at 60 s), so runs that were throttled together
 * do not come back together.
 */
export function throttleWaitMs(
  action: PlannedCall['action'],
  round: number,
  retryAfter: number | undefined,
  random: () => number,
): number {
  const spread = Math.min(MAX_SPREAD_MS, (MIN_INTERVAL_MS[action] ?? DEFAULT_SPREAD_MS) * 2 ** round)
  return Math.max(1000, retryAfter ?? 0) + Math.floor(random() * spread)
}

/** The max-retries the client was built with (the SDK resolves maxAttempts to a provider). */
async function clientRetries(client: APIGatewayClient): Promise<number> {
  try {
    const attempts = await client.config.maxAttempts()
    return Math.max(1, attempts - 1)
  } catch {
    return 1
  }
}

/** Runs every call; returns the id of the deployment the plan created, if any. */
export async function runCalls(
  client: APIGatewayClient,
  plan: Plan,
  options: ApplyOptions = {},
): Promise<string | undefined> {
  const sleep = options.sleep ?? realSleep
  const random = options.random ?? Math.random
  const conflictRetries = options.conflictRetries ?? 4
  const throttleRetries = options.throttleRetries ?? (await clientRetries(client))
  const throttleBudget = options.throttleBudgetMs ?? DEFAULT_THROTTLE_BUDGET_MS
  let createdDeploymentId: string | undefined
  const completed: PlannedCall[] = []
  const lastSent = new Map<PlannedCall['action'], number>()
  for (const [index, call] of plan.calls.entries()) {
    // AWS allows some calls only once per interval per account (UpdateUsagePlan: 1 per 20 s); space them
    // instead of collecting 429s.
    const interval = MIN_INTERVAL_MS[call.action]
    const previous = lastSent.get(call.action)
    if (interval && previous !== undefined) {
      const wait = previous + interval - Date.now()
      if (wait > 0) await sleep(wait)
    }
    lastSent.set(call.action, Date.now())
    options.onCall?.(call, index)
    let conflicts = 0
    let throttleRounds = 0
    let throttledFor = 0
    for (;;) {
      try {
        const id = await send(client, call, createdDeploymentId)
        if (call.action === 'CreateDeployment') createdDeploymentId = id
        break
      } catch (err) {
        if (isConflict(err) && conflicts < conflictRetries) {
          // Exponential backoff with full jitter: 0.5 s, 1 s, 2 s, 4 s caps.
          await sleep(random() * 500 * 2 ** conflicts)
          conflicts++
          continue
        }
        if (isThrottled(err) && throttleRounds < throttleRetries) {
          // The SDK's retries are used up, typically because other runs in the account share the quota.
          const wait = throttleWaitMs(call.action, throttleRounds, retryAfterMs(err), random)
          if (throttledFor + wait <= throttleBudget) {
            options.onThrottled?.(call, wait, throttleRounds + 1, throttleRetries)
            await sleep(wait)
            throttledFor += wait
            throttleRounds++
            continue
          }
        }
        let message = new AwsCallError(callContext(call), err).message
        if (isThrottled(err)) message += throttleNote(call, throttleRounds, throttledFor)
        throw new ApplyError(message, call, [...completed], createdDeploymentId, err)
      }
    }
    lastSent.set(call.action, Date.now())
    completed.push(call)
  }
  return createdDeploymentId
}

function throttleNote(call: PlannedCall, rounds: number, waitedMs: number): string {
  const quota = QUOTA_TEXT[call.action]
  const waited = rounds ? ` It was retried ${rounds} more time(s) over ${Math.round(waitedMs / 1000)} s.` : ''
  return quota
    ? ` AWS allows ${quota} per account, shared by every run in the account.${waited} Re-run later, or raise max-retries.`
    : ` AWS throttled the account's API Gateway control-plane calls (10 per second).${waited} Re-run later, or raise max-retries.`
}

/** Differences between the stage read back and what the plan promised; empty when they agree. */
export function verifyStage(
  after: StageState | undefined,
  expected: ExpectedStage,
  newDeploymentId?: string,
): string[] {
  const problems: string[] = []
  if (expected.deleted) {
    if (after) problems.push(`stage '${after.stageName}' still exists`)
    return problems
  }
  if (!after) return ['the stage does not exist after the change']
  const wantDeployment = substitute(expected.deploymentId, newDeploymentId)
  if (wantDeployment && after.deploymentId !== wantDeployment) {
    problems.push(`deploymentId is ${after.deploymentId}, expected ${wantDeployment}`)
  }
  for (const [name, value] of Object.entries(expected.variables)) {
    // Values are never printed: they may be secrets.
    if (after.variables[name] !== value) problems.push(`stage variable '${name}' does not have the value set`)
  }
  for (const name of expected.absentVariables) {
    if (name in after.variables) problems.push(`stage variable '${name}' is still present`)
  }
  if (expected.canary === 'absent' && after.canary) problems.push('a canary is still attached to the stage')
  if (typeof expected.canary === 'object') {
    if (!after.canary) problems.push('the canary is missing')
    else {
      const wantCanary = substitute(expected.canary.deploymentId, newDeploymentId)
      if (wantCanary && after.canary.deploymentId !== wantCanary) {
        problems.push(`canary deploymentId is ${after.canary.deploymentId}, expected ${wantCanary}`)
      }
      if (
        expected.canary.percentTraffic !== undefined &&
        after.canary.percentTraffic !== expected.canary.percentTraffic
      ) {
        problems.push(
          `canary percentTraffic is ${after.canary.percentTraffic}, expected ${expected.canary.percentTraffic}`,
        )
      }
    }
  }
  return problems
}

/**
 * Runs the plan and confirms the result by reading the stage back. `alongside` (for example the read of the
 * new API definition) runs in parallel with the read-back, saving a round trip.
 */
export async function applyPlan<T = undefined>(
  client: APIGatewayClient,
  plan: Plan,
  options: ApplyOptions & AlongsideRead<T> = {},
): Promise<ApplyResult & { alongside?: T }> {
  const createdDeploymentId = await runCalls(client, plan, options)
  const extra = options.alongside?.(createdDeploymentId)
  // A failure of the extra read must not hide the read-back's verdict; it is rethrown after it.
  extra?.catch(() => undefined)
  let after: StageState | undefined
  try {
    after = await readStage(client, plan.restApiId, plan.stageName)
  } catch (err) {
    // Every call succeeded: say so, what the stage should be now, and how to undo it, not just "GetStage failed".
    throw new VerificationError(
      explainReadBackFailure(plan, createdDeploymentId, err instanceof Error ? err.message : String(err)),
    )
  }
  const problems = verifyStage(after, plan.expected, createdDeploymentId)
  if (problems.length) {
    throw new VerificationError(explainMismatch(plan, problems))
  }
  const result: ApplyResult & { alongside?: T } = {}
  if (createdDeploymentId) result.createdDeploymentId = createdDeploymentId
  if (after) result.after = after
  if (extra) result.alongside = await extra
  return result
}
