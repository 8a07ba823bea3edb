// Runs the action's run() from src/ in this process, the way the runner runs the bundle: the same environment and
// files (runner-env.ts), inputs from a map with action.yml defaults overlaid, the log and exit code captured. No
// rebuild of dist/ is needed, and a run takes milliseconds instead of a Node start-up.
import type { Sleep } from '../../src/lib/sleep.js'
import { run } from '../../src/main.js'
import { lookupGetInput } from './inputs.js'
import { inRunScope } from './run-scope.js'
import { type ActionRun, type RunnerOptions, runStep } from './runner-env.js'

interface InProcessRunOptions extends RunnerOptions {
  /** Replaces real waits (retries, smoke-test attempts, cache polls); default real time, as in the bundle. */
  sleep?: Sleep
  /** The clock (a rollout's bakes); default Date.now. */
  now?: () => number
}

export function runInProcess(options: InProcessRunOptions): Promise<ActionRun> {
  return runStep(options, ({ env, inputs }) =>
    inRunScope(env, () =>
      run({
        getInput: lookupGetInput(inputs),
        env,
        ...(options.sleep ? { sleep: options.sleep } : {}),
        ...(options.now ? { now: options.now } : {}),
      }),
    ),
  )
}
