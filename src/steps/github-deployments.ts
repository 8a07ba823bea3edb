// GitHub's side of the report: the session (Octokit loaded only when needed) and the deployment records that
// show the stage's URL on the pull request and in the environment.

import type { GitHubSession } from '../github/session.js'
import type { ActionInputs } from '../inputs/types.js'
import { NEW_REST_API_ID } from '../plan/types.js'
import * as core from '../runner/actions-core.js'
import { type RunContext, repoRef } from '../runner/context.js'

export type LazyGitHub = () => Promise<GitHubSession | undefined>

/** Octokit is loaded only when the run comments or records a deployment. */
export function lazyGitHub(inputs: ActionInputs, run: RunContext): LazyGitHub {
  let session: Promise<GitHubSession | undefined> | undefined
  return () => {
    session ??= (async () => {
      const repo = repoRef(run.repository)
      if (!repo || !inputs.githubToken) return undefined
      const { GitHubSession } = await import('../github/session.js')
      return new GitHubSession(inputs.githubToken, repo)
    })()
    return session
  }
}

/** Records an in-progress deployment of `environment` before the change; undefined when none is recorded. */
export async function startGitHubDeployment(options: {
  github: LazyGitHub
  inputs: ActionInputs
  run: RunContext
  baseUrl: string
}): Promise<number | undefined> {
  const { inputs, run } = options
  if (!inputs.environment || inputs.dryRun || inputs.operation === 'delete' || !run.sha) return undefined
  const session = await options.github()
  if (!session) return undefined
  const started = await session.startDeployment({
    ref: run.sha,
    environment: inputs.environment,
    transient: /^pr-?\d+$/i.test(inputs.stage),
    // A preview API that does not exist yet has no URL: the deployment gets it when it finishes.
    ...(options.baseUrl.includes(NEW_REST_API_ID) ? {} : { environmentUrl: options.baseUrl }),
    ...(run.runUrl ? { logUrl: run.runUrl } : {}),
    description: `${inputs.operation} to API Gateway stage ${inputs.stage}`,
  })
  if (!started.ok) {
    core.warning(started.warning)
    return undefined
  }
  return started.value
}

export async function finishGitHubDeployment(options: {
  github: LazyGitHub
  deploymentId: number
  succeeded: boolean
  run: RunContext
  baseUrl: string
}): Promise<void> {
  const session = await options.github()
  if (!session) return
  const { succeeded, run } = options
  const done = await session.finishDeployment({
    deploymentId: options.deploymentId,
    state: succeeded ? 'success' : 'failure',
    environmentUrl: options.baseUrl,
    ...(run.runUrl ? { logUrl: run.runUrl } : {}),
    description: succeeded ? 'Stage updated' : 'The stage change failed',
  })
  if (!done.ok) core.warning(done.warning)
}

/** A deleted preview: its environment's deployments become inactive, so the PR shows no live link. */
export async function deactivateGitHubEnvironment(
  github: LazyGitHub,
  environment: string,
  run: RunContext,
): Promise<void> {
  const session = await github()
  if (!session) return
  const done = await session.deactivate(environment, run.runUrl)
  if (!done.ok) core.warning(done.warning)
  else core.info(`GitHub deployments of '${environment}' marked inactive: ${done.value.length}`)
}
