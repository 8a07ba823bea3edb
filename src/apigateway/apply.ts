// The executor: runs a plan's calls in order, then reads the stage back and checks the result. It raises facts
// (ApplyError, ReadBackError, VerificationError); steps/explain-failure.ts words them for users.
import {
  type APIGatewayClient,
  CreateBasePathMappingCommand,
  CreateDeploymentCommand,
  CreateStageCommand,
  DeleteBasePathMappingCommand,
  DeleteStageCommand,
  GetDeploymentCommand,
  PutRestApiCommand,
  TagResourceCommand,
  UpdateBasePathMappingCommand,
  UpdateStageCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway'
import { errorMessage } from '../lib/errors.js'
import type { StageState } from '../model/state.js'
import { resolveNewDeployment as substitute } from '../plan/placeholder.js'
import { NEW_DEPLOYMENT_ID, type Plan, type PlannedCall } from '../plan/types.js'
import { type AwsCallContext, awsCall } from './aws-call.js'
import { readBack } from './verify.js'
import { WritePolicy, type WritePolicyOptions } from './write-policy.js'

/** What the executor hands back. */
export interface ApplyResult {
  /** Deployment created by this run, if any. */
  createdDeploymentId?: string
  /** The stage as read back after the change (undefined after delete). */
  after?: StageState
  /** What AWS warned about when it imported the definition (PutRestApi), if it did. */
  importWarnings?: string[]
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

/** What a call brought back that later calls or the result need. */
interface CallOutcome {
  deploymentId?: string | undefined
  warnings?: string[] | undefined
}

/** The new deployment must serve the file's routes: else another run imported between our import and deployment. */
export class ForeignDefinitionError extends Error {
  override readonly name = 'ForeignDefinitionError'
  constructor(
    readonly missing: string[],
    readonly unexpected: string[],
  ) {
    super(
      `the new deployment does not serve the reviewed definition (${missing.length} route(s) missing, ${unexpected.length} unexpected)`,
    )
  }
}

async function verifyDeployment(
  client: APIGatewayClient,
  call: Extract<PlannedCall, { action: 'VerifyDeployment' }>,
  newDeploymentId: string | undefined,
): Promise<CallOutcome> {
  const out = await client.send(
    new GetDeploymentCommand({
      restApiId: call.restApiId,
      deploymentId: substitute(call.deploymentId, newDeploymentId),
      embed: ['apisummary'],
    }),
  )
  const served = new Set(
    Object.entries(out.apiSummary ?? {}).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`)),
  )
  const missing = call.routes.filter((r) => !served.has(r))
  const expected = new Set(call.routes)
  const unexpected = call.exact ? [...served].filter((r) => !expected.has(r)).sort() : []
  if (missing.length || unexpected.length) throw new ForeignDefinitionError(missing, unexpected)
  return {}
}

/** Sends one planned call. */
async function send(
  client: APIGatewayClient,
  call: PlannedCall,
  newDeploymentId: string | undefined,
): Promise<CallOutcome> {
  switch (call.action) {
    case 'PutRestApi': {
      const out = await client.send(
        new PutRestApiCommand({
          restApiId: call.restApiId,
          mode: call.mode,
          failOnWarnings: call.failOnWarnings,
          parameters: { basepath: call.basePath },
          body: new TextEncoder().encode(call.body),
        }),
      )
      return { warnings: out.warnings ?? [] }
    }
    case 'VerifyDeployment':
      return verifyDeployment(client, call, newDeploymentId)
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
      return { deploymentId: out.id }
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
      return {}
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
      return {}
    case 'DeleteStage':
      await client.send(new DeleteStageCommand({ restApiId: call.restApiId, stageName: call.stageName }))
      return {}
    case 'TagResource':
      await client.send(
        new TagResourceCommand({ resourceArn: call.resourceArn, tags: withDeployment(call.tags, newDeploymentId) }),
      )
      return {}
    case 'CreateBasePathMapping':
      await client.send(
        new CreateBasePathMappingCommand({
          domainName: call.domainName,
          basePath: call.basePath,
          restApiId: call.restApiId,
          stage: call.stageName,
        }),
      )
      return {}
    case 'UpdateBasePathMapping':
      await client.send(
        new UpdateBasePathMappingCommand({
          domainName: call.domainName,
          basePath: call.basePath,
          patchOperations: call.patchOperations,
        }),
      )
      return {}
    case 'UpdateUsagePlan':
      await client.send(
        new UpdateUsagePlanCommand({ usagePlanId: call.usagePlanId, patchOperations: call.patchOperations }),
      )
      return {}
    case 'DeleteBasePathMapping':
      await client.send(new DeleteBasePathMappingCommand({ domainName: call.domainName, basePath: call.basePath }))
      return {}
  }
}

/** Tag values may name the deployment this run created (e.g. the definition record). */
function withDeployment(tags: Record<string, string>, id?: string): Record<string, string> {
  if (!id) return tags
  return Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, v.replaceAll(NEW_DEPLOYMENT_ID, id)]))
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

/** What running the calls produced: the deployment the plan created, and the import's warnings. */
interface CallsOutcome {
  createdDeploymentId: string | undefined
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
  let importWarnings: string[] | undefined
  const completed: PlannedCall[] = []
  for (const [index, call] of plan.calls.entries()) {
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
    if (outcome?.warnings) importWarnings = outcome.warnings
    policy.sent(call)
    completed.push(call)
  }
  return { createdDeploymentId, importWarnings }
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
  const { createdDeploymentId, importWarnings } = await runEveryCall(client, plan, options)
  const extra = options.alongside?.(createdDeploymentId)
  // A failure of the extra read must not hide the read-back's verdict; it is rethrown after it.
  extra?.catch(() => undefined)
  const after = await readBack({ client, restApiId: plan.restApiId }, plan, createdDeploymentId)
  const result: ApplyResult & { alongside?: T } = {}
  if (createdDeploymentId) result.createdDeploymentId = createdDeploymentId
  if (after) result.after = after
  if (importWarnings) result.importWarnings = importWarnings
  if (extra) result.alongside = await extra
  return result
}
