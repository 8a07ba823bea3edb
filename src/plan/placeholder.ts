import { NEW_DEPLOYMENT_ID, NEW_REST_API_ID, type PlannedCall } from './types.js'

/** A planned value, with the placeholder for the deployment this run created replaced by its id. */
export function resolveNewDeployment(
  value: string | undefined,
  createdDeploymentId: string | undefined,
): string | undefined {
  if (value !== NEW_DEPLOYMENT_ID) return value
  if (!createdDeploymentId) throw new Error('plan error: a call refers to a deployment that no earlier call created')
  return createdDeploymentId
}

/** Whether the call targets the REST API an earlier call of the plan creates. */
function namesNewRestApi(call: PlannedCall): boolean {
  if (call.action === 'TagResource') return call.resourceArn.includes(`/restapis/${NEW_REST_API_ID}`)
  return 'restApiId' in call && call.restApiId === NEW_REST_API_ID
}

/**
 * The call with the placeholder for the REST API this run created (ImportRestApi) replaced by its id, in the call's
 * restApiId and in an ARN. ImportRestApi itself keeps it: it is the call that creates the id.
 */
export function resolveNewRestApi(call: PlannedCall, createdRestApiId: string | undefined): PlannedCall {
  if (call.action === 'ImportRestApi' || !namesNewRestApi(call)) return call
  if (!createdRestApiId) throw new Error('plan error: a call refers to a REST API that no earlier call created')
  if (call.action === 'TagResource') {
    return { ...call, resourceArn: call.resourceArn.replace(NEW_REST_API_ID, createdRestApiId) }
  }
  return { ...call, restApiId: createdRestApiId } as PlannedCall
}
