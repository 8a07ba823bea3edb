// Pure URL and ARN builders. Host names and ARNs depend on the AWS partition of the region.

interface Partition {
  name: string
  dnsSuffix: string
  consoleHost: (region: string) => string
}

const PARTITIONS: Array<[RegExp, Partition]> = [
  [/^cn-/, { name: 'aws-cn', dnsSuffix: 'amazonaws.com.cn', consoleHost: () => 'console.amazonaws.cn' }],
  [/^us-gov-/, { name: 'aws-us-gov', dnsSuffix: 'amazonaws.com', consoleHost: () => 'console.amazonaws-us-gov.com' }],
  [/^us-isob-/, { name: 'aws-iso-b', dnsSuffix: 'sc2s.sgov.gov', consoleHost: () => 'console.sc2s.sgov.gov' }],
  [/^us-iso-/, { name: 'aws-iso', dnsSuffix: 'c2s.ic.gov', consoleHost: () => 'console.c2s.ic.gov' }],
  [/^eusc-/, { name: 'aws-eusc', dnsSuffix: 'amazonaws.eu', consoleHost: () => 'console.amazonaws.eu' }],
]
const COMMERCIAL: Partition = {
  name: 'aws',
  dnsSuffix: 'amazonaws.com',
  consoleHost: (region) => `${region}.console.aws.amazon.com`,
}

function partitionOf(region: string): Partition {
  return PARTITIONS.find(([pattern]) => pattern.test(region))?.[1] ?? COMMERCIAL
}

/** `https://{id}.execute-api.{region}.{suffix}/{stage}`: the stage's default invoke URL. */
export function stageBaseUrl(restApiId: string, region: string, stage: string): string {
  return `https://${restApiId}.execute-api.${region}.${partitionOf(region).dnsSuffix}/${stage}`
}

/** `https://{domain}/{basePath}`; the `(none)` base path maps the domain root. */
export function customDomainUrl(domainName: string, basePath: string): string {
  return basePath === '(none)' || basePath === '' ? `https://${domainName}/` : `https://${domainName}/${basePath}`
}

/** Deep link to the stage in the API Gateway console. */
export function consoleUrl(restApiId: string, region: string, stage: string): string {
  const host = partitionOf(region).consoleHost(region)
  return `https://${host}/apigateway/main/apis/${restApiId}/stages?api=${restApiId}&region=${region}&stage=${stage}`
}

/** ARN of a stage, as TagResource wants it. */
export function stageArn(region: string, restApiId: string, stage: string): string {
  return `arn:${partitionOf(region).name}:apigateway:${region}::/restapis/${restApiId}/stages/${stage}`
}

/** ARN of a REST API, as TagResource wants it. */
export function restApiArn(region: string, restApiId: string): string {
  return `arn:${partitionOf(region).name}:apigateway:${region}::/restapis/${restApiId}`
}
