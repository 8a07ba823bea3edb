// Removing preview APIs (close and prune): what points at an API goes first, then the API.
import type { PreviewApi, PreviewState } from '../model/state.js'
import type { PlannedCall } from './types.js'

/** For each API: DeleteBasePathMapping of every mapping pointing at it (AWS refuses otherwise), then DeleteRestApi. */
export function apiRemovalCalls(apis: readonly PreviewApi[], preview: PreviewState): PlannedCall[] {
  return apis.flatMap((api): PlannedCall[] => [
    ...preview.mappings
      .filter((m) => m.restApiId === api.id)
      .map((m): PlannedCall => ({ action: 'DeleteBasePathMapping', domainName: m.domainName, basePath: m.basePath })),
    { action: 'DeleteRestApi', restApiId: api.id, name: api.name },
  ])
}
