// After the switch: the stage's export must be the reviewed file as API Gateway serves it. The route check before
// the switch cannot see another run's import that kept the routes but changed an integration (a Lambda ARN, a
// backend); this one can. On a mismatch the stage is put back where it was and the run fails, saying why.

import type { LoadedDefinition } from '../definition/load.js'
import type { ActionInputs } from '../inputs/types.js'
import { errorMessage } from '../lib/errors.js'
import type { StageState } from '../model/state.js'
import { updateStage } from '../plan/context.js'
import type { Plan } from '../plan/types.js'
import * as core from '../runner/actions-core.js'
import type { AfterDefinition } from './api-definitions.js'
import type { ReadResult } from './read.js'

/** Listed at most, in the failure. */
const MAX_LISTED = 10

/** What differs between the stage's export and the file: routes added or removed, integrations changed. */
async function foreignDifferences(exported: object, definition: LoadedDefinition): Promise<string[]> {
  const { diffApiDefinitions } = await import('../diff/api-diff.js')
  const diff = diffApiDefinitions(definition.served, exported)
  const label = (op: { method: string; path: string }) => `${op.method} ${op.path}`
  return [
    ...diff.added.map((op) => `${label(op)} is served but not in the file`),
    ...diff.removed.map((op) => `${label(op)} is in the file but not served`),
    ...diff.changed
      .filter((op) => op.changes.some((c) => c.kind === 'integration'))
      .map((op) => `${label(op)} has another integration than the file`),
  ]
}

/**
 * Checks a deploy with `definition` that switched production. Returns the error to fail with (after putting the
 * stage back), or undefined when the stage serves the file.
 */
export async function checkServedDefinition(options: {
  inputs: ActionInputs
  read: ReadResult
  plan: Plan
  definition: LoadedDefinition | undefined
  afterDefinition: AfterDefinition | undefined
}): Promise<Error | undefined> {
  const { inputs, read, plan, definition, afterDefinition } = options
  const switched = plan.calls.some((c) => c.action === 'PutRestApi')
  if (!definition || !switched || inputs.canary.percent !== undefined || afterDefinition?.kind !== 'read')
    return undefined
  if (!afterDefinition.definition) return undefined
  const differences = await foreignDifferences(afterDefinition.definition, definition)
  if (differences.length === 0) return undefined
  const putBack = await putStageBack(read, inputs.stage, read.state.stage)
  const listed = differences.slice(0, MAX_LISTED).join('; ')
  return new Error(
    `Stage '${inputs.stage}' was switched to a deployment that is not the reviewed ${definition.file}: ${listed}` +
      `${differences.length > MAX_LISTED ? ` (${differences.length} in all)` : ''}. Another run imported into API ${plan.restApiId} between this run's import and its deployment. ${putBack}\n` +
      "The API's working copy is shared by every stage and pipeline: run the jobs that import into one API one at a time (one `concurrency:` group per API), then re-run this job.",
  )
}

/** Back to the deployment the stage ran before this run, or no stage at all if it did not exist. */
async function putStageBack(read: ReadResult, stageName: string, before: StageState | undefined): Promise<string> {
  const restApiId = read.state.api.id
  const back: Plan = before
    ? {
        operation: 'rollback',
        restApiId,
        stageName,
        calls: [
          updateStage(restApiId, stageName, [{ op: 'replace', path: '/deploymentId', value: before.deploymentId }]),
        ],
        expected: { deploymentId: before.deploymentId, variables: {}, absentVariables: [] },
        notes: [],
      }
    : {
        operation: 'delete',
        restApiId,
        stageName,
        calls: [{ action: 'DeleteStage', restApiId, stageName }],
        expected: { variables: {}, absentVariables: [], deleted: true },
        notes: [],
      }
  try {
    await read.api.apply(back)
    const done = before
      ? `The stage was put back on deployment ${before.deploymentId} (variables this run set stay as set).`
      : 'The stage did not exist before this run and was deleted again.'
    core.info(done)
    return done
  } catch (err) {
    return `Putting the stage back failed too (${errorMessage(err)}): check it in the console.`
  }
}
