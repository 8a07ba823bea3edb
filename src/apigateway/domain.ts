// GetDomainName + GetBasePathMappings → whether the custom domain exists and its mapping for one base path.
import {
  type APIGatewayClient,
  type BasePathMapping,
  GetDomainNameCommand,
  paginateGetBasePathMappings,
  paginateGetDomainNames,
} from '@aws-sdk/client-api-gateway'
import type { BasePathMappingState, ReadState } from '../model/state.js'
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

/**
 * Every base path mapping, on any custom domain of the account and region, that points at one of `stageNames`
 * of this API. Used before deleting stages, so no mapping is left pointing at nothing.
 */
export async function readMappingsTo(
  client: APIGatewayClient,
  restApiId: string,
  stageNames: string[],
): Promise<BasePathMappingState[]> {
  if (!stageNames.length) return []
  const wanted = new Set(stageNames)
  const domains: string[] = []
  try {
    for await (const page of paginateGetDomainNames({ client, pageSize: 500 }, {})) {
      domains.push(...(page.items ?? []).map((d) => d.domainName ?? '').filter(Boolean))
    }
  } catch (err) {
    throw new AwsCallError({ operation: 'GetDomainNames' }, err)
  }
  const perDomain = await Promise.all(
    domains.map(async (domainName) => {
      const found: BasePathMappingState[] = []
      try {
        for await (const page of paginateGetBasePathMappings({ client, pageSize: 500 }, { domainName })) {
          for (const m of page.items ?? []) {
            if (m.restApiId === restApiId && m.stage && wanted.has(m.stage))
              found.push(toBasePathMappingState(domainName, m))
          }
        }
      } catch (err) {
        throw new AwsCallError({ operation: `GetBasePathMappings '${domainName}'` }, err)
      }
      return found
    }),
  )
  return perDomain.flat()
}
