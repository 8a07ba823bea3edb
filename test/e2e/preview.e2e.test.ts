// Runner contract for PR previews: a whole pull request's life, delete guard, stage quota, pruning, smoke test.
import {
  CreateBasePathMappingCommand,
  CreateDomainNameCommand,
  GetBasePathMappingsCommand,
  GetStageCommand,
  GetStagesCommand,
} from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from '../emulator/index.js'
import { type GitHubFake, startGitHubFake } from '../github-fake/index.js'
import { type DataPlane, startDataPlane } from '../support/data-plane.js'
import { type Emulator, sdkClient } from '../support/emulator.js'
import { runAgainst } from '../support/harness.js'

let emu: Emulator
let gh: GitHubFake
let health: DataPlane

beforeAll(async () => {
  emu = await startEmulator()
  gh = await startGitHubFake()
  health = await startDataPlane()
})
afterAll(async () => {
  await emu.stop()
  await gh.stop()
  await health.close()
})

const stageExists = async (restApiId: string, stageName: string) =>
  sdkClient(emu)
    .send(new GetStageCommand({ restApiId, stageName }))
    .then(
      () => true,
      () => false,
    )

describe('a pull request from open to close', () => {
  it('deploys pr-12 on open and each push, keeps one comment, deletes everything on close', async () => {
    const { restApiId } = emu.seedSampleApi({ name: 'preview-api' })
    const sdk = sdkClient(emu)
    await sdk.send(
      new CreateDomainNameCommand({
        domainName: 'previews.example.com',
        regionalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
      }),
    )
    const pr = (action: string) => ({
      name: 'pull_request',
      payload: { action, number: 12, pull_request: { number: 12, head: { sha: 'f00' } } },
    })
    const deploy = (action: string) =>
      runAgainst(
        emu,
        {
          'rest-api-id': restApiId,
          stage: 'pr-12',
          environment: 'pr-12',
          'domain-name': 'previews.example.com',
          'base-path': 'pr-12',
        },
        { githubApi: gh.url, event: pr(action) },
      )
    const ours = () => gh.comments.filter((c) => c.body.includes(`apigw-stage-action:${restApiId}:pr-12`))

    for (const action of ['opened', 'synchronize', 'synchronize']) {
      const run = await deploy(action)
      expect(run.errors, action).toEqual([])
      expect(run.outputs['custom-url']).toBe('https://previews.example.com/pr-12')
      expect(ours()).toHaveLength(1)
    }
    expect(await stageExists(restApiId, 'pr-12')).toBe(true)
    // Someone else's mapping on the same domain must survive the cleanup.
    const docsApi = emu.seedSampleApi({ name: 'docs-api' }).restApiId
    expect((await runAgainst(emu, { 'rest-api-id': docsApi, stage: 'v1', comment: 'false' })).code).toBe(0)
    await sdk.send(
      new CreateBasePathMappingCommand({
        domainName: 'previews.example.com',
        basePath: 'docs',
        restApiId: docsApi,
        stage: 'v1',
      }),
    )
    const deployments = gh.deployments.filter((d) => d.environment === 'pr-12')
    expect(deployments).toHaveLength(3)

    const close = await runAgainst(
      emu,
      { 'rest-api-id': restApiId, stage: 'pr-12', operation: 'delete', environment: 'pr-12' },
      { githubApi: gh.url, event: pr('closed') },
    )
    expect(close.errors).toEqual([])
    expect(await stageExists(restApiId, 'pr-12')).toBe(false)
    const mappings = await sdk.send(new GetBasePathMappingsCommand({ domainName: 'previews.example.com' }))
    expect((mappings.items ?? []).map((m) => m.basePath)).toEqual(['docs'])
    expect(ours()).toHaveLength(1)
    expect(ours()[0]?.body).toMatch(/deleted/i)
    // Every deployment of the environment ends inactive; the last successful one had success before.
    for (const d of deployments) {
      const states = gh.statuses.filter((s) => s.deployment_url === d.url).map((s) => s.state)
      expect(states.at(-1), String(d.id)).toBe('inactive')
    }

    // Closing twice (re-run) succeeds and changes nothing.
    emu.clearCalls()
    const again = await runAgainst(emu, {
      'rest-api-id': restApiId,
      stage: 'pr-12',
      operation: 'delete',
      comment: 'false',
    })
    expect(again.code).toBe(0)
    expect(emu.writes()).toEqual([])
  })
})

