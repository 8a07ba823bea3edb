// The orchestrator: inputs → read → plan → apply → report. The only module that calls setFailed.

import { getInputs, type InputSource, prepareInputs } from './inputs/read.js'
import { errorMessage } from './lib/errors.js'
import type { Sleep } from './lib/sleep.js'
import * as core from './runner/actions-core.js'
import { runContext } from './runner/context.js'
import { setOutputs } from './runner/outputs.js'
import { applyStep } from './steps/apply.js'
import { definitionStep } from './steps/definition.js'
import { publishFailure, type RunSoFar } from './steps/failure-report.js'
import { checkOutputFiles } from './steps/output-files.js'
import { planStep } from './steps/plan.js'
import { readStep } from './steps/read.js'
import { beginReport, reportStep } from './steps/report.js'
import { rolloutPreflight, rolloutStep } from './steps/rollout.js'

export interface RunOptions {
  /** Input values by name; default the runner's INPUT_* variables. */
  getInput?: InputSource
  /** The runner's environment (GITHUB_SHA, GITHUB_EVENT_PATH, …); default process.env. */
  env?: NodeJS.ProcessEnv
  /** Injected in tests so waits (conflict retries, smoke-test attempts, cache polls) do not take real time. */
  sleep?: Sleep
  /** The clock a rollout bakes by and quota waits count with; injected in tests together with `sleep`. Default Date.now. */
  now?: () => number
}

export async function run(options: RunOptions = {}): Promise<void> {
  // How far the run got: a failure before the report step still publishes (steps/failure-report.ts).
  const sofar: RunSoFar = {}
  try {
    // 1. Inputs, and the definition file: every input validated before any call.
    const env = options.env ?? process.env
    sofar.run = runContext(env)
    await prepareInputs(options.getInput)
    const inputs = getInputs(options.getInput)
    const context = sofar.run
    sofar.inputs = inputs
    setOutputs({ operation: inputs.operation, stage: inputs.stage, changed: false })
    const definition = await definitionStep(inputs, env)
    await checkOutputFiles(inputs, env)
    sofar.definitionRead = true
    // 2. Read the current state; 3. plan the calls (pure).
    const read = await readStep(inputs, context)
    sofar.read = read
    await rolloutPreflight(inputs, read)
    const planned = planStep({ inputs, read, run: context, definition, now: options.now?.() })
    // 4. Apply (a failure is carried to the report, then thrown); 5. report.
    const started = await beginReport(inputs, context, read)
    const changed = await applyStep({ inputs, read, planned, sleep: options.sleep, now: options.now })
    // 4b. A rollout bakes, judges and steps its canary (other operations pass through).
    const applied = await rolloutStep({
      inputs,
      read,
      planned,
      applied: changed,
      sleep: options.sleep,
      now: options.now,
    })
    sofar.reported = true
    await reportStep({ inputs, run: context, read, planned, applied, started })
    if (applied.failure !== undefined) throw applied.failure
  } catch (err) {
    if (err instanceof Error && err.stack) core.debug(err.stack)
    await publishFailure(sofar, err)
    await core.setFailed(errorMessage(err))
  } finally {
    // Log lines, outputs and masks made before @actions/core had loaded are written now at the latest.
    await core.flushActionsCore()
  }
}
