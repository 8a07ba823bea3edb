// Custom domain names (enough to map them) and their base path mappings.
import type { Handler, RequestContext } from '../context.js'
import { badRequest, conflict, notFound } from '../errors.js'
import { newId } from '../ids.js'
import { optObject, optString, optStringList, patchOperations } from '../input.js'
import { paginate } from '../pagination.js'
import { epochSeconds } from '../serialize.js'
import type { BasePathMappingState, Dict, DomainNameState, EmulatorState } from '../types.js'

const NONE = '(none)'
const BASE_PATH = /^[A-Za-z0-9$\-_.+!*'()]+$/
/** CloudFront's hosted zone, the same for every edge-optimised domain ([MODEL]). */
const CLOUDFRONT_ZONE = 'Z2FDTNDATAQYW2'
const REGIONAL_ZONES: Dict<string> = {
  'us-east-1': 'Z1UJRXOUMOOFQ8',
  'us-west-2': 'Z2OJLYMUO9EFXC',
  'eu-west-1': 'ZLY8HYME6SFDD',
  'eu-central-1': 'Z1U9ULNL0V5AJ3',
}

function getDomain(state: EmulatorState, domainName: string): DomainNameState {
  const domain = state.domainNames.get(domainName)
  if (!domain) throw notFound('Invalid domain name identifier specified')
  return domain
}

function domainToWire(state: EmulatorState, domain: DomainNameState): Dict<unknown> {
  const out: Dict<unknown> = { domainName: domain.domainName }
  if (domain.certificateArn) out.certificateArn = domain.certificateArn
  out.certificateUploadDate = epochSeconds(domain.createdDate)
  if (domain.regionalDomainName) {
    out.regionalDomainName = domain.regionalDomainName
    out.regionalHostedZoneId = REGIONAL_ZONES[state.region] ?? 'Z1UJRXOUMOOFQ8'
  }
  if (domain.regionalCertificateArn) out.regionalCertificateArn = domain.regionalCertificateArn
  if (domain.distributionDomainName) {
    out.distributionDomainName = domain.distributionDomainName
    out.distributionHostedZoneId = CLOUDFRONT_ZONE
  }
  out.endpointConfiguration = { types: [domain.endpointType], ipAddressType: 'ipv4' }
  out.domainNameStatus = 'AVAILABLE'
  out.securityPolicy = domain.securityPolicy
  return out
}

function mappingToWire(mapping: BasePathMappingState): Dict<unknown> {
  return { ...mapping }
}

export const createDomainName: Handler = (ctx) => {
  const domainName = optString(ctx.body, 'domainName') ?? ''
  if (!/^[a-z0-9*]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(domainName)) {
    throw badRequest('Invalid domain name specified')
  }
  if (ctx.state.domainNames.has(domainName)) throw conflict('The domain name you provided already exists.')
  const types = optStringList(optObject(ctx.body, 'endpointConfiguration') ?? {}, 'types') ?? ['EDGE']
  const endpointType = types[0] === 'REGIONAL' ? 'REGIONAL' : 'EDGE'
  const domain: DomainNameState = {
    domainName,
    endpointType,
    securityPolicy: optString(ctx.body, 'securityPolicy') ?? 'TLS_1_2',
    createdDate: ctx.now,
    mappings: new Map(),
  }
  const certificateArn = optString(ctx.body, 'certificateArn')
  const regionalCertificateArn = optString(ctx.body, 'regionalCertificateArn')
  if (certificateArn) domain.certificateArn = certificateArn
  if (regionalCertificateArn) domain.regionalCertificateArn = regionalCertificateArn
  if (endpointType === 'EDGE') domain.distributionDomainName = `d${newId(13)}.cloudfront.net`
  else domain.regionalDomainName = `d-${newId(10)}.execute-api.${ctx.state.region}.amazonaws.com`
  ctx.state.domainNames.set(domainName, domain)
  return { status: 201, json: domainToWire(ctx.state, domain) }
}

export const getDomainName: Handler = (ctx) => ({
  status: 200,
  json: domainToWire(ctx.state, getDomain(ctx.state, ctx.params.domainName as string)),
})

export const getDomainNames: Handler = (ctx) => ({
  status: 200,
  json: paginate(
    [...ctx.state.domainNames.values()].map((d) => domainToWire(ctx.state, d)),
    ctx.query,
  ),
})

export const deleteDomainName: Handler = (ctx) => {
  const domain = getDomain(ctx.state, ctx.params.domainName as string)
  ctx.state.domainNames.delete(domain.domainName)
  return { status: 202 }
}

function checkTarget(ctx: RequestContext, restApiId: string | undefined, stage: string | undefined): string {
  const api = restApiId ? ctx.state.restApis.get(restApiId) : undefined
  if (!api) throw badRequest('Invalid REST API identifier specified')
  if (stage !== undefined && stage !== NONE && !api.stages.has(stage))
    throw badRequest('Invalid stage identifier specified')
  return api.id
}

function normaliseBasePath(basePath: string | undefined): string {
  const value = basePath === undefined || basePath === '' ? NONE : basePath
  if (value !== NONE && !BASE_PATH.test(value)) throw badRequest(`Invalid base path specified: ${value}`)
  return value
}

export const createBasePathMapping: Handler = (ctx) => {
  const domain = getDomain(ctx.state, ctx.params.domainName as string)
  const stage = optString(ctx.body, 'stage')
  const restApiId = checkTarget(ctx, optString(ctx.body, 'restApiId'), stage)
  const basePath = normaliseBasePath(optString(ctx.body, 'basePath'))
  if (domain.mappings.has(basePath)) throw conflict('Base path already exists for this domain name')
  const mapping: BasePathMappingState = { basePath, restApiId }
  if (stage) mapping.stage = stage
  domain.mappings.set(basePath, mapping)
  return { status: 201, json: mappingToWire(mapping) }
}

function getMapping(ctx: RequestContext): { domain: DomainNameState; mapping: BasePathMappingState } {
  const domain = getDomain(ctx.state, ctx.params.domainName as string)
  const mapping = domain.mappings.get(normaliseBasePath(ctx.params.basePath))
  if (!mapping) throw notFound('Invalid base path mapping identifier specified')
  return { domain, mapping }
}

export const getBasePathMappings: Handler = (ctx) => {
  const domain = getDomain(ctx.state, ctx.params.domainName as string)
  return { status: 200, json: paginate([...domain.mappings.values()].map(mappingToWire), ctx.query) }
}

export const getBasePathMapping: Handler = (ctx) => ({ status: 200, json: mappingToWire(getMapping(ctx).mapping) })

/** Paths `/basePath`, `/restapiId` (this spelling, as TF and the AWS-validated tests use) and `/stage`. */
export const updateBasePathMapping: Handler = (ctx) => {
  const { domain, mapping } = getMapping(ctx)
  const updated = { ...mapping }
  for (const op of patchOperations(ctx.body)) {
    if (op.op !== 'replace') throw badRequest(`Invalid patch operation specified. Must be replace, got ${op.op}`)
    if (op.path === '/basePath') updated.basePath = normaliseBasePath(op.value)
    else if (op.path === '/restapiId') updated.restApiId = op.value ?? ''
    else if (op.path === '/stage') updated.stage = op.value ?? ''
    else
      throw badRequest(
        `Invalid patch path ${op.path} specified for op 'replace'. Must be one of: [/basePath, /restapiId, /stage]`,
      )
  }
  checkTarget(ctx, updated.restApiId, updated.stage)
  if (updated.basePath !== mapping.basePath && domain.mappings.has(updated.basePath)) {
    throw conflict('Base path already exists for this domain name')
  }
  domain.mappings.delete(mapping.basePath)
  domain.mappings.set(updated.basePath, updated)
  return { status: 200, json: mappingToWire(updated) }
}

export const deleteBasePathMapping: Handler = (ctx) => {
  const { domain, mapping } = getMapping(ctx)
  domain.mappings.delete(mapping.basePath)
  return { status: 202 }
}
