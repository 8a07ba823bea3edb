// The executor: runs a plan's calls in order, then reads the stage back and checks the result. It raises facts
// (ApplyError, ReadBackError, VerificationError); steps/explain-failure.ts words them for users.
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import { errorMessage } from '../lib/errors.js'
import type { StageState } from '../model/state.js'
import { resolveNewRestApi } from '../plan/placeholder.js'
import { NEW_REST_API_ID, type Plan, type PlannedCall } from '../plan/types.js'
import { type AwsCallContext, awsCall } from './aws-call.js'
import { send } from './send-call.js'
import { readBack } from './verify.js'
import { WritePolicy, type WritePolicyOptions } from './write-policy.js'

/** What the executor hands back. */
export { ForeignDefinitionError } from './send-call.js'

export interface ApplyResult {
  /** Deployment created by this run, if any. */
  createdDeploymentId?: string
  /** REST API created by this run (ImportRestApi of a preview API), if any. */
  createdRestApiId?: string
  /** The stage as read back after the change (undefined after delete). */
  after?: StageState
  /** What AWS warned about when it imported the definition (PutRestApi), if it did. */
  importWarnings?: string[]
}

export interface ApplyOptions extends WritePolicyOptions {
  /** Called before each call, for logging. */
  onCall?: (call: PlannedCall, index: number) => void
  /** Called as soon as an ImportRestApi created the API: later reads must target it. */
  onRestApiCreated?: (restApiId: string) => void
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

function callContext(call: PlannedCall): AwsCallContext {
  if (call.action === 'TagResource' || call.action === 'ImportRestApi') return { operation: call.action }
  if (call.action === 'UpdateRestApi' || call.action === 'DeleteRestApi') {
    return { operation: call.action, restApiId: call.restApiId }
  }
  if (call.action === 'DeleteBasePathMapping') {
    return { operation: `${call.action} ${call.domainName}/${call.basePath}` }
  }
  return { operation: call.action, restApiId: call.restApiId, stageName: call.stageName }
}

/** A delete whose target is already gone has done its job (idempotent re-runs). */
function isDeletion(call: PlannedCall): boolean {
  return call.action === 'DeleteStage' || call.action === 'DeleteBasePathMapping' || call.action === 'DeleteRestApi'
}

/** What running the calls produced: the deployment the plan created, and the import's warnings. */
interface CallsOutcome {
  createdDeploymentId: string | undefined
  createdRestApiId: string | undefined
  importWarnings: string[] | undefined
}

/** Runs every call in order; returns the id of the deployment the plan created, if any. */
export async function runCalls(
  client: APIGatewayClient,
  plan: Plan,
  options: ApplyOptions = {},
): Promise<string | undefined> {
  return (await runEveryCall(client, plan, options)).createdDeploymentId
}

async function runEveryCall(client: APIGatewayClient, plan: Plan, options: ApplyOptions): Promise<CallsOutcome> {
  const policy = await WritePolicy.create(client, options)
  let createdDeploymentId: string | undefined
  let createdRestApiId: string | undefined
  let importWarnings: string[] | undefined
  const completed: PlannedCall[] = []
  for (const [index, planned] of plan.calls.entries()) {
    const call = resolveNewRestApi(planned, createdRestApiId)
    await policy.spaceBefore(call)
    options.onCall?.(call, index)
    const failure: ApplyFailure = { failedCall: call, completed: [...completed], createdDeploymentId }
    const outcome = await awsCall(callContext(call), () => send(client, call, createdDeploymentId), {
      allowNotFound: isDeletion(call),
      retry: policy.retryPolicy(call),
    }).catch((cause: unknown) => {
      throw new ApplyError(failure, { cause })
    })
    if (outcome?.deploymentId) createdDeploymentId = outcome.deploymentId
    if (outcome?.restApiId) {
      createdRestApiId = outcome.restApiId
      options.onRestApiCreated?.(createdRestApiId)
    }
    if (outcome?.warnings) importWarnings = outcome.warnings
    policy.sent(call)
    completed.push(call)
  }
  return { createdDeploymentId, createdRestApiId, importWarnings }
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
  const { createdDeploymentId, createdRestApiId, importWarnings } = await runEveryCall(client, plan, options)
  const extra = options.alongside?.(createdDeploymentId)
  // A failure of the extra read must not hide the read-back's verdict; it is rethrown after it.
  extra?.catch(() => undefined)
  const restApiId = createdRestApiId ?? plan.restApiId
  // A preview API that never existed (closing before any push) has no stage to read back.
  const after =
    restApiId === NEW_REST_API_ID ? undefined : await readBack({ client, restApiId }, plan, createdDeploymentId)
  const result: ApplyResult & { alongside?: T } = {}
  if (createdDeploymentId) result.createdDeploymentId = createdDeploymentId
  if (createdRestApiId) result.createdRestApiId = createdRestApiId
  if (after) result.after = after
  if (importWarnings) result.importWarnings = importWarnings
  if (extra) result.alongside = await extra
  return result
}
