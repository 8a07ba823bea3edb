// Authorization as an export shows it. API Gateway keeps, per method, one authorization type (NONE, AWS_IAM, CUSTOM,
// COGNITO_USER_POOLS) with its authorizer and scopes, and an "API key required" flag; the file's security
// requirements and schemes are read into those, and the export writes them back in its own vocabulary.
import { isObject, type JsonObject } from './json.js'
import { listAt, objectAt, stringAt, stringsAt } from './served-values.js'

const AUTHTYPE_KEY = 'x-amazon-apigateway-authtype'
const AUTHORIZER_KEY = 'x-amazon-apigateway-authorizer'
/** The scheme names the export gives to IAM authorization and to API keys, whatever the file called them. */
const SIGV4 = 'sigv4'
const API_KEY = 'api_key'

type AuthorizerType = 'TOKEN' | 'REQUEST' | 'COGNITO_USER_POOLS'
const AUTHORIZER_TYPES: Record<string, AuthorizerType> = {
  token: 'TOKEN',
  request: 'REQUEST',
  cognito_user_pools: 'COGNITO_USER_POOLS',
}

type Scheme = { kind: 'api-key' } | { kind: 'sigv4' } | { kind: 'authorizer'; type: AuthorizerType; scheme: JsonObject }

/** What API Gateway stores on one method. */
interface MethodAuthorization {
  type: 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'COGNITO_USER_POOLS'
  authorizer?: string
  scopes: string[]
  apiKeyRequired: boolean
}

export class ServedSecurity {
  private readonly schemes = new Map<string, Scheme>()
  private readonly used: JsonObject = {}

  constructor(private readonly document: JsonObject) {
    const definitions = objectAt(document.securityDefinitions ?? objectAt(document.components).securitySchemes)
    for (const [name, raw] of Object.entries(definitions)) {
      const scheme = readScheme(objectAt(raw))
      // OAuth2, HTTP and OpenID Connect schemes are ignored by the import (with a warning).
      if (scheme) this.schemes.set(name, scheme)
    }
  }

  /** The operation's `security` as the export writes it; the schemes it names are kept for exportedSchemes(). */
  requirements(operation: JsonObject): JsonObject[] {
    const auth = this.methodAuthorization(operation)
    const out: JsonObject[] = []
    // The export writes each part as its own requirement object, IAM first, then the authorizer, then the key.
    if (auth.type === 'AWS_IAM') out.push(this.use(SIGV4, SIGV4_SCHEME, []))
    const scheme = auth.authorizer === undefined ? undefined : this.schemes.get(auth.authorizer)
    if ((auth.type === 'CUSTOM' || auth.type === 'COGNITO_USER_POOLS') && scheme?.kind === 'authorizer') {
      const scopes = auth.type === 'COGNITO_USER_POOLS' ? auth.scopes : []
      out.push(this.use(auth.authorizer as string, authorizerScheme(scheme.type, scheme.scheme), scopes))
    }
    if (auth.apiKeyRequired) out.push(this.use(API_KEY, API_KEY_SCHEME, []))
    return out
  }

  /** components.securitySchemes of the export: only the schemes some method uses (authorizers included). */
  exportedSchemes(): JsonObject {
    return this.used
  }

  private use(name: string, scheme: JsonObject, scopes: string[]): JsonObject {
    this.used[name] = scheme
    return { [name]: scopes }
  }

