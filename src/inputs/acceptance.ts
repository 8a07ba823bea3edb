// Which operations use an input, and the sentence that refuses the input with any other operation.
// The input table names one of these per input; inputs without one are used by every operation.
import { OPERATIONS, type Operation } from './types.js'

export interface Acceptance {
  /** The operations that use the input. */
  readonly operations: readonly Operation[]
  /** The problem's message when the input is given with another operation. */
  refusal(input: string, operation: Operation): string
}

function usedOnlyBy(operations: readonly Operation[], who: string): Acceptance {
  return {
    operations,
    refusal: (input, operation) => `Input '${input}' is used only by ${who}, not by '${operation}'.`,
  }
}

export const CANARY_OPERATIONS = usedOnlyBy(
  ['deploy', 'promote', 'update-canary'],
  "operations 'deploy' and 'promote' (with canary-percent) and 'update-canary'",
)
export const PROMOTE_ONLY = usedOnlyBy(['promote', 'rollout'], "operations 'promote' and 'rollout'")
export const ROLLOUT_ONLY = usedOnlyBy(['rollout'], "operation 'rollout'")
export const ROLLBACK_ONLY = usedOnlyBy(['rollback'], "operation 'rollback'")
export const DEPLOY_ONLY = usedOnlyBy(['deploy'], "operation 'deploy' (which creates a deployment)")
export const NOT_DELETE: Acceptance = {
  operations: OPERATIONS.filter((operation) => operation !== 'delete'),
  refusal: (input) =>
    `Input '${input}' cannot be used with operation 'delete': the stage is deleted, not changed or read.`,
}

/** Stage variables: `rollback` returns to an earlier deployment and sets no variable, so it refuses them too. */
export const SETS_VARIABLES: Acceptance = {
  operations: OPERATIONS.filter((operation) => operation !== 'delete' && operation !== 'rollback'),
  refusal: (input, operation) =>
    operation === 'delete'
      ? `Input '${input}' cannot be used with operation 'delete': the stage is deleted, not changed or read.`
      : `Input '${input}' cannot be used with operation 'rollback': a rollback returns the stage to an earlier deployment and sets no variables. Change variables with operation 'promote' (without promote-from) after the rollback.`,
}

/** `definition` and its options: only a deploy imports; the other operations move deployments already made. */
export const DEFINITION_DEPLOY: Acceptance = {
  operations: ['deploy', 'rollout'],
  refusal: (input, operation) =>
    `Input '${input}' cannot be used with operation '${operation}': it moves a deployment that was already made (and tested), so nothing is imported. Import the file with operation 'deploy'.`,
}
