// Issue 12: reports that are always true. Every run publishes (bad input: the summary only, no AWS or GitHub call);
// refusals and failures turn the sticky comment ❌; outputs say what the stage runs; drift is found and named.
import { GetStageCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from '../emulator/index.js'
import { type GitHubFake, startGitHubFake } from '../github-fake/index.js'
import { type DataPlane, startDataPlane } from '../support/data-plane.js'
import { type Emulator, operations, sdkClient } from '../support/emulator.js'
import { runAgainst } from '../support/harness.js'

let emu: Emulator
let gh: GitHubFake
let health: DataPlane

const prEvent = (number: number) => ({
  name: 'pull_request',
  payload: { action: 'synchronize', number, pull_request: { number, head: { sha: 'abc' } } },
})

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

const commentsOn = (restApiId: string, stage: string) =>
  gh.comments.filter((c) => c.body.includes(`apigw-stage-action:${restApiId}:${stage}`))

describe('every run publishes', () => {
  it('bad input writes the job summary, with no AWS and no GitHub call', async () => {
    const ghCalls = gh.calls.length
    emu.clearCalls()
    const run = await runAgainst(
      emu,
      { 'rest-api-id': 'abc123', stage: 'pr-1', 'canary-percent': '500' },
      { githubApi: gh.url, event: prEvent(1) },
    )
    expect(run.code).toBe(1)
    expect(run.summary).toMatch(/^### ❌ Invalid input: nothing was run/)
    expect(run.summary).toContain('canary-percent')
    expect(operations(emu)).toEqual([])
    expect(gh.calls.length).toBe(ghCalls)
  })

  it('a refusal turns the earlier ✅ comment ❌ with the reason', async () => {
    const { restApiId } = emu.seedSampleApi({ name: 'refusal-api' })
    const inputs = { 'rest-api-id': restApiId, stage: 'pr-2' }
    const first = await runAgainst(emu, inputs, { githubApi: gh.url, event: prEvent(2) })
    expect(first.code).toBe(0)
    expect(commentsOn(restApiId, 'pr-2')[0]?.body).toContain('### ✅')
    await sdkClient(emu).send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'pr-2',
        patchOperations: [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '5.0' }],
      }),
    )
    emu.clearCalls()
    const refused = await runAgainst(emu, inputs, { githubApi: gh.url, event: prEvent(2) })
    expect(refused.code).toBe(1)
    expect(emu.writes()).toEqual([])
    const comments = commentsOn(restApiId, 'pr-2')
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('### ❌ Refused: nothing was changed')
    expect(comments[0]?.body).toContain('canary')
    expect(comments[0]?.body).not.toContain('### ✅')
    expect(refused.summary).toContain('### ❌ Refused')
    expect(refused.outputs.changed).toBe('false')
  })

  it('a failed read still writes the summary and turns the comment ❌', async () => {
    const run = await runAgainst(
      emu,
      { 'rest-api-id': 'nosuchapi1', stage: 'pr-3' },
      { githubApi: gh.url, event: prEvent(3) },
    )
    expect(run.code).toBe(1)
    expect(run.summary).toContain('### ❌ Failed while reading: nothing was changed')
    expect(commentsOn('nosuchapi1', 'pr-3')[0]?.body).toContain('❌ Failed while reading')
  })
})

