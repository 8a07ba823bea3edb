import { describe, expect, it } from 'vitest'
import { createOctokit } from '../../src/github/client.js'
import { deactivateEnvironmentDeployments, finishDeployment, startDeployment } from '../../src/github/deployments.js'
import { useGitHubFake } from '../support/github-fake.js'

const REPO = { owner: 'acme', repo: 'pets' }
const BASE_URL = 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/pr-42'
const RUN_URL = 'https://github.com/acme/pets/actions/runs/1'
const SHA = '0123456789abcdef0123456789abcdef01234567'

const start = useGitHubFake()

describe('startDeployment / finishDeployment', () => {
  it('creates a deployment without auto-merge or required contexts, then in_progress → success', async () => {
    const f = await start()
    const octokit = createOctokit('t', f.url)
    const started = await startDeployment(octokit, {
      ...REPO,
      ref: SHA,
      environment: 'pr-42',
      transient: true,
      description: 'Deploy PetStore to stage pr-42',
      environmentUrl: BASE_URL,
      logUrl: RUN_URL,
      payload: { restApiId: 'a1b2c3d4e5', stage: 'pr-42' },
    })
    expect(started.ok).toBe(true)
    if (!started.ok) return
    const create = f.calls.find((c) => c.method === 'POST' && c.path === '/repos/acme/pets/deployments')
    expect(create?.body).toEqual({
      ref: SHA,
      environment: 'pr-42',
      auto_merge: false,
      required_contexts: [],
      transient_environment: true,
      description: 'Deploy PetStore to stage pr-42',
      payload: { restApiId: 'a1b2c3d4e5', stage: 'pr-42' },
    })
    const finished = await finishDeployment(octokit, {
      ...REPO,
      deploymentId: started.deploymentId,
      state: 'success',
      environmentUrl: BASE_URL,
      logUrl: RUN_URL,
    })
    expect(finished.ok).toBe(true)
    expect(f.statuses.map((s) => [s.deployment_id, s.state, s.environment_url, s.log_url])).toEqual([
      [started.deploymentId, 'in_progress', BASE_URL, RUN_URL],
      [started.deploymentId, 'success', BASE_URL, RUN_URL],
    ])
    expect(f.deployments[0]).toMatchObject({
      sha: SHA,
      environment: 'pr-42',
      transient_environment: true,
      auto_merge: false,
    })
  })

  it('records a failure status', async () => {
    const f = await start()
    const octokit = createOctokit('t', f.url)
    const started = await startDeployment(octokit, { ...REPO, ref: SHA, environment: 'staging', logUrl: RUN_URL })
    if (!started.ok) throw new Error(started.message)
    await finishDeployment(octokit, { ...REPO, deploymentId: started.deploymentId, state: 'failure', logUrl: RUN_URL })
    expect(f.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure'])
    expect(f.statuses[0]?.environment_url).toBe('')
  })

  it('clips descriptions to the 140 characters GitHub accepts', async () => {
    const f = await start()
    await startDeployment(createOctokit('t', f.url), {
      ...REPO,
      ref: SHA,
      environment: 'staging',
      description: 'x'.repeat(500),
    })
    expect(f.deployments[0]?.description).toHaveLength(140)
  })

  it('returns a forbidden result for a read-only token', async () => {
    const f = await start({ readOnly: true })
    const result = await startDeployment(createOctokit('t', f.url), { ...REPO, ref: SHA, environment: 'pr-42' })
    expect(result).toMatchObject({ ok: false, reason: 'forbidden', status: 403, step: 'create' })
    expect(f.deployments).toEqual([])
  })

  it('returns an error result when GitHub refuses the deployment (409 conflict)', async () => {
    const f = await start({
      deploymentError: { status: 409, message: 'Conflict: Commit status checks failed for main.' },
    })
    const result = await startDeployment(createOctokit('t', f.url), { ...REPO, ref: SHA, environment: 'prod' })
    expect(result).toMatchObject({ ok: false, reason: 'error', status: 409, step: 'create' })
  })

  it('returns a forbidden result when the final status is refused', async () => {
    const f = await start()
    const octokit = createOctokit('t', f.url)
    const started = await startDeployment(octokit, { ...REPO, ref: SHA, environment: 'staging' })
    if (!started.ok) throw new Error(started.message)
    f.configure({ readOnly: true })
    const result = await finishDeployment(octokit, { ...REPO, deploymentId: started.deploymentId, state: 'success' })
    expect(result).toMatchObject({ ok: false, reason: 'forbidden', status: 403 })
  })
})

describe('deactivateEnvironmentDeployments', () => {
  it('marks every active deployment of the environment inactive, across pages, and nothing else', async () => {
    const f = await start({ perPage: 2 })
    const octokit = createOctokit('t', f.url)
    const ids: number[] = []
    for (let i = 0; i < 5; i++) {
      const started = await startDeployment(octokit, { ...REPO, ref: SHA, environment: 'pr-42', transient: true })
      if (!started.ok) throw new Error(started.message)
      ids.push(started.deploymentId)
      await finishDeployment(octokit, { ...REPO, deploymentId: started.deploymentId, state: 'success' })
    }
    const other = await startDeployment(octokit, { ...REPO, ref: SHA, environment: 'staging' })
    if (!other.ok) throw new Error(other.message)
    // One is already inactive: it is skipped.
    await finishDeployment(octokit, { ...REPO, deploymentId: ids[0] as number, state: 'inactive' })

    const result = await deactivateEnvironmentDeployments(octokit, { ...REPO, environment: 'pr-42', logUrl: RUN_URL })
    expect(result).toEqual({ ok: true, deactivated: ids.slice(1).reverse() })
    for (const id of ids) {
      expect(f.statuses.filter((s) => s.deployment_id === id).at(-1)?.state).toBe('inactive')
    }
    expect(f.statuses.filter((s) => s.deployment_id === other.deploymentId).map((s) => s.state)).toEqual([
      'in_progress',
    ])
  })

  it('returns a forbidden result for a read-only token', async () => {
    const f = await start()
    const octokit = createOctokit('t', f.url)
    const started = await startDeployment(octokit, { ...REPO, ref: SHA, environment: 'pr-42' })
    if (!started.ok) throw new Error(started.message)
    f.configure({ readOnly: true })
    const result = await deactivateEnvironmentDeployments(octokit, { ...REPO, environment: 'pr-42' })
    expect(result).toMatchObject({ ok: false, reason: 'forbidden', status: 403 })
  })
})
