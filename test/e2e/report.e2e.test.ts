// Runner contract for the report: job summary, diff outputs, one sticky PR comment, GitHub deployments.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../emulator/index.js'
import { type GitHubFake, startGitHubFake } from '../github-fake/index.js'
import type { Emulator } from '../support/emulator.js'
import { runAgainst } from '../support/harness.js'

let emu: Emulator
let gh: GitHubFake
let restApiId: string

const prEvent = (number: number) => ({
  name: 'pull_request',
  payload: { action: 'synchronize', number, pull_request: { number, head: { sha: 'abc' } } },
})
const preview = (inputs: Record<string, string>, event = prEvent(7)) =>
  runAgainst(emu, { 'rest-api-id': restApiId, stage: 'pr-7', ...inputs }, { githubApi: gh.url, event })
const ourComments = () => gh.comments.filter((c) => c.body.includes(`apigw-stage-action:${restApiId}:pr-7`))

beforeAll(async () => {
  emu = await startEmulator()
  gh = await startGitHubFake({ perPage: 2 })
  restApiId = emu.seedSampleApi({ name: 'report-api' }).restApiId
})
afterAll(async () => {
  await emu.stop()
  await gh.stop()
})
beforeEach(() => {
  gh.configure({ readOnly: false })
})

describe('pull request report', () => {
  it('two runs on one PR leave one comment, updated, showing a route added in between', async () => {
    // Noise on the PR: other comments (paging is 2 per page) and a foreign comment carrying our marker.
    gh.seedComment({ issueNumber: 7, body: 'LGTM', login: 'octocat' })
    gh.seedComment({ issueNumber: 7, body: 'nit: rename', login: 'hubot' })
    const foreign = gh.seedComment({
      issueNumber: 7,
      body: `<!-- apigw-stage-action:${restApiId}:pr-7 --> pasted by a user`,
      login: 'mallory',
    })

    const first = await preview({ variables: 'token=sup3r-s3cret-value' })
    expect(first.errors).toEqual([])
    expect(first.code).toBe(0)
    const mine = ourComments().filter((c) => c.user.login === 'github-actions[bot]')
    expect(mine).toHaveLength(1)
    expect(mine[0]?.body).toContain(first.outputs['base-url'])
    expect(first.outputs['comment-url']).toBe(mine[0]?.html_url)
    expect(first.summary).toContain('pr-7')
    expect(first.summary).toContain(first.outputs['base-url'])

    emu.defineApi(restApiId, {
      'GET /pets': { lambda: 'report-api-list-pets' },
      'GET /pets/{petId}': { lambda: 'report-api-get-pet' },
      'POST /orders': { lambda: 'report-api-create-order' },
    })
    const second = await preview({})
    expect(second.code).toBe(0)
    const after = ourComments().filter((c) => c.user.login === 'github-actions[bot]')
    expect(after).toHaveLength(1)
    expect(after[0]?.id).toBe(mine[0]?.id)
    expect(after[0]?.body).toContain('POST /orders')
    expect(after[0]?.body).toMatch(/added/)
    expect(second.outputs['diff-markdown']).toContain('POST /orders')
    const json = JSON.parse(second.outputs['diff-json'] ?? '{}') as { apiChanges: { added: Array<{ path: string }> } }
    expect(json.apiChanges.added.map((a) => a.path)).toContain('/orders')
    // Routes removed by the redefinition are breaking: `breaking-changes` is a boolean, the count its own output.
    expect(second.outputs['breaking-changes']).toBe('true')
    expect(Number(second.outputs['breaking-change-count'])).toBeGreaterThan(0)

    // The foreign comment is untouched; no variable value reached GitHub or the summary.
    expect(gh.comments.find((c) => c.id === foreign.id)?.body).toBe(foreign.body)
    for (const text of [
      ...gh.comments.map((c) => c.body),
      first.summary,
      second.summary,
      first.stdout,
      second.stdout,
    ]) {
      expect(text).not.toContain('sup3r-s3cret-value')
    }
  })

  it('a re-run that renders the same report does not write the comment again', async () => {
    const commentWrites = () => gh.calls.filter((c) => c.method !== 'GET' && c.path.includes('/comments')).length
    // A variable-only promotion changes the stage once; the next identical run reports "unchanged"…
    expect((await preview({ operation: 'promote', variables: 'unchanged=value' })).code).toBe(0)
    expect((await preview({ operation: 'promote', variables: 'unchanged=value' })).code).toBe(0)
    const before = commentWrites()
    // …and a third identical run renders exactly that again: no comment write at all.
    const third = await preview({ operation: 'promote', variables: 'unchanged=value' })
    expect(third.code).toBe(0)
    expect(third.stdout).toContain('Pull request comment unchanged')
    expect(commentWrites()).toBe(before)
  })

  it('a read-only token (fork PR) only warns; outputs and summary stand', async () => {
    gh.configure({ readOnly: true })
    emu.defineApi(restApiId, { 'GET /pets': { lambda: 'report-api-list-pets-v2' } })
    const run = await preview({})
    expect(run.code).toBe(0)
    expect(run.errors).toEqual([])
    expect(run.warnings.join('\n')).toMatch(/Resource not accessible by integration/)
    expect(run.warnings.join('\n')).toContain('pull-requests: write')
    expect(run.outputs['deployment-id']).toBeTruthy()
    expect(run.summary).toContain('pr-7')
  })

  it('push with pr-number comments on that PR; comment: false does not', async () => {
    const push = { name: 'push', payload: { ref: 'refs/heads/main' } }
    const stageComments = () => gh.comments.filter((c) => c.body.includes(`apigw-stage-action:${restApiId}:staging`))
    const quiet = await runAgainst(
      emu,
      { 'rest-api-id': restApiId, stage: 'staging', comment: 'false', 'pr-number': '' },
      { githubApi: gh.url, event: push },
    )
    expect(quiet.code).toBe(0)
    expect(stageComments()).toHaveLength(0)
    const run = await runAgainst(
      emu,
      { 'rest-api-id': restApiId, stage: 'staging', 'pr-number': '9' },
      { githubApi: gh.url, event: push },
    )
    expect(run.code).toBe(0)
    expect(stageComments()).toHaveLength(1)
    expect(stageComments()[0]?.issue_url).toMatch(/\/issues\/9$/)
  })

  it('environment records a GitHub deployment with in_progress then success and the base URL', async () => {
    const run = await preview({ environment: 'pr-7' })
    expect(run.code).toBe(0)
    const deployment = gh.deployments.at(-1)
    expect(deployment?.environment).toBe('pr-7')
    const states = gh.statuses.filter((s) => s.deployment_url === deployment?.url)
    expect(states.map((s) => s.state)).toEqual(['in_progress', 'success'])
    expect(states.at(-1)?.environment_url).toBe(run.outputs['base-url'])
    expect(states.at(-1)?.log_url).toBe('https://github.com/octo-org/orders-service/actions/runs/4242')
  })
})
