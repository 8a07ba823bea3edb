// Section 1: start-up. Spawn → first AWS request of the bundle, against a bare `node -e 0` and against the floor the
// AWS SDK sets on its own (bench/sdk-floor.ts built the way dist/ is); which chunks load before the first request;
// the bundle's files, sizes and contents.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { Emulator } from '../test/emulator/index.js'
import { DIST_ENTRY, node24 } from '../test/support/run-dist.js'
import { arrange, STAGE } from './deploy.js'
import { kb, median, spawnAction } from './measure.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const STATS_FILE = join(ROOT, 'build', 'ncc-stats.json')

/** Builds bench/sdk-floor.ts with ncc (minified, as dist/ is) into a temporary directory; returns its entry. */
export function buildSdkFloor(): { entry: string; bytes: number; cleanUp: () => void } {
  const out = mkdtempSync(join(tmpdir(), 'bench-sdk-floor-'))
  const ncc = join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
  const built = spawnSync(process.execPath, [ncc, 'build', 'bench/sdk-floor.ts', '-o', out, '--minify', '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  if (built.status !== 0) throw new Error(`building bench/sdk-floor.ts failed: ${built.stderr}`)
  const entry = join(out, 'index.js')
  return { entry, bytes: statSync(entry).size, cleanUp: () => rmSync(out, { recursive: true, force: true }) }
}

/** Spawn → first request the emulator saw, of a script that calls API Gateway through the SDK. */
export async function firstRequestMs(emu: Emulator, script: string, restApiId: string): Promise<number> {
  emu.clearCalls()
  const env = {
    PATH: process.env.PATH ?? '',
    AWS_ENDPOINT_URL_API_GATEWAY: emu.url,
    AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00',
    AWS_SECRET_ACCESS_KEY: 'secret-access-key-example',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    BENCH_REST_API_ID: restApiId,
  }
  const started = Date.now()
  const child = spawn(node24(), [script], { env, stdio: 'ignore' })
  await new Promise((resolve) => child.on('close', resolve))
  const first = emu.calls[0]
  if (!first) throw new Error(`${script} made no AWS request`)
  return first.at - started
}

/**
 * Which bundle files start loading before the first AWS request reaches the emulator: a run with a load hook that
 * logs them (the hook slows the start; only the order is used).
 */
export async function chunkLoads(emu: Emulator): Promise<{ beforeFirstRequest: string[] }> {
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
  return {
    beforeFirstRequest: loads.filter((l) => l.at < firstRequest && l.file !== basename(DIST_ENTRY)).map((l) => l.file),
  }
}

/** The largest packages (or src/ folders) of each chunk, from the stats `npm run package` leaves in build/. */
function chunkContents(): Map<string, string> {
  const contents = new Map<string, string>()
  if (!existsSync(STATS_FILE) || process.env.ACTION_DIST_ENTRY) return contents
  type Module = { name: string; size: number; chunks?: number[]; modules?: Module[] }
  const stats = JSON.parse(readFileSync(STATS_FILE, 'utf8')) as {
    chunks: Array<{ id: number; files: string[] }>
    modules: Module[]
  }
  const owner = (name: string) =>
    /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(name)?.[1] ?? name.replace(/^\.\/src\/([^/]+).*$/, 'src/$1/')
  for (const chunk of stats.chunks) {
    const sizes = new Map<string, number>()
    for (const m of stats.modules.filter((x) => x.chunks?.includes(chunk.id))) {
      for (const part of m.modules ?? [m]) sizes.set(owner(part.name), (sizes.get(owner(part.name)) ?? 0) + part.size)
    }
    const top = [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 4)
    for (const file of chunk.files) contents.set(file, top.map(([name]) => name).join(', '))
  }
  return contents
}

export function bundleRows(loadedEarly: readonly string[]): { rows: string[][]; totalBytes: number } {
  const dir = dirname(DIST_ENTRY)
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'))
  const entry = basename(DIST_ENTRY)
  const size = (f: string) => statSync(join(dir, f)).size
  const gz = (f: string) => gzipSync(readFileSync(join(dir, f))).length
  const contents = chunkContents()
  const ordered = [entry, ...files.filter((f) => f !== entry).sort((a, b) => size(b) - size(a))]
  const rows = [['file', 'size', 'gzip', 'loaded', 'largest parts (unminified size order)']]
  for (const file of ordered) {
    const when = file === entry ? 'at start' : loadedEarly.includes(file) ? 'before 1st request' : 'on demand'
    rows.push([file, kb(size(file)), kb(gz(file)), when, contents.get(file) ?? ''])
  }
  const totalBytes = files.reduce((sum, f) => sum + size(f), 0)
  rows.push(['total', kb(totalBytes), kb(files.reduce((sum, f) => sum + gz(f), 0)), '', ''])
  return { rows, totalBytes }
}

/** Medians of `runs` spawns of the SDK-only bundle, spawn → its GetStage. */
export async function sdkFloorMs(emu: Emulator, runs: number): Promise<{ ms: number; bytes: number }> {
  const floor = buildSdkFloor()
  try {
    const restApiId = await arrange(emu, 'bench-sdk-floor')
    const times: number[] = []
    for (let i = 0; i < runs; i++) times.push(await firstRequestMs(emu, floor.entry, restApiId))
    return { ms: median(times), bytes: floor.bytes }
  } finally {
    floor.cleanUp()
  }
}
