// API definitions for the diff: what a stage serves (GetExport) or what a deployment holds (apiSummary).
import { type APIGatewayClient, GetDeploymentCommand, GetExportCommand } from '@aws-sdk/client-api-gateway'
import type { DefinitionSource } from '../model/state.js'
import { AwsCallError, isNotFound } from './aws-error.js'

/** oas30 JSON with integrations and authorizers, so a Lambda ARN or authorizer change shows as a change. */
async function stageExport(
  client: APIGatewayClient,
  restApiId: string,
  stageName: string,
): Promise<object | undefined> {
  try {
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
  } catch (err) {
    if (isNotFound(err)) return undefined
    throw new AwsCallError({ operation: 'GetExport', restApiId, stageName }, err)
  }
}

/** The deployment with its route summary: enough to compare a canary with production. */
async function deploymentSummary(client: APIGatewayClient, restApiId: string, deploymentId: string): Promise<object> {
  try {
    const out = await client.send(new GetDeploymentCommand({ restApiId, deploymentId, embed: ['apisummary'] }))
    return { id: out.id, apiSummary: out.apiSummary ?? {} }
  } catch (err) {
    throw new AwsCallError({ operation: `GetDeployment ${deploymentId}`, restApiId }, err)
  }
}

/** Reads one side of the diff; undefined when the stage does not exist. */
export function readDefinition(
  client: APIGatewayClient,
  restApiId: string,
  source: DefinitionSource,
): Promise<object | undefined> {
  return source.kind === 'stage'
    ? stageExport(client, restApiId, source.stageName)
    : deploymentSummary(client, restApiId, source.deploymentId)
}
