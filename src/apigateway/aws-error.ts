// Turns an SDK exception into one sentence a user can act on.

export interface AwsCallContext {
  operation: string
  restApiId?: string | undefined
  stageName?: string | undefined
}

interface SdkErrorLike {
  name?: string
  message?: string
  $metadata?: { requestId?: string; httpStatusCode?: number }
  $retryable?: unknown
}

/** `UpdateStage on API a1b2c3 stage 'prod' failed: BadRequestException: … (HTTP 400, request id …)`. */
export function describeAwsError(err: unknown, ctx: AwsCallContext): string {
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

export function isNotFound(err: unknown): boolean {
  return errorName(err) === 'NotFoundException'
}

export function isConflict(err: unknown): boolean {
  return errorName(err) === 'ConflictException'
}

/** An AWS call failed; carries the sentence for users and the original error. */
export class AwsCallError extends Error {
  override readonly name = 'AwsCallError'
  constructor(
    readonly context: AwsCallContext,
    override readonly cause: unknown,
  ) {
    super(describeAwsError(cause, context))
  }
}
