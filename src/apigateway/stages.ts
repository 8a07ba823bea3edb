// GetStage and GetStages of one REST API, as domain types.
import { GetStageCommand, GetStagesCommand } from '@aws-sdk/client-api-gateway'
import type { StageState } from '../model/state.js'
import { awsCall } from './aws-call.js'
import type { RestApiTarget } from './client.js'
import { toStageState } from './stage-state.js'

/** The stage, or undefined when it does not exist. */
export async function readStage(
  { client, restApiId }: RestApiTarget,
  stageName: string,
): Promise<StageState | undefined> {
  const stage = await awsCall(
    { operation: 'GetStage', restApiId, stageName },
    () => client.send(new GetStageCommand({ restApiId, stageName })),
    { allowNotFound: true },
  )
  return stage && toStageState(stage)
}

/** Every stage of the API (GetStages is not paginated: at most the per-API stage quota). */
export async function listStages({ client, restApiId }: RestApiTarget): Promise<StageState[]> {
  const out = await awsCall({ operation: 'GetStages', restApiId }, () =>
    client.send(new GetStagesCommand({ restApiId })),
  )
  return (out.item ?? []).map(toStageState)
}