describe('delete guard', () => {
  it('refuses to delete prod, and changes nothing', async () => {
    const { restApiId } = emu.seedSampleApi({ name: 'guard-api' })
    expect((await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'prod', comment: 'false' })).code).toBe(0)
    emu.clearCalls()
    const run = await runAgainst(emu, {
      'rest-api-id': restApiId,
      stage: 'prod',
      operation: 'delete',
      comment: 'false',
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain('delete-stage-pattern')
    expect(emu.calls).toEqual([])
    expect(await stageExists(restApiId, 'prod')).toBe(true)
  })
})

describe('stage quota', () => {
  it('lists the preview stages with their ages when the API has 10 stages', async () => {
    const { restApiId } = emu.seedSampleApi({ name: 'full-api' })
    for (const stage of ['prod', 'staging', ...Array.from({ length: 8 }, (_, i) => `pr-${i + 1}`)]) {
      expect((await runAgainst(emu, { 'rest-api-id': restApiId, stage, comment: 'false' })).code).toBe(0)
    }
    const run = await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'pr-99', comment: 'false' })
    expect(run.code).toBe(1)
    const message = run.errors.join('\n')
    expect(message).toContain('already has 10 stages')
    expect(message).toMatch(/Preview stages: pr-\d+ \(last updated 0 days ago\)/)
    expect(message).toContain('Other stages: prod, staging')
    expect(message).toContain('prune-previews-older-than')
  })

  it('prune-previews-older-than frees slots before deploying', async () => {
    const { restApiId } = emu.seedSampleApi({ name: 'prune-api' })
    for (const stage of ['prod', ...Array.from({ length: 9 }, (_, i) => `pr-${i + 1}`)]) {
      expect((await runAgainst(emu, { 'rest-api-id': restApiId, stage, comment: 'false' })).code).toBe(0)
    }
    // pr-1 … pr-3 have been idle for 30 days.
    const stages = emu.state.restApis.get(restApiId)?.stages
    const month = Date.now() - 30 * 86_400_000
    for (const name of ['pr-1', 'pr-2', 'pr-3']) {
      const s = stages?.get(name)
      if (s) {
        s.createdDate = month
        s.lastUpdatedDate = month
      }
    }
    const run = await runAgainst(emu, {
      'rest-api-id': restApiId,
      stage: 'pr-50',
      'prune-previews-older-than': '14',
      comment: 'false',
    })
    expect(run.errors).toEqual([])
    const left = await sdkClient(emu).send(new GetStagesCommand({ restApiId }))
    const names = (left.item ?? []).map((s) => s.stageName).sort()
    expect(names).toEqual(['pr-4', 'pr-5', 'pr-50', 'pr-6', 'pr-7', 'pr-8', 'pr-9', 'prod'])
  })
})

describe('smoke test', () => {
  it('passes on 2xx and reports it; fails on 5xx and rolls back the canary this run made', async () => {
    const { restApiId } = emu.seedSampleApi({ name: 'smoke-api' })
    health.status = 200
    const ok = await runAgainst(emu, {
      'rest-api-id': restApiId,
      stage: 'live',
      'smoke-test-path': '/health',
      'smoke-test-base-url': health.url,
      comment: 'false',
    })
    expect(ok.errors).toEqual([])
    expect(ok.outputs['smoke-test']).toBe('passed')
    expect(ok.summary).toMatch(/smoke/i)

    health.status = 503
    const bad = await runAgainst(emu, {
      'rest-api-id': restApiId,
      stage: 'live',
      'canary-percent': '10',
      'smoke-test-path': '/health',
      'smoke-test-base-url': health.url,
      'smoke-test-attempts': '2',
      'rollback-on-failure': 'true',
      comment: 'false',
    })
    expect(bad.code).toBe(1)
    expect(bad.outputs['smoke-test']).toBe('failed')
    expect(bad.errors.join('\n')).toContain('HTTP 503')
    expect(bad.errors.join('\n')).toContain('canary this run deployed was rolled back')
    const live = await sdkClient(emu).send(new GetStageCommand({ restApiId, stageName: 'live' }))
    expect(live.canarySettings).toBeUndefined()
    expect(live.deploymentId).toBe(ok.outputs['deployment-id'])
    expect(bad.outputs['canary-deployment-id']).toBe('')
  })
})
