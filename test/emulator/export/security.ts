// Security requirements and definitions of a method: API key, IAM (sigv4), Lambda and Cognito authorizers.
import type { ApiSnapshot, AuthorizerState, MethodState } from '../types.js'
import { type ExportInput, type Json, withAuthorizers } from './common.js'

export interface Security {
  requirement: Json[]
  definitions: Json
}

export function methodSecurity(method: MethodState, snapshot: ApiSnapshot, input: ExportInput): Security {
  const requirement: Json[] = []
  const definitions: Json = {}
  const extended = withAuthorizers(input)
  if (method.authorizationType === 'AWS_IAM') {
    requirement.push({ sigv4: [] })
    definitions.sigv4 = {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      ...(extended ? { 'x-amazon-apigateway-authtype': 'awsSigv4' } : {}),
    }
  }
  const authorizer = snapshot.authorizers.find((a) => a.id === method.authorizerId)
  const cognito = method.authorizationType === 'COGNITO_USER_POOLS'
  if (authorizer && (method.authorizationType === 'CUSTOM' || cognito)) {
    requirement.push({ [authorizer.name]: cognito ? [...(method.authorizationScopes ?? [])] : [] })
    definitions[authorizer.name] = authorizerDefinition(authorizer, extended)
  }
  if (method.apiKeyRequired) {
    requirement.push({ api_key: [] })
    definitions.api_key = { type: 'apiKey', name: 'x-api-key', in: 'header' }
  }
  return { requirement, definitions }
}

/** The identity header, or `Unused` for a request authorizer without a single header source ([DOC] example). */
function authorizerDefinition(authorizer: AuthorizerState, extended: boolean): Json {
  const header = /^method\.request\.header\.([^,\s]+)$/.exec(authorizer.identitySource ?? '')?.[1]
  const name = header ?? (authorizer.type === 'REQUEST' ? 'Unused' : 'Authorization')
  const definition: Json = { type: 'apiKey', name, in: 'header' }
  if (!extended) return definition
  const cognito = authorizer.type === 'COGNITO_USER_POOLS'
  definition['x-amazon-apigateway-authtype'] = authorizer.authType ?? (cognito ? 'cognito_user_pools' : 'custom')
  const details: Json = { type: cognito ? 'cognito_user_pools' : authorizer.type.toLowerCase() }
  if (authorizer.authorizerUri) details.authorizerUri = authorizer.authorizerUri
  if (authorizer.authorizerCredentials) details.authorizerCredentials = authorizer.authorizerCredentials
  if (authorizer.providerARNs) details.providerARNs = [...authorizer.providerARNs]
  if (authorizer.type === 'REQUEST' && authorizer.identitySource) details.identitySource = authorizer.identitySource
  if (authorizer.identityValidationExpression) {
    details.identityValidationExpression = authorizer.identityValidationExpression
  }
  if (authorizer.authorizerResultTtlInSeconds !== undefined) {
    details.authorizerResultTtlInSeconds = authorizer.authorizerResultTtlInSeconds
  }
  definition['x-amazon-apigateway-authorizer'] = details
  return definition
}
