// `npm run bench`: performance figures of the bundled action, offline, against the local API Gateway emulator and the
// GitHub fake (both started and stopped here). Prints tables; asserts nothing. Uses dist/index.js, or the bundle
// named by ACTION_DIST_ENTRY; `aws` on PATH (or AWS_CLI) for the side-by-side with the AWS CLI.
//
//   1. start-up: spawn → first AWS request, against a bare `node -e 0`; bundle size and which chunks load lazily
//   2. a deploy with diff and PR comment, 50 ms per call: wall time, AWS and GitHub calls, sequential round trips
//   3. the same deploy by hand with the AWS CLI, against the same emulator; the ratio
//   4. diff + render of a 300-resource API (7 methods each): time and peak memory
//   5. deploy with definition of that API: the plan's diff, and the whole dry run (bench/definition.ts)
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { CreateDeploymentCommand } from '@aws-sdk/client-api-gateway'
import { type Emulator, startEmulator } from '../test/emulator/index.js'
import { type GitHubFake, startGitHubFake } from '../test/github-fake/index.js'
import { sdkClient } from '../test/support/emulator.js'
import { DIST_ENTRY, node24 } from '../test/support/run-dist.js'
import { definitionSection } from './definition.js'
import {
  type Interval,
  kb,
  latencyProxy,
  mb,
  median,
  ms,
  recordCallEnds,
  roundTrips,
  spawnAction,
  table,
  timeCommand,
} from './measure.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const LATENCY_MS = 50
const RUNS = 9
const CLI_RUNS = 3
const STAGE = 'pr-42'

interface DeployFigures {
  wallMs: number
  startupMs: number
  awsCalls: number
  githubCalls: number
  awsTrips: string[][]
  githubTrips: string[][]
}

/** A fresh API with stage pr-42 on an older version, then a route added: the deploy has a diff to report. */
async function arrange(emu: Emulator, name: string): Promise<string> {
  const { restApiId } = emu.seedSampleApi({ name })
  await sdkClient(emu).send(new CreateDeploymentCommand({ restApiId, stageName: STAGE }))
  emu.defineApi(restApiId, {
    'GET /pets': { lambda: `${name}-list-pets` },
    'GET /pets/{petId}': { lambda: `${name}-get-pet` },
    'POST /orders': { lambda: `${name}-create-order` },
  })
  emu.clearCalls()
  return restApiId
}

async function deployOnce(
  emu: Emulator,
  ends: Map<object, number>,
  github: { url: string; log: Interval[]; fake: GitHubFake },
  i: number,
): Promise<DeployFigures> {
  const restApiId = await arrange(emu, `bench-api-${i}`)
  github.log.length = 0
  const githubCallsBefore = github.fake.calls.length
  const number = 100 + i
  const run = await spawnAction({
    inputs: { 'rest-api-id': restApiId, stage: STAGE },
    endpoint: emu.url,
    githubApi: github.url,
    event: { name: 'pull_request', payload: { action: 'synchronize', number, pull_request: { number } } },
  })
  if (run.code !== 0) throw new Error(`the deploy failed:\n${run.stdout}\n${run.stderr}`)
  if (!run.outputs['comment-url']) throw new Error('the deploy posted no comment')
  const calls = [...emu.calls]
  const first = Math.min(...calls.map((c) => c.at))
  return {
    wallMs: run.endedAt - run.startedAt,
    startupMs: first - run.startedAt,
    awsCalls: calls.length,
    githubCalls: github.fake.calls.length - githubCallsBefore,
    awsTrips: roundTrips(calls.map((c) => ({ label: c.operation, start: c.at, end: ends.get(c) ?? c.at }))),
    githubTrips: roundTrips(github.log),
  }
}

