// The one way this adapter calls AWS: a failure becomes an Error whose message names the call and the API and stage
// it targeted, with the SDK's exception kept as `cause`. Retries: the client itself repeats throttled, 5xx and (for
// reads) 409 answers (client.ts), except the throttling of quota-bound writes; a write adds its own policy on top
// (write-policy.ts), which alone waits out a quota.

/** What the failure message names: `UpdateStage on API a1b2c3 stage 'prod' failed: …`. */
export interface AwsCallContext {
  operation: string
  restApiId?: string | undefined
  stageName?: string | undefined
}

/** After a failed attempt: whether to send the call again (having waited), and what the final message adds. */
export interface RetryPolicy {
  retry(err: unknown): Promise<boolean>
  failureNote(err: unknown): string
}

interface AwsCallOptions {
  retry?: RetryPolicy
}

interface SdkErrorLike {
  name?: string
  message?: string
  $metadata?: { requestId?: string; httpStatusCode?: number }
}

/** `UpdateStage on API a1b2c3 stage 'prod' failed: BadRequestException: … (HTTP 400, request id …)`. */
function describeAwsError(err: unknown, ctx: AwsCallContext): string {
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as SdkErrorLike
  const target = [
    ctx.restApiId ? `API ${ctx.restApiId}` : undefined,
    ctx.stageName ? `stage '${ctx.stageName}'` : undefined,
  ]
    .filter(Boolean)
    .join(' ')
  const meta = [
    e.$metadata?.httpStatusCode ? `HTTP ${e.$metadata.httpStatusCode}` : undefined,
    e.$metadata?.requestId ? `request id ${e.$metadata.requestId}` : undefined,
  ]
    .filter(Boolean)
    .join(', ')
  const name = e.name && e.name !== 'Error' ? `${e.name}: ` : ''
  return `${ctx.operation}${target ? ` on ${target}` : ''} failed: ${name}${e.message ?? 'unknown error'}${meta ? ` (${meta})` : ''}`
}

export function errorName(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null ? (err as SdkErrorLike).name : undefined
}

function isNotFound(err: unknown): boolean {
  return errorName(err) === 'NotFoundException'
}

export function isConflict(err: unknown): boolean {
  return errorName(err) === 'ConflictException'
}

/**
 * Runs `send` (one SDK call, or every page of a paginated read). With `allowNotFound`, a NotFoundException answers
 * undefined: the stage, plan or domain does not exist, or the thing a delete targets is already gone.
 */
export function awsCall<T>(context: AwsCallContext, send: () => Promise<T>, options?: AwsCallOptions): Promise<T>
export function awsCall<T>(
  context: AwsCallContext,
  send: () => Promise<T>,
  options: AwsCallOptions & { allowNotFound: boolean },
): Promise<T | undefined>
export async function awsCall<T>(
  context: AwsCallContext,
  send: () => Promise<T>,
  options: AwsCallOptions & { allowNotFound?: boolean } = {},
): Promise<T | undefined> {
  for (;;) {
    try {
      return await send()
    } catch (err) {
      if (options.allowNotFound && isNotFound(err)) return undefined
      if (await options.retry?.retry(err)) continue
      throw new Error(describeAwsError(err, context) + (options.retry?.failureNote(err) ?? ''), { cause: err })
    }
  }
}

/** Every item of a paginated read (each page of a `paginate…` iterator carries `items`). */
export async function allItems<T>(pages: AsyncIterable<{ items?: T[] | undefined }>): Promise<T[]> {
  const items: T[] = []
  for await (const page of pages) items.push(...(page.items ?? []))
  return items
}
