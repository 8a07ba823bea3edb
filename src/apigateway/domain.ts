// GetDomainName + GetBasePathMappings → whether the custom domain exists and its mapping for one base path.
import {
  type APIGatewayClient,
  type BasePathMapping,
  GetDomainNameCommand,
  paginateGetBasePathMappings,
} from '@aws-sdk/client-api-gateway'
import type { BasePathMappingState, ReadState } from '../types.js'
import { AwsCallError, isNotFound } from './aws-error.js'

/** The empty base path: AWS writes it `(none)`. */
export const NO_BASE_PATH = '(none)'

function normalisedBasePath(basePath: string | undefined): string {
  return basePath === undefined || basePath === '' ? NO_BASE_PATH : basePath
}

export function toBasePathMappingState(domainName: string, m: BasePathMapping): BasePathMappingState {
  return {
    domainName,
    basePath: normalisedBasePath(m.basePath),
    restApiId: m.restApiId ?? '',
    stage: m.stage ?? NO_BASE_PATH,
  }
}

/** `{exists: false}` when the domain is not in this account and region; otherwise the mapping for `basePath`, if any. */
export async function readDomain(
  client: APIGatewayClient,
  domain: { name: string; basePath: string },
): Promise<NonNullable<ReadState['domain']>> {
  const domainName = domain.name
  const exists = client.send(new GetDomainNameCommand({ domainName })).then(
    () => true,
    (err: unknown) => {
      if (isNotFound(err)) return false
      throw new AwsCallError({ operation: `GetDomainName '${domainName}'` }, err)
    },
  )
  const mappings = (async () => {
    const all: BasePathMapping[] = []
    for await (const page of paginateGetBasePathMappings({ client, pageSize: 500 }, { domainName })) {
      all.push(...(page.items ?? []))
    }
    return all
  })()
  // Both start together; a missing domain makes the mappings read fail too, which is then irrelevant.
  mappings.catch(() => undefined)
  if (!(await exists)) return { exists: false }
  let all: BasePathMapping[]
  try {
    all = await mappings
  } catch (err) {
    throw new AwsCallError({ operation: `GetBasePathMappings '${domainName}'` }, err)
  }
  const wanted = normalisedBasePath(domain.basePath)
  const found = all.find((m) => normalisedBasePath(m.basePath) === wanted)
  return found ? { exists: true, mapping: toBasePathMappingState(domainName, found) } : { exists: true }
}
