// Shapes of the emulator's in-memory state and of its public options. Field names follow AWS's.

export type Dict<T> = Record<string, T>

export interface MethodResponseState {
  statusCode: string
  responseParameters?: Dict<boolean>
  responseModels?: Dict<string>
}

export interface IntegrationResponseState {
  statusCode: string
  selectionPattern?: string
  responseParameters?: Dict<string>
  responseTemplates?: Dict<string>
  contentHandling?: string
}

export interface IntegrationState {
  type: string
  httpMethod?: string
  uri?: string
  connectionType?: string
  connectionId?: string
  credentials?: string
  requestParameters?: Dict<string>
  requestTemplates?: Dict<string>
  passthroughBehavior: string
  contentHandling?: string
  timeoutInMillis: number
  cacheNamespace: string
  cacheKeyParameters: string[]
  integrationResponses: Dict<IntegrationResponseState>
  tlsConfig?: { insecureSkipVerification: boolean }
}

export interface MethodState {
  httpMethod: string
  authorizationType: string
  authorizerId?: string
  apiKeyRequired: boolean
  operationName?: string
  requestParameters?: Dict<boolean>
  requestModels?: Dict<string>
  requestValidatorId?: string
  authorizationScopes?: string[]
  methodResponses: Dict<MethodResponseState>
  methodIntegration?: IntegrationState
}

export interface ResourceState {
  id: string
  parentId?: string
  pathPart?: string
  path: string
  methods: Dict<MethodState>
}

export interface ModelState {
  id: string
  name: string
  description?: string
  contentType: string
  /** JSON schema text; references to other models are kept as `#/definitions/<Name>`. */
  schema?: string
}

export interface AuthorizerState {
  id: string
  name: string
  type: string
  /** `x-amazon-apigateway-authtype` as imported (`custom`, `cognito_user_pools`, `oauth2`, …). */
  authType?: string
  authorizerUri?: string
  authorizerCredentials?: string
  identitySource?: string
  identityValidationExpression?: string
  providerARNs?: string[]
  authorizerResultTtlInSeconds?: number
}

export interface RequestValidatorState {
  id: string
  name: string
  validateRequestBody: boolean
  validateRequestParameters: boolean
}

export interface GatewayResponseState {
  /** `DEFAULT_4XX`, `ACCESS_DENIED`, … */
  responseType: string
  statusCode?: string
  responseParameters?: Dict<string>
  responseTemplates?: Dict<string>
}

export interface EndpointConfigurationState {
  types: string[]
  ipAddressType: string
  vpcEndpointIds?: string[]
}

/** What a deployment freezes: the API definition as it was when the deployment was created. */
export interface ApiSnapshot {
  name: string
  description?: string
  version?: string
  binaryMediaTypes: string[]
  apiKeySource: string
  minimumCompressionSize?: number
  policy?: string
  disableExecuteApiEndpoint: boolean
  vpcEndpointIds?: string[]
  resources: ResourceState[]
  models: ModelState[]
  authorizers: AuthorizerState[]
  requestValidators: RequestValidatorState[]
  gatewayResponses: GatewayResponseState[]
}

export interface DeploymentState {
  id: string
  description?: string
  /** epoch milliseconds */
  createdDate: number
  snapshot: ApiSnapshot
}

export interface CanaryState {
  deploymentId: string
  percentTraffic: number
  stageVariableOverrides?: Dict<string>
  useStageCache: boolean
}

export interface MethodSettingState {
  metricsEnabled: boolean
  loggingLevel?: string
  dataTraceEnabled: boolean
  throttlingBurstLimit: number
  throttlingRateLimit: number
  cachingEnabled: boolean
  cacheTtlInSeconds: number
  cacheDataEncrypted: boolean
  requireAuthorizationForCacheControl: boolean
  unauthorizedCacheControlHeaderStrategy: string
}

export interface AccessLogSettingsState {
  format?: string
  destinationArn?: string
}

export interface StageState {
  stageName: string
  deploymentId: string
  description?: string
  clientCertificateId?: string
  cacheClusterEnabled: boolean
  cacheClusterSize?: string
  cacheClusterStatus: string
  methodSettings: Dict<MethodSettingState>
  variables: Dict<string>
  documentationVersion?: string
  accessLogSettings?: AccessLogSettingsState
  canarySettings?: CanaryState
  tracingEnabled: boolean
  webAclArn?: string
  createdDate: number
  lastUpdatedDate: number
  /** How many FlushStageCache calls the stage received (emulator bookkeeping, not an AWS field). */
  cacheFlushes: number
  /** When a cache cluster change in progress settles (emulator bookkeeping; see `cacheClusterTransitionMs`). */
  cacheClusterSettlesAt?: number
}

