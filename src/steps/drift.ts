// Drift: before the change, what was changed outside the action since its last run (log warning, `drift` output;
// the report shows it); after a change, the fingerprint of what the action left, in stage tags.

import type { RestApiGateway } from '../apigateway/gateway.js'
import type { ActionInputs } from '../inputs/types.js'
import { errorMessage } from '../lib/errors.js'
import { driftOf, fingerprintTags } from '../model/stage-fingerprint.js'
import type { StageState } from '../model/state.js'
import { stageArn } from '../model/urls.js'
import * as core from '../runner/actions-core.js'
import { setOutputs } from '../runner/outputs.js'

/** What drifted on the stage as read; warns once per finding and sets `drift`. */
export function reportDrift(stage: StageState | undefined): string[] {
  const found = driftOf(stage)
  for (const finding of found) core.warning(`Drift: changed outside this action since its last run: ${finding}`)
  setOutputs({ drift: found.length > 0 })
  return found
}

/** Records the fingerprint of the stage as the change left it; a failure only warns (the change is done). */
export async function recordFingerprint(options: {
  api: RestApiGateway
  inputs: ActionInputs
  region: string
  after: StageState | undefined
}): Promise<void> {
  const { api, inputs, after } = options
  if (after === undefined) return
  const tags = fingerprintTags(after)
  if (Object.entries(tags).every(([k, v]) => after.tags[k] === v)) return
  try {
    await api.tagStage(stageArn(options.region, api.restApiId, inputs.stage), tags)
  } catch (err) {
    core.warning(`The drift fingerprint could not be recorded on the stage: ${errorMessage(err)}`)
  }
}
