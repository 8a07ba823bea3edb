// Step 5: the report. It begins before the change (a GitHub deployment in progress) and ends after it: the API
// and stage diff rendered once, then outputs, job summary, sticky comment and the deployment's final state.
import { readFileSync } from 'node:fs'
import { resolvePullRequestNumber } from '../github/pull-request.js'
import type { ActionInputs } from '../inputs/types.js'
import { errorMessage } from '../lib/errors.js'
import { buildReportInput } from '../report/build.js'
import * as core from '../runner/actions-core.js'
import { afterNextRequestWritten } from '../runner/after-request.js'
import { type RunContext, readEventPayload } from '../runner/context.js'
import { compareApi, readAfterDefinition } from './api-definitions.js'
import { reportDrift } from './drift.js'
import {
  deactivateGitHubEnvironment,
  finishGitHubDeployment,
  type LazyGitHub,
  lazyGitHub,
  startGitHubDeployment,
} from './github-deployments.js'
import type { PlanResult } from './plan.js'
import { publishReport } from './publish-report.js'
import { currentState, type ReadResult } from './read.js'
import { type RolloutOutcome, withRollout } from './rollout.js'

export interface ReportStart {
  readonly github: LazyGitHub
  /** The pull request the report comments on, or why there is none. */
  readonly pullRequest: PullRequestTarget
  /** The GitHub deployment recorded as in progress, when `environment` asks for one. */
  readonly deploymentId?: number
}

type PullRequestTarget = ReturnType<typeof resolvePullRequestNumber>

export async function beginReport(inputs: ActionInputs, run: RunContext, read: ReadResult): Promise<ReportStart> {
  const github = lazyGitHub(inputs, run)
  const payload = readEventPayload(run.eventPath, (p) => readFileSync(p, 'utf8'))
  const pullRequest = resolvePullRequestNumber({ eventName: run.eventName ?? '', payload }, inputs.prNumber)
  // The comment's first round trip (and loading Octokit) runs alongside the AWS change; only its write waits. Started
  // once the change's first request has been written, so that loading Octokit does not hold it back.
  const prNumber = pullRequest.number
  if (inputs.comment !== false && prNumber !== undefined) {
    afterNextRequestWritten(() => {
      // Never thrown: the comment step meets any failure again and words it.
      void github().then(
        (session) => session?.prefetchComment(prNumber),
        () => undefined,
      )
    })
  }
  const deploymentId = await startGitHubDeployment({ github, inputs, run, baseUrl: read.urls.base })
  return Object.freeze({ github, pullRequest, ...(deploymentId !== undefined ? { deploymentId } : {}) })
}

export interface ReportFacts {
  inputs: ActionInputs
  run: RunContext
  read: ReadResult
  planned: PlanResult
  applied: RolloutOutcome
  started: ReportStart
}

export function reportStep(facts: ReportFacts): Promise<void> {
  return core.group('Reporting', async () => {
    const { inputs, run, read, planned, applied, started } = facts
    const { api, state, urls } = read
    const failed = applied.failure !== undefined
    const drift = reportDrift(state.stage)
    // A failed smoke test comes after a change that is live: its API diff is still the truth.
    const smokeFailed = failed && applied.smokeTest !== undefined && !applied.smokeTest.ok
    const apiDiff =
      failed && !smokeFailed
        ? ({ kind: 'unavailable', reason: 'The change failed; see the error.' } as const)
        : await compareApi(
            api,
            planned.sources,
            state.definitionBefore,
            applied.afterDefinition ??
              (await readAfterDefinition({
                api,
                sources: planned.sources,
                canaryId: state.stage?.canary?.deploymentId,
                file: planned.definition?.served,
              })),
          )
    const report = buildReportInput({
      inputs,
      state: currentState(read),
      plan: planned.plan,
      baseUrl: urls.base,
      consoleUrl: urls.console,
      ...(urls.custom ? { customUrl: urls.custom } : {}),
      ...(applied.after ? { after: applied.after } : {}),
      apiDiff,
      ...(run.runUrl ? { runUrl: run.runUrl } : {}),
      ...(run.sha ? { commitSha: run.sha } : {}),
      ...(failed ? { error: errorMessage(applied.failure), failure: smokeFailed ? 'smoke-test' : 'apply' } : {}),
      ...(applied.smokeTest ? { smokeTest: applied.smokeTest } : {}),
      ...(applied.importWarnings ? { importWarnings: applied.importWarnings } : {}),
      ...(drift.length ? { drift } : {}),
    })
    await publishReport(withRollout(report, applied.rollout), {
      inputs,
      pullRequest: started.pullRequest,
      github: started.github,
    })
    if (started.deploymentId !== undefined) {
      await finishGitHubDeployment({
        github: started.github,
        deploymentId: started.deploymentId,
        succeeded: !failed,
        run,
        baseUrl: urls.base,
      })
    }
    if (inputs.operation === 'delete' && inputs.environment && !inputs.dryRun && !failed) {
      await deactivateGitHubEnvironment(started.github, inputs.environment, run)
    }
  })
}
