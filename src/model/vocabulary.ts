// AWS vocabularies and limits, each an `as const` array (or a constant) with its type derived from it.
// Limits come from reference/apigateway-semantics.md section 8 unless noted.

export const CACHE_CLUSTER_SIZES = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'] as const
export type CacheClusterSize = (typeof CACHE_CLUSTER_SIZES)[number]

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'] as const
export type HttpMethod = (typeof HTTP_METHODS)[number]
/** The verbs `ANY` stands for (ANY itself is rejected by AWS in method-setting paths). */
export const ANY_EXPANSION = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const

export const LOGGING_LEVELS = ['OFF', 'ERROR', 'INFO'] as const
export type LoggingLevel = (typeof LOGGING_LEVELS)[number]

export const CACHE_CONTROL_STRATEGIES = [
  'FAIL_WITH_403',
  'SUCCEED_WITH_RESPONSE_HEADER',
  'SUCCEED_WITHOUT_RESPONSE_HEADER',
] as const
export type CacheControlStrategy = (typeof CACHE_CONTROL_STRATEGIES)[number]

export const EXPORT_TYPES = ['oas30', 'swagger'] as const
export type ExportType = (typeof EXPORT_TYPES)[number]
export const EXPORT_FORMATS = ['json', 'yaml'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
export const EXPORT_EXTENSIONS = ['integrations', 'apigateway', 'authorizers', 'postman'] as const
export type ExportExtension = (typeof EXPORT_EXTENSIONS)[number]

export const SDK_TYPES = ['javascript', 'java', 'android', 'objectivec', 'swift', 'ruby'] as const
export type SdkType = (typeof SDK_TYPES)[number]
/** GetSdk parameters the service model marks as required, per SDK type. */
export const SDK_REQUIRED_PARAMETERS: Readonly<Record<SdkType, readonly string[]>> = {
  javascript: [],
  java: ['serviceName', 'javaPackageName'],
  android: ['groupId', 'artifactId', 'artifactVersion', 'invokerPackage'],
  objectivec: ['classPrefix'],
  swift: ['classPrefix'],
  ruby: [],
}

/** Characters AWS allows in a stage variable value, as the pattern and as text for messages. */
export const VARIABLE_VALUE_PATTERN = /^[A-Za-z0-9\-._~:/?#&=,]+$/
export const VARIABLE_VALUE_CHARSET = 'A-Z a-z 0-9 - . _ ~ : / ? # & = ,'
export const MAX_VARIABLE_VALUE_LENGTH = 512
/** Stage variables per stage (fixed AWS quota). */
export const MAX_STAGE_VARIABLES = 100
/** Account defaults for stage and method throttling (AWS; some Regions are lower). */
export const MAX_THROTTLING_RATE_LIMIT = 10_000
export const MAX_THROTTLING_BURST_LIMIT = 5_000
export const MAX_CACHE_TTL_SECONDS = 3_600
/** Single-level base path characters (v1 CreateBasePathMapping); multi-level paths need apigatewayv2. */
export const MAX_BASE_PATH_LENGTH = 300
