import { afterEach, describe, expect, it } from 'vitest'
import { diffApiDefinitions } from '../../src/diff/api-diff.js'
import { createOctokit, describeFailure, toFailure } from '../../src/github/client.js'
import { upsertStickyComment } from '../../src/github/sticky-comment.js'
import { commentMarker } from '../../src/report/marker.js'
import { renderCommentBody } from '../../src/report/render.js'
import { largeApi, largeApiEverythingChanged } from '../fixtures/openapi/large-api.js'
import { previousDiff, reportInput } from '../fixtures/report-fixtures.js'
import { useGitHubFake } from '../support/github-fake.js'

const start = useGitHubFake()
const savedApiUrl = process.env.GITHUB_API_URL
afterEach(() => {
  if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL
  else process.env.GITHUB_API_URL = savedApiUrl
})

describe('createOctokit', () => {
  it('honours GITHUB_API_URL at call time', async () => {
    const fake = await start()
    process.env.GITHUB_API_URL = `${fake.url}/`
    const octokit = createOctokit('t')
    await octokit.rest.issues.listComments({ owner: 'acme', repo: 'pets', issue_number: 1 })
    expect(fake.calls.map((c) => c.path)).toEqual(['/repos/acme/pets/issues/1/comments'])
  })

  it('prefers an explicit base URL', async () => {
    const fake = await start()
    process.env.GITHUB_API_URL = 'http://127.0.0.1:9'
    await createOctokit('t', fake.url).rest.issues.listComments({ owner: 'acme', repo: 'pets', issue_number: 1 })
    expect(fake.calls).toHaveLength(1)
  })
})

describe('toFailure', () => {
  it('classifies by HTTP status', () => {
    const err = (status: number) => Object.assign(new Error(`status ${status}`), { status })
    expect(toFailure(err(403))).toEqual({ ok: false, reason: 'forbidden', status: 403, message: 'status 403' })
    expect(toFailure(err(401)).reason).toBe('forbidden')
    expect(toFailure(err(404)).reason).toBe('not-found')
    expect(toFailure(err(502)).reason).toBe('error')
    expect(toFailure('boom')).toEqual({ ok: false, reason: 'error', message: 'boom' })
  })

  it('describes a 404 without the permission hint', () => {
    expect(describeFailure('comment', { ok: false, reason: 'not-found', status: 404, message: 'Not Found' }, 'x')).toBe(
      'Could not comment (HTTP 404): Not Found.',
    )
  })
})

describe('end to end: rendered report → sticky comment', () => {
  it('posts a 300-resource report that GitHub accepts (≤ 65,536 characters)', async () => {
    const fake = await start()
    const marker = commentMarker('a1b2c3d4e5', 'pr-42')
    const input = reportInput({ apiDiff: previousDiff(diffApiDefinitions(largeApi(), largeApiEverythingChanged())) })
    const body = renderCommentBody(input, marker)
    const result = await upsertStickyComment(createOctokit('t', fake.url), {
      owner: 'acme',
      repo: 'pets',
      issueNumber: 42,
      marker,
      body,
    })
    expect(result).toMatchObject({ ok: true, action: 'created' })
    expect(fake.comments[0]?.body.length).toBeLessThanOrEqual(65_536)
  })
})
