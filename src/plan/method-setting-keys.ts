// Per-method overrides (`method-settings`) → the methodSettings keys AWS uses: `ANY` expanded to the verbs the
// resource has, and paths that name nothing the API has refused (AWS would accept the setting and never apply it).
import type { MethodSettingOverride } from '../inputs/types.js'
import type { ApiResource, MethodSettingValues } from '../model/state.js'
import { ANY_EXPANSION } from '../model/vocabulary.js'
import { PlanRefusal } from './refusal.js'

/** `~` → `~0`, then every `/` (the leading one too) → `~1`: `/pets/{petId}` → `~1pets~1{petId}`, `/` → `~1`. */
export function escapeResourcePath(resourcePath: string): string {
  return resourcePath.replaceAll('~', '~0').replaceAll('/', '~1')
}

/** The methodSettings key AWS uses for one method: `~1pets/GET`, `~1/GET` for the root resource. */
export function methodSettingKey(resourcePath: string, httpMethod: string): string {
  return `${escapeResourcePath(resourcePath)}/${httpMethod}`
}

export function withoutUndefined(values: MethodSettingValues): MethodSettingValues {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as MethodSettingValues
}

function describeResources(resources: ApiResource[]): string {
  const lines = [...resources]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((r) => `${r.path} (${r.methods.length ? [...r.methods].sort().join(', ') : 'no methods'})`)
  const shown = lines.slice(0, 50)
  return shown.join('; ') + (lines.length > shown.length ? `; … and ${lines.length - shown.length} more` : '')
}

function normalisedPath(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path
}

export interface ResolvedOverride {
  key: string
  settings: MethodSettingValues
}

/**
 * Each override → the concrete methodSettings keys it addresses. `ANY` becomes the verbs the resource
 * really has (all seven when it has an ANY method). Explicit verbs win over an `ANY` for the same key.
 */
export function resolveOverrides(
  overrides: MethodSettingOverride[],
  resources: ApiResource[] | undefined,
  notes: string[],
): ResolvedOverride[] {
  if (!overrides.length) return []
  if (!resources) throw new Error('plan error: method-settings needs the API resources, which were not read')
  const byPath = new Map(resources.map((r) => [normalisedPath(r.path), r]))
  const resolved = new Map<string, ResolvedOverride>()
  const put = (resourcePath: string, verb: string, settings: MethodSettingValues) => {
    const key = methodSettingKey(resourcePath, verb)
    const earlier = resolved.get(key)
    resolved.set(key, { key, settings: { ...(earlier?.settings ?? {}), ...withoutUndefined(settings) } })
  }
  // ANY first, so that an explicit `GET /x` overrides what `ANY /x` said for the same method.
  const ordered = [
    ...overrides.filter((o) => o.httpMethod.toUpperCase() === 'ANY'),
    ...overrides.filter((o) => o.httpMethod.toUpperCase() !== 'ANY'),
  ]
  for (const o of ordered) {
    const verb = o.httpMethod.toUpperCase()
    const written = `${verb} ${o.resourcePath}`
    const resource = byPath.get(normalisedPath(o.resourcePath))
    if (!resource) {
      throw new PlanRefusal(
        `Input 'method-settings': '${written}' names resource path '${o.resourcePath}', which this API does not have ` +
          `(AWS would accept the setting and never apply it). The API's resources are: ${describeResources(resources)}.`,
      )
    }
    const methods = resource.methods.map((m) => m.toUpperCase())
    const hasAny = methods.includes('ANY')
    if (verb === 'ANY') {
      const verbs = hasAny ? [...ANY_EXPANSION] : ANY_EXPANSION.filter((v) => methods.includes(v))
      if (!verbs.length) {
        throw new PlanRefusal(
          `Input 'method-settings': '${written}': resource '${resource.path}' has no methods` +
            (methods.length ? ` settings can address (it has ${methods.join(', ')}).` : '.') +
            ` The API's resources are: ${describeResources(resources)}.`,
        )
      }
      notes.push(
        `method-settings '${written}' applies to ${verbs.join(', ')}${hasAny ? ' (the resource has an ANY method)' : ''}.`,
      )
      for (const v of verbs) put(resource.path, v, o.settings)
      continue
    }
    if (!methods.includes(verb) && !hasAny) {
      throw new PlanRefusal(
        `Input 'method-settings': '${written}': resource '${resource.path}' has no ${verb} method ` +
          `(AWS would accept the setting and never apply it). It has: ${methods.length ? methods.join(', ') : 'no methods'}.`,
      )
    }
    put(resource.path, verb, o.settings)
  }
  return [...resolved.values()]
}
