// Step 3: the pure plan of AWS calls, logged; and where each side of the API diff will come from.

import type { LoadedDefinition } from '../definition/load.js'
import type { ActionInputs } from '../inputs/types.js'
import { formatCalls } from '../plan/format.js'
import { plan } from '../plan/index.js'
import type { Plan } from '../plan/types.js'
import { type DiffSources, diffSources } from '../report/diff-sources.js'
import * as core from '../runner/actions-core.js'
import { defaultDescription, type RunContext } from '../runner/context.js'
import { setOutputs } from '../runner/outputs.js'
import type { ReadResult } from './read.js'

export interface PlanResult {
  readonly plan: Plan
  readonly sources: DiffSources
  /** The repository's definition this run imports (or found already deployed). */
  readonly definition?: LoadedDefinition
}

export function planStep(options: {
  inputs: ActionInputs
  read: ReadResult
  run: RunContext
  definition: LoadedDefinition | undefined
  /** The run's clock (a rollout records when it started); default Date.now(). */
  now?: number | undefined
}): PlanResult {
  const { inputs, read, run, definition } = options
  const thePlan = plan({
    inputs,
    state: read.state,
    description: inputs.description ?? defaultDescription(run),
    now: options.now ?? Date.now(),
    ...(definition && inputs.definition ? { definition: { loaded: definition, options: inputs.definition } } : {}),
  })
  logPlan(thePlan, inputs.showVariableValues, inputs.dryRun)
  // Only once the plan is accepted: a refused mapping (e.g. missing domain) must not advertise a URL.
  setOutputs({ changed: thePlan.calls.length > 0, ...(read.urls.custom ? { 'custom-url': read.urls.custom } : {}) })
  for (const note of thePlan.notes.filter((n) => n.startsWith('⚠️'))) core.warning(note.replace(/^⚠️ /, ''))
  return Object.freeze({
    plan: thePlan,
    sources: diffSources(inputs, read.state, thePlan),
    ...(definition ? { definition } : {}),
  })
}

function logPlan(p: Plan, showValues: boolean, dryRun: boolean): void {
  const heading = dryRun ? 'Plan (dry run: nothing will be changed)' : 'Plan'
  core.info(`${heading}: ${p.operation} on stage '${p.stageName}'`)
  for (const note of p.notes) core.info(`  ${note}`)
  for (const line of formatCalls(p, showValues)) core.info(`  ${line}`)
  if (!p.calls.length) core.info('  No AWS calls needed: the stage already matches the inputs.')
}
