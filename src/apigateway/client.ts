import { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import { isConflict } from './aws-call.js'
import { isQuotaBoundCommand } from './quotas.js'
import { isThrottled } from './throttle-wait.js'

export interface ClientOptions {
  /** Region from the input; undefined lets the SDK resolve AWS_REGION / AWS_DEFAULT_REGION / profile. */
  region?: string
  /**
   * Attempts per call; the SDK retries throttling (429) and 5xx with backoff and Retry-After (at most 5 s beyond its
   * backoff). A quota-bound write's throttling is not retried by the SDK but by the executor (write-policy.ts).
   */
  maxAttempts: number
  /** Product token appended to the SDK user agent, e.g. `apigw-stage-action/0.1.0`. */
  userAgent: string
}

/**
 * The one place an API Gateway client is built. The SDK itself honours AWS_ENDPOINT_URL_API_GATEWAY
 * (and AWS_ENDPOINT_URL), which is how the action is pointed at the local emulator or LocalStack.
 */
export function createApiGatewayClient(options: ClientOptions): APIGatewayClient {
  const [name, version] = options.userAgent.split('/')
  const client = new APIGatewayClient({
    ...(options.region ? { region: options.region } : {}),
    maxAttempts: options.maxAttempts,
    retryMode: 'standard',
    customUserAgent: [[name ?? 'apigw-stage-action', version ?? '0']],
  })
  retryConflictedReads(client)
  leaveQuotaThrottlingToThePolicy(client)
  return client
}

/** Carries a quota-bound call's 429 past the SDK's retry step, which retries only what it can classify. */
class QuotaThrottled extends Error {
  override readonly name = 'QuotaThrottled'
  constructor(readonly throttled: unknown) {
    super('throttled by a per-account quota')
  }
}

/**
 * A quota-bound write (CreateDeployment, UpdateUsagePlan, PutRestApi, ImportRestApi, DeleteRestApi) answered 429 is
 * not retried by the SDK: its backoff knows nothing of the quota's slots, it comes back when Retry-After says with
 * every other waiting run, and it waits in the process's real time. The executor waits it out instead
 * (write-policy.ts). Inside the retry step the 429 travels wrapped, so the SDK sees an error it does not retry; at
 * the outermost step it is unwrapped, so callers see AWS's answer as it came.
 */
function leaveQuotaThrottlingToThePolicy(client: APIGatewayClient): void {
  client.middlewareStack.add(
    (next, context) => (args) =>
      next(args).catch((err: unknown) => {
        throw isQuotaBoundCommand(context.commandName) && isThrottled(err) ? new QuotaThrottled(err) : err
      }),
    { step: 'finalizeRequest', priority: 'low', name: 'wrapQuotaThrottling' },
  )
  client.middlewareStack.add(
    (next) => (args) =>
      next(args).catch((err: unknown) => {
        throw err instanceof QuotaThrottled ? err.throttled : err
      }),
    { step: 'initialize', priority: 'high', name: 'unwrapQuotaThrottling' },
  )
}

/**
 * A read answered 409 ConflictException ("concurrent modification … Please try again later", which GetStage and
 * GetStages list) is marked retryable, so the SDK's standard retry repeats it within max-retries like a 5xx. Writes
 * are not marked: the executor retries their conflicts itself (write-policy.ts), where it knows what the call does.
 */
function retryConflictedReads(client: APIGatewayClient): void {
  client.middlewareStack.add(
    (next) => (args) =>
      next(args).catch((err: unknown) => {
        const method = (args.request as { method?: string } | undefined)?.method
        if (method === 'GET' && isConflict(err)) {
          const e = err as { $retryable?: object }
          e.$retryable ??= {}
        }
        throw err
      }),
    // Inside the retry middleware (finalizeRequest, high priority), so it sees the error first.
    { step: 'finalizeRequest', priority: 'low', name: 'retryConflictedReads' },
  )
}

/** The region the client ended up with; fails clearly when neither the input nor the environment set one. */
export function resolvedRegion(client: APIGatewayClient): Promise<string> {
  return client.config.region().catch((cause: unknown) => {
    throw new Error(
      "No AWS region: set the 'region' input, or run aws-actions/configure-aws-credentials (it sets AWS_REGION) before this step.",
      { cause },
    )
  })
}

/** The client and the REST API that the per-API reads and writes target. */
export interface RestApiTarget {
  readonly client: APIGatewayClient
  readonly restApiId: string
}
