// Operation rollout against the API Gateway emulator and the CloudWatch fake, with virtual time: every bake is
// slept through at once, so a rollout of several 5-minute steps takes well under a second.
import { GetStageCommand, type Stage, UpdateStageCommand } from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type CloudWatchFake, type FakeInterval, startCloudWatchFake } from '../cloudwatch-fake/index.js'
import { startEmulator } from '../emulator/index.js'
import { type Emulator, sdkClient } from '../support/emulator.js'
import { runAgainst } from '../support/harness.js'

let emu: Emulator
let cw: CloudWatchFake
let restApiId: string
const MINUTE = 60_000
let clock = Date.UTC(2026, 10, 30, 9, 0, 0)

const stageOf = (stageName: string): Promise<Stage> =>
  sdkClient(emu).send(new GetStageCommand({ restApiId, stageName }))
/** One run; the next one starts `later` after this one started (a new job, or the next scheduled run). */
async function act(inputs: Record<string, string>, later = 30 * MINUTE) {
  const run = await runAgainst(
    emu,
    { 'rest-api-id': restApiId, stage: 'prod', operation: 'rollout', 'canary-interval': '5m', ...inputs },
    { env: { AWS_ENDPOINT_URL_CLOUDWATCH: cw.url }, clockStartMs: clock },
  )
  clock += later
  return run
}
const healthy: FakeInterval = {
  series: { 'prod/Canary': { count: 400, errors: 1, p99: 210 }, prod: { count: 3600, errors: 7, p99: 200 } },
}
const spike: FakeInterval = {
  series: { 'prod/Canary': { count: 900, errors: 63, p99: 240 }, prod: { count: 900, errors: 2, p99: 200 } },
}
const quiet: FakeInterval = { series: { 'prod/Canary': { count: 3 }, prod: { count: 40, errors: 0 } } }

const tagsOf = (c: { body: unknown }) => Object.keys((c.body as { tags: Record<string, string> }).tags)

/**
 * The UpdateStage calls' patch operations, how many TagResource calls recorded the rollout, and the other writes.
 * Tags the action records after any change (the drift fingerprint) are not the rollout's and are left out.
 */
function writes(): { updates: unknown[]; tags: number; others: string[] } {
  const w = emu.writes()
  const recordsRollout = (c: { body: unknown }) => tagsOf(c).includes('apigw-stage-action:rollout')
  const ownTag = (c: { operation: string; body: unknown }) =>
    c.operation === 'TagResource' && !tagsOf(c).some((k) => k.startsWith('apigw-stage-action:fingerprint'))
  return {
    updates: w
      .filter((c) => c.operation === 'UpdateStage')
      .map((c) => (c.body as { patchOperations: unknown }).patchOperations),
    tags: w.filter((c) => c.operation === 'TagResource' && recordsRollout(c)).length,
    others: w
      .filter(
        (c) => c.operation !== 'UpdateStage' && (c.operation !== 'TagResource' || (ownTag(c) && !recordsRollout(c))),
      )
      .map((c) => (c.operation === 'TagResource' ? `TagResource ${tagsOf(c).join(',')}` : c.operation)),
  }
}

async function freshProd(): Promise<string> {
  // Each case starts from a stage without a canary or a rollout in progress.
  const prod = await stageOf('prod')
  if (prod.canarySettings) {
    await sdkClient(emu).send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [{ op: 'remove', path: '/canarySettings' }],
      }),
    )
  }
  return prod.deploymentId as string
}

beforeAll(async () => {
  emu = await startEmulator()
  cw = await startCloudWatchFake()
  restApiId = emu.seedSampleApi({ name: 'release-api' }).restApiId
  cw.metrics = [
    { ApiName: 'release-api', Stage: 'prod' },
    { ApiName: 'release-api', Stage: 'prod/Canary' },
    { ApiName: 'release-api', Stage: 'staging' },
  ]
  const deploy = (stage: string) => runAgainst(emu, { 'rest-api-id': restApiId, stage })
  expect((await deploy('prod')).code).toBe(0)
  expect((await deploy('staging')).code).toBe(0)
})
afterAll(async () => {
  await emu.stop()
  await cw.stop()
})
beforeEach(async () => {
  await freshProd()
  // A new deployment on staging each time: promote-from always has something new to roll out.
  expect((await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'staging' })).code).toBe(0)
  emu.clearCalls()
  cw.reset()
  cw.intervals = [healthy]
  cw.alarms = { 'orders-5xx': 'OK' }
})

