// An AWS-shaped error: the status code, the `x-amzn-errortype` name and the `message` body field.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, 'BadRequestException', message)
export const notFound = (message: string): ApiError => new ApiError(404, 'NotFoundException', message)
export const conflict = (message: string): ApiError => new ApiError(409, 'ConflictException', message)
export const tooManyRequests = (message: string, retryAfterSeconds: number): ApiError =>
  new ApiError(429, 'TooManyRequestsException', message, retryAfterSeconds)
export const serviceUnavailable = (message: string, retryAfterSeconds: number): ApiError =>
  new ApiError(503, 'ServiceUnavailableException', message, retryAfterSeconds)

export const CONCURRENT_MODIFICATION =
  'Unable to complete operation due to concurrent modification. Please try again later.'
