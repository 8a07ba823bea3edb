// GetUsagePlan for each id → UsagePlanState[]; an id that does not exist is left out (the planner refuses it).
import { type APIGatewayClient, GetUsagePlanCommand, type UsagePlan } from '@aws-sdk/client-api-gateway'
import type { UsagePlanState } from '../model/state.js'
import { awsCall } from './aws-call.js'

function toUsagePlanState(p: UsagePlan): UsagePlanState {
  return {
    id: p.id ?? '',
    name: p.name ?? '',
    apiStages: (p.apiStages ?? []).map((s) => ({ apiId: s.apiId ?? '', stage: s.stage ?? '' })),
  }
}

export async function readUsagePlans(client: APIGatewayClient, usagePlanIds: string[]): Promise<UsagePlanState[]> {
  const plans = await Promise.all(
    [...new Set(usagePlanIds)].map((usagePlanId) =>
      awsCall(
        { operation: `GetUsagePlan '${usagePlanId}'` },
        () => client.send(new GetUsagePlanCommand({ usagePlanId })),
        { allowNotFound: true },
      ),
    ),
  )
  return plans.flatMap((p) => (p ? [toUsagePlanState(p)] : []))
}
