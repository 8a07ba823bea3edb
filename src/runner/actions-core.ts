// @actions/core, kept off the start-up path. Loading it costs about as much as Node's own start (its OIDC client
// brings undici, which this action never uses), so the read step starts loading it once the first AWS request has
// been written (`loadActionsCoreAfterNextRequest`), and it lands while the requests are in flight. Until it has loaded, calls wait in a queue and
// are replayed in order, each in the async context it was made in; main awaits `flushActionsCore()` before it ends.
import { AsyncLocalStorage } from 'node:async_hooks'

import { afterNextRequestWritten } from './after-request.js'

type ActionsCore = typeof import('@actions/core')

let loaded: ActionsCore | undefined
let loading: Promise<ActionsCore> | undefined
const waiting: Array<(core: ActionsCore) => void> = []

/** Starts loading @actions/core (once); resolves when it has loaded and every waiting call has run. */
export function flushActionsCore(): Promise<ActionsCore> {
  loading ??= import('@actions/core').then((core) => {
    loaded = core
    for (const call of waiting.splice(0)) call(core)
    return core
  })
  return loading
}

/** Runs `call` now if @actions/core is loaded, else once it is, in the caller's async context. */
function withCore(call: (core: ActionsCore) => void): void {
  if (loaded) {
    call(loaded)
    return
  }
  const inCallersContext = AsyncLocalStorage.snapshot()
  waiting.push((core) => inCallersContext(() => call(core)))
}

/** Starts loading @actions/core once the next AWS request has been written (see after-request.ts). */
export function loadActionsCoreAfterNextRequest(): void {
  afterNextRequestWritten(() => void flushActionsCore())
}

/**
 * An input's value, trimmed; '' when not set. Before @actions/core has loaded it reads the runner's variable
 * directly by the rule @actions/core applies (INPUT_ + the name upper-cased, spaces as underscores).
 */
export function getInput(name: string): string {
  if (loaded) return loaded.getInput(name)
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

export function info(message: string): void {
  withCore((core) => core.info(message))
}

export function debug(message: string): void {
  withCore((core) => core.debug(message))
}

export function warning(message: string): void {
  withCore((core) => core.warning(message))
}

/** Registers a value the runner must mask in the log: queued before any line that could contain it. */
export function setSecret(value: string): void {
  withCore((core) => core.setSecret(value))
}

export function setOutput(name: string, value: string): void {
  withCore((core) => core.setOutput(name, value))
}

/** A collapsible group around `body` in the log. */
export async function group<T>(name: string, body: () => Promise<T>): Promise<T> {
  withCore((core) => core.startGroup(name))
  try {
    return await body()
  } finally {
    withCore((core) => core.endGroup())
  }
}

export async function setFailed(message: string): Promise<void> {
  ;(await flushActionsCore()).setFailed(message)
}

/** Appends markdown to the job summary file. */
export async function appendSummary(markdown: string): Promise<void> {
  await (await flushActionsCore()).summary.addRaw(markdown, true).write()
}
