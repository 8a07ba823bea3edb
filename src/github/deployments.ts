// GitHub deployments for the `environment` input: one deployment per run for the commit, with statuses
// in_progress → success / failure whose environment_url is the stage's base URL and log_url the run. Failures come
// back as GitHubFailure results (the caller warns); nothing here throws for an HTTP error.

import { type GitHubFailure, type Octokit, toFailure } from './client.js'

export interface StartDeploymentParams {
  owner: string
  repo: string
  /** Commit SHA (or ref) being deployed. */
  ref: string
  environment: string
  description?: string
  /** Preview environments (PR stages) that will be deleted: GitHub marks them transient. */
  transient?: boolean
  production?: boolean
  /** Stage base URL; set on the in_progress status when known. */
  environmentUrl?: string
  /** Link to the workflow run. */
  logUrl?: string
  /** Free-form data stored with the deployment (e.g. rest API id and stage). */
  payload?: Record<string, unknown>
}

export type StartDeploymentResult = { ok: true; deploymentId: number } | (GitHubFailure & { step: 'create' | 'status' })

export async function startDeployment(octokit: Octokit, params: StartDeploymentParams): Promise<StartDeploymentResult> {
  const { owner, repo } = params
  let deploymentId: number
  try {
    const response = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: params.ref,
      environment: params.environment,
      // The deployment records what this run deploys; it must not merge branches or wait for checks.
      auto_merge: false,
      required_contexts: [],
      transient_environment: params.transient ?? false,
      ...(params.production === undefined ? {} : { production_environment: params.production }),
      ...(params.description === undefined ? {} : { description: clip(params.description, 140) }),
      ...(params.payload === undefined ? {} : { payload: params.payload }),
    })
    const data = response.data as { id?: unknown; message?: unknown }
    if (typeof data.id !== 'number') {
      return {
        ok: false,
        reason: 'error',
        status: response.status,
        message: typeof data.message === 'string' ? data.message : 'GitHub did not create a deployment',
        step: 'create',
      }
    }
    deploymentId = data.id
  } catch (error) {
    return { ...toFailure(error), step: 'create' }
  }
  const status = await createStatus(octokit, {
    owner,
    repo,
    deploymentId,
    state: 'in_progress',
    ...(params.environmentUrl === undefined ? {} : { environmentUrl: params.environmentUrl }),
    ...(params.logUrl === undefined ? {} : { logUrl: params.logUrl }),
  })
  if (!status.ok) return { ...status, step: 'status' }
  return { ok: true, deploymentId }
}

export interface FinishDeploymentParams {
  owner: string
  repo: string
  deploymentId: number
  state: 'success' | 'failure' | 'error' | 'inactive'
  environmentUrl?: string
  logUrl?: string
  description?: string
}

export type StatusResult = { ok: true; statusId: number } | GitHubFailure

/** Final status. `success` also makes GitHub mark earlier successful deployments of the environment inactive. */
export function finishDeployment(octokit: Octokit, params: FinishDeploymentParams): Promise<StatusResult> {
  return createStatus(octokit, params)
}

async function createStatus(
  octokit: Octokit,
  params: Omit<FinishDeploymentParams, 'state'> & { state: FinishDeploymentParams['state'] | 'in_progress' },
): Promise<StatusResult> {
  try {
    const { data } = await octokit.rest.repos.createDeploymentStatus({
      owner: params.owner,
      repo: params.repo,
      deployment_id: params.deploymentId,
      state: params.state,
      ...(params.environmentUrl === undefined ? {} : { environment_url: params.environmentUrl }),
      ...(params.logUrl === undefined ? {} : { log_url: params.logUrl }),
      ...(params.description === undefined ? {} : { description: clip(params.description, 140) }),
    })
    return { ok: true, statusId: data.id }
  } catch (error) {
    return toFailure(error)
  }
}

export interface DeactivateParams {
  owner: string
  repo: string
  environment: string
  logUrl?: string
  description?: string
}

export type DeactivateResult = { ok: true; deactivated: number[] } | GitHubFailure

/**
 * For `delete`: every deployment of the environment whose latest status is not already `inactive` gets an
 * `inactive` status, so GitHub stops showing the environment as active.
 */
export async function deactivateEnvironmentDeployments(
  octokit: Octokit,
  params: DeactivateParams,
): Promise<DeactivateResult> {
  const { owner, repo, environment } = params
  const deactivated: number[] = []
  try {
    const deployments = await octokit.paginate(octokit.rest.repos.listDeployments, {
      owner,
      repo,
      environment,
      per_page: 100,
    })
    for (const deployment of deployments) {
      const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
        owner,
        repo,
        deployment_id: deployment.id,
        per_page: 1,
      })
      if (statuses[0]?.state === 'inactive') continue
      await octokit.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: deployment.id,
        state: 'inactive',
        ...(params.logUrl === undefined ? {} : { log_url: params.logUrl }),
        ...(params.description === undefined ? {} : { description: clip(params.description, 140) }),
      })
      deactivated.push(deployment.id)
    }
  } catch (error) {
    return toFailure(error)
  }
  return { ok: true, deactivated }
}

/** GitHub rejects deployment and status descriptions over 140 characters. */
function clip(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value
}

/** GitHub's production_environment flag: only for environments named as production (`prod`, `production`, `live`). */
export function isProductionEnvironment(environment: string): boolean {
  return /^(prod|production|live)([-_].*)?$/i.test(environment)
}
