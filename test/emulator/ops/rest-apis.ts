// CreateRestApi, GetRestApis, GetRestApi, DeleteRestApi, ImportRestApi, PutRestApi.
import type { Handler, RequestContext } from '../context.js'
import { badRequest } from '../errors.js'
import { basePathMode } from '../import/base-path.js'
import { importDefinition, putDefinition, putMode } from '../import/run.js'
import { optBool, optNumber, optObject, optString, optStringList, patchOperations, reqString } from '../input.js'
import { paginate } from '../pagination.js'
import { restApiToWire } from '../serialize.js'
import { addRestApi, getRestApi, restApiArn } from '../state.js'
import type { Dict, RestApiLimits } from '../types.js'
import { validateTags } from '../validation.js'

const tagsOf = (ctx: RequestContext, id: string) => ctx.state.tags.get(restApiArn(ctx.state, id))

/** Regional and edge APIs per region cannot exceed AWS's caps (600 / 120, not raisable). */
function admitNewApi(ctx: RequestContext, endpointType: string): void {
  const limit = ctx.options.restApiLimits[endpointType.toLowerCase() as keyof RestApiLimits]
  const count = [...ctx.state.restApis.values()].filter((a) => a.endpointConfiguration.types[0] === endpointType).length
  if (count >= limit) {
    throw badRequest('Maximum number of APIs has been reached. Please contact AWS if you need additional APIs.')
  }
}

export const createRestApi: Handler = (ctx) => {
  const { body } = ctx
  const name = reqString(body, 'name', 'Invalid REST API name specified')
  const endpoint = optObject(body, 'endpointConfiguration')
  const endpointTypes = endpoint ? optStringList(endpoint, 'types') : undefined
  const tags = body.tags as Dict<string> | undefined
  if (tags) validateTags(tags)
  admitNewApi(ctx, endpointTypes?.[0] ?? 'EDGE')
  const api = addRestApi(
    ctx.state,
    {
      name,
      description: optString(body, 'description'),
      version: optString(body, 'version'),
      binaryMediaTypes: optStringList(body, 'binaryMediaTypes'),
      minimumCompressionSize: optNumber(body, 'minimumCompressionSize'),
      apiKeySource: optString(body, 'apiKeySource'),
      endpointTypes,
      vpcEndpointIds: endpoint ? optStringList(endpoint, 'vpcEndpointIds') : undefined,
      policy: optString(body, 'policy'),
      disableExecuteApiEndpoint: optBool(body, 'disableExecuteApiEndpoint'),
      defaultModels: true,
    },
    ctx.now,
  )
  if (tags && Object.keys(tags).length > 0) ctx.state.tags.set(restApiArn(ctx.state, api.id), { ...tags })
  return { status: 201, json: restApiToWire(api, tagsOf(ctx, api.id)) }
}

export const getRestApis: Handler = (ctx) => {
  const apis = [...ctx.state.restApis.values()].map((api) => restApiToWire(api, tagsOf(ctx, api.id)))
  return { status: 200, json: paginate(apis, ctx.query) }
}

/** GetRestApi always shows `tags`, `{}` when there are none [AWS-REC 2025-07-02]. */
export const getRestApiOp: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  return { status: 200, json: restApiToWire(api, tagsOf(ctx, api.id) ?? {}) }
}

/** PATCH /restapis/{id}: `replace` of /name and /description only (what the action sends). */
export const updateRestApi: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  for (const op of patchOperations(ctx.body)) {
    if (op.op !== 'replace' || (op.path !== '/name' && op.path !== '/description')) {
      throw badRequest(
        `Invalid patch path ${op.path} specified for op '${op.op}'. Must be one of: [/name, /description]`,
      )
    }
    if (op.path === '/name') {
      if (!op.value) throw badRequest('Invalid REST API name specified')
      api.name = op.value
    } else if (op.value) api.description = op.value
    else delete api.description
  }
  return { status: 200, json: restApiToWire(api, tagsOf(ctx, api.id) ?? {}) }
}

/** Refused while a base path mapping of any custom domain points at the API ([ISSUE] glomex/gcdt#373 text). */
export const deleteRestApi: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  const domains = [...ctx.state.domainNames.values()]
    .filter((domain) => [...domain.mappings.values()].some((m) => m.restApiId === api.id))
    .map((domain) => domain.domainName)
  if (domains.length > 0) {
    throw badRequest(
      `Deleting RestApi ${api.id} failed. Please remove all base path mappings related to the RestApi in your domains: ${domains.join(', ')}`,
    )
  }
  const prefix = restApiArn(ctx.state, api.id)
  for (const arn of [...ctx.state.tags.keys()]) {
    if (arn === prefix || arn.startsWith(`${prefix}/`)) ctx.state.tags.delete(arn)
  }
  ctx.state.restApis.delete(api.id)
  return { status: 202 }
}

const failOnWarnings = (ctx: RequestContext) => ctx.query.get('failonwarnings') === 'true'

function withWarnings(json: Dict<unknown>, warnings: string[]): Dict<unknown> {
  return warnings.length > 0 ? { ...json, warnings: [...warnings] } : json
}

/** POST /restapis?mode=import with an OpenAPI 2.0 or 3.0 document (JSON or YAML) as the body. */
export const importRestApi: Handler = (ctx) => {
  const { api, warnings } = importDefinition(ctx.state, ctx.rawBody, {
    endpointType: ctx.query.get('endpointConfigurationTypes') ?? undefined,
    basePath: basePathMode(ctx.query.get('basepath')),
    failOnWarnings: failOnWarnings(ctx),
    now: ctx.now,
    admit: (endpointType) => admitNewApi(ctx, endpointType),
  })
  return { status: 201, json: withWarnings(restApiToWire(api, undefined), warnings) }
}

/** PUT /restapis/{id}?mode=merge|overwrite&failonwarnings=…&basepath=… with an OpenAPI document as the body. */
export const putRestApi: Handler = (ctx) => {
  const { api, warnings } = putDefinition(ctx.state, ctx.params.restApiId as string, ctx.rawBody, {
    mode: putMode(ctx.query.get('mode')),
    basePath: basePathMode(ctx.query.get('basepath')),
    failOnWarnings: failOnWarnings(ctx),
  })
  return { status: 200, json: withWarnings(restApiToWire(api, tagsOf(ctx, api.id) ?? {}), warnings) }
}
