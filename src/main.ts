// The orchestrator: inputs → read → plan → apply → report. The only module that calls setFailed.
import * as core from '@actions/core'
import { getInputs, type InputSource } from './inputs/read.js'
import { errorMessage } from './lib/errors.js'
import type { Sleep } from './lib/sleep.js'
import { runContext } from './runner/context.js'
import { setOutputs } from './runner/outputs.js'
import { applyStep } from './steps/apply.js'
import { definitionStep } from './steps/definition.js'
import { planStep } from './steps/plan.js'
import { readStep } from './steps/read.js'
import { beginReport, reportStep } from './steps/report.js'

export interface RunOptions {
  /** Input values by name; default the runner's INPUT_* variables. */
  getInput?: InputSource
  /** The runner's environment (GITHUB_SHA, GITHUB_EVENT_PATH, …); default process.env. */
  env?: NodeJS.ProcessEnv
  /** Injected in tests so waits (conflict retries, smoke-test attempts, cache polls) do not take real time. */
  sleep?: Sleep
}

export async function run(options: RunOptions = {}): Promise<void> {
  try {
    // 1. Inputs, and the definition file: every input validated before any call.
    const env = options.env ?? process.env
    const inputs = getInputs(options.getInput)
    const context = runContext(env)
    setOutputs({ operation: inputs.operation, stage: inputs.stage, changed: false })
    const definition = await definitionStep(inputs, env)
    // 2. Read the current state; 3. plan the calls (pure).
    const read = await readStep(inputs)
    const planned = planStep({ inputs, read, run: context, definition })
    // 4. Apply (a failure is carried to the report, then thrown); 5. report.
    const started = await beginReport(inputs, context, read)
    const applied = await applyStep({ inputs, read, planned, sleep: options.sleep })
    await reportStep({ inputs, run: context, read, planned, applied, started })
    if (applied.failure !== undefined) throw applied.failure
  } catch (err) {
    if (err instanceof Error && err.stack) core.debug(err.stack)
    core.setFailed(errorMessage(err))
  }
}
