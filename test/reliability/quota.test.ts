// AWS's control-plane quotas: ten runs deploy ten preview stages of one API at once, against the emulator enforcing
// CreateDeployment 1 per 5 s per account (and 10 rps, burst 40), time-scaled by 2 for the emulator and the action's
// clock alike. The last run waits for nine others (≥ 45 s of AWS time): longer than the SDK's own retries would last,
// so the apply step must keep waiting out the throttling.
import { GetStagesCommand } from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startEmulator } from '../emulator/index.js'
import { type Emulator, sdkClient } from '../support/emulator.js'
import { runInProcess } from '../support/run-in-process.js'
import { scaledClock } from '../support/scaled-clock.js'

const RUNS = 10
const TIME_SCALE = 2
const INTERVAL_MS = 5_000 / TIME_SCALE

let emu: Emulator
let restApiId: string

beforeAll(async () => {
  emu = await startEmulator({ quotas: { enabled: true, timeScale: TIME_SCALE } })
  restApiId = emu.seedSampleApi({ name: 'previews-api' }).restApiId
})
afterAll(async () => {
  await emu.stop()
})

it('10 concurrent preview deploys under the CreateDeployment quota all succeed', async () => {
  const stages = Array.from({ length: RUNS }, (_, i) => `pr-${101 + i}`)
  // The action's waits at the emulator's time scale (Retry-After is in AWS seconds).
  const clock = scaledClock(TIME_SCALE)
  const runs = await Promise.all(
    stages.map((stage) =>
      runInProcess({
        endpoint: emu.url,
        inputs: { 'rest-api-id': restApiId, stage },
        sleep: clock.sleep,
        now: clock.now,
      }),
    ),
  )

  for (const [i, run] of runs.entries()) {
    expect(run.errors, stages[i]).toEqual([])
    expect(run.code, stages[i]).toBe(0)
    expect(run.outputs['deployment-id'], stages[i]).toMatch(/^[a-z0-9]+$/)
  }
  const deploys = emu.calls.filter((c) => c.operation === 'CreateDeployment')
  const accepted = deploys.filter((c) => c.status === 201)
  expect(accepted).toHaveLength(RUNS)
  // The quota really bit: runs were throttled and kept waiting.
  expect(deploys.filter((c) => c.status === 429).length).toBeGreaterThan(RUNS)
  // Accepted deployments are spaced by the (scaled) quota interval.
  const at = accepted.map((c) => c.at).sort((a, b) => a - b)
  for (let i = 1; i < at.length; i++) expect((at[i] ?? 0) - (at[i - 1] ?? 0)).toBeGreaterThanOrEqual(INTERVAL_MS - 50)
  // Every preview stage runs the deployment its run reported.
  const { item = [] } = await sdkClient(emu).send(new GetStagesCommand({ restApiId }))
  const serving = Object.fromEntries(item.map((s) => [s.stageName, s.deploymentId]))
  expect(serving).toEqual(Object.fromEntries(stages.map((s, i) => [s, runs[i]?.outputs['deployment-id']])))
}, 180_000)
