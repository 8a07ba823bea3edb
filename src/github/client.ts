// The one place that builds an Octokit. Only src/github/* imports @actions/github.

import { getOctokit } from '@actions/github'

export type Octokit = ReturnType<typeof getOctokit>

/**
 * Octokit for the action's token. The API base URL is, in order: `baseUrl`, `GITHUB_API_URL` (set by the runner, also
 * on GitHub Enterprise Server), `https://api.github.com`. Read at call time, not at import time.
 */
export function createOctokit(token: string, baseUrl?: string): Octokit {
  const url = baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com'
  return getOctokit(token, { baseUrl: url.replace(/\/+$/, '') })
}

/** A GitHub call that failed in a way the caller turns into a warning (never a thrown error). */
export interface GitHubFailure {
  ok: false
  /** `forbidden`: 401/403 (read-only token, missing permission); `not-found`: 404; `error`: anything else. */
  reason: 'forbidden' | 'not-found' | 'error'
  status?: number
  message: string
}

/** Converts what Octokit threw into a GitHubFailure. Octokit's RequestError carries `status` and `message`. */
export function toFailure(error: unknown): GitHubFailure {
  const status =
    typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
      ? (error as { status: number }).status
      : undefined
  const message = error instanceof Error ? error.message : String(error)
  const reason = status === 401 || status === 403 ? 'forbidden' : status === 404 ? 'not-found' : 'error'
  const failure: GitHubFailure = { ok: false, reason, message }
  if (status !== undefined) failure.status = status
  return failure
}

/** Explains a failure in one line for core.warning, with the permission that is usually missing. */
export function describeFailure(what: string, failure: GitHubFailure, permission: string): string {
  const status = failure.status === undefined ? '' : ` (HTTP ${failure.status})`
  const hint =
    failure.reason === 'forbidden'
      ? ` The token cannot write here: a pull request from a fork gets a read-only token, or the workflow lacks \`permissions: ${permission}\`.`
      : ''
  return `Could not ${what}${status}: ${failure.message}.${hint}`
}
