// After the change: GET base URL + path must answer 2xx, with bounded retries while a new stage comes up.

import type { ActionInputs } from '../inputs/types.js'
import { errorMessage } from '../lib/errors.js'
import type { Sleep } from '../lib/sleep.js'
import type { StageState } from '../model/state.js'
import { createsCanary, plan } from '../plan/index.js'
import type { SmokeTestResult } from '../report/types.js'
import * as core from '../runner/actions-core.js'
import { explainReadBack } from './explain-failure.js'
import type { ReadResult } from './read.js'

export interface SmokeTestOptions {
  attempts: number
  intervalMs?: number
  timeoutMs?: number
  sleep?: (ms: number) => Promise<void>
  fetch?: typeof fetch
  now?: () => number
}

export function smokeTestUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`
}

export async function runSmokeTest(url: string, options: SmokeTestOptions): Promise<SmokeTestResult> {
  const doFetch = options.fetch ?? fetch
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)))
  const now = options.now ?? Date.now
  const started = now()
  let last: SmokeTestResult = { url, ok: false, message: 'not run' }
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    try {
      const response = await doFetch(url, {
        method: 'GET',
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      })
      // The body is not needed; release the connection.
      await response.body?.cancel()
      const ok = response.status >= 200 && response.status < 300
      last = { url, ok, status: response.status, durationMs: now() - started }
      if (!ok) last.message = `answered HTTP ${response.status} (attempt ${attempt} of ${options.attempts})`
    } catch (err) {
      const reason = errorMessage(err instanceof Error && err.cause instanceof Error ? err.cause : err)
      last = {
        url,
        ok: false,
        durationMs: now() - started,
        message: `${reason} (attempt ${attempt} of ${options.attempts})`,
      }
    }
    if (last.ok) return last
    if (attempt < options.attempts) await sleep(options.intervalMs ?? 3_000)
  }
  return last
}

/**
 * GET the stage (or smoke-test-base-url) + path. When it fails and rollback-on-failure is set, the canary
 * this run deployed is removed (production never changed).
 */
export async function smokeTestAndMaybeRollBack(options: {
  inputs: ActionInputs
  read: ReadResult
  after: StageState | undefined
  sleep: Sleep | undefined
}): Promise<{ smokeTest: SmokeTestResult; after?: StageState }> {
  const { inputs, read, after, sleep } = options
  const url = smokeTestUrl(inputs.smokeTestBaseUrl ?? read.urls.base, inputs.smokeTestPath ?? '/')
  const result = await runSmokeTest(url, { attempts: inputs.smokeTestAttempts, ...(sleep ? { sleep } : {}) })
  core.info(result.ok ? `GET ${url} answered ${result.status}` : `GET ${url} failed: ${result.message ?? ''}`)
  const canaryThisRun = createsCanary(inputs) && after?.canary
  if (result.ok || !inputs.rollbackOnFailure || !canaryThisRun) return { smokeTest: result }
  const rollback = plan({
    inputs: { ...inputs, operation: 'rollback-canary' },
    state: { ...read.state, stage: after },
    description: '',
  })
  core.info('rollback-on-failure: removing the canary this run deployed')
  const rolledBack = await read.api.apply(rollback, sleep ? { sleep } : {}).catch((err: unknown) => {
    throw explainReadBack(err, rollback)
  })
  return { smokeTest: { ...result, rolledBack: true }, ...(rolledBack.after ? { after: rolledBack.after } : {}) }
}