/** Which modules load when: a run with a load hook that logs the bundle's files as they are loaded. */
async function chunkLoads(emu: Emulator): Promise<{ bootMs: number; beforeFirstRequest: string[]; all: string[] }> {
  const restApiId = await arrange(emu, 'bench-api-hook')
  const hook = `import { registerHooks } from 'node:module'
registerHooks({ load(url, context, next) {
  if (url.endsWith('.js') && url.includes(${JSON.stringify(dirname(DIST_ENTRY))})) process.stderr.write('[bench-load] ' + Date.now() + ' ' + url + '\\n')
  return next(url, context)
} })`
  const run = await spawnAction({
    inputs: { 'rest-api-id': restApiId, stage: STAGE, comment: 'false' },
    endpoint: emu.url,
    nodeArgs: ['--import', `data:text/javascript,${encodeURIComponent(hook)}`],
  })
  const loads = [...run.stderr.matchAll(/^\[bench-load\] (\d+) (\S+)$/gm)].map((m) => ({
    at: Number(m[1]),
    file: basename(fileURLToPath(m[2] ?? '')),
  }))
  const firstRequest = Math.min(...emu.calls.map((c) => c.at))
  const entry = loads.find((l) => l.file === basename(DIST_ENTRY))
  return {
    bootMs: (entry?.at ?? run.startedAt) - run.startedAt,
    beforeFirstRequest: loads.filter((l) => l.at < firstRequest && l.file !== basename(DIST_ENTRY)).map((l) => l.file),
    all: loads.map((l) => l.file),
  }
}

/** What a chunk holds, from strings only its modules contain. */
function describeChunk(text: string): string {
  if (text.includes('GitHubSession') || text.includes('upsertStickyComment')) {
    return 'GitHub session (comment, deployments)'
  }
  if (text.includes('@actions/github') || text.includes('getOctokit')) return '@actions/github, Octokit'
  if (text.includes('compareOpenApi') && text.includes('diffApiDefinitions')) return 'API diff (api-diff.ts)'
  if (text.includes('api-smart-diff')) return 'api-smart-diff'
  return 'other'
}

function bundleRows(): { rows: string[][]; chunks: Array<{ file: string; what: string }> } {
  const dir = dirname(DIST_ENTRY)
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'))
  const entry = basename(DIST_ENTRY)
  const chunks = files.filter((f) => f !== entry).sort()
  const size = (f: string) => statSync(join(dir, f)).size
  const gz = (f: string) => gzipSync(readFileSync(join(dir, f))).length
  const rows = [
    ['file', 'size', 'gzip', 'loaded', 'holds'],
    [entry, kb(size(entry)), kb(gz(entry)), 'at start', 'action, AWS SDK, @actions/core, yaml'],
  ]
  const described = chunks.map((file) => ({ file, what: describeChunk(readFileSync(join(dir, file), 'utf8')) }))
  for (const { file, what } of described) rows.push([file, kb(size(file)), kb(gz(file)), 'lazily', what])
  const total = files.reduce((sum, f) => sum + size(f), 0)
  rows.push(['total', kb(total), kb(files.reduce((sum, f) => sum + gz(f), 0)), '', ''])
  return { rows, chunks: described }
}

function trips(groups: string[][]): string {
  return groups.map((g) => (g.length > 1 ? `[${[...g].sort().join(' ‖ ')}]` : g[0])).join(' → ')
}

