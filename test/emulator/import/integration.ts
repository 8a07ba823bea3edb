// `x-amazon-apigateway-integration` → the integration AWS stores, with PutIntegration's checks.
import type { Dict, IntegrationResponseState, IntegrationState } from '../types.js'
import type { ImportProblems } from './definition.js'
import { assignDefined, isObj, type Obj, obj, str, stringMap, strings, text } from './values.js'

const TYPES = ['HTTP', 'HTTP_PROXY', 'AWS', 'AWS_PROXY', 'MOCK']
/** An http(s) URL; `${stageVariables.x}` may stand for any part of it. */
const HTTP_URI = /^https?:\/\/\S+$/
/** `arn:aws:apigateway:{region}:{service}:{path|action}/…`; a stage variable may name the Lambda function. */
const AWS_URI = /^arn:aws[a-z-]*:apigateway:[a-z0-9-]+:[a-z0-9.-]+:(path|action)\/\S+$/

export interface MethodRef {
  httpMethod: string
  path: string
}

/** Where a problem is: AWS names the method and the resource path. */
const at = (ref: MethodRef) => `Unable to put integration on '${ref.httpMethod}' for resource at path '${ref.path}'`

export function readIntegration(raw: Obj, ref: MethodRef, problems: ImportProblems): IntegrationState | undefined {
  const type = (str(raw.type) ?? '').toUpperCase()
  if (!TYPES.includes(type)) {
    problems.error(`${at(ref)}: Invalid integration type specified`)
    return undefined
  }
  const integration: IntegrationState = {
    type,
    passthroughBehavior: (str(raw.passthroughBehavior) ?? 'when_no_match').toUpperCase(),
    timeoutInMillis: typeof raw.timeoutInMillis === 'number' ? raw.timeoutInMillis : 29000,
    // '' stands for "the resource's id", filled in when the method is stored.
    cacheNamespace: str(raw.cacheNamespace) ?? '',
    cacheKeyParameters: strings(raw.cacheKeyParameters) ?? [],
    integrationResponses: readResponses(raw.responses),
  }
  assignDefined(integration, {
    httpMethod: str(raw.httpMethod)?.toUpperCase(),
    uri: str(raw.uri),
    credentials: str(raw.credentials),
    connectionType: str(raw.connectionType)?.toUpperCase(),
    connectionId: str(raw.connectionId),
    contentHandling: str(raw.contentHandling),
    requestParameters: readRequestParameters(raw.requestParameters, ref, problems),
    requestTemplates: stringMap(raw.requestTemplates),
  })
  if (isObj(raw.tlsConfig)) {
    integration.tlsConfig = { insecureSkipVerification: raw.tlsConfig.insecureSkipVerification === true }
  }
  if (type !== 'MOCK') {
    // GetIntegration shows INTERNET for every non-mock integration without a VPC link [AWS-REC 2025-07-02].
    integration.connectionType ??= 'INTERNET'
    checkTarget(integration, ref, problems)
  }
  return integration
}

function checkTarget(integration: IntegrationState, ref: MethodRef, problems: ImportProblems): void {
  if (!integration.httpMethod) problems.error(`${at(ref)}: Enumeration value for HttpMethod must be non-empty`)
  const uri = integration.uri ?? ''
  if (integration.type.startsWith('HTTP') && !HTTP_URI.test(uri)) {
    problems.error(`${at(ref)}: Invalid HTTP endpoint specified for URI`)
  }
  if (integration.type.startsWith('AWS') && !AWS_URI.test(uri)) {
    problems.error(`${at(ref)}: Invalid ARN specified in the request`)
  }
  if (integration.connectionType === 'VPC_LINK' && !integration.connectionId) {
    problems.error(`${at(ref)}: Invalid VPC link identifier specified`)
  }
}

/** Values must be strings; others are dropped with AWS's warning [AWS-REC 2025-07-02]. */
function readRequestParameters(value: unknown, ref: MethodRef, problems: ImportProblems): Dict<string> | undefined {
  if (!isObj(value)) return undefined
  for (const [name, mapped] of Object.entries(value)) {
    if (typeof mapped === 'string') continue
    problems.warn(
      `Invalid format for 'requestParameters'. Expected type string for property '${name}' of resource '${ref.path}' and method '${ref.httpMethod}' but got '${String(mapped)}'`,
    )
  }
  return stringMap(value)
}

/** Keyed by selection pattern in the file (`default` = none), by status code in AWS. */
function readResponses(value: unknown): Dict<IntegrationResponseState> {
  const responses: Dict<IntegrationResponseState> = {}
  for (const [pattern, raw] of Object.entries(obj(value))) {
    const response = obj(raw)
    const stored: IntegrationResponseState = { statusCode: text(response.statusCode) ?? '200' }
    assignDefined(stored, {
      selectionPattern: pattern === 'default' ? undefined : pattern,
      responseParameters: stringMap(response.responseParameters),
      responseTemplates: stringMap(response.responseTemplates),
      contentHandling: str(response.contentHandling),
    })
    responses[stored.statusCode] = stored
  }
  return responses
}
