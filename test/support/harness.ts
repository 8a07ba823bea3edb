// The one switch between the two ways the scenario suites (test/e2e, test/reliability) run the action:
//
//   - default: run() from src/ in the test's own process (run-in-process.ts). A change in src/ is tested without
//     rebuilding dist/, and a run takes milliseconds.
//   - ACTION_UNDER_TEST=dist: every scenario through the bundle, spawned under Node 24 as the runner does
//     (run-dist.ts); ACTION_DIST_ENTRY names another bundle than dist/index.js. For a release check, after
//     `npm run package`.
//
// The runner contract itself (exit code, GITHUB_OUTPUT, summary file, annotations) is always tested through dist/,
// in test/e2e/runner-contract.e2e.test.ts.
import { VIRTUAL_TIME_HOOK, virtualClock } from '../cloudwatch-fake/virtual-clock.js'
import type { Emulator } from './emulator.js'
import { type DistRunOptions, runDist } from './run-dist.js'
import { runInProcess } from './run-in-process.js'
import type { ActionRun } from './runner-env.js'

const UNDER_TEST = process.env.ACTION_UNDER_TEST || 'in-process'
if (UNDER_TEST !== 'in-process' && UNDER_TEST !== 'dist') {
  throw new Error(`ACTION_UNDER_TEST must be 'in-process' or 'dist', got '${UNDER_TEST}'`)
}

/** Where and how a scenario runs, besides its inputs. `timeoutMs` applies to dist/ only (in-process: the test's). */
type ScenarioOptions = Partial<Omit<DistRunOptions, 'inputs' | 'endpoint'>> & {
  /** Virtual time from this instant: waits take none (in-process: injected clock; dist: an --import hook). */
  clockStartMs?: number
}

/** Runs the action against this emulator, in-process or through dist/ (see above). */
export function runAgainst(
  emu: Emulator,
  inputs: Record<string, string>,
  extra: ScenarioOptions = {},
): Promise<ActionRun> {
  const { clockStartMs, ...rest } = extra
  const options = { endpoint: emu.url, inputs, ...rest }
  if (clockStartMs === undefined) return UNDER_TEST === 'dist' ? runDist(options) : runInProcess(options)
  if (UNDER_TEST === 'dist') {
    const env = { ...options.env, VIRTUAL_CLOCK_START_MS: String(clockStartMs) }
    return runDist({ ...options, env, nodeArgs: [...(options.nodeArgs ?? []), '--import', VIRTUAL_TIME_HOOK] })
  }
  const clock = virtualClock(clockStartMs)
  return runInProcess({ ...options, now: clock.now, sleep: clock.sleep })
}
