// GetDomainName + GetBasePathMappings → whether the custom domain exists and its mapping for one base path.
import {
  type APIGatewayClient,
  type BasePathMapping,
  GetDomainNameCommand,
  paginateGetBasePathMappings,
  paginateGetDomainNames,
} from '@aws-sdk/client-api-gateway'
import type { BasePathMappingState, ReadState } from '../model/state.js'
import { allItems, awsCall } from './aws-call.js'
import type { RestApiTarget } from './client.js'

/** The empty base path: AWS writes it `(none)`. */
const NO_BASE_PATH = '(none)'

function normalisedBasePath(basePath: string | undefined): string {
  return basePath === undefined || basePath === '' ? NO_BASE_PATH : basePath
}

function toBasePathMappingState(domainName: string, m: BasePathMapping): BasePathMappingState {
  return {
    domainName,
    basePath: normalisedBasePath(m.basePath),
    restApiId: m.restApiId ?? '',
    stage: m.stage ?? NO_BASE_PATH,
  }
}

/** Every base path mapping of the domain. */
function readMappings(client: APIGatewayClient, domainName: string): Promise<BasePathMapping[]> {
  return awsCall({ operation: `GetBasePathMappings '${domainName}'` }, () =>
    allItems(paginateGetBasePathMappings({ client, pageSize: 500 }, { domainName })),
  )
}

/** Every base path mapping of the domain, as domain types. */
async function readMappingsOfDomain(client: APIGatewayClient, domainName: string): Promise<BasePathMappingState[]> {
  return (await readMappings(client, domainName)).map((m) => toBasePathMappingState(domainName, m))
}

/** `{exists: false}` when the domain is not in this account and region; otherwise the mapping for `basePath`, if any. */
export async function readDomain(
  client: APIGatewayClient,
  domain: { name: string; basePath: string },
): Promise<NonNullable<ReadState['domain']>> {
  const domainName = domain.name
  const found = awsCall(
    { operation: `GetDomainName '${domainName}'` },
    () => client.send(new GetDomainNameCommand({ domainName })),
    { allowNotFound: true },
  )
  const mappings = readMappings(client, domainName)
  // Both start together; a missing domain makes the mappings read fail too, which is then irrelevant.
  mappings.catch(() => undefined)
  if (!(await found)) return { exists: false }
  const wanted = normalisedBasePath(domain.basePath)
  const mapping = (await mappings).find((m) => normalisedBasePath(m.basePath) === wanted)
  return mapping ? { exists: true, mapping: toBasePathMappingState(domainName, mapping) } : { exists: true }
}

/**
 * Every base path mapping, on any custom domain of the account and region, that points at one of `stageNames`
 * of this API. Used before deleting stages, so no mapping is left pointing at nothing.
 */
export async function readMappingsTo(
  { client, restApiId }: RestApiTarget,
  stageNames: string[],
): Promise<BasePathMappingState[]> {
  if (!stageNames.length) return []
  const wanted = new Set(stageNames)
  return readMappingsWhere(client, (m) => m.restApiId === restApiId && wanted.has(m.stage))
}

/** Every base path mapping, on any custom domain of the region, that `keep` accepts. */
export async function readMappingsWhere(
  client: APIGatewayClient,
  keep: (mapping: BasePathMappingState) => boolean,
): Promise<BasePathMappingState[]> {
  const domains = await awsCall({ operation: 'GetDomainNames' }, () =>
    allItems(paginateGetDomainNames({ client, pageSize: 500 }, {})),
  )
  const perDomain = await Promise.all(
    domains
      .map((d) => d.domainName ?? '')
      .filter(Boolean)
      .map(async (domainName) => (await readMappingsOfDomain(client, domainName)).filter(keep)),
  )
  return perDomain.flat()
}
