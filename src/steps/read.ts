// Step 2: read the current state, in parallel, before anything changes. A failure here changed nothing.

import { ApiGateway, type RestApiGateway } from '../apigateway/gateway.js'
import type { ActionInputs } from '../inputs/types.js'
import { errorMessage } from '../lib/errors.js'
import { ACTION_USER_AGENT } from '../lib/version.js'
import { stagePatternMatcher } from '../model/stage-pattern.js'
import type { ReadState } from '../model/state.js'
import { consoleUrl, customDomainUrl, stageBaseUrl } from '../model/urls.js'
import { NEW_REST_API_ID } from '../plan/types.js'
import { stageToPrefetch } from '../report/diff-sources.js'
import * as core from '../runner/actions-core.js'
import type { RunContext } from '../runner/context.js'
import { setOutputs } from '../runner/outputs.js'
import { previewOwner, readPreviewState } from './preview-read.js'

/** Where the stage is reached: its invoke URL, the custom domain's (when mapped) and the console page. */
interface StageUrls {
  readonly base: string
  readonly custom?: string
  readonly console: string
}

export interface ReadResult {
  readonly api: RestApiGateway
  readonly state: ReadState
  readonly urls: StageUrls
}

export async function readStep(inputs: ActionInputs, run: RunContext = {}): Promise<ReadResult> {
  // Before any call: a preview API needs its repository and pull request.
  const owner = inputs.preview ? previewOwner(inputs, run) : undefined
  const gateway = await ApiGateway.connect({
    ...(inputs.region ? { region: inputs.region } : {}),
    maxAttempts: inputs.maxAttempts,
    userAgent: ACTION_USER_AGENT,
  })
  const state = await core.group('Reading the current state', () => {
    core.loadActionsCoreAfterNextRequest()
    const reading =
      inputs.preview && owner
        ? readPreviewState({ gateway, inputs, preview: inputs.preview, owner })
        : readAll(gateway, inputs)
    return reading.catch((err: unknown) => {
      throw new Error(`${errorMessage(err)}\nNothing was changed: the run failed while reading the current state.`)
    })
  })
  const api = gateway.restApi(state.api.id)
  const custom = inputs.domain ? customDomainUrl(inputs.domain.name, inputs.domain.basePath) : undefined
  // From the API the run targets now: a preview API's first push learns its id only when ImportRestApi created it.
  const urls: StageUrls = {
    get base() {
      return stageBaseUrl(api.restApiId, gateway.region, inputs.stage)
    },
    ...(custom ? { custom } : {}),
    get console() {
      return consoleUrl(api.restApiId, gateway.region, inputs.stage)
    },
  }
  setOutputs({ 'previous-deployment-id': state.stage?.deploymentId ?? '' })
  if (state.api.id !== NEW_REST_API_ID) setApiOutputs(api.restApiId, urls)
  // A delete leaves no stage to point at.
  if (inputs.operation === 'delete') setOutputs({ 'base-url': '', 'console-url': '' })
  return Object.freeze({ api, state, urls })
}

/** The state as read, naming the API the run targets now (a preview API created by this run has its id). */
export function currentState(read: ReadResult): ReadState {
  const id = read.api.restApiId
  return id === read.state.api.id ? read.state : { ...read.state, api: { ...read.state.api, id } }
}

/** The outputs that name the API the run targets (a new preview API's once it exists). */
export function setApiOutputs(restApiId: string, urls: StageUrls): void {
  setOutputs({ 'rest-api-id': restApiId, 'base-url': urls.base, 'console-url': urls.console })
}

/** The state (with the definition the diff compares with) in one parallel round trip. */
async function readAll(gateway: ApiGateway, inputs: ActionInputs): Promise<ReadState> {
  const [state] = await Promise.all([
    gateway.readState({
      api: inputs.api,
      stage: inputs.stage,
      promoteFrom: inputs.promoteFrom,
      methodSettings: inputs.methodSettings,
      domain: inputs.domain,
      usagePlanIds: inputs.usagePlanIds,
      cleanup: cleanupRequest(inputs),
      definitionOf: stageToPrefetch(inputs),
    }),
    // A missing required SDK parameter must stop the run before anything changes.
    inputs.sdk ? gateway.checkSdkParameters(inputs.sdk) : undefined,
  ])
  core.info(`REST API: ${state.api.name} (${state.api.id}) in ${gateway.region}`)
  const s = state.stage
  core.info(
    s
      ? `Stage '${inputs.stage}' runs deployment ${s.deploymentId}${s.canary ? ` with a canary on ${s.canary.deploymentId} at ${s.canary.percentTraffic}%` : ''}`
      : `Stage '${inputs.stage}' does not exist yet`,
  )
  return state
}

/** What `delete` and pruning must read: the stages they may remove and the mappings pointing at them. */
function cleanupRequest(inputs: ActionInputs): { deleteStage: boolean; prunePattern?: RegExp } | undefined {
  const deleteStage = inputs.operation === 'delete'
  const prune = inputs.prunePreviewsOlderThanDays !== undefined
  if (!deleteStage && !prune) return undefined
  return { deleteStage, ...(prune ? { prunePattern: stagePatternMatcher(inputs.deleteStagePattern) } : {}) }
}
