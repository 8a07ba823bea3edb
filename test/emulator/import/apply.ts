// Writes an ImportedApi into a REST API: ImportRestApi (a new API), PutRestApi merge or overwrite
// ([DOC] import-api-update; what each mode keeps: import-previews-canary.md §1.2).
import { newId } from '../ids.js'
import { addRestApi, ensureResourcePath, removeResource } from '../state.js'
import type { EmulatorState, MethodState, ModelState, ResourceState, RestApiState } from '../types.js'
import type { ImportedApi, ImportedMethod, ImportedSettings } from './definition.js'

export type PutMode = 'merge' | 'overwrite'

export interface NewApiOptions {
  endpointType: string
  now: number
}

export function createRestApiFrom(state: EmulatorState, definition: ImportedApi, options: NewApiOptions): RestApiState {
  const api = addRestApi(state, { name: definition.settings.name, endpointTypes: [options.endpointType] }, options.now)
  applyDefinition(api, definition, 'overwrite')
  return api
}

/**
 * Merge keeps what the file does not name and lets the file win per method; overwrite deletes what the file
 * does not define, API-level literals included. Resource ids stay for paths that remain, in both modes.
 */
export function applyDefinition(api: RestApiState, definition: ImportedApi, mode: PutMode): void {
  applySettings(api, definition.settings, mode === 'overwrite')
  syncModels(api, definition.models, mode)
  syncNamed(api.authorizers, definition.authorizers, mode)
  syncNamed(api.requestValidators, definition.requestValidators, mode)
  if (mode === 'overwrite') api.gatewayResponses.clear()
  for (const response of definition.gatewayResponses) api.gatewayResponses.set(response.responseType, { ...response })
  if (mode === 'overwrite') removeResourcesOutside(api, [...definition.paths.keys()])
  for (const [path, methods] of definition.paths) {
    const resource = ensureResourcePath(api, path)
    if (mode === 'overwrite') resource.methods = {}
    for (const method of Object.values(methods))
      resource.methods[method.httpMethod] = storedMethod(api, resource, method)
  }
}

/** The file's value if it sets one; else the current value (merge) or AWS's default (overwrite). */
const pick = <T>(fromFile: T | undefined, current: T | undefined, overwrite: boolean, fallback?: T) =>
  fromFile !== undefined ? fromFile : overwrite ? fallback : current

function applySettings(api: RestApiState, settings: ImportedSettings, overwrite: boolean): void {
  // `name` and `version` come from info.title / info.version in both modes [AWS-REC 2025-07-02].
  api.name = settings.name
  setOptional(api, 'version', pick(settings.version, api.version, overwrite))
  setOptional(api, 'description', pick(settings.description, api.description, overwrite))
  setOptional(
    api,
    'minimumCompressionSize',
    pick(settings.minimumCompressionSize, api.minimumCompressionSize, overwrite),
  )
  setOptional(api, 'policy', pick(settings.policy, api.policy, overwrite))
  // binaryMediaTypes: overwrite replaces, merge takes the union [AWS-REC 2025-07-02].
  api.binaryMediaTypes = overwrite
    ? [...(settings.binaryMediaTypes ?? [])]
    : [...new Set([...api.binaryMediaTypes, ...(settings.binaryMediaTypes ?? [])])]
  api.apiKeySource = pick(settings.apiKeySource, api.apiKeySource, overwrite, 'HEADER') as string
  api.disableExecuteApiEndpoint = pick(
    settings.disableExecuteApiEndpoint,
    api.disableExecuteApiEndpoint,
    overwrite,
    false,
  ) as boolean
  // The endpoint types never change on an update; the VPC endpoint ids do.
  const vpcEndpointIds = pick(settings.vpcEndpointIds, api.endpointConfiguration.vpcEndpointIds, overwrite)
  if (vpcEndpointIds?.length) api.endpointConfiguration.vpcEndpointIds = [...vpcEndpointIds]
  else delete api.endpointConfiguration.vpcEndpointIds
}

function setOptional<K extends 'version' | 'description' | 'minimumCompressionSize' | 'policy'>(
  api: RestApiState,
  key: K,
  value: RestApiState[K] | undefined,
): void {
  if (value === undefined) delete api[key]
  else api[key] = value
}

/** Models are stored with references in AWS's URL form [AWS-REC 2025-07-02]. */
function syncModels(api: RestApiState, models: ImportedApi['models'], mode: PutMode): void {
  const wanted = new Set(models.map((m) => m.name))
  if (mode === 'overwrite') for (const name of [...api.models.keys()]) if (!wanted.has(name)) api.models.delete(name)
  const modelUrl = `https://apigateway.amazonaws.com/restapis/${api.id}/models/`
  for (const model of models) {
    const stored: ModelState = { ...model, id: api.models.get(model.name)?.id ?? newId(6) }
    if (model.schema) stored.schema = model.schema.replaceAll('"#/definitions/', `"${modelUrl}`)
    api.models.set(model.name, stored)
  }
}

/** Authorizers and validators are matched by name; a kept one keeps its id. */
function syncNamed<T extends { id: string; name: string }>(
  byId: Map<string, T>,
  wanted: Array<Omit<T, 'id'>>,
  mode: PutMode,
): void {
  const existing = new Map([...byId.values()].map((item) => [item.name, item.id]))
  const names = new Set(wanted.map((item) => item.name))
  if (mode === 'overwrite') for (const [name, id] of existing) if (!names.has(name)) byId.delete(id)
  for (const item of wanted) {
    const id = existing.get(item.name) ?? newId(6, (candidate) => byId.has(candidate))
    byId.set(id, { ...structuredClone(item), id } as T)
  }
}

/** Deletes every resource that is neither one of `paths` nor an ancestor of one (the root always stays). */
function removeResourcesOutside(api: RestApiState, paths: string[]): void {
  const kept = new Set<string>(['/'])
  for (const path of paths) {
    const parts = path.split('/').filter(Boolean)
    for (let i = 1; i <= parts.length; i++) kept.add(`/${parts.slice(0, i).join('/')}`)
  }
  for (const resource of [...api.resources.values()]) {
    if (!kept.has(resource.path) && api.resources.has(resource.id)) removeResource(api, resource.id)
    else if (!paths.includes(resource.path)) resource.methods = {}
  }
}

function storedMethod(api: RestApiState, resource: ResourceState, imported: ImportedMethod): MethodState {
  const { authorizerName, requestValidatorName, ...rest } = structuredClone(imported)
  const method: MethodState = rest
  const idOf = (items: Iterable<{ id: string; name: string }>, name: string | undefined) =>
    name === undefined ? undefined : [...items].find((item) => item.name === name)?.id
  const authorizerId = idOf(api.authorizers.values(), authorizerName)
  const requestValidatorId = idOf(api.requestValidators.values(), requestValidatorName)
  if (authorizerId) method.authorizerId = authorizerId
  if (requestValidatorId) method.requestValidatorId = requestValidatorId
  if (method.methodIntegration && method.methodIntegration.cacheNamespace === '') {
    method.methodIntegration.cacheNamespace = resource.id
  }
  return method
}
