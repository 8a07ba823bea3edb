// The API-level parts of a definition: top-level literals, security schemes, validators, gateway responses.
import type { AuthorizerState, GatewayResponseState, RequestValidatorState } from '../types.js'
import type { ImportedSettings, ImportProblems } from './definition.js'
import { assignDefined, isObj, type Maybe, type Obj, obj, str, stringMap, strings, text } from './values.js'

const API_KEY_SOURCES = ['HEADER', 'AUTHORIZER']
const MAX_COMPRESSION_SIZE = 10_485_760
const AUTHORIZER_TYPES: Record<string, string> = {
  token: 'TOKEN',
  request: 'REQUEST',
  cognito_user_pools: 'COGNITO_USER_POOLS',
}
/** The response types GetGatewayResponses knows ([MODEL] GatewayResponseType). */
const GATEWAY_RESPONSE_TYPES = [
  'DEFAULT_4XX',
  'DEFAULT_5XX',
  'RESOURCE_NOT_FOUND',
  'UNAUTHORIZED',
  'INVALID_API_KEY',
  'ACCESS_DENIED',
  'AUTHORIZER_FAILURE',
  'AUTHORIZER_CONFIGURATION_ERROR',
  'INVALID_SIGNATURE',
  'EXPIRED_TOKEN',
  'MISSING_AUTHENTICATION_TOKEN',
  'INTEGRATION_FAILURE',
  'INTEGRATION_TIMEOUT',
  'API_CONFIGURATION_ERROR',
  'UNSUPPORTED_MEDIA_TYPE',
  'BAD_REQUEST_PARAMETERS',
  'BAD_REQUEST_BODY',
  'REQUEST_TOO_LARGE',
  'THROTTLED',
  'QUOTA_EXCEEDED',
  'WAF_FILTERED',
]

export function readSettings(doc: Obj, problems: ImportProblems): ImportedSettings {
  const info = obj(doc.info)
  const settings: ImportedSettings = { name: str(info.title) as string }
  const optional: Maybe<ImportedSettings> = {
    description: str(info.description),
    version: text(info.version),
    binaryMediaTypes: strings(doc['x-amazon-apigateway-binary-media-types']),
    apiKeySource: str(doc['x-amazon-apigateway-api-key-source'])?.toUpperCase(),
    minimumCompressionSize: readCompressionSize(doc, problems),
    policy: readPolicy(doc['x-amazon-apigateway-policy']),
  }
  if (optional.apiKeySource && !API_KEY_SOURCES.includes(optional.apiKeySource)) {
    problems.error(`Invalid API key source specified: ${optional.apiKeySource}`)
  }
  const endpoint = doc['x-amazon-apigateway-endpoint-configuration']
  if (isObj(endpoint)) {
    if (typeof endpoint.disableExecuteApiEndpoint === 'boolean') {
      optional.disableExecuteApiEndpoint = endpoint.disableExecuteApiEndpoint
    }
    optional.vpcEndpointIds = strings(endpoint.vpcEndpointIds)
  }
  return assignDefined(settings, optional)
}

function readCompressionSize(doc: Obj, problems: ImportProblems): number | undefined {
  const value = doc['x-amazon-apigateway-minimum-compression-size']
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_COMPRESSION_SIZE) {
    problems.error(`Invalid minimum compression size: ${JSON.stringify(value)}; expected 0 to ${MAX_COMPRESSION_SIZE}`)
    return undefined
  }
  return value
}

/** AWS keeps the policy as JSON text; the file may carry it as an object or as text. */
function readPolicy(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  return isObj(value) ? JSON.stringify(value) : undefined
}

/** How each security scheme name is used by operations. */
export interface SecuritySchemes {
  apiKeys: Set<string>
  sigv4: Set<string>
  /** Authorizer name → AWS authorizer type (TOKEN, REQUEST, COGNITO_USER_POOLS). */
  authorizers: Map<string, string>
}

