// One sticky comment per (API, stage) on a pull request: found by its hidden marker AND by the token's own identity
// (so a user who pastes the marker cannot take the comment over), across every page of comments; updated in place,
// or left alone when the body is the same. Write failures (read-only fork tokens, missing permissions) come back as a
// typed result for the caller to turn into a warning; they are never thrown.

import { type GitHubFailure, type Octokit, toFailure } from './client.js'

/** The login GitHub shows for comments made with a workflow's GITHUB_TOKEN. */
export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]'

export interface TokenIdentity {
  login: string
  /**
   * `user`: GET /user answered (a personal access token). `graphql`: the GraphQL `viewer` answered (installation
   * tokens: GITHUB_TOKEN, GitHub Apps, for which GET /user is 403 "Resource not accessible by integration").
   * `default`: neither answered; assumed to be the GITHUB_TOKEN's `github-actions[bot]`.
   */
  source: 'user' | 'graphql' | 'default'
}

/**
 * What a token is, from the prefix GitHub gives each kind: `ghs_` installation tokens (GITHUB_TOKEN, GitHub Apps),
 * `ghp_`/`github_pat_` personal access tokens, `gho_`/`ghu_` OAuth user tokens. Others (GitHub Enterprise Server's
 * older tokens, tests) are unknown.
 */
export type TokenKind = 'installation' | 'user' | 'unknown'

export function tokenKind(token: string): TokenKind {
  if (token.startsWith('ghs_')) return 'installation'
  if (/^(ghp_|github_pat_|gho_|ghu_)/.test(token)) return 'user'
  return 'unknown'
}

const identities = new WeakMap<object, Promise<TokenIdentity>>()

/**
 * Who the token is. Asked once per Octokit instance, in one round trip: GraphQL for an installation token (GET /user
 * answers it 403), GET /user for a user's token, both at once when the kind is unknown.
 */
export function resolveTokenIdentity(octokit: Octokit, kind: TokenKind = 'unknown'): Promise<TokenIdentity> {
  const cached = identities.get(octokit)
  if (cached !== undefined) return cached
  const pending = lookUpIdentity(octokit, kind)
  identities.set(octokit, pending)
  return pending
}

async function lookUpIdentity(octokit: Octokit, kind: TokenKind): Promise<TokenIdentity> {
  const viaUser = () => (kind === 'installation' ? Promise.resolve(undefined) : userLogin(octokit))
  const viaGraphql = () => (kind === 'user' ? Promise.resolve(undefined) : viewerLogin(octokit))
  // A user's token rarely needs GraphQL: ask it only if GET /user fails. Unknown tokens ask both at once.
  const [user, graphql] = kind === 'user' ? [await viaUser(), undefined] : await Promise.all([viaUser(), viaGraphql()])
  if (user !== undefined) return { login: user, source: 'user' }
  const viewer = graphql ?? (kind === 'user' ? await viewerLogin(octokit) : undefined)
  if (viewer !== undefined) return { login: viewer, source: 'graphql' }
  return { login: GITHUB_ACTIONS_LOGIN, source: 'default' }
}

/** GET /user's login; undefined when it does not answer (installation tokens get 403). */
async function userLogin(octokit: Octokit): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    return typeof data.login === 'string' && data.login !== '' ? data.login : undefined
  } catch {
    return undefined
  }
}

/** The GraphQL viewer's login; undefined without GraphQL (or without permission). */
async function viewerLogin(octokit: Octokit): Promise<string | undefined> {
  try {
    const data = await octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }')
    const login = data.viewer?.login
    return typeof login === 'string' && login !== '' ? login : undefined
  } catch {
    return undefined
  }
}

export interface StickyCommentParams {
  owner: string
  repo: string
  issueNumber: number
  /** Hidden marker, from commentMarker(); the body must contain it. */
  marker: string
  body: string
  /** Skip identity detection and match comments by this login. */
  authorLogin?: string
  /** What the token is (tokenKind): which identity lookup answers it in one round trip. */
  tokenKind?: TokenKind
}

export type StickyCommentResult =
  | {
      ok: true
      action: 'created' | 'updated' | 'unchanged'
      id: number
      url: string
      /** Login the comment was matched by (or created as). */
      author: string
      /** Other comments with the marker by the same author (left alone; the oldest is the sticky one). */
      duplicates: number
    }
  | (GitHubFailure & { step: 'list' | 'create' | 'update' })

type ListedComment = { id: number; body?: string | null; html_url: string; user?: { login: string } | null }

/** What finding the sticky comment needs: every comment on the pull request, and who the token is. */
export type CommentListing = { ok: true; comments: ListedComment[]; login: string } | (GitHubFailure & { step: 'list' })

/**
 * Lists the pull request's comments and learns the token's identity, at once (one round trip); a failure comes back
 * as a result. The session may start it early, so that only the write remains once the report is ready.
 */
export async function listForStickyComment(
  octokit: Octokit,
  params: Pick<StickyCommentParams, 'owner' | 'repo' | 'issueNumber' | 'authorLogin' | 'tokenKind'>,
): Promise<CommentListing> {
  const { owner, repo, issueNumber } = params
  const identity = params.authorLogin ?? resolveTokenIdentity(octokit, params.tokenKind).then((id) => id.login)
  try {
    const comments: ListedComment[] = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100,
    })
    return { ok: true, comments, login: await identity }
  } catch (error) {
    return { ...toFailure(error), step: 'list' }
  }
}

export async function upsertStickyComment(
  octokit: Octokit,
  params: StickyCommentParams & { listing?: Promise<CommentListing> },
): Promise<StickyCommentResult> {
  const { owner, repo, issueNumber, marker } = params
  const body = params.body.includes(marker) ? params.body : `${marker}\n${params.body}`
  const listing = await (params.listing ?? listForStickyComment(octokit, params))
  if (!listing.ok) return listing
  const { comments, login } = listing
  const mine = comments.filter(
    (c) => (c.body ?? '').includes(marker) && c.user?.login.toLowerCase() === login.toLowerCase(),
  )
  const existing = mine[0]
  const duplicates = Math.max(0, mine.length - 1)
  if (existing === undefined) {
    try {
      const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body })
      return {
        ok: true,
        action: 'created',
        id: data.id,
        url: data.html_url,
        author: data.user?.login ?? login,
        duplicates,
      }
    } catch (error) {
      return { ...toFailure(error), step: 'create' }
    }
  }
  if (normalize(existing.body ?? '') === normalize(body)) {
    return { ok: true, action: 'unchanged', id: existing.id, url: existing.html_url, author: login, duplicates }
  }
  try {
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
    return { ok: true, action: 'updated', id: data.id, url: data.html_url, author: login, duplicates }
  } catch (error) {
    return { ...toFailure(error), step: 'update' }
  }
}

/** GitHub stores bodies with \r\n from the web editor and may drop trailing whitespace. */
function normalize(body: string): string {
  return body.replace(/\r\n/g, '\n').trimEnd()
}
