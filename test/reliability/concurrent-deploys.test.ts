// Twenty runs deploy twenty APIs of one account at once (a matrix over APIs), against the emulator enforcing the
// account's quotas (10 requests per second, burst 40; CreateDeployment 1 per 5 s), with the emulator and the action's
// clock both time-scaled by 10. Each run's calls are told apart by the API their path names.
//
// Asserted only what the emulator's quota logic guarantees: every run succeeds, the accepted CreateDeployments are
// spaced by the quota, and no run is refused more often than the deployments of other runs allow. That last bound
// holds because every wait the action chooses lasts at least Retry-After, which the emulator sets to when the call
// would be allowed: so between two refusals of one run, another run must have taken the slot that had opened. Only
// the run's first refusal may come from the account's bucket instead (the start-up burst of every run's reads).
// How tightly the slots are packed is timing, measured by `npm run bench` (bench/scale.ts).
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startEmulator } from '../emulator/index.js'
import type { CallRecord } from '../emulator/types.js'
import type { Emulator } from '../support/emulator.js'
import { deployAllAtOnce, scaledClock } from '../support/scaled-clock.js'

const RUNS = 20
const TIME_SCALE = 10
const INTERVAL_MS = 5_000 / TIME_SCALE

let emu: Emulator
let apis: string[]

beforeAll(async () => {
  emu = await startEmulator({ quotas: { enabled: true, timeScale: TIME_SCALE } })
  apis = Array.from({ length: RUNS }, (_, i) => emu.seedSampleApi({ name: `matrix-api-${i + 1}` }).restApiId)
})
afterAll(async () => {
  await emu.stop()
})

const apiOf = (call: CallRecord) => /restapis\/([a-z0-9]+)/.exec(decodeURIComponent(call.path))?.[1]

it('20 concurrent deploys under the quotas all succeed, one CreateDeployment per slot', async () => {
  const clock = scaledClock(TIME_SCALE)
  const runs = await deployAllAtOnce(emu.url, apis, clock)
  for (const [i, run] of runs.entries()) {
    expect(run.errors, apis[i]).toEqual([])
    expect(run.code, apis[i]).toBe(0)
    expect(run.outputs['deployment-id'], apis[i]).toMatch(/^[a-z0-9]+$/)
  }

  const deploys = emu.calls.filter((c) => c.operation === 'CreateDeployment')
  const accepted = deploys.filter((c) => c.status === 201)
  expect(accepted.map(apiOf).sort()).toEqual([...apis].sort())
  // The quota bit, and the accepted deployments are spaced by it (`at` is when a request arrived; the emulator
  // checks the quota a moment later, hence the small tolerance).
  expect(deploys.some((c) => c.status === 429)).toBe(true)
  const at = accepted.map((c) => c.at)
  for (let i = 1; i < at.length; i++) expect((at[i] ?? 0) - (at[i - 1] ?? 0)).toBeGreaterThanOrEqual(INTERVAL_MS - 20)

  for (const api of apis) {
    const own = deploys.filter((c) => apiOf(c) === api)
    const refused = own.filter((c) => c.status === 429)
    const won = own.find((c) => c.status === 201)
    const firstRefused = refused[0]
    if (!firstRefused || !won) continue
    const othersMeanwhile = accepted.filter((c) => c.at > firstRefused.at && c.at < won.at).length
    expect(refused.length, `${api}: refusals vs. other runs' deployments while it waited`).toBeLessThanOrEqual(
      othersMeanwhile + 2,
    )
  }
}, 120_000)
