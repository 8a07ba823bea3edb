import { beforeEach, describe, expect, it } from 'vitest'
import { createOctokit, describeFailure } from '../../src/github/client.js'
import {
  GITHUB_ACTIONS_LOGIN,
  listForStickyComment,
  resolveTokenIdentity,
  tokenKind,
  upsertStickyComment,
} from '../../src/github/sticky-comment.js'
import { commentMarker } from '../../src/report/marker.js'
import type { GitHubFake } from '../github-fake/index.js'
import { useGitHubFake } from '../support/github-fake.js'

const MARKER = commentMarker('a1b2c3d4e5', 'pr-42')
const TARGET = { owner: 'acme', repo: 'pets', issueNumber: 42, marker: MARKER }

const start = useGitHubFake()

const writes = (f: GitHubFake) => f.calls.filter((c) => c.method !== 'GET' && c.path !== '/graphql')

describe('upsertStickyComment', () => {
  it('creates the comment when there is none, learning the identity through GraphQL for a GITHUB_TOKEN', async () => {
    const f = await start()
    const result = await upsertStickyComment(createOctokit('t', f.url), { ...TARGET, body: `${MARKER}\nhello` })
    expect(result).toMatchObject({ ok: true, action: 'created', author: 'github-actions[bot]', duplicates: 0 })
    expect(f.comments).toHaveLength(1)
    expect(f.comments[0]?.body).toBe(`${MARKER}\nhello`)
    const calls = f.calls.map((c) => `${c.method} ${c.path} ${c.status}`)
    // The identity lookup (both ways at once: the token's kind is unknown) runs alongside the listing; then the write.
    expect([...calls].sort()).toEqual([
      'GET /repos/acme/pets/issues/42/comments 200',
      'GET /user 403',
      'POST /graphql 200',
      'POST /repos/acme/pets/issues/42/comments 201',
    ])
    expect(calls.at(-1)).toBe('POST /repos/acme/pets/issues/42/comments 201')
    if (result.ok) expect(result.url).toBe(`https://github.com/acme/pets/pull/42#issuecomment-${f.comments[0]?.id}`)
  })

  it('uses a listing made ahead (the session prefetches it during the AWS change): only the write remains', async () => {
    const f = await start()
    const octokit = createOctokit('ghs_0123456789abcdefghij0123456789abcdef', f.url)
    const listing = listForStickyComment(octokit, { ...TARGET, tokenKind: 'installation' })
    await listing
    const before = f.calls.length
    expect(before).toBe(2)
    const result = await upsertStickyComment(octokit, { ...TARGET, body: `${MARKER}\nhello`, listing })
    expect(result).toMatchObject({ ok: true, action: 'created' })
    expect(f.calls.slice(before).map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /repos/acme/pets/issues/42/comments',
    ])
  })

  it('reports a failed listing made ahead as the list step', async () => {
    const f = await start()
    // Listed ahead through a GitHub that does not answer (nothing listens on port 9 of loopback).
    const unreachable = createOctokit('ghs_x', 'http://127.0.0.1:9')
    const listing = listForStickyComment(unreachable, { ...TARGET, tokenKind: 'installation' })
    const result = await upsertStickyComment(createOctokit('t', f.url), { ...TARGET, body: 'x', listing })
    expect(result).toMatchObject({ ok: false, step: 'list' })
    expect(f.comments).toHaveLength(0)
    expect(f.calls).toEqual([])
  })

  it('prepends the marker when the body lacks it', async () => {
    const f = await start()
    await upsertStickyComment(createOctokit('t', f.url), { ...TARGET, body: 'no marker' })
    expect(f.comments[0]?.body).toBe(`${MARKER}\nno marker`)
  })

  it('finds its comment on a later page and updates it in place', async () => {
    const f = await start({ perPage: 2 })
    for (let i = 0; i < 5; i++) f.seedComment({ issueNumber: 42, body: `chatter ${i}`, login: 'someone' })
    const mine = f.seedComment({ issueNumber: 42, body: `${MARKER}\nold`, login: GITHUB_ACTIONS_LOGIN })
    const result = await upsertStickyComment(createOctokit('t', f.url), { ...TARGET, body: `${MARKER}\nnew` })
    expect(result).toMatchObject({ ok: true, action: 'updated', id: mine.id })
    expect(mine.body).toBe(`${MARKER}\nnew`)
    expect(f.comments).toHaveLength(6)
    const pages = f.calls
      .filter((c) => c.path === '/repos/acme/pets/issues/42/comments')
      .map((c) => c.query.page ?? '1')
    expect(pages).toEqual(['1', '2', '3'])
  })

  it('leaves a foreign comment carrying the same marker alone', async () => {
    const f = await start()
    const foreign = f.seedComment({ issueNumber: 42, body: `${MARKER}\nI pasted your marker`, login: 'mallory' })
    const result = await upsertStickyComment(createOctokit('t', f.url), { ...TARGET, body: `${MARKER}\nreport` })
    expect(result).toMatchObject({ ok: true, action: 'created' })
    expect(foreign.body).toBe(`${MARKER}\nI pasted your marker`)
    expect(f.comments.map((c) => c.user.login)).toEqual(['mallory', 'github-actions[bot]'])
  })

  it('ignores its own comments for another stage (different marker)', async () => {
    const f = await start()
    const other = f.seedComment({
      issueNumber: 42,
      body: `${commentMarker('a1b2c3d4e5', 'pr-4')}\nstage pr-4`,
      login: GITHUB_ACTIONS_LOGIN,
    })
    await upsertStickyComment(createOctokit('t', f.url), { ...TARGET, body: `${MARKER}\nreport` })
    expect(f.comments).toHaveLength(2)
    expect(other.body).toContain('stage pr-4')
  })

  it('skips the update when the body is unchanged (line endings and trailing space ignored)', async () => {
    const f = await start()
    const mine = f.seedComment({ issueNumber: 42, body: `${MARKER}\r\nsame\r\n`, login: GITHUB_ACTIONS_LOGIN })
    const result = await upsertStickyComment(createOctokit('t', f.url), { ...TARGET, body: `${MARKER}\nsame` })
    expect(result).toMatchObject({ ok: true, action: 'unchanged', id: mine.id })
    expect(writes(f)).toEqual([])
  })

  it('converges to a single comment over re-runs', async () => {
    const f = await start()
    const octokit = createOctokit('t', f.url)
    const actions: string[] = []
    for (const body of ['one', 'one', 'two', 'two']) {
      const result = await upsertStickyComment(octokit, { ...TARGET, body: `${MARKER}\n${body}` })
      actions.push(result.ok ? result.action : 'failed')
    }
    expect(actions).toEqual(['created', 'unchanged', 'updated', 'unchanged'])
    expect(f.comments).toHaveLength(1)
    // The identity is looked up once per Octokit.
    expect(f.calls.filter((c) => c.path === '/user')).toHaveLength(1)
  })

  it('updates the oldest of several own comments and reports the duplicates', async () => {
    const f = await start()
    const first = f.seedComment({ issueNumber: 42, body: `${MARKER}\na`, login: GITHUB_ACTIONS_LOGIN })
    const second = f.seedComment({ issueNumber: 42, body: `${MARKER}\nb`, login: GITHUB_ACTIONS_LOGIN })
    const result = await upsertStickyComment(createOctokit('t', f.url), { ...TARGET, body: `${MARKER}\nc` })
    expect(result).toMatchObject({ ok: true, action: 'updated', id: first.id, duplicates: 1 })
    expect(second.body).toBe(`${MARKER}\nb`)
  })

  it('returns a forbidden result instead of throwing when the token is read-only (fork PR)', async () => {
    const f = await start({ readOnly: true })
    const result = await upsertStickyComment(createOctokit('t', f.url), { ...TARGET, body: `${MARKER}\nreport` })
    expect(result).toMatchObject({ ok: false, reason: 'forbidden', status: 403, step: 'create' })
    expect(result.ok === false && result.message).toContain('Resource not accessible by integration')
    if (!result.ok) {
      expect(describeFailure('update the pull request comment', result, 'pull-requests: write')).toMatch(
        /^Could not update the pull request comment \(HTTP 403\): Resource not accessible by integration.*read-only token.*permissions: pull-requests: write/,
      )
    }
    expect(f.comments).toHaveLength(0)
  })

  it('returns a forbidden result when updating is refused', async () => {
    const f = await start({ readOnly: true })
    f.seedComment({ issueNumber: 42, body: `${MARKER}\nold`, login: GITHUB_ACTIONS_LOGIN })
    const result = await upsertStickyComment(createOctokit('t', f.url), { ...TARGET, body: `${MARKER}\nnew` })
    expect(result).toMatchObject({ ok: false, reason: 'forbidden', status: 403, step: 'update' })
  })

  it('succeeds with a read-only token when nothing changed', async () => {
    const f = await start({ readOnly: true })
    f.seedComment({ issueNumber: 42, body: `${MARKER}\nsame`, login: GITHUB_ACTIONS_LOGIN })
    const result = await upsertStickyComment(createOctokit('t', f.url), { ...TARGET, body: `${MARKER}\nsame` })
    expect(result).toMatchObject({ ok: true, action: 'unchanged' })
  })

  it('matches by the explicit authorLogin without looking up the identity', async () => {
    const f = await start({ login: 'my-app[bot]' })
    const mine = f.seedComment({ issueNumber: 42, body: `${MARKER}\nold`, login: 'my-app[bot]' })
    const result = await upsertStickyComment(createOctokit('t', f.url), {
      ...TARGET,
      body: `${MARKER}\nnew`,
      authorLogin: 'My-App[bot]',
    })
    expect(result).toMatchObject({ ok: true, action: 'updated', id: mine.id })
    expect(f.calls.some((c) => c.path === '/user' || c.path === '/graphql')).toBe(false)
  })
})