export interface RestApiState {
  id: string
  name: string
  description?: string
  version?: string
  createdDate: number
  binaryMediaTypes: string[]
  minimumCompressionSize?: number
  apiKeySource: string
  endpointConfiguration: EndpointConfigurationState
  policy?: string
  disableExecuteApiEndpoint: boolean
  rootResourceId: string
  resources: Map<string, ResourceState>
  models: Map<string, ModelState>
  authorizers: Map<string, AuthorizerState>
  requestValidators: Map<string, RequestValidatorState>
  /** By response type. */
  gatewayResponses: Map<string, GatewayResponseState>
  deployments: Map<string, DeploymentState>
  stages: Map<string, StageState>
}

export interface ThrottleState {
  burstLimit?: number
  rateLimit?: number
}

export interface QuotaState {
  limit?: number
  offset?: number
  period?: string
}

export interface ApiStageState {
  apiId: string
  stage: string
  throttle?: Dict<ThrottleState>
}

export interface UsagePlanState {
  id: string
  name: string
  description?: string
  apiStages: ApiStageState[]
  throttle?: ThrottleState
  quota?: QuotaState
  productCode?: string
}

export interface BasePathMappingState {
  /** `(none)` for the empty base path. */
  basePath: string
  restApiId: string
  stage?: string
}

export interface DomainNameState {
  domainName: string
  endpointType: 'EDGE' | 'REGIONAL'
  certificateArn?: string
  regionalCertificateArn?: string
  distributionDomainName?: string
  regionalDomainName?: string
  securityPolicy: string
  createdDate: number
  mappings: Map<string, BasePathMappingState>
}

export interface EmulatorState {
  region: string
  accountId: string
  restApis: Map<string, RestApiState>
  usagePlans: Map<string, UsagePlanState>
  domainNames: Map<string, DomainNameState>
  /** Tags by resource ARN (stages, rest APIs, usage plans). */
  tags: Map<string, Dict<string>>
}

/** What `variables` in CreateDeployment does to an existing stage: AWS's behaviour was not observed. */
export type DeploymentVariablesMode = 'merge' | 'replace'

export interface EmulatorOptions {
  region?: string
  accountId?: string
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number
  quotas?: { enabled: boolean; timeScale?: number }
  /** Delay added before every response, in milliseconds. */
  latencyMs?: number
  /** Stages per REST API before CreateStage/CreateDeployment answer 400 (AWS default 10). */
  stagesPerApi?: number
  /** CreateDeployment `variables` on an existing stage: merge into (default) or replace its variables. */
  deploymentVariables?: DeploymentVariablesMode
  /**
   * How long a cache cluster created, resized or deleted by UpdateStage stays `CREATE_IN_PROGRESS` /
   * `DELETE_IN_PROGRESS` before it is `AVAILABLE` / `NOT_AVAILABLE` (AWS: about 4 minutes). Default 0: at once.
   */
  cacheClusterTransitionMs?: number
  /**
   * REST APIs per region by endpoint type before CreateRestApi/ImportRestApi answer 400 (AWS: 600 regional,
   * 120 edge, 600 private; not raisable). Set small numbers to test the cap.
   */
  restApiLimits?: Partial<RestApiLimits>
}

export interface RestApiLimits {
  regional: number
  edge: number
  private: number
}

export interface CallRecord {
  operation: string
  method: string
  path: string
  query: Dict<string | string[]>
  /** The JSON body parsed; a body that is not JSON (a YAML definition) as text; undefined when empty. */
  body: unknown
  /** HTTP status sent; 0 when the connection was dropped without a response. */
  status: number
  write: boolean
  /** epoch milliseconds when the request arrived */
  at: number
}

/**
 * A hook registered through the control surface (`POST /__emulator/hooks`): after each successful `after` call,
 * `times` times (default 1; -1 = always), PutRestApi `putRestApi.body` into `putRestApi.restApiId` (default: the
 * API the call named), as another pipeline would. Not logged as a call.
 */
export interface ImportHookSpec {
  after: string
  times?: number
  putRestApi: { restApiId?: string; body: string; mode?: 'merge' | 'overwrite' }
}

export type FaultKind = 'throttle' | 'conflict' | 'unavailable' | 'drop'

export interface FaultSpec {
  /** Operation name such as `UpdateStage`, or `*` for every operation. */
  operation: string
  kind: FaultKind
  /** How many matching calls fail (default 1; `Infinity`, or -1 through the control surface, for all). */
  times?: number
  /** Retry-After header value for throttle/unavailable (default 1). */
  retryAfterSeconds?: number
  /** Let this many matching calls pass before failing (default 0). */
  after?: number
}
