// Keeps runs of the action that share this process apart. @actions/core and the AWS SDK talk to the runner through
// process-wide state: process.env (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, AWS_ENDPOINT_URL_API_GATEWAY, …), process.stdout
// and process.stderr (log lines, `::error::` annotations), process.exitCode (setFailed), and core.summary's buffer and
// the summary file path it caches. Each is routed to the run whose async context touches it, so runs that overlap
// (it.concurrent, Promise.all) each see only their own environment and write only their own log. Outside a run
// everything behaves as before: the emulator and the GitHub fake answer in their own servers' contexts, outside.
import { AsyncLocalStorage } from 'node:async_hooks'
import * as core from '@actions/core'
import type { StepEnd } from './runner-env.js'

interface RunScope {
  env: Record<string, string>
  stdout: string
  stderr: string
  exitCode?: number
  summary: SummaryState
}

// One per process, on globalThis: vitest may evaluate this module again for another test file in the same worker,
// while process.env, the streams and @actions/core (loaded by Node, not by vitest) stay patched once.
const SHARED = Symbol.for('apigw-stage-action.test.run-scope')
type Shared = { scopes: AsyncLocalStorage<RunScope> }
const processWide = globalThis as unknown as Record<symbol, Shared | undefined>
processWide[SHARED] ??= install()
const shared = processWide[SHARED]

/** Runs `body` with `env` as its process.env, capturing what it writes and the exit code it sets. */
export async function inRunScope(env: Record<string, string>, body: () => Promise<void>): Promise<StepEnd> {
  const scope: RunScope = { env: { ...env }, stdout: '', stderr: '', summary: { _buffer: '' } }
  await shared.scopes.run(scope, body)
  claimExitCode(scope)
  return { code: scope.exitCode ?? 0, stdout: scope.stdout, stderr: scope.stderr }
}

function install(): Shared {
  const scopes = new AsyncLocalStorage<RunScope>()
  routeEnv(scopes)
  routeStream(scopes, process.stdout, 'stdout')
  routeStream(scopes, process.stderr, 'stderr')
  routeSummary(scopes)
  return { scopes }
}

function routeEnv(scopes: AsyncLocalStorage<RunScope>): void {
  const real = process.env
  const current = (): Record<string, string | undefined> => scopes.getStore()?.env ?? real
  process.env = new Proxy(real, {
    get: (_, key) => Reflect.get(current(), key),
    set: (_, key, value) => Reflect.set(current(), key, typeof key === 'string' ? String(value) : value),
    has: (_, key) => Reflect.has(current(), key),
    deleteProperty: (_, key) => Reflect.deleteProperty(current(), key),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(current(), key),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(current(), key, descriptor),
  })
}

function routeStream(
  scopes: AsyncLocalStorage<RunScope>,
  stream: NodeJS.WriteStream,
  field: 'stdout' | 'stderr',
): void {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const scope = scopes.getStore()
    if (!scope) return write(chunk, ...rest)
    scope[field] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()
    claimExitCode(scope)
    const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined
    if (done) process.nextTick(done)
    return true
  }) as typeof stream.write
}

/**
 * setFailed sets process.exitCode and writes its `::error::` line in one synchronous step, so the run that writes
 * while the code is set is the run that failed: the code moves from the process to that run.
 */
function claimExitCode(scope: RunScope): void {
  if (process.exitCode === undefined || process.exitCode === null || Number(process.exitCode) === 0) return
  scope.exitCode = Number(process.exitCode)
  process.exitCode = undefined
}

/** core.summary's own state: what is written next, and the file path it resolved once. */
interface SummaryState {
  _buffer: string
  _filePath?: string
}

/** core.summary is one object per process: its buffer and cached file path become per run. */
function routeSummary(scopes: AsyncLocalStorage<RunScope>): void {
  const outside: SummaryState = { _buffer: '' }
  const current = () => scopes.getStore()?.summary ?? outside
  for (const field of ['_buffer', '_filePath'] as const) {
    Object.defineProperty(core.summary, field, {
      configurable: true,
      get: () => current()[field],
      set: (value: string) => {
        current()[field] = value
      },
    })
  }
}
