// API definitions for the diff: what a stage serves (GetExport) or what a deployment holds (apiSummary).
import { GetDeploymentCommand, GetExportCommand } from '@aws-sdk/client-api-gateway'
import type { DefinitionSource } from '../model/state.js'
import { awsCall } from './aws-call.js'
import type { RestApiTarget } from './client.js'

/** oas30 JSON with integrations and authorizers, so a Lambda ARN or authorizer change shows as a change. */
async function stageExport({ client, restApiId }: RestApiTarget, stageName: string): Promise<object | undefined> {
  return awsCall(
    { operation: 'GetExport', restApiId, stageName },
    async () => {
      const out = await client.send(
        new GetExportCommand({
          restApiId,
          stageName,
          exportType: 'oas30',
          accepts: 'application/json',
          parameters: { extensions: 'integrations,authorizers' },
        }),
      )
      return out.body ? (JSON.parse(new TextDecoder().decode(out.body)) as object) : undefined
    },
    { allowNotFound: true },
  )
}

/** The deployment with its route summary: enough to compare a canary with production. */
async function deploymentSummary({ client, restApiId }: RestApiTarget, deploymentId: string): Promise<object> {
  const out = await awsCall({ operation: `GetDeployment ${deploymentId}`, restApiId }, () =>
    client.send(new GetDeploymentCommand({ restApiId, deploymentId, embed: ['apisummary'] })),
  )
  return { id: out.id, apiSummary: out.apiSummary ?? {} }
}

/** Reads one side of the diff; undefined when the stage does not exist. */
export function readDefinition(api: RestApiTarget, source: DefinitionSource): Promise<object | undefined> {
  return source.kind === 'stage' ? stageExport(api, source.stageName) : deploymentSummary(api, source.deploymentId)
}
