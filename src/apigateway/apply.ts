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
import {
  type ApplyResult,
  type ExpectedStage,
  NEW_DEPLOYMENT_ID,
  type Plan,
  type PlannedCall,
  type StageState,
} from '../types.js'
import { type AwsCallContext, AwsCallError, isConflict, isNotFound } from './aws-error.js'
import { readStage } from './read.js'

export type Sleep = (ms: number) => Promise<void>
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export interface ApplyOptions {
  sleep?: Sleep
  /** Extra attempts for ConflictException (concurrent modification), which the SDK does not retry. */
  conflictRetries?: number
  /** Called before each call, for logging. */
  onCall?: (call: PlannedCall, index: number) => void
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

function substitute(value: string | undefined, deploymentId: string | undefined): string | undefined {
  if (value === NEW_DEPLOYMENT_ID) {
    if (!deploymentId) throw new Error('plan error: a call refers to a deployment that no earlier call created')
    return deploymentId
  }
  return value
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

/** Runs every call; returns the id of the deployment the plan created, if any. */
export async function runCalls(
  client: APIGatewayClient,
  plan: Plan,
  options: ApplyOptions = {},
): Promise<string | undefined> {
  const sleep = options.sleep ?? realSleep
  const conflictRetries = options.conflictRetries ?? 4
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
    for (let attempt = 0; ; attempt++) {
      try {
        const id = await send(client, call, createdDeploymentId)
        if (call.action === 'CreateDeployment') createdDeploymentId = id
        break
      } catch (err) {
        if (isConflict(err) && attempt < conflictRetries) {
          // Exponential backoff with full jitter: 0.5 s, 1 s, 2 s, 4 s caps.
          await sleep(Math.random() * 500 * 2 ** attempt)
          continue
        }
        const sdkMessage = new AwsCallError(callContext(call), err).message
        throw new ApplyError(sdkMessage, call, [...completed], createdDeploymentId, err)
      }
    }
    completed.push(call)
  }
  return createdDeploymentId
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
  options: ApplyOptions & { alongside?: (createdDeploymentId: string | undefined) => Promise<T> } = {},
): Promise<ApplyResult & { alongside?: T }> {
  const createdDeploymentId = await runCalls(client, plan, options)
  const extra = options.alongside?.(createdDeploymentId)
  // A failure of the extra read must not hide the read-back's verdict; it is rethrown after it.
  extra?.catch(() => undefined)
  const after = await readStage(client, plan.restApiId, plan.stageName)
  const problems = verifyStage(after, plan.expected, createdDeploymentId)
  if (problems.length) {
    throw new VerificationError(
      `The calls succeeded but reading stage '${plan.stageName}' back shows: ${problems.join('; ')}. ` +
        'Another run may have changed the stage at the same time; re-run this job to converge.',
    )
  }
  const result: ApplyResult & { alongside?: T } = {}
  if (createdDeploymentId) result.createdDeploymentId = createdDeploymentId
  if (after) result.after = after
  if (extra) result.alongside = await extra
  return result
}