/** The deploy by hand: get-stage, get-export, create-deployment, update-stage, get-export, one after another. */
async function cliDeploy(emu: Emulator, cli: string, i: number): Promise<{ wallMs: number; calls: number }> {
  const restApiId = await arrange(emu, `bench-cli-${i}`)
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'))
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00',
    AWS_SECRET_ACCESS_KEY: 'secret-access-key-example',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    AWS_CONFIG_FILE: join(dir, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
  }
  const common = ['--endpoint-url', emu.url, '--rest-api-id', restApiId, '--stage-name', STAGE]
  const exportArgs = ['--export-type', 'oas30', '--parameters', '{"extensions":"integrations,authorizers"}']
  const steps = [
    ['apigateway', 'get-stage', ...common],
    ['apigateway', 'get-export', ...common, ...exportArgs, '--accepts', 'application/json', join(dir, 'before.json')],
    ['apigateway', 'create-deployment', ...common, '--description', 'by hand'],
    ['apigateway', 'update-stage', ...common, '--patch-operations', 'op=replace,path=/description,value=by-hand'],
    ['apigateway', 'get-export', ...common, ...exportArgs, '--accepts', 'application/json', join(dir, 'after.json')],
  ]
  try {
    const start = performance.now()
    for (const step of steps) await timeCommand(cli, step, env)
    return { wallMs: performance.now() - start, calls: emu.calls.length }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Section 3, or how to install the AWS CLI when it is missing, or why it failed. */
async function cliSection(emu: Emulator, actionMs: number): Promise<string> {
  const title = '3. The same deploy by hand with the AWS CLI, same emulator'
  const cli = process.env.AWS_CLI || 'aws'
  const version = spawnSync(cli, ['--version'], { encoding: 'utf8' })
  if (version.error || version.status !== 0) {
    return table(title, [
      ['skipped', `'${cli}' is not on PATH`],
      ['install', 'sudo apt-get install awscli   (Debian/Ubuntu; or see https://aws.amazon.com/cli/)'],
      ['then', 'npm run bench   (or AWS_CLI=/path/to/aws npm run bench)'],
    ])
  }
  const byHand: Array<{ wallMs: number; calls: number }> = []
  try {
    for (let i = 0; i < CLI_RUNS; i++) byHand.push(await cliDeploy(emu, cli, i))
  } catch (err) {
    return table(title, [['failed', err instanceof Error ? err.message : String(err)]])
  }
  const cliMs = median(byHand.map((r) => r.wallMs))
  const cliPath = spawnSync('sh', ['-c', 'command -v "$0"', cli], { encoding: 'utf8' }).stdout.trim()
  return table(`${title} (median of ${CLI_RUNS})`, [
    ['AWS CLI', `${(version.stdout || version.stderr).trim().split(' ')[0]} (${cliPath})`],
    ['commands', 'get-stage → get-export → create-deployment → update-stage → get-export'],
    ['wall time, 5 commands in sequence', ms(cliMs)],
    ['AWS calls', String(median(byHand.map((r) => r.calls)))],
    ['the action (section 2; it also diffs, reports and comments)', ms(actionMs)],
    ['ratio: CLI by hand / action', `${(cliMs / actionMs).toFixed(1)} ×`],
  ])
}

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

async function main(): Promise<void> {
  console.log('API Gateway stage action: benchmark')
  console.log(
    `node ${spawnSync(node24(), ['--version']).stdout.toString().trim()} · ${cpus().length} CPU(s) · bundle ${DIST_ENTRY}`,
  )

  // ---- 1. start-up and bundle
  const bare: number[] = []
  for (let i = 0; i < RUNS; i++) bare.push(await timeCommand(node24(), ['-e', '0']))
  const bundle = bundleRows()

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
    const bareMs = median(bare)

    console.log(
      table(`1. Start-up (median of ${RUNS} runs)`, [
        ['bare `node -e 0`, spawn → exit', ms(bareMs)],
        ['dist/index.js, spawn → first AWS request', ms(startup)],
        ['  of which Node boot (spawn → bundle starts loading)', ms(loads.bootMs)],
        ['  of which bundle load, inputs, client set-up', ms(startup - loads.bootMs)],
        ['start-up over bare Node', ms(startup - bareMs)],
        ['lazy chunks loaded before the first AWS request', loads.beforeFirstRequest.join(', ') || 'none'],
      ]),
    )
    console.log(table('   Bundle', bundle.rows))

    // ---- 2. deploy with diff and comment
    const d = deploys[Math.floor(deploys.length / 2)] as DeployFigures
    const awsTrips = median(deploys.map((x) => x.awsTrips.length))
    console.log(
      table(`2. Deploy with diff and PR comment, ${LATENCY_MS} ms per AWS and GitHub call (median of ${RUNS})`, [
        ['wall time, spawn → exit', ms(median(deploys.map((x) => x.wallMs)))],
        ['AWS calls', String(median(deploys.map((x) => x.awsCalls)))],
        ['GitHub calls', String(median(deploys.map((x) => x.githubCalls)))],
        [`sequential AWS round trips (target ≤ 4)`, String(awsTrips)],
        ['  critical path', trips(d.awsTrips)],
        ['sequential GitHub round trips', String(median(deploys.map((x) => x.githubTrips.length)))],
        ['  critical path', trips(d.githubTrips)],
      ]),
    )

    // ---- 3. by hand with the AWS CLI
    console.log(await cliSection(emu, median(deploys.map((x) => x.wallMs))))
  } finally {
    await proxy.stop()
    await fake.stop()
    await emu.stop()
  }

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

  // ---- 5. deploy with definition
  console.log(await definitionSection())
}

await main()
