// Section of `npm run bench`: 50 deploys at once in one AWS account, against the emulator enforcing the account's
// quotas (10 requests per second, burst 40; CreateDeployment 1 per 5 s), time-scaled. Each run deploys its own API
// (a matrix over APIs), so every call the emulator logs belongs to the run whose API its path names.
//
// The runs are run() in this process (test/support/run-in-process.ts), each with a clock scaled like the emulator's
// (test/support/scaled-clock.ts). The bundle cannot be given a scaled clock without patching Node's timers for the
// whole process (which scales the SDK's sockets and retries too), and 50 bundle start-ups on a small machine would
// spend many slots of scaled time on CPU. The strategy measured is the one in src/ (dist/ after `npm run package`).
import { startEmulator } from '../test/emulator/index.js'
import type { CallRecord } from '../test/emulator/types.js'
import { deployAllAtOnce, scaledClock } from '../test/support/scaled-clock.js'
import { median, table } from './measure.js'

const RUNS = 50
/** AWS time runs 10 times as fast: the 245 s the quota needs take about 25 s. */
const TIME_SCALE = 10
const INTERVAL_MS = 5_000
/** Refused calls per second (AWS time) over this window, at the worst moment. */
const RATE_WINDOW_MS = 5_000

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

/** The REST API a call's path names (`/restapis/{id}/…`, or a tag ARN with `/restapis/{id}`). */
function apiOf(call: CallRecord): string | undefined {
  return /restapis\/([a-z0-9]+)/.exec(decodeURIComponent(call.path))?.[1]
}

/** The most events in any window of `windowMs`, as a rate per second. */
function peakRate(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let peak = 0
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= windowMs) j++
    peak = Math.max(peak, i - j + 1)
  }
  return (peak * 1000) / windowMs
}

/** Events per second in each whole or partial minute from 0 to `spanMs`, e.g. `3.1, 1.8, 0.9`. */
function perMinute(offsets: number[], spanMs: number): string {
  const minutes = Math.ceil(spanMs / 60_000)
  return Array.from({ length: minutes }, (_, m) => {
    const length = Math.min(60_000, spanMs - m * 60_000)
    const n = offsets.filter((t) => t >= m * 60_000 && t < (m + 1) * 60_000).length
    return ((n * 1000) / length).toFixed(1)
  }).join(', ')
}

export async function scaleSection(): Promise<string> {
  const emu = await startEmulator({ quotas: { enabled: true, timeScale: TIME_SCALE } })
  try {
    const apis = Array.from({ length: RUNS }, (_, i) => emu.seedSampleApi({ name: `matrix-api-${i + 1}` }).restApiId)
    const clock = scaledClock(TIME_SCALE)
    const runs = await deployAllAtOnce(emu.url, apis, clock)
    const aws = (from: number, to: number) => clock.aws(to - from)
    const calls = [...emu.calls]
    const accepted = calls
      .filter((c) => c.operation === 'CreateDeployment' && c.status === 201)
      .map((c) => c.at)
      .sort((a, b) => a - b)
    const refused = calls.filter((c) => c.status === 429)
    const first = accepted[0] ?? 0
    const last = accepted[accepted.length - 1] ?? 0
    const finished = Math.max(...runs.map((r) => r.endedAt))
    const spanMs = aws(first, finished)
    const minimumMs = (RUNS - 1) * INTERVAL_MS
    const gaps = accepted.slice(1).map((at, i) => aws(accepted[i] ?? at, at))
    const slots = Math.floor(aws(first, last) / INTERVAL_MS) + 1
    const perRun = apis.map((id) => refused.filter((c) => apiOf(c) === id).length)
    const deploysPerRun = apis.map(
      (id) => refused.filter((c) => apiOf(c) === id && c.operation === 'CreateDeployment').length,
    )
    const began = Math.min(...runs.map((r) => r.startedAt))
    // Each refusal by where its run was: before its CreateDeployment was accepted (the start-up burst of reads, the
    // wait for a slot) or after it (tags, read-back): refusals there are the herd's cost to everyone's other calls.
    const wonAt = new Map(
      calls.filter((c) => c.operation === 'CreateDeployment' && c.status === 201).map((c) => [apiOf(c), c.at]),
    )
    const phases = new Map<string, [number, number]>()
    let afterDeploy = 0
    for (const c of refused) {
      const counts = phases.get(c.operation) ?? [0, 0]
      const after = c.at > (wonAt.get(apiOf(c)) ?? Number.POSITIVE_INFINITY)
      counts[after ? 1 : 0]++
      if (after) afterDeploy++
      phases.set(c.operation, counts)
    }
    const deploysRefused = refused.filter((c) => c.operation === 'CreateDeployment').map((c) => c.at)
    const succeeded = runs.filter((r) => r.code === 0 && r.errors.length === 0).length
    const failures = runs.flatMap((r) => r.errors).slice(0, 3)

    const summary = table(
      `6. Scale: ${RUNS} deploys at once in one account (emulator quotas on, timeScale ${TIME_SCALE}, in-process run())`,
      [
        [
          'runs succeeded',
          `${succeeded} of ${RUNS}${failures.length ? ` (first errors: ${failures.join(' | ')})` : ''}`,
        ],
        ['first accepted CreateDeployment → last run finished', seconds(spanMs)],
        ['minimum the quota allows (49 × 5 s)', seconds(minimumMs)],
        ['ratio (target ≤ 1.2)', (spanMs / minimumMs).toFixed(2)],
        ['accepted CreateDeployments / slots in their span', `${accepted.length} / ${slots}`],
        ['largest gap between accepted CreateDeployments', seconds(Math.max(...gaps))],
        ['median gap', seconds(median(gaps))],
        [
          'throttled calls per run: median / max / total',
          `${median(perRun)} / ${Math.max(...perRun)} / ${refused.length}`,
        ],
        [
          '  of which CreateDeployment: median / max per run',
          `${median(deploysPerRun)} / ${Math.max(...deploysPerRun)}`,
        ],
        [
          'refused CreateDeployments per second: mean / worst 5 s',
          `${((deploysRefused.length * 1000) / Math.max(1, spanMs)).toFixed(1)} / ${peakRate(
            deploysRefused.map((at) => clock.aws(at - first)),
            RATE_WINDOW_MS,
          ).toFixed(1)} (the account allows 10 calls per second in all)`,
        ],
        [
          '  the same, minute by minute of the span',
          perMinute(
            deploysRefused.map((at) => aws(first, at)),
            spanMs,
          ),
        ],
        ['other calls refused after their run deployed', String(afterDeploy)],
        ['wall time (real)', seconds(finished - began)],
      ],
    )
    const operations = table('Throttled calls by operation', [
      ['operation', "before or while its run's CreateDeployment", 'after it'],
      ...[...phases.entries()]
        .sort((x, y) => y[1][0] + y[1][1] - x[1][0] - x[1][1])
        .map(([op, [before, after]]) => [op, String(before), String(after)]),
    ])
    return `${summary}\n${operations}`
  } finally {
    await emu.stop()
  }
}
