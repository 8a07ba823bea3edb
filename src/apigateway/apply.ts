// The executor: runs a plan's calls in order, then reads the stage back and checks the result. It raises facts
// (ApplyError, ReadBackError, VerificationError); steps/explain-failure.ts words them for users.
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import { errorMessage } from '../lib/errors.js'
import type { StageState } from '../model/state.js'
import { resolveNewRestApi } from '../plan/placeholder.js'
import { NEW_REST_API_ID, type Plan, type PlannedCall } from '../plan/types.js'
import { type AwsCallContext, awsCall } from './aws-call.js'
import { resolvedTags, send } from './send-call.js'
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
  /** Best-effort calls that failed (the change stands), each as `TagResource: <why>`. */
  bestEffortFailures?: string[]
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
  const calls = await PlanCalls.start(client, plan, options)
  await calls.run(0, plan.calls.length)
  return calls.outcome().createdDeploymentId
}

/** The plan's calls as they run: what earlier calls created, and which calls are done. */
class PlanCalls {
  private createdDeploymentId: string | undefined
  private createdRestApiId: string | undefined
  private importWarnings: string[] | undefined
  private readonly completed: PlannedCall[] = []
  readonly bestEffortFailures: string[] = []
  /** The tags the plan put on its stage, with the placeholders resolved. */
  readonly stageTags: Record<string, string> = {}

  private constructor(
    private readonly client: APIGatewayClient,
    private readonly plan: Plan,
    private readonly options: ApplyOptions,
    private readonly policy: WritePolicy,
  ) {}

  static async start(client: APIGatewayClient, plan: Plan, options: ApplyOptions): Promise<PlanCalls> {
    return new PlanCalls(client, plan, options, await WritePolicy.create(client, options))
  }

  /** Runs calls [from, to) one after another. */
  async run(from: number, to: number): Promise<void> {
    for (let index = from; index < to; index++) await this.runOne(index)
  }

  private async runOne(index: number): Promise<void> {
    const { client, options, policy } = this
    const planned = this.plan.calls[index]
    if (planned === undefined) return
    const call = resolveNewRestApi(planned, this.createdRestApiId)
    await policy.spaceBefore(call)
    options.onCall?.(call, index)
    const created = this.createdDeploymentId
    const failure: ApplyFailure = { failedCall: call, completed: [...this.completed], createdDeploymentId: created }
    let failedBestEffort = false
    const outcome = await awsCall(callContext(call), () => send(client, call, created), {
      allowNotFound: isDeletion(call),
      retry: policy.retryPolicy(call),
    }).catch((cause: unknown) => {
      if (!(call.action === 'TagResource' && call.bestEffort)) throw new ApplyError(failure, { cause })
      this.bestEffortFailures.push(errorMessage(cause))
      failedBestEffort = true
      return undefined
    })
    if (failedBestEffort) return
    if (outcome?.deploymentId) this.createdDeploymentId = outcome.deploymentId
    if (outcome?.restApiId) {
      this.createdRestApiId = outcome.restApiId
      options.onRestApiCreated?.(outcome.restApiId)
    }
    if (outcome?.warnings) this.importWarnings = outcome.warnings
    if (call.action === 'TagResource' && call.resourceArn.endsWith(stagePath(this.restApiId(), this.plan.stageName))) {
      Object.assign(this.stageTags, resolvedTags(call.tags, created))
    }
    policy.sent(call)
    this.completed.push(call)
  }

  restApiId(): string {
    return this.createdRestApiId ?? this.plan.restApiId
  }

  outcome(): CallsOutcome {
    const { createdDeploymentId, createdRestApiId, importWarnings } = this
    return { createdDeploymentId, createdRestApiId, importWarnings }
  }
}

function stagePath(restApiId: string, stageName: string): string {
  return `/restapis/${restApiId}/stages/${stageName}`
}

/** Where the plan's closing TagResource calls begin: they only record facts, so they need not precede the read-back. */
function closingTagsStart(plan: Plan): number {
  let start = plan.calls.length
  while (start > 0 && plan.calls[start - 1]?.action === 'TagResource') start--
  return start
}

/**
 * Runs the plan and confirms the result by reading the stage back. The closing TagResource calls and `alongside`
 * (for example the read of the new API definition) run in parallel with the read-back: one round trip for all.
 */
export async function applyPlan<T = undefined>(
  client: APIGatewayClient,
  plan: Plan,
  options: ApplyOptions & AlongsideRead<T> = {},
): Promise<ApplyResult & { alongside?: T }> {
  const calls = await PlanCalls.start(client, plan, options)
  const closing = closingTagsStart(plan)
  await calls.run(0, closing)
  const { createdDeploymentId, createdRestApiId, importWarnings } = calls.outcome()
  const tagging = calls.run(closing, plan.calls.length)
  const extra = options.alongside?.(createdDeploymentId)
  const restApiId = calls.restApiId()
  // A preview API that never existed (closing before any push) has no stage to read back.
  const reading =
    restApiId === NEW_REST_API_ID
      ? Promise.resolve(undefined)
      : readBack({ client, restApiId }, plan, createdDeploymentId)
  // Verdicts in the order the calls were planned: a failed tag, then the read-back, then the extra read.
  const [tagged, readBackResult, extraResult] = await Promise.allSettled([tagging, reading, extra])
  if (tagged.status === 'rejected') throw tagged.reason
  if (readBackResult.status === 'rejected') throw readBackResult.reason
  if (extraResult.status === 'rejected') throw extraResult.reason
  const read = readBackResult.value
  // The read-back may have been answered before the tags landed: the stage holds them now either way.
  const after = read && { ...read, tags: { ...read.tags, ...calls.stageTags } }
  const result: ApplyResult & { alongside?: T } = {}
  if (createdDeploymentId) result.createdDeploymentId = createdDeploymentId
  if (createdRestApiId) result.createdRestApiId = createdRestApiId
  if (after) result.after = after
  if (importWarnings) result.importWarnings = importWarnings
  if (calls.bestEffortFailures.length) result.bestEffortFailures = [...calls.bestEffortFailures]
  if (extra) result.alongside = extraResult.value as T
  return result
}
