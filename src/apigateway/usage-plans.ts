// GetUsagePlan for each id → UsagePlanState[]; an id that does not exist is left out (the planner refuses it).
import { type APIGatewayClient, GetUsagePlanCommand, type UsagePlan } from '@aws-sdk/client-api-gateway'
import type { UsagePlanState } from '../model/state.js'
import { AwsCallError, isNotFound } from './aws-error.js'

export function toUsagePlanState(p: UsagePlan): UsagePlanState {
  return {
    id: p.id ?? '',
    name: p.name ?? '',
    apiStages: (p.apiStages ?? []).map((s) => ({ apiId: s.apiId ?? '', stage: s.stage ?? '' })),
  }
}

export async function readUsagePlans(client: APIGatewayClient, usagePlanIds: string[]): Promise<UsagePlanState[]> {
  const plans = await Promise.all(
    [...new Set(usagePlanIds)].map(async (usagePlanId) => {
      try {
        return toUsagePlanState(await client.send(new GetUsagePlanCommand({ usagePlanId })))
      } catch (err) {
        if (isNotFound(err)) return undefined
        throw new AwsCallError({ operation: `GetUsagePlan '${usagePlanId}'` }, err)
      }
    }),
  )
  return plans.filter((p): p is UsagePlanState => p !== undefined)
}
