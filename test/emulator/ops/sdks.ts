// GetSdkTypes, GetSdkType, and GetSdk: a small ZIP built from the stage's deployed snapshot, with the SDK type's
// required configuration properties checked.
import type { Handler } from '../context.js'
import { badRequest, notFound } from '../errors.js'
import { exportedResources } from '../export/common.js'
import { paginate } from '../pagination.js'
import { findSdkType, requiredSdkParameters, SDK_TYPES, type SdkTypeDescription } from '../sdk-types.js'
import { getDeployment, getRestApi, getStage } from '../state.js'
import { zip } from '../zip.js'

/** `javascript_2016-02-22_23-52Z.zip`, as in the aws-cli example. */
function sdkFileName(sdkType: string, now: number): string {
  const iso = new Date(now).toISOString()
  return `${sdkType}_${iso.slice(0, 10)}_${iso.slice(11, 13)}-${iso.slice(14, 16)}Z.zip`
}

export const getSdk: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  const stage = getStage(api, ctx.params.stageName as string)
  const sdkType = ctx.params.sdkType as string
  const type = findSdkType(sdkType)
  if (!type) throw badRequest(`Invalid SDK type specified: ${sdkType}`)
  const required = requiredSdkParameters(type)
  const missing = required.filter((name) => !ctx.query.get(name))
  if (missing.length > 0) throw badRequest(`Missing required SDK parameters: ${missing.join(', ')}`)
  const { snapshot } = getDeployment(api, stage.deploymentId)
  const operations = exportedResources(snapshot).flatMap(({ resource, methods }) =>
    methods.map((m) => `${m.httpMethod} ${resource.path}`),
  )
  const baseUrl = `https://${api.id}.execute-api.${ctx.state.region}.amazonaws.com/${stage.stageName}`
  const folder = `${sdkType}-sdk`
  const body = zip(
    [
      {
        name: `${folder}/README.md`,
        content: `# ${snapshot.name} ${sdkType} SDK (emulated)\n\nBase URL: ${baseUrl}\nDeployment: ${stage.deploymentId}\n`,
      },
      { name: `${folder}/operations.json`, content: `${JSON.stringify({ baseUrl, operations }, null, 2)}\n` },
    ],
    new Date(ctx.now),
  )
  return {
    status: 200,
    raw: {
      body,
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${sdkFileName(sdkType, ctx.now)}"`,
      },
    },
  }
}

const sdkTypeToWire = (type: SdkTypeDescription) => structuredClone(type)

/** `GET /sdktypes`: paginated, listed under `item` on the wire like every other list. */
export const getSdkTypes: Handler = (ctx) => ({ status: 200, json: paginate(SDK_TYPES.map(sdkTypeToWire), ctx.query) })

/** `GET /sdktypes/{id}`; an unknown id is a 404 (the message is the emulator's wording). */
export const getSdkType: Handler = (ctx) => {
  const type = findSdkType(ctx.params.id as string)
  if (!type) throw notFound(`Invalid SDK type specified: ${ctx.params.id}`)
  return { status: 200, json: sdkTypeToWire(type) }
}
