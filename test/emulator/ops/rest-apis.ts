// CreateRestApi, GetRestApis, GetRestApi, DeleteRestApi, ImportRestApi.
import type { Handler, RequestContext } from '../context.js'
import { badRequest } from '../errors.js'
import { importSpec } from '../import-spec.js'
import { optBool, optNumber, optObject, optString, optStringList, reqString } from '../input.js'
import { paginate } from '../pagination.js'
import { restApiToWire } from '../serialize.js'
import { addRestApi, getRestApi, restApiArn } from '../state.js'
import type { Dict } from '../types.js'
import { validateTags } from '../validation.js'

const tagsOf = (ctx: RequestContext, id: string) => ctx.state.tags.get(restApiArn(ctx.state, id))

export const createRestApi: Handler = (ctx) => {
  const { body } = ctx
  const name = reqString(body, 'name', 'Invalid REST API name specified')
  const endpoint = optObject(body, 'endpointConfiguration')
  const tags = body.tags as Dict<string> | undefined
  if (tags) validateTags(tags)
  const api = addRestApi(
    ctx.state,
    {
      name,
      description: optString(body, 'description'),
      version: optString(body, 'version'),
      binaryMediaTypes: optStringList(body, 'binaryMediaTypes'),
      minimumCompressionSize: optNumber(body, 'minimumCompressionSize'),
      apiKeySource: optString(body, 'apiKeySource'),
      endpointTypes: endpoint ? optStringList(endpoint, 'types') : undefined,
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

export const getRestApiOp: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  return { status: 200, json: restApiToWire(api, tagsOf(ctx, api.id)) }
}

export const deleteRestApi: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  const prefix = restApiArn(ctx.state, api.id)
  for (const arn of [...ctx.state.tags.keys()]) {
    if (arn === prefix || arn.startsWith(`${prefix}/`)) ctx.state.tags.delete(arn)
  }
  ctx.state.restApis.delete(api.id)
  return { status: 202 }
}

/** POST /restapis?mode=import with an OpenAPI 2.0 or 3.0 document (JSON or YAML) as the body. */
export const importRestApi: Handler = (ctx) => {
  if (ctx.rawBody.length === 0) throw badRequest('Invalid OpenAPI input: the request body is empty')
  const endpointType = ctx.query.get('endpointConfigurationTypes') ?? undefined
  const api = importSpec(ctx.state, ctx.rawBody.toString('utf8'), ctx.now, endpointType)
  return { status: 201, json: restApiToWire(api, undefined) }
}
