// The executor: runs a plan's calls in order, then reads the stage back and checks the result. It raises facts
// (ApplyError, ReadBackError, VerificationError); steps/explain-failure.ts words them for users.
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
import { errorMessage } from '../lib/errors.js'
import type { StageState } from '../model/state.js'
import { resolveNewDeployment as substitute } from '../plan/placeholder.js'
import type { Plan, PlannedCall } from '../plan/types.js'
import { type AwsCallContext, awsCall } from './aws-call.js'
import { readBack } from './verify.js'
import { WritePolicy, type WritePolicyOptions } from './write-policy.js'

/** What the executor hands back. */
export interface ApplyResult {
  /** Deployment created by this run, if any. */
  createdDeploymentId?: string
  /** The stage as read back after the change (undefined after delete). */
  after?: StageState
}

export interface ApplyOptions extends WritePolicyOptions {
  /** Called before each call, for logging. */
  onCall?: (call: PlannedCall, index: number) => void
}

/** A read to run in parallel with the stage read-back, given the deployment the plan created. */
export interface AlongsideRead<T> {
  alongside?: (createdDeploymentId: string | undefined) => Promise<T>
}

/** Where the plan stopped: the call that failed, what had already been done, the deployment created before it. */
interface ApplyFailure {
  failedCall: PlannedCall
  completed: PlannedCall[]
  createdDeploymentId: string | undefined
}

/** A call in the plan failed (`cause`: the call's error, which names it and keeps the SDK's exception). */
export class ApplyError extends Error {
  override readonly name = 'ApplyError'
  readonly failedCall: PlannedCall
  readonly completed: PlannedCall[]
  readonly createdDeploymentId: string | undefined

  constructor(failure: ApplyFailure, options: { cause: unknown }) {
    super(errorMessage(options.cause), options)
    this.failedCall = failure.failedCall
    this.completed = failure.completed
    this.createdDeploymentId = failure.createdDeploymentId
  }
}

/** Sends one planned call; returns the new deployment's id for CreateDeployment. */
async function send(
  client: APIGatewayClient,
  call: PlannedCall,
  newDeploymentId: string | undefined,
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
      await client.send(new DeleteStageCommand({ restApiId: call.restApiId, stageName: call.stageName }))
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
      await client.send(new DeleteBasePathMappingCommand({ domainName: call.domainName, basePath: call.basePath }))
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

/** A delete whose target is already gone has done its job (idempotent re-runs). */
function isDeletion(call: PlannedCall): boolean {
  return call.action === 'DeleteStage' || call.action === 'DeleteBasePathMapping'
}

/** Runs every call; returns the id of the deployment the plan created, if any. */
export async function runCalls(
  client: APIGatewayClient,
  plan: Plan,
  options: ApplyOptions = {},
): Promise<string | undefined> {
  const policy = await WritePolicy.create(client, options)
  let createdDeploymentId: string | undefined
  const completed: PlannedCall[] = []
  for (const [index, call] of plan.calls.entries()) {
    await policy.spaceBefore(call)
    options.onCall?.(call, index)
    const failure: ApplyFailure = { failedCall: call, completed: [...completed], createdDeploymentId }
    const id = await awsCall(callContext(call), () => send(client, call, createdDeploymentId), {
      allowNotFound: isDeletion(call),
      retry: policy.retryPolicy(call),
    }).catch((cause: unknown) => {
      throw new ApplyError(failure, { cause })
    })
    if (call.action === 'CreateDeployment') createdDeploymentId = id
    policy.sent(call)
    completed.push(call)
  }
  return createdDeploymentId
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
  const after = await readBack({ client, restApiId: plan.restApiId }, plan, createdDeploymentId)
  const result: ApplyResult & { alongside?: T } = {}
  if (createdDeploymentId) result.createdDeploymentId = createdDeploymentId
  if (after) result.after = after
  if (extra) result.alongside = await extra
  return result
}