describe('rollout', () => {
  it('healthy at every step: steps up, then promotes; the writes are exactly the step changes and the promotion', async () => {
    const production = (await stageOf('prod')).deploymentId
    const staging = (await stageOf('staging')).deploymentId
    const run = await act({ 'promote-from': 'staging', 'canary-steps': '10,50,100', alarms: 'orders-5xx' })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(run.outputs['rollout-result']).toBe('promoted')
    expect(run.outputs['rollout-step']).toBe('3')
    const prod = await stageOf('prod')
    expect(prod.deploymentId).toBe(staging)
    expect(prod.deploymentId).not.toBe(production)
    expect(prod.canarySettings).toBeUndefined()
    const w = writes()
    // promote-canary's own record of the deployment production ran before (for a later `rollback`).
    expect(w.others).toEqual(['TagResource apigw-stage-action:previous-deployment,apigw-stage-action:promoted-canary'])
    expect(w.updates).toEqual([
      [
        { op: 'replace', path: '/canarySettings/deploymentId', value: staging },
        { op: 'replace', path: '/canarySettings/percentTraffic', value: '10.0' },
      ],
      [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '50.0' }],
      [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '100.0' }],
      [
        { op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' },
        { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
        { op: 'remove', path: '/canarySettings' },
      ],
    ])
    // The start, each step and the end recorded.
    expect(w.tags).toBe(4)
    expect(prod.tags?.['apigw-stage-action:rollout']).toMatch(/^promoted steps=10\/50\/100 step=2 /)
    // One ListMetrics finds the canary's series; one GetMetricData and one DescribeAlarms per interval.
    expect(cw.operations().filter((o) => o === 'ListMetrics')).toHaveLength(1)
    expect(cw.operations().filter((o) => o === 'GetMetricData')).toHaveLength(3)
    expect(cw.operations().filter((o) => o === 'DescribeAlarms')).toHaveLength(4)
    expect(cw.calls[0]?.headers['x-amz-target']).toBe('GraniteServiceVersion20100801.DescribeAlarms')
    expect(run.summary).toContain('✅ **Rollout promoted** at step 3 of 3')
    expect(run.summary).toContain('```mermaid\nxychart-beta')
    expect(run.summary).toContain('| 3 | 100% | 400 | 1 | 0.25% | 3600 | 0.19% |')
  })

  it('an error spike at step 2 rolls back: production untouched, the run fails with the numbers', async () => {
    const production = (await stageOf('prod')).deploymentId
    cw.intervals = [healthy, spike]
    const run = await act({ 'canary-steps': '10,50,100', 'max-error-rate': '1%', 'max-error-rate-increase': '0.5%' })
    expect(run.code).toBe(1)
    expect(run.outputs['rollout-result']).toBe('rolled-back')
    expect(run.outputs['rollout-step']).toBe('2')
    expect(run.errors.join('\n')).toMatch(
      /Rollout rolled back at step 2 of 3 \(50%\).*canary 5XX rate 7\.00% \(63 of 900\) is above max-error-rate 1\.00%/s,
    )
    const prod = await stageOf('prod')
    expect(prod.deploymentId).toBe(production)
    expect(prod.canarySettings).toBeUndefined()
    const w = writes()
    expect(w.others).toEqual(['CreateDeployment'])
    expect(w.updates).toEqual([
      [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '50.0' }],
      [{ op: 'remove', path: '/canarySettings' }],
    ])
    expect(run.summary).toContain('❌ **Rollout rolled back** at step 2 of 3')
    expect(run.summary).toContain('❌ unhealthy')
    // A later scheduled analyze reports how it ended, without failing again or starting anything.
    emu.clearCalls()
    const later = await act({ 'canary-steps': '10,50,100', 'rollout-mode': 'analyze' })
    expect(later.code).toBe(0)
    expect(later.outputs['rollout-result']).toBe('rolled-back')
    expect(emu.writes()).toEqual([])
  })

  it('no traffic is inconclusive, never healthy: rollback after max-inconclusive by default', async () => {
    cw.intervals = [quiet]
    const run = await act({ 'canary-steps': '10,50', 'max-inconclusive': '1' })
    expect(run.code).toBe(1)
    expect(run.outputs['rollout-result']).toBe('rolled-back')
    expect(cw.operations().filter((o) => o === 'GetMetricData')).toHaveLength(2)
    expect(run.summary).toContain('canary had 3 request(s), fewer than min-requests 50')
    expect((await stageOf('prod')).canarySettings).toBeUndefined()
  })

  it('on-inconclusive hold leaves the canary and fails for a human; a later run resumes it', async () => {
    cw.intervals = [quiet]
    const held = await act({ 'canary-steps': '10,50', 'on-inconclusive': 'hold', 'max-inconclusive': '0' })
    expect(held.code).toBe(1)
    expect(held.outputs['rollout-result']).toBe('held')
    expect(held.errors.join('\n')).toMatch(/Rollout held at step 1 of 2 \(10%\)/)
    const canary = (await stageOf('prod')).canarySettings
    expect(canary?.percentTraffic).toBe(10)
    // A schedule running analyze leaves it to the human: nothing judged, nothing written, no new failure.
    emu.clearCalls()
    const scheduled = await act({ 'canary-steps': '10,50', 'rollout-mode': 'analyze' })
    expect(scheduled.code).toBe(0)
    expect(scheduled.outputs['rollout-result']).toBe('held')
    expect(emu.writes()).toEqual([])
    emu.clearCalls()
    cw.reset()
    cw.intervals = [healthy]
    const resumed = await act({ 'canary-steps': '10,50', 'on-inconclusive': 'hold' })
    expect(resumed.code).toBe(0)
    expect(resumed.outputs['rollout-result']).toBe('promoted')
    expect(writes().others).toEqual([
      'TagResource apigw-stage-action:previous-deployment,apigw-stage-action:promoted-canary',
    ])
    expect((await stageOf('prod')).deploymentId).toBe(canary?.deploymentId)
  })

  it('an alarm in ALARM rolls back even when the figures are fine', async () => {
    cw.intervals = [healthy, { ...healthy, alarms: { 'orders-5xx': 'ALARM' } }]
    const run = await act({ 'canary-steps': '10,50,100', alarms: 'orders-5xx' })
    expect(run.code).toBe(1)
    expect(run.outputs['rollout-result']).toBe('rolled-back')
    expect(run.errors.join('\n')).toContain("alarm 'orders-5xx' is in ALARM")
  })

  it('an unknown alarm name is refused before anything changes', async () => {
    const run = await act({ 'canary-steps': '10,50', alarms: 'no-such-alarm' })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain("CloudWatch has no alarm named 'no-such-alarm'")
    expect(emu.writes()).toEqual([])
  })

  it.each(['throttle', '500'] as const)(
    'metrics call answered %s: never healthy; inconclusive, then the policy applies',
    async (kind) => {
      cw.fail('GetMetricData', kind)
      const run = await act({ 'canary-steps': '10,50', 'max-retries': '1', 'max-inconclusive': '1' })
      expect(run.code).toBe(1)
      expect(run.outputs['rollout-result']).toBe('rolled-back')
      expect(run.summary).toContain('CloudWatch metrics could not be read')
      expect(run.summary).not.toContain('✅ healthy')
      // Retried by the SDK (max-retries 1: two attempts per interval), never judged from a failed read.
      expect(cw.calls.filter((c) => c.operation === 'GetMetricData').every((c) => c.status !== 200)).toBe(true)
    },
  )

  it('input problems make no AWS or CloudWatch call', async () => {
    const run = await act({ 'canary-steps': '50,10', 'canary-interval': '5 minutes', 'max-error-rate': '0.01' })
    expect(run.code).toBe(1)
    const text = run.errors.join('\n')
    expect(text).toContain("Input 'canary-steps' must list strictly increasing percentages")
    expect(text).toContain("Input 'canary-interval' must be a duration like 90s, 5m or 1h")
    expect(text).toContain("Input 'max-error-rate' must be a percentage")
    expect(emu.calls).toEqual([])
    expect(cw.calls).toEqual([])
    const other = await runAgainst(emu, { 'rest-api-id': restApiId, stage: 'prod', 'canary-steps': '10' })
    expect(other.errors.join('\n')).toContain(
      "Input 'canary-steps' is used only by operation 'rollout', not by 'deploy'",
    )
  })
})

