import { NEW_DEPLOYMENT_ID } from './types.js'

/** A planned value, with the placeholder for the deployment this run created replaced by its id. */
export function resolveNewDeployment(
  value: string | undefined,
  createdDeploymentId: string | undefined,
): string | undefined {
  if (value !== NEW_DEPLOYMENT_ID) return value
  if (!createdDeploymentId) throw new Error('plan error: a call refers to a deployment that no earlier call created')
  return createdDeploymentId
}
