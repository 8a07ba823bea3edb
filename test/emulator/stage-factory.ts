// A fresh stage exactly as AWS returns one, and the per-API stage quota.
import { badRequest } from './errors.js'
import { CACHE_CLUSTER_SIZES } from './stage-patch.js'
import type { Dict, RestApiState, StageState } from './types.js'
import { validateStageName, validateVariables } from './validation.js'

export interface NewStage {
  stageName: string
  deploymentId: string
  description?: string | undefined
  variables?: Dict<string> | undefined
  cacheClusterEnabled?: boolean | undefined
  cacheClusterSize?: string | undefined
  tracingEnabled?: boolean | undefined
  documentationVersion?: string | undefined
  clientCertificateId?: string | undefined
}

/**
 * Resource-count limits come back as BadRequestException (reference §8). The exact text for stages was
 * never observed; this one follows the real "Maximum number of APIs has been reached…" message.
 */
export function checkStageQuota(api: RestApiState, limit: number): void {
  if (api.stages.size >= limit) {
    throw badRequest(
      `Maximum number of stages has been reached for API ${api.id} (${limit}). Please contact AWS if you need additional stages.`,
    )
  }
}

export function validateCacheClusterSize(size: string | undefined): void {
  if (size !== undefined && !CACHE_CLUSTER_SIZES.includes(size)) {
    throw badRequest(`Invalid cache cluster size specified: ${size}. Must be one of ${CACHE_CLUSTER_SIZES}`)
  }
}

/** Recorded fresh-stage fields: cache off / NOT_AVAILABLE, methodSettings {}, tracing false. */
export function newStage(input: NewStage, now: number): StageState {
  validateStageName(input.stageName)
  if (input.variables) validateVariables(input.variables)
  validateCacheClusterSize(input.cacheClusterSize)
  const cacheOn = input.cacheClusterEnabled ?? false
  const stage: StageState = {
    stageName: input.stageName,
    deploymentId: input.deploymentId,
    cacheClusterEnabled: cacheOn,
    cacheClusterStatus: cacheOn ? 'AVAILABLE' : 'NOT_AVAILABLE',
    methodSettings: {},
    variables: { ...input.variables },
    tracingEnabled: input.tracingEnabled ?? false,
    createdDate: now,
    lastUpdatedDate: now,
    cacheFlushes: 0,
  }
  if (input.description) stage.description = input.description
  if (cacheOn || input.cacheClusterSize) stage.cacheClusterSize = input.cacheClusterSize ?? '0.5'
  if (input.documentationVersion) stage.documentationVersion = input.documentationVersion
  if (input.clientCertificateId) stage.clientCertificateId = input.clientCertificateId
  return stage
}
