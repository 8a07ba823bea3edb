// AWS holds at most 100 variables on a stage. The inputs are checked one by one; this checks what the stage
// would hold after the run (existing + added − removed), before any write.
import type { ActionInputs } from '../inputs/types.js'
import { MAX_STAGE_VARIABLES } from '../model/vocabulary.js'
import { mergedVariables } from './patch-ops.js'
import { PlanRefusal } from './refusal.js'

interface VariableChange {
  stageName: string
  current: Record<string, string>
  set: Record<string, string>
  remove: readonly string[]
  /** Where the new names come from, e.g. "variables" or "the canary's overrides". */
  source: string
  /** What to do instead. */
  hint: string
}

/** Refuses a change that adds names and would leave the stage above the limit. */
export function refuseTooManyVariables(change: VariableChange): void {
  const { current, set, remove } = change
  const before = Object.keys(current).length
  const after = Object.keys(mergedVariables(current, set, [...remove])).length
  const added = Object.keys(set).filter((name) => !(name in current)).length
  if (after <= MAX_STAGE_VARIABLES || added === 0) return
  const removed = remove.filter((name) => name in current).length
  throw new PlanRefusal(
    `Stage '${change.stageName}' would have ${after} variables (${before} now + ${added} new from ${change.source} − ` +
      `${removed} removed); AWS allows at most ${MAX_STAGE_VARIABLES} per stage. ${change.hint}`,
  )
}

/** The check for `variables` and `remove-variables` against the stage's current variables. */
export function refuseTooManyInputVariables(inputs: ActionInputs, current: Record<string, string>): void {
  refuseTooManyVariables({
    stageName: inputs.stage,
    current,
    set: inputs.variables,
    remove: inputs.removeVariables,
    source: 'variables',
    hint: 'List some in remove-variables in the same run, or set fewer.',
  })
}
