// `npm run bench`: performance figures of the bundled action, offline, against the local API Gateway emulator and the
// GitHub fake (both started and stopped here). Prints tables with the ratios the targets are stated in; asserts
// nothing. Uses dist/index.js, or the bundle named by ACTION_DIST_ENTRY; `aws` on PATH (or AWS_CLI) for the
// side-by-side with the AWS CLI; `moto_server` for the run on an independent emulator.
//
//   1. start-up: spawn → first AWS request, against a bare `node -e 0` and the AWS SDK alone; the bundle
//   2. a deploy with diff and PR comment, 50 ms per call: wall time, calls, sequential round trips, against its floor
//   3. the same deploy side by side: the action, the AWS CLI by hand, the floor
//   4. diff + render of a 300-resource API (7 methods each): time and peak memory
//   5. deploy with definition of that API: the plan's diff, and the whole dry run (bench/definition.ts)
//   6. 50 concurrent deploys under the account's quotas (bench/scale.ts)
//   7. the deploy on moto, an independent emulator, against the AWS CLI (bench/moto.ts)
//
// `npm run bench -- 1 2 3` runs only the sections named (1–3 always run together: they share their runs).
import { spawn, spawnSync } from 'node:child_process'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startEmulator } from '../test/emulator/index.js'
import { startGitHubFake } from '../test/github-fake/index.js'
import { DIST_ENTRY, node24 } from '../test/support/run-dist.js'
import { CLI_COMMANDS, cliFigures } from './cli.js'
import { definitionSection } from './definition.js'
import { type DeployFigures, deployOnce, trips } from './deploy.js'
import { type Interval, kb, latencyProxy, mb, median, ms, recordCallEnds, table, timeCommand } from './measure.js'
import { motoSection } from './moto.js'
import { scaleSection } from './scale.js'
import { bundleRows, chunkLoads, sdkFloorMs } from './startup.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const LATENCY_MS = 50
const RUNS = 9
const CLI_RUNS = 3
/** The round trips a deploy with diff and comment cannot do without: read → write → read back; list → comment. */
const FLOOR_AWS_TRIPS = 3
const FLOOR_GITHUB_TRIPS = 2

