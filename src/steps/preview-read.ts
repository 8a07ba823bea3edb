// Step 2 with `preview-isolation: api`: who owns the preview (repository and pull request, checked before any call),
// then the source API and this pull request's preview API found by its tags. The state the planners see targets
// the preview API, or a NEW_REST_API_ID placeholder before the first push created it.

import { readFileSync } from 'node:fs'
import type { ApiGateway } from '../apigateway/gateway.js'
import { resolvePullRequestNumber } from '../github/pull-request.js'
import type { ActionInputs, PreviewApiInput } from '../inputs/types.js'
import { InputError } from '../lib/errors.js'
import type { PreviewApi, ReadState } from '../model/state.js'
import { NEW_REST_API_ID } from '../plan/types.js'
import { stageToPrefetch } from '../report/diff-sources.js'
import * as core from '../runner/actions-core.js'
import { type RunContext, readEventPayload } from '../runner/context.js'

/** The repository and pull request a preview API belongs to: its tags say so, and only these are ever deleted. */
export function previewOwner(inputs: ActionInputs, run: RunContext): { repository: string; pullRequest: number } {
  const payload = readEventPayload(run.eventPath, (p) => readFileSync(p, 'utf8'))
  const pr = resolvePullRequestNumber({ eventName: run.eventName ?? '', payload }, inputs.prNumber)
  const why = !run.repository ? 'GITHUB_REPOSITORY is not set' : pr.number === undefined ? pr.reason : undefined
  if (why !== undefined || !run.repository || pr.number === undefined) {
    throw new InputError(
      'preview-isolation',
      `Input 'preview-isolation' is 'api', which needs the repository and pull request the preview API belongs to (${why}). Run on pull_request events, or set pr-number.`,
    )
  }
  return { repository: run.repository, pullRequest: pr.number }
}

/** The newest of this pull request's preview APIs (there is one unless two first pushes raced). */
function newest(apis: readonly PreviewApi[]): PreviewApi | undefined {
  return [...apis].sort((a, b) => (b.createdDate ?? '').localeCompare(a.createdDate ?? ''))[0]
}

export async function readPreviewState(options: {
  gateway: ApiGateway
  inputs: ActionInputs
  preview: PreviewApiInput
  owner: { repository: string; pullRequest: number }
}): Promise<ReadState> {
  const { gateway, inputs, preview, owner } = options
  const against = inputs.diffAgainst.kind === 'stage' ? inputs.diffAgainst.stage : undefined
  const found = await gateway.readPreviewApis({
    source: inputs.api,
    ...owner,
    name: preview.name,
    stage: inputs.stage,
    endpointType: preview.endpointType,
    mappings: inputs.operation === 'delete' || inputs.prunePreviewsOlderThanDays !== undefined,
    diffAgainst: inputs.operation === 'deploy' ? against : undefined,
  })
  const { source } = found.preview
  core.info(`Source API: ${source.name} (${source.id}) in ${gateway.region}: only read`)
  const current = newest(found.preview.mine)
  const before = found.definitionBefore ? { definitionBefore: found.definitionBefore } : {}
  if (!current) {
    core.info(`Preview API '${found.preview.name}' of pull request #${owner.pullRequest} does not exist`)
    return {
      api: {
        id: NEW_REST_API_ID,
        name: found.preview.name,
        endpointTypes: [preview.endpointType],
        disableExecuteApiEndpoint: false,
      },
      region: gateway.region,
      preview: found.preview,
      ...before,
    }
  }
  core.info(`Preview API: ${current.name} (${current.id}), found by its tags`)
  const state = await gateway.readState({
    api: { kind: 'id', id: current.id },
    stage: inputs.stage,
    methodSettings: inputs.methodSettings,
    definitionOf: against ? undefined : stageToPrefetch(inputs),
  })
  return { ...state, preview: found.preview, ...before }
}
