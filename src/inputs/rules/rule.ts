// A cross-field rule: a small function from the inputs read to the problems they have together.
import type { InputProblem } from '../../lib/errors.js'
import type { Acceptance } from '../acceptance.js'
import { type InputName, type InputValues, inputsAcceptedBy } from '../table.js'
import type { Operation } from '../types.js'

export interface RuleContext {
  /** Each input's value; an invalid input has its default's value (or none), and already has its problem. */
  readonly values: InputValues
  /** The operation, or undefined when 'operation' is invalid: rules about operations then say nothing. */
  readonly operation: Operation | undefined
  /** Whether the input was given (not empty). */
  given(name: InputName): boolean
  /** Whether the input's value did not parse. */
  invalid(name: InputName): boolean
}

export type Rule = (context: RuleContext) => InputProblem[]

export function problem(input: InputName, message: string): InputProblem {
  return { input, message }
}

/** Refuse each given input in `names`, with the message `why` builds for it. */
export function refuseGiven(
  context: RuleContext,
  names: readonly InputName[],
  why: (name: InputName) => string,
): InputProblem[] {
  return names.filter((name) => context.given(name)).map((name) => problem(name, why(name)))
}

/** The rule that refuses the inputs of `acceptance` (from the input table) with any other operation. */
export function refuseOutside(acceptance: Acceptance): Rule {
  const names = inputsAcceptedBy(acceptance)
  return (context) => {
    const { operation } = context
    if (operation === undefined || acceptance.operations.includes(operation)) return []
    return refuseGiven(context, names, (name) => acceptance.refusal(name, operation))
  }
}