export function readSecuritySchemes(
  doc: Obj,
  problems: ImportProblems,
): { schemes: SecuritySchemes; authorizers: Array<Omit<AuthorizerState, 'id'>> } {
  const definitions = obj(doc.securityDefinitions ?? obj(doc.components).securitySchemes)
  const schemes: SecuritySchemes = { apiKeys: new Set(), sigv4: new Set(), authorizers: new Map() }
  const authorizers: Array<Omit<AuthorizerState, 'id'>> = []
  for (const [name, raw] of Object.entries(definitions)) {
    const def = obj(raw)
    const authType = str(def['x-amazon-apigateway-authtype'])
    if (isObj(def['x-amazon-apigateway-authorizer'])) {
      const authorizer = readAuthorizer(name, def, problems)
      if (authorizer) {
        authorizers.push(authorizer)
        schemes.authorizers.set(name, authorizer.type)
      }
    } else if (authType?.toLowerCase() === 'awssigv4') {
      schemes.sigv4.add(name)
    } else if (def.type === 'apiKey') {
      schemes.apiKeys.add(name)
    } else {
      problems.warn(`Unsupported security definition type '${String(def.type)}' for '${name}', ignoring.`)
    }
  }
  return { schemes, authorizers }
}

function readAuthorizer(name: string, def: Obj, problems: ImportProblems): Omit<AuthorizerState, 'id'> | undefined {
  const raw = obj(def['x-amazon-apigateway-authorizer'])
  const type = AUTHORIZER_TYPES[(str(raw.type) ?? 'token').toLowerCase()]
  if (!type) {
    problems.error(`Unable to create authorizer '${name}': Invalid authorizer type ${String(raw.type)}`)
    return undefined
  }
  const authorizer: Omit<AuthorizerState, 'id'> = { name, type }
  const header = str(def.name)
  const identitySource =
    str(raw.identitySource) ?? (type !== 'REQUEST' && header ? `method.request.header.${header}` : undefined)
  const optional: Maybe<AuthorizerState> = {
    authType: str(def['x-amazon-apigateway-authtype']),
    authorizerUri: str(raw.authorizerUri),
    authorizerCredentials: str(raw.authorizerCredentials),
    identitySource,
    identityValidationExpression: str(raw.identityValidationExpression),
    providerARNs: strings(raw.providerARNs),
    authorizerResultTtlInSeconds:
      typeof raw.authorizerResultTtlInSeconds === 'number' ? raw.authorizerResultTtlInSeconds : undefined,
  }
  assignDefined(authorizer, optional)
  if (type === 'COGNITO_USER_POOLS' && !authorizer.providerARNs?.length) {
    problems.error(`Unable to create authorizer '${name}': a Cognito authorizer needs providerARNs`)
  }
  if (type !== 'COGNITO_USER_POOLS' && !authorizer.authorizerUri) {
    problems.error(`Unable to create authorizer '${name}': Invalid authorizer URI`)
  }
  return authorizer
}

export function readRequestValidators(doc: Obj): Array<Omit<RequestValidatorState, 'id'>> {
  return Object.entries(obj(doc['x-amazon-apigateway-request-validators'])).map(([name, raw]) => ({
    name,
    validateRequestBody: obj(raw).validateRequestBody === true,
    validateRequestParameters: obj(raw).validateRequestParameters === true,
  }))
}

export function readGatewayResponses(doc: Obj, problems: ImportProblems): GatewayResponseState[] {
  const result: GatewayResponseState[] = []
  for (const [responseType, raw] of Object.entries(obj(doc['x-amazon-apigateway-gateway-responses']))) {
    if (!GATEWAY_RESPONSE_TYPES.includes(responseType)) {
      problems.error(`Unable to put gateway response '${responseType}': Invalid response type`)
      continue
    }
    const response: GatewayResponseState = { responseType }
    const statusCode = text(obj(raw).statusCode)
    const responseParameters = stringMap(obj(raw).responseParameters)
    const responseTemplates = stringMap(obj(raw).responseTemplates)
    if (statusCode) response.statusCode = statusCode
    if (responseParameters) response.responseParameters = responseParameters
    if (responseTemplates) response.responseTemplates = responseTemplates
    result.push(response)
  }
  return result
}
