// The GitHub side of a run, behind one object that main.ts loads with a dynamic import only when a comment
// or a deployment is wanted, so Octokit stays off the start-up path. Every method returns a warning
// instead of throwing: the AWS result stands whatever GitHub says.
import { createOctokit, describeFailure, type Octokit } from './client.js'
import {
  deactivateEnvironmentDeployments,
  finishDeployment,
  isProductionEnvironment,
  startDeployment,
} from './deployments.js'
import {
  type CommentListing,
  listForStickyComment,
  type TokenKind,
  tokenKind,
  upsertStickyComment,
} from './sticky-comment.js'

export type Outcome<T> = { ok: true; value: T } | { ok: false; warning: string }

export interface RepoRef {
  owner: string
  repo: string
}

export class GitHubSession {
  private readonly octokit: Octokit
  private readonly tokenKind: TokenKind
  /** Comment listings started ahead of the comment, by pull request. */
  private readonly listings = new Map<number, Promise<CommentListing>>()

  constructor(
    token: string,
    private readonly repo: RepoRef,
  ) {
    this.octokit = createOctokit(token)
    this.tokenKind = tokenKind(token)
  }

  /**
   * Starts reading what the sticky comment on `issueNumber` needs (its comments, the token's identity) while the AWS
   * change runs: the comment then costs one round trip. A comment made by another run in between is a duplicate the
   * next run tells apart (the oldest stays the sticky one).
   */
  prefetchComment(issueNumber: number): void {
    if (this.listings.has(issueNumber)) return
    const listing = listForStickyComment(this.octokit, { ...this.repo, issueNumber, tokenKind: this.tokenKind })
    this.listings.set(issueNumber, listing)
  }

  async comment(issueNumber: number, marker: string, body: string): Promise<Outcome<{ url: string; action: string }>> {
    const listing = this.listings.get(issueNumber)
    this.listings.delete(issueNumber)
    const result = await upsertStickyComment(this.octokit, {
      ...this.repo,
      issueNumber,
      marker,
      body,
      tokenKind: this.tokenKind,
      ...(listing ? { listing } : {}),
    })
    if (!result.ok) {
      return {
        ok: false,
        warning: describeFailure(
          `${result.step} the pull request comment on #${issueNumber}`,
          result,
          'pull-requests: write',
        ),
      }
    }
    return { ok: true, value: { url: result.url, action: result.action } }
  }

  async startDeployment(params: {
    ref: string
    environment: string
    transient: boolean
    environmentUrl?: string
    logUrl?: string
    description: string
  }): Promise<Outcome<number>> {
    const production = !params.transient && isProductionEnvironment(params.environment)
    const result = await startDeployment(this.octokit, { ...this.repo, production, ...params })
    if (!result.ok) {
      return {
        ok: false,
        warning: describeFailure(`${result.step} the GitHub deployment`, result, 'deployments: write'),
      }
    }
    return { ok: true, value: result.deploymentId }
  }

  async finishDeployment(params: {
    deploymentId: number
    state: 'success' | 'failure'
    environmentUrl: string
    logUrl?: string
    description: string
  }): Promise<Outcome<number>> {
    const result = await finishDeployment(this.octokit, { ...this.repo, ...params })
    if (!result.ok) {
      return { ok: false, warning: describeFailure('set the GitHub deployment status', result, 'deployments: write') }
    }
    return { ok: true, value: result.statusId }
  }

  async deactivate(environment: string, logUrl?: string): Promise<Outcome<number[]>> {
    const result = await deactivateEnvironmentDeployments(this.octokit, {
      ...this.repo,
      environment,
      ...(logUrl ? { logUrl } : {}),
      description: 'Preview stage deleted',
    })
    if (!result.ok) {
      return {
        ok: false,
        warning: describeFailure('mark the GitHub deployments inactive', result, 'deployments: write'),
      }
    }
    return { ok: true, value: result.deactivated }
  }
}