  private methodAuthorization(operation: JsonObject): MethodAuthorization {
    const auth: MethodAuthorization = { type: 'NONE', scopes: [], apiKeyRequired: false }
    // An operation without `security` gets the document's: AWS applies document-level security to every method
    // (AWS-REC 2025-07-02, test_import_with_global_api_key_authorizer and test_import_with_cognito_auth_identity_source).
    const requirements = Array.isArray(operation.security) ? operation.security : listAt(this.document.security)
    // A method has one authorization type and one flag, so alternatives (`a | b`) and combinations (`a + b`) both
    // end up as the union of their parts.
    for (const requirement of requirements) {
      for (const [name, scopes] of Object.entries(objectAt(requirement))) {
        const scheme = this.schemes.get(name)
        if (scheme?.kind === 'api-key') auth.apiKeyRequired = true
        else if (scheme?.kind === 'sigv4') auth.type = 'AWS_IAM'
        else if (scheme?.kind === 'authorizer') {
          auth.type = scheme.type === 'COGNITO_USER_POOLS' ? 'COGNITO_USER_POOLS' : 'CUSTOM'
          auth.authorizer = name
          auth.scopes = stringsAt(scopes) ?? []
        }
      }
    }
    // x-amazon-apigateway-auth sets the method's authorization type directly ([DOC] extensions).
    const declared = stringAt(objectAt(operation['x-amazon-apigateway-auth']).type)?.toUpperCase()
    if (declared === 'AWS_IAM' || declared === 'NONE') auth.type = declared
    return auth
  }
}

function readScheme(raw: JsonObject): Scheme | undefined {
  const authorizer = raw[AUTHORIZER_KEY]
  if (isObject(authorizer)) {
    const type = AUTHORIZER_TYPES[(stringAt(authorizer.type) ?? 'token').toLowerCase()]
    return type === undefined ? undefined : { kind: 'authorizer', type, scheme: raw }
  }
  if (stringAt(raw[AUTHTYPE_KEY])?.toLowerCase() === 'awssigv4') return { kind: 'sigv4' }
  return raw.type === 'apiKey' ? { kind: 'api-key' } : undefined
}

/** IAM authorization in the export ([DOC] x-amazon-apigateway-authtype, `awsSigv4`). */
const SIGV4_SCHEME: JsonObject = { type: 'apiKey', name: 'Authorization', in: 'header', [AUTHTYPE_KEY]: 'awsSigv4' }
/** Required API keys in the export ([DOC] api-key-usage-plan-oas: `api_key`, header `x-api-key`). */
const API_KEY_SCHEME: JsonObject = { type: 'apiKey', name: 'x-api-key', in: 'header' }

/** An authorizer as the export writes it: the file's scheme reduced to what API Gateway's Authorizer keeps. */
function authorizerScheme(type: AuthorizerType, raw: JsonObject): JsonObject {
  const details = objectAt(raw[AUTHORIZER_KEY])
  const cognito = type === 'COGNITO_USER_POOLS'
  // A TOKEN or Cognito authorizer reads the scheme's header unless it names its identity source.
  const header = stringAt(raw.name)
  const identitySource =
    stringAt(details.identitySource) ?? (type !== 'REQUEST' && header ? `method.request.header.${header}` : undefined)
  // The export names the identity header, or `Unused` for a REQUEST authorizer without a single header source.
  const identityHeader = /^method\.request\.header\.([^,\s]+)$/.exec(identitySource ?? '')?.[1]
  const out: JsonObject = {
    type: 'apiKey',
    name: identityHeader ?? (type === 'REQUEST' ? 'Unused' : 'Authorization'),
    in: 'header',
    [AUTHTYPE_KEY]: stringAt(raw[AUTHTYPE_KEY]) ?? (cognito ? 'cognito_user_pools' : 'custom'),
  }
  const kept: JsonObject = { type: cognito ? 'cognito_user_pools' : type.toLowerCase() }
  for (const key of ['authorizerUri', 'authorizerCredentials', 'identityValidationExpression'] as const) {
    const value = stringAt(details[key])
    if (value !== undefined) kept[key] = value
  }
  const providers = stringsAt(details.providerARNs)
  if (providers !== undefined) kept.providerARNs = providers
  // Only a REQUEST authorizer shows its identity source; the others show it as the scheme's header.
  if (type === 'REQUEST' && identitySource !== undefined) kept.identitySource = identitySource
  const ttl = details.authorizerResultTtlInSeconds
  if (typeof ttl === 'number') kept.authorizerResultTtlInSeconds = ttl
  out[AUTHORIZER_KEY] = kept
  return out
}
