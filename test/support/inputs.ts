// Inputs from a map: what the runner passes (action.yml defaults overlaid by the step's `with:`), and a getInput
// stand-in that looks inputs up by name as @actions/core does through INPUT_* variables.
import { actionDefaults } from './action-yml.js'

export type InputMap = Record<string, string>

/** Inputs as the runner passes them: action.yml defaults (token expression evaluated to `token`) overlaid by `given`. */
export function runnerInputs(given: InputMap, token: string): InputMap {
  return { ...actionDefaults(token), ...given }
}

/**
 * A getInput stand-in over a named map, reproducing @actions/core: missing names read as '', `required`
 * throws core's own message, and values are trimmed unless `trimWhitespace: false`. Every name asked for is
 * recorded in `calls`. Never ordered answers: adding an input must not shift other answers.
 */
export function lookupGetInput(inputs: InputMap, calls: string[] = []) {
  return (name: string, options?: { required?: boolean; trimWhitespace?: boolean }): string => {
    calls.push(name)
    const value = inputs[name] ?? ''
    if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`)
    return options?.trimWhitespace === false ? value : value.trim()
  }
}