describe('rollout resumed (analyze mode, and runs interrupted at every step boundary)', () => {
  const inputs = { 'canary-steps': '10,50,100', 'promote-from': 'staging' }

  it('analyze drives the rollout one step per run, from the stage tags', async () => {
    const staging = (await stageOf('staging')).deploymentId
    const start = await act({ ...inputs, 'rollout-mode': 'start' }, 2 * MINUTE)
    expect(start.outputs['rollout-result']).toBe('in-progress')
    expect(cw.operations().filter((o) => o === 'GetMetricData')).toEqual([])
    // Too early: the step has not baked (nor CloudWatch published it): nothing is judged or changed.
    emu.clearCalls()
    const early = await act({ ...inputs, 'rollout-mode': 'analyze' }, 10 * MINUTE)
    expect(early.outputs['rollout-result']).toBe('in-progress')
    expect(emu.writes()).toEqual([])
    expect(cw.operations().filter((o) => o === 'GetMetricData')).toEqual([])
    const percents: number[] = []
    for (const expected of ['in-progress', 'in-progress', 'promoted']) {
      const run = await act({ ...inputs, 'rollout-mode': 'analyze' }, 10 * MINUTE)
      expect(run.code).toBe(0)
      expect(run.outputs['rollout-result']).toBe(expected)
      percents.push((await stageOf('prod')).canarySettings?.percentTraffic ?? 0)
    }
    expect(percents).toEqual([50, 100, 0])
    expect((await stageOf('prod')).deploymentId).toBe(staging)
    // Once finished, analyze never starts another rollout.
    emu.clearCalls()
    const after = await act({ ...inputs, 'rollout-mode': 'analyze' })
    expect(after.code).toBe(0)
    expect(emu.writes()).toEqual([])
  })

  it('a run cancelled mid-bake is picked up by the next run at the same step, never restarted', async () => {
    await act({ ...inputs, 'rollout-mode': 'start' }, 1 * MINUTE)
    emu.clearCalls()
    const run = await act(inputs)
    expect(run.outputs['rollout-result']).toBe('promoted')
    // No new canary: the next run only stepped up and promoted the one already there.
    expect(writes().updates[0]).toEqual([{ op: 'replace', path: '/canarySettings/percentTraffic', value: '50.0' }])
  })

  it('a run cancelled after a step change but before recording it resumes at the new step', async () => {
    await act({ ...inputs, 'rollout-mode': 'start' }, 1 * MINUTE)
    // What a cancelled job leaves: the canary moved to 50 %, the tags still say step 1.
    await sdkClient(emu).send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '50' }],
      }),
    )
    emu.clearCalls()
    const run = await act(inputs)
    expect(run.code).toBe(0)
    expect(run.outputs['rollout-result']).toBe('promoted')
    expect(writes().updates[0]).toEqual([{ op: 'replace', path: '/canarySettings/percentTraffic', value: '100.0' }])
  })

  it('a run cancelled after the promotion but before recording it is finished, not promoted twice', async () => {
    const staging = (await stageOf('staging')).deploymentId
    await act({ ...inputs, 'rollout-mode': 'start' }, 1 * MINUTE)
    await sdkClient(emu).send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [
          { op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' },
          { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
          { op: 'remove', path: '/canarySettings' },
        ],
      }),
    )
    emu.clearCalls()
    const run = await act(inputs)
    expect(run.outputs['rollout-result']).toBe('promoted')
    expect(writes()).toEqual({ updates: [], tags: 1, others: [] })
    expect((await stageOf('prod')).deploymentId).toBe(staging)
  })

  it('a run cancelled after the rollback but before recording it is recorded as rolled back', async () => {
    const production = (await stageOf('prod')).deploymentId
    await act({ ...inputs, 'rollout-mode': 'start' }, 1 * MINUTE)
    await freshProd()
    emu.clearCalls()
    const run = await act(inputs)
    expect(run.outputs['rollout-result']).toBe('rolled-back')
    expect(writes()).toEqual({ updates: [], tags: 1, others: [] })
    expect((await stageOf('prod')).deploymentId).toBe(production)
  })

  it('a canary changed by hand is refused, not overwritten', async () => {
    await act({ ...inputs, 'rollout-mode': 'start' }, 1 * MINUTE)
    await sdkClient(emu).send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '30' }],
      }),
    )
    emu.clearCalls()
    const run = await act(inputs)
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toMatch(/traffic was changed outside the rollout/)
    expect(emu.writes()).toEqual([])
  })
})
