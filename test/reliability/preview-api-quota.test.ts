// Ten pull requests closed at once: ten runs delete ten preview APIs against the emulator enforcing AWS's
// DeleteRestApi quota (1 per 30 s per account), time-scaled by 30 for the emulator and the action's waits alike. Every
// API is deleted; accepted deletions are spaced by the (scaled) quota; the source API stays.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { GOOD_YAML } from '../definition/bad-definitions.js'
import { startEmulator } from '../emulator/index.js'
import type { Emulator } from '../support/emulator.js'
import { runInProcess } from '../support/run-in-process.js'
import { scaledClock } from '../support/scaled-clock.js'

const RUNS = 10
const TIME_SCALE = 30
const INTERVAL_MS = 30_000 / TIME_SCALE

let emu: Emulator
let source: string

beforeAll(async () => {
  emu = await startEmulator({ quotas: { enabled: true, timeScale: TIME_SCALE } })
  const file = GOOD_YAML.replaceAll('${ACCOUNT}', '123456789012')
  source = emu.importDefinition(file, { endpointType: 'REGIONAL' }).restApiId
  for (let pr = 101; pr < 101 + RUNS; pr++) {
    const { restApiId } = emu.importDefinition(file, { endpointType: 'REGIONAL' })
    emu.state.tags.set(`arn:aws:apigateway:us-east-1::/restapis/${restApiId}`, {
      'apigw-stage-action:preview-of': source,
      'apigw-stage-action:repository': 'octo-org/orders-service',
      'apigw-stage-action:pull-request': String(pr),
    })
  }
})
afterAll(async () => {
  await emu.stop()
})

it('10 preview APIs closed at once are all deleted within the DeleteRestApi quota', async () => {
  const prs = Array.from({ length: RUNS }, (_, i) => 101 + i)
  const clock = scaledClock(TIME_SCALE)
  const runs = await Promise.all(
    prs.map((pr) =>
      runInProcess({
        endpoint: emu.url,
        inputs: { 'rest-api-id': source, stage: `pr-${pr}`, 'preview-isolation': 'api', operation: 'delete' },
        event: { name: 'pull_request', payload: { action: 'closed', number: pr, pull_request: { number: pr } } },
        // The action's waits at the emulator's time scale (Retry-After is in AWS seconds).
        sleep: clock.sleep,
        now: clock.now,
      }),
    ),
  )
  for (const [i, run] of runs.entries()) expect(run.errors, `PR ${prs[i]}`).toEqual([])
  expect([...emu.state.restApis.keys()]).toEqual([source])
  const deletes = emu.calls.filter((c) => c.operation === 'DeleteRestApi')
  const accepted = deletes.filter((c) => c.status === 202)
  expect(accepted).toHaveLength(RUNS)
  // The quota really bit, and the accepted deletions are spaced by it.
  expect(deletes.filter((c) => c.status === 429).length).toBeGreaterThan(0)
  const at = accepted.map((c) => c.at).sort((a, b) => a - b)
  for (let i = 1; i < at.length; i++) expect((at[i] ?? 0) - (at[i - 1] ?? 0)).toBeGreaterThanOrEqual(INTERVAL_MS - 50)
}, 120_000)
