// Sends one planned call with the SDK, its placeholders for what earlier calls created replaced; returns what later
// calls or the result need (the new deployment or REST API id, the import's warnings).
import {
  type APIGatewayClient,
  CreateBasePathMappingCommand,
  CreateDeploymentCommand,
  CreateStageCommand,
  DeleteBasePathMappingCommand,
  DeleteRestApiCommand,
  DeleteStageCommand,
  GetDeploymentCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
  TagResourceCommand,
  UpdateBasePathMappingCommand,
  UpdateRestApiCommand,
  UpdateStageCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway'
import { resolveNewDeployment as substitute } from '../plan/placeholder.js'
import { NEW_DEPLOYMENT_ID, type PlannedCall } from '../plan/types.js'

/** What a call brought back that later calls or the result need. */
interface CallOutcome {
  deploymentId?: string | undefined
  restApiId?: string | undefined
  warnings?: string[] | undefined
}

/** The new deployment must serve the file's routes: else another run imported between our import and deployment. */
export class ForeignDefinitionError extends Error {
  override readonly name = 'ForeignDefinitionError'
  constructor(
    readonly missing: string[],
    readonly unexpected: string[],
  ) {
    super(
      `the new deployment does not serve the reviewed definition (${missing.length} route(s) missing, ${unexpected.length} unexpected)`,
    )
  }
}

async function verifyDeployment(
  client: APIGatewayClient,
  call: Extract<PlannedCall, { action: 'VerifyDeployment' }>,
  newDeploymentId: string | undefined,
): Promise<CallOutcome> {
  const out = await client.send(
    new GetDeploymentCommand({
      restApiId: call.restApiId,
      deploymentId: substitute(call.deploymentId, newDeploymentId),
      embed: ['apisummary'],
    }),
  )
  const served = new Set(
    Object.entries(out.apiSummary ?? {}).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`)),
  )
  const missing = call.routes.filter((r) => !served.has(r))
  const expected = new Set(call.routes)
  const unexpected = call.exact ? [...served].filter((r) => !expected.has(r)).sort() : []
  if (missing.length || unexpected.length) throw new ForeignDefinitionError(missing, unexpected)
  return {}
}

/** Sends one planned call. */
export async function send(
  client: APIGatewayClient,
  call: PlannedCall,
  newDeploymentId: string | undefined,
): Promise<CallOutcome> {
  switch (call.action) {
    case 'PutRestApi': {
      const out = await client.send(
        new PutRestApiCommand({
          restApiId: call.restApiId,
          mode: call.mode,
          failOnWarnings: call.failOnWarnings,
          parameters: { basepath: call.basePath },
          body: new TextEncoder().encode(call.body),
        }),
      )
      return { warnings: out.warnings ?? [] }
    }
    case 'ImportRestApi': {
      const out = await client.send(
        new ImportRestApiCommand({
          failOnWarnings: call.failOnWarnings,
          parameters: { endpointConfigurationTypes: call.endpointType, basepath: call.basePath },
          body: new TextEncoder().encode(call.body),
        }),
      )
      return { restApiId: out.id, warnings: out.warnings ?? [] }
    }
    case 'UpdateRestApi':
      await client.send(
        new UpdateRestApiCommand({
          restApiId: call.restApiId,
          patchOperations: [{ op: 'replace', path: '/name', value: call.name }],
        }),
      )
      return {}
    case 'DeleteRestApi':
      await client.send(new DeleteRestApiCommand({ restApiId: call.restApiId }))
      return {}
    case 'VerifyDeployment':
      return verifyDeployment(client, call, newDeploymentId)
    case 'CreateDeployment': {
      const out = await client.send(
        new CreateDeploymentCommand({
          restApiId: call.restApiId,
          stageName: call.stageName,
          description: call.description,
          variables: call.variables,
          canarySettings: call.canarySettings,
        }),
      )
      return { deploymentId: out.id }
    }
    case 'UpdateStage':
      await client.send(
        new UpdateStageCommand({
          restApiId: call.restApiId,
          stageName: call.stageName,
          patchOperations: call.patchOperations.map((op) => ({
            op: op.op,
            path: op.path,
            value: substitute(op.value, newDeploymentId),
            from: op.from,
          })),
        }),
      )
      return {}
    case 'CreateStage':
      await client.send(
        new CreateStageCommand({
          restApiId: call.restApiId,
          stageName: call.stageName,
          deploymentId: substitute(call.deploymentId, newDeploymentId),
          description: call.description,
          variables: call.variables,
          tags: call.tags,
        }),
      )
      return {}
    case 'DeleteStage':
      await client.send(new DeleteStageCommand({ restApiId: call.restApiId, stageName: call.stageName }))
      return {}
    case 'TagResource':
      await client.send(
        new TagResourceCommand({ resourceArn: call.resourceArn, tags: resolvedTags(call.tags, newDeploymentId) }),
      )
      return {}
    case 'CreateBasePathMapping':
      await client.send(
        new CreateBasePathMappingCommand({
          domainName: call.domainName,
          basePath: call.basePath,
          restApiId: call.restApiId,
          stage: call.stageName,
        }),
      )
      return {}
    case 'UpdateBasePathMapping':
      await client.send(
        new UpdateBasePathMappingCommand({
          domainName: call.domainName,
          basePath: call.basePath,
          patchOperations: call.patchOperations,
        }),
      )
      return {}
    case 'UpdateUsagePlan':
      await client.send(
        new UpdateUsagePlanCommand({ usagePlanId: call.usagePlanId, patchOperations: call.patchOperations }),
      )
      return {}
    case 'DeleteBasePathMapping':
      await client.send(new DeleteBasePathMappingCommand({ domainName: call.domainName, basePath: call.basePath }))
      return {}
  }
}

/** Tag values may name the deployment this run created (e.g. the definition record). */
/** The tags as sent: the placeholder for the deployment this run created replaced by its id. */
export function resolvedTags(tags: Record<string, string>, id?: string): Record<string, string> {
  if (!id) return tags
  return Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, v.replaceAll(NEW_DEPLOYMENT_ID, id)]))
}
