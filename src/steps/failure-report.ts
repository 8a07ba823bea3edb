// The report of a run that stopped before its report step: every run publishes. Invalid input writes the job summary
// only (a local file: still no AWS or GitHub call); a failed read or a refusal also turns the sticky comment ❌, so a
// pull request never keeps showing an earlier success. Publishing never throws: the run's own error is what fails it.
import { readFileSync } from 'node:fs'
import { resolvePullRequestNumber } from '../github/pull-request.js'
import type { ActionInputs } from '../inputs/types.js'
import { errorMessage } from '../lib/errors.js'
import { buildReportInput } from '../report/build.js'
import { renderEarlyFailure } from '../report/early-failure.js'
import { commentMarker } from '../report/marker.js'
import * as core from '../runner/actions-core.js'
import { type RunContext, readEventPayload } from '../runner/context.js'
import { setOutputs, writeJobSummary } from '../runner/outputs.js'
import { lazyGitHub } from './github-deployments.js'
import { publishReport } from './publish-report.js'
import type { ReadResult } from './read.js'

/** How far the run got before it failed. */
export interface RunSoFar {
  inputs?: ActionInputs
  run?: RunContext
  /** The definition file was read and valid. */
  definitionRead?: boolean
  read?: ReadResult
  /** The report step ran (it published already). */
  reported?: boolean
}

export async function publishFailure(sofar: RunSoFar, err: unknown): Promise<void> {
  if (sofar.reported) return
  try {
    const message = errorMessage(err)
    const { inputs, run, read } = sofar
    if (inputs === undefined || run === undefined || !sofar.definitionRead) {
      // Bad input (the inputs or the definition file): the summary only, and no network call at all.
      await writeJobSummary(
        renderEarlyFailure({
          kind: 'input',
          message,
          ...(inputs ? { stage: inputs.stage, operation: inputs.operation } : {}),
          ...(run?.runUrl ? { runUrl: run.runUrl } : {}),
        }),
      )
      return
    }
    setOutputs({ changed: false })
    if (read === undefined) {
      await publishReadFailure(inputs, run, message)
      return
    }
    const report = buildReportInput({
      inputs,
      state: read.state,
      plan: {
        operation: inputs.operation,
        restApiId: read.state.api.id,
        stageName: inputs.stage,
        calls: [],
        expected: { variables: {}, absentVariables: [] },
        notes: [],
      },
      baseUrl: read.urls.base,
      consoleUrl: read.urls.console,
      apiDiff: { kind: 'unavailable', reason: 'The run was refused before any change.' },
      ...(run.runUrl ? { runUrl: run.runUrl } : {}),
      ...(run.sha ? { commitSha: run.sha } : {}),
      error: message,
      failure: 'refused',
    })
    await publishReport(report, publishContext(inputs, run))
  } catch (publishError) {
    core.warning(`The failure report could not be published: ${errorMessage(publishError)}`)
  }
}

/** Nothing is known of the stage: the summary, and the comment when the API's id (so its marker) is known. */
async function publishReadFailure(inputs: ActionInputs, run: RunContext, message: string): Promise<void> {
  const api = inputs.api.kind === 'id' ? inputs.api.id : inputs.api.name
  const body = renderEarlyFailure({
    kind: 'read',
    message,
    stage: inputs.stage,
    operation: inputs.operation,
    api,
    ...(run.runUrl ? { runUrl: run.runUrl } : {}),
  })
  await writeJobSummary(body)
  if (inputs.comment === false) return
  if (inputs.api.kind !== 'id') {
    core.info('No pull request comment: the API is named by rest-api-name and could not be read.')
    return
  }
  const ctx = publishContext(inputs, run)
  if (ctx.pullRequest.number === undefined) return
  const session = await ctx.github()
  if (!session) return
  const marker = commentMarker(inputs.api.id, inputs.stage)
  const result = await session.comment(ctx.pullRequest.number, marker, `${marker}\n${body}`)
  if (!result.ok) core.warning(result.warning)
  else setOutputs({ 'comment-url': result.value.url })
}

function publishContext(inputs: ActionInputs, run: RunContext) {
  const payload = readEventPayload(run.eventPath, (p) => readFileSync(p, 'utf8'))
  return {
    inputs,
    pullRequest: resolvePullRequestNumber({ eventName: run.eventName ?? '', payload }, inputs.prNumber),
    github: lazyGitHub(inputs, run),
  }
}
