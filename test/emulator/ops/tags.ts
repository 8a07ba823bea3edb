// TagResource, UntagResource, GetTags for stage, REST API and usage plan ARNs.
import type { Handler, RequestContext } from '../context.js'
import { badRequest } from '../errors.js'
import { optMap } from '../input.js'
import { getRestApi, getStage, getUsagePlan } from '../state.js'
import { validateTags } from '../validation.js'

/** Checks the ARN names something that exists and returns it unchanged. */
function resolveArn(ctx: RequestContext): string {
  const arn = ctx.params.resourceArn as string
  const prefix = `arn:aws:apigateway:${ctx.state.region}::/`
  if (!arn.startsWith(prefix)) throw badRequest('Invalid ARN specified in the request')
  const parts = arn.slice(prefix.length).split('/')
  if (parts[0] === 'restapis' && (parts.length === 2 || (parts.length === 4 && parts[2] === 'stages'))) {
    const api = getRestApi(ctx.state, parts[1] as string)
    if (parts.length === 4) getStage(api, parts[3] as string)
    return arn
  }
  if (parts[0] === 'usageplans' && parts.length === 2) {
    getUsagePlan(ctx.state, parts[1] as string)
    return arn
  }
  throw badRequest('Invalid ARN specified in the request')
}

export const tagResource: Handler = (ctx) => {
  const arn = resolveArn(ctx)
  const tags = optMap<string>(ctx.body, 'tags', 'string') ?? {}
  const existing = ctx.state.tags.get(arn) ?? {}
  validateTags(tags, existing)
  ctx.state.tags.set(arn, { ...existing, ...tags })
  return { status: 204 }
}

export const untagResource: Handler = (ctx) => {
  const arn = resolveArn(ctx)
  const keys = ctx.query.getAll('tagKeys').flatMap((k) => k.split(','))
  const tags = { ...ctx.state.tags.get(arn) }
  for (const key of keys) delete tags[key]
  if (Object.keys(tags).length > 0) ctx.state.tags.set(arn, tags)
  else ctx.state.tags.delete(arn)
  return { status: 204 }
}

export const getTags: Handler = (ctx) => {
  const arn = resolveArn(ctx)
  return { status: 200, json: { tags: { ...ctx.state.tags.get(arn) } } }
}