describe('outputs and report say what the stage runs', () => {
  it('after a failed CreateDeployment: changed false, deployment-id the one still live', async () => {
    const { restApiId } = emu.seedSampleApi({ name: 'failing-api' })
    const first = await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'live', comment: 'false' })
    const live = first.outputs['deployment-id']
    expect(live).toBeTruthy()
    emu.faults.inject({ operation: 'CreateDeployment', kind: 'unavailable', times: 100 })
    const failed = await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'live', comment: 'false' })
    emu.faults.clear()
    expect(failed.code).toBe(1)
    expect(failed.outputs.changed).toBe('false')
    expect(failed.outputs['deployment-id']).toBe(live)
    expect(failed.summary).toContain(`- **Deployment:** <code>${live}</code> (unchanged)`)
    expect(failed.summary).not.toContain('— (was')
  })

  it('a failed smoke test keeps the API diff and says how to roll back; a passing one is shown', async () => {
    const { restApiId } = emu.seedSampleApi({ name: 'smoke-truth-api' })
    health.status = 200
    const base = { 'rest-api-id': restApiId, stage: 'live', 'smoke-test-path': '/health', comment: 'false' }
    const ok = await runAgainst(emu, { ...base, 'smoke-test-base-url': health.url })
    expect(ok.code).toBe(0)
    expect(ok.summary).toContain('✅ **Smoke test passed:**')
    emu.defineApi(restApiId, { 'GET /pets': { lambda: 'smoke-truth-v2' }, 'POST /orders': { lambda: 'orders' } })
    health.status = 503
    const bad = await runAgainst(emu, { ...base, 'smoke-test-base-url': health.url, 'smoke-test-attempts': '1' })
    expect(bad.code).toBe(1)
    expect(bad.summary).toMatch(/^### ❌ Smoke test failed: the new deployment is live/)
    expect(bad.summary).toContain('POST /orders')
    expect(bad.summary).toContain('**To roll back:**')
    expect(bad.summary).toContain(ok.outputs['deployment-id'])
  })

  it('delete: a re-run says there is nothing to delete, with no stage URL anywhere', async () => {
    const { restApiId } = emu.seedSampleApi({ name: 'delete-truth-api' })
    await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'pr-9', comment: 'false' })
    const del = await runAgainst(emu, {
      'rest-api-id': restApiId,
      stage: 'pr-9',
      operation: 'delete',
      comment: 'false',
    })
    expect(del.code).toBe(0)
    expect(del.summary).toMatch(/^### ✅ Deleted/)
    expect(del.stdout).not.toMatch(/Stage 'pr-9' is at https/)
    const again = await runAgainst(emu, {
      'rest-api-id': restApiId,
      stage: 'pr-9',
      operation: 'delete',
      comment: 'false',
    })
    expect(again.code).toBe(0)
    expect(again.summary).toMatch(/^### ✅ Nothing to delete/)
    expect(again.summary).toContain('does not exist')
    expect(again.summary).not.toContain('execute-api')
    for (const run of [del, again]) {
      expect(run.outputs['base-url']).toBe('')
      expect(run.outputs['console-url']).toBe('')
    }
  })

  it('breaking-changes is the documented boolean; breaking-change-count the number', async () => {
    const { restApiId } = emu.seedSampleApi({ name: 'breaking-api' })
    const first = await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'live', comment: 'false' })
    expect(first.outputs['breaking-changes']).toBe('false')
    expect(first.outputs['breaking-change-count']).toBe('0')
    emu.defineApi(restApiId, { 'GET /pets': { lambda: 'breaking-api-list' } })
    const second = await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'live', comment: 'false' })
    expect(second.outputs['breaking-changes']).toBe('true')
    expect(Number(second.outputs['breaking-change-count'])).toBeGreaterThan(0)
    expect(second.summary).toMatch(/^### ⚠️ \d+ breaking change/)
  })

  it('a dry run shows the variable changes the real run makes, and no "Planned" deployment', async () => {
    const { restApiId } = emu.seedSampleApi({ name: 'dry-api' })
    await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'live', comment: 'false', variables: 'a=1' })
    const dry = await runAgainst(emu, {
      'rest-api-id': restApiId,
      stage: 'live',
      comment: 'false',
      'dry-run': 'true',
      variables: 'b=2',
      'remove-variables': 'a',
    })
    expect(dry.code).toBe(0)
    expect(dry.summary).toMatch(/^### 📝 Plan \(dry run\)/)
    expect(dry.summary).toContain('- added: <code>b</code>')
    expect(dry.summary).toContain('- removed: <code>a</code>')
    expect(dry.summary).not.toContain('📝 Planned')
  })

  it('rollback refuses variables and remove-variables before any call', async () => {
    emu.clearCalls()
    const run = await runAgainst(emu, {
      'rest-api-id': 'a1b2c3d4e5',
      stage: 'live',
      operation: 'rollback',
      variables: 'a=1',
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain("cannot be used with operation 'rollback'")
    expect(operations(emu)).toEqual([])
  })

  it('export-file naming a directory fails before any AWS call', async () => {
    emu.clearCalls()
    const run = await runAgainst(
      emu,
      { 'rest-api-id': 'a1b2c3d4e5', stage: 'live', 'export-type': 'oas30', 'export-file': 'out' },
      { files: { 'out/keep.txt': 'x' } },
    )
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain("Input 'export-file' names out, which is a directory")
    expect(operations(emu)).toEqual([])
  })
})

describe('drift', () => {
  it('a variable changed behind the action is named on the next run (log, summary, comment, output)', async () => {
    const { restApiId } = emu.seedSampleApi({ name: 'drift-api' })
    const inputs = { 'rest-api-id': restApiId, stage: 'pr-5', variables: 'mode=blue' }
    const first = await runAgainst(emu, inputs, { githubApi: gh.url, event: prEvent(5) })
    expect(first.code).toBe(0)
    expect(first.outputs.drift).toBe('false')
    const sdk = sdkClient(emu)
    const tagged = await sdk.send(new GetStageCommand({ restApiId, stageName: 'pr-5' }))
    expect(tagged.tags?.['apigw-stage-action:fingerprint']).toMatch(/^v1 d=/)

    // Nothing changed outside: a re-run finds no drift.
    const quiet = await runAgainst(emu, inputs, { githubApi: gh.url, event: prEvent(5) })
    expect(quiet.outputs.drift).toBe('false')
    expect(quiet.warnings.join('\n')).not.toContain('Drift')

    await sdk.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'pr-5',
        patchOperations: [{ op: 'replace', path: '/variables/mode', value: 'green' }],
      }),
    )
    const drifted = await runAgainst(emu, inputs, { githubApi: gh.url, event: prEvent(5) })
    expect(drifted.outputs.drift).toBe('true')
    expect(drifted.warnings.join('\n')).toContain('stage variable mode changed')
    expect(drifted.summary).toContain('> **Drift:**')
    expect(drifted.summary).toContain('stage variable mode changed')
    expect(commentsOn(restApiId, 'pr-5')[0]?.body).toContain('stage variable mode changed')
  })
})