const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)} ×`

interface DiffWorkerResult {
  operations: number
  runs: Array<{
    diffMs: number
    renderMs: number
    commentChars: number
    summaryBytes: number
    operations: { added: number; removed: number; changed: number; breaking: number }
  }>
  maxRssBytes: number
  heapHighWaterBytes: number
}

function diffWorker(mode: 'baseline' | 'full', variant: 'everything' | 'one-added'): Promise<DiffWorkerResult> {
  const worker = join(ROOT, 'bench', 'diff-worker.ts')
  const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', worker, mode, variant, '300', '5'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString()
  })
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`diff worker exited with ${code}`))
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as DiffWorkerResult)
    })
  })
}

/** The sections asked for on the command line; all when none. */
const asked = new Set(
  process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n >= 1 && n <= 7),
)
const wanted = (section: number): boolean =>
  asked.size === 0 || asked.has(section) || (section <= 3 && [1, 2, 3].some((n) => asked.has(n)))

async function main(): Promise<void> {
  console.log('API Gateway stage action: benchmark')
  console.log(
    `node ${spawnSync(node24(), ['--version']).stdout.toString().trim()} · ${cpus().length} CPU(s) · bundle ${DIST_ENTRY}`,
  )

  if (wanted(1)) await deploySections()
  if (wanted(4)) await diffSection()
  if (wanted(5)) console.log(await definitionSection())
  if (wanted(6)) console.log(await scaleSection())
  if (wanted(7)) console.log(await motoSection())
}

/** Sections 1–3: start-up, the deploy with diff and comment, and the side by side, from the same runs. */
async function deploySections(): Promise<void> {
  // ---- 1. start-up and bundle
  const bare: number[] = []
  for (let i = 0; i < RUNS; i++) bare.push(await timeCommand(node24(), ['-e', '0']))
  const bareMs = median(bare)

  const emu = await startEmulator({ latencyMs: LATENCY_MS })
  const ends = recordCallEnds(emu)
  const fake = await startGitHubFake()
  const githubLog: Interval[] = []
  const proxy = await latencyProxy(fake.url, LATENCY_MS, githubLog)
  try {
    const loads = await chunkLoads(emu)
    const deploys: DeployFigures[] = []
    for (let i = 0; i < RUNS; i++)
      deploys.push(await deployOnce(emu, ends, { url: proxy.url, log: githubLog, fake }, i))
    const startup = median(deploys.map((d) => d.startupMs))
    const sdk = await sdkFloorMs(emu, RUNS)
    const bundle = bundleRows(loads.beforeFirstRequest)

    console.log(
      table(`1. Start-up (median of ${RUNS} runs)`, [
        ['bare `node -e 0`, spawn → exit', ms(bareMs)],
        ['the action (dist/), spawn → first AWS request', ms(startup)],
        ['ratio: action start-up / bare Node (target ≤ 2)', ratio(startup, bareMs)],
        [`the AWS SDK alone (bench/sdk-floor.ts, ${kb(sdk.bytes)} bundle), spawn → its request`, ms(sdk.ms)],
        ['ratio: SDK alone / bare Node', ratio(sdk.ms, bareMs)],
        ['ratio: action start-up / SDK alone', ratio(startup, sdk.ms)],
        ['bundle files loaded before the first AWS request', loads.beforeFirstRequest.join(', ') || 'none'],
      ]),
    )
    console.log(table(`   Bundle (${kb(bundle.totalBytes)} in all)`, bundle.rows))

    // ---- 2. deploy with diff and comment, against its floor
    const d = deploys[Math.floor(deploys.length / 2)] as DeployFigures
    const wall = median(deploys.map((x) => x.wallMs))
    const floor = bareMs + (FLOOR_AWS_TRIPS + FLOOR_GITHUB_TRIPS) * LATENCY_MS
    const floorText = `bare Node + (${FLOOR_AWS_TRIPS} AWS + ${FLOOR_GITHUB_TRIPS} GitHub round trips) × ${LATENCY_MS} ms`
    console.log(
      table(`2. Deploy with diff and PR comment, ${LATENCY_MS} ms per AWS and GitHub call (median of ${RUNS})`, [
        ['wall time, spawn → exit', ms(wall)],
        [`floor: ${floorText}`, ms(floor)],
        ['ratio: action / floor (target ≤ 1.5)', ratio(wall, floor)],
        ['AWS calls', String(median(deploys.map((x) => x.awsCalls)))],
        ['GitHub calls', String(median(deploys.map((x) => x.githubCalls)))],
        [
          `sequential AWS round trips (target ${FLOOR_AWS_TRIPS})`,
          String(median(deploys.map((x) => x.awsTrips.length))),
        ],
        ['  critical path', trips(d.awsTrips)],
        [
          `sequential GitHub round trips (target ${FLOOR_GITHUB_TRIPS})`,
          String(median(deploys.map((x) => x.githubTrips.length))),
        ],
        ['  critical path', trips(d.githubTrips)],
      ]),
    )

    // ---- 3. side by side: the action, the AWS CLI by hand, the floor
    const cli = await cliFigures(emu, CLI_RUNS)
    const rows = [
      ['', 'wall time', 'AWS calls', 'vs floor', 'vs AWS CLI'],
      [
        'the action: deploy, diff, PR comment',
        ms(wall),
        String(median(deploys.map((x) => x.awsCalls))),
        ratio(wall, floor),
        cli.ok ? ratio(wall, cli.wallMs) : '',
      ],
      cli.ok
        ? [`AWS CLI by hand: ${CLI_COMMANDS}`, ms(cli.wallMs), String(cli.calls), ratio(cli.wallMs, floor), '1.00 ×']
        : ['AWS CLI by hand', `skipped: ${cli.why}`, '', '', ''],
      [`floor: ${floorText}`, ms(floor), '', '1.00 ×', cli.ok ? ratio(floor, cli.wallMs) : ''],
    ]
    const cliNote = cli.ok ? `${cli.version} (${cli.path}), median of ${CLI_RUNS}` : (cli.install ?? '')
    console.log(table(`3. Side by side, same emulator, ${LATENCY_MS} ms per call · AWS CLI: ${cliNote}`, rows))
  } finally {
    await proxy.stop()
    await fake.stop()
    await emu.stop()
  }
}

async function diffSection(): Promise<void> {
  // ---- 4. diff + render
  const rows: string[][] = [['case', 'diff', 'render', 'heap high-water', 'peak RSS', 'comment', 'summary']]
  const baseline = await diffWorker('baseline', 'everything')
  let operations = 0
  for (const variant of ['everything', 'one-added'] as const) {
    const full = await diffWorker('full', variant)
    operations = full.operations
    const [cold, ...warm] = full.runs
    if (!cold) continue
    const label = variant === 'everything' ? 'every operation changed' : 'one operation added'
    const counts = cold.operations
    rows.push([
      `${label} (${counts.added} added, ${counts.removed} removed, ${counts.changed} changed)`,
      `${ms(cold.diffMs)} (warm ${ms(median(warm.map((r) => r.diffMs)))})`,
      `${ms(cold.renderMs)} (warm ${ms(median(warm.map((r) => r.renderMs)))})`,
      mb(full.heapHighWaterBytes),
      mb(full.maxRssBytes),
      `${cold.commentChars} chars`,
      kb(cold.summaryBytes),
    ])
  }
  rows.push(['baseline: modules loaded, both definitions built', '', '', '', mb(baseline.maxRssBytes), '', ''])
  console.log(
    table(
      `4. Diff + render, 300 resources × 7 methods = ${operations} operations (cold = first run in a fresh process)`,
      rows,
    ),
  )
  console.log(
    '   warm: median of 4 more runs in the same process. heap high-water: most V8 heap in use during the cold diff +\n' +
      '   render beyond what was in use before it (V8 GC statistics; includes garbage not yet collected). peak RSS: the\n' +
      "   process's resident-set high-water mark (getrusage maxRSS) after the cold run.",
  )
}

await main()
