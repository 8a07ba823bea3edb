import { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import { isConflict } from './aws-call.js'

export interface ClientOptions {
  /** Region from the input; undefined lets the SDK resolve AWS_REGION / AWS_DEFAULT_REGION / profile. */
  region?: string
  /** Attempts per call; the SDK retries throttling (429) and 5xx with backoff and honours Retry-After. */
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
  return client
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