describe('resolveTokenIdentity', () => {
  let f: GitHubFake
  beforeEach(async () => {
    f = await start()
  })

  it('uses GET /user only for a personal access token', async () => {
    f.configure({ login: 'octocat' })
    const pat = 'ghp_0123456789abcdefghij0123456789abcdef'
    expect(await resolveTokenIdentity(createOctokit(pat, f.url), tokenKind(pat))).toEqual({
      login: 'octocat',
      source: 'user',
    })
    expect(f.calls.map((c) => c.path)).toEqual(['/user'])
  })

  it('asks GraphQL only for an installation token (ghs_): GET /user would answer 403', async () => {
    const token = 'ghs_0123456789abcdefghij0123456789abcdef'
    expect(await resolveTokenIdentity(createOctokit(token, f.url), tokenKind(token))).toEqual({
      login: 'github-actions[bot]',
      source: 'graphql',
    })
    expect(f.calls.map((c) => c.path)).toEqual(['/graphql'])
  })

  it('falls back to GraphQL when GET /user fails for a user token', async () => {
    f.configure({ login: 'deploy-bot[bot]' })
    const token = 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz'
    expect(await resolveTokenIdentity(createOctokit(token, f.url), tokenKind(token))).toEqual({
      login: 'deploy-bot[bot]',
      source: 'graphql',
    })
    expect(f.calls.map((c) => `${c.path} ${c.status}`)).toEqual(['/user 403', '/graphql 200'])
  })

  it('asks both at once for a token of unknown kind, preferring GET /user', async () => {
    f.configure({ login: 'octocat' })
    expect(await resolveTokenIdentity(createOctokit('t', f.url))).toEqual({ login: 'octocat', source: 'user' })
    expect(f.calls.map((c) => c.path).sort()).toEqual(['/graphql', '/user'])
  })

  it('tells token kinds by their prefix', () => {
    expect(tokenKind('ghs_abc')).toBe('installation')
    expect(tokenKind('ghp_abc')).toBe('user')
    expect(tokenKind('github_pat_abc')).toBe('user')
    expect(tokenKind('gho_abc')).toBe('user')
    expect(tokenKind('ghu_abc')).toBe('user')
    expect(tokenKind('v1.0123abc')).toBe('unknown')
    expect(tokenKind('')).toBe('unknown')
  })

  it('uses the GraphQL viewer for an installation token (GitHub App)', async () => {
    f.configure({ login: 'deploy-bot[bot]' })
    expect(await resolveTokenIdentity(createOctokit('t', f.url))).toEqual({
      login: 'deploy-bot[bot]',
      source: 'graphql',
    })
  })

  it('falls back to github-actions[bot] when neither answers', async () => {
    f.configure({ graphql: false })
    expect(await resolveTokenIdentity(createOctokit('t', f.url))).toEqual({
      login: 'github-actions[bot]',
      source: 'default',
    })
  })
})
