// Reading inputs in tests: getInputs over a named input map (never ordered mockReturnValueOnce), the names it
// asked for, and the input table's defaults as the tests name them. Each test file mocks @actions/core.
import * as core from '@actions/core'
import { expect, vi } from 'vitest'
import { getInputs } from '../../src/inputs/read.js'
import { INPUT_NAMES, INPUTS } from '../../src/inputs/table.js'
import type { ActionInputs } from '../../src/inputs/types.js'
import { loadYamlParser } from '../../src/inputs/yaml-document.js'
import { InputError } from '../../src/lib/errors.js'
import { flushActionsCore } from '../../src/runner/actions-core.js'
import { MINIMAL } from '../fixtures/inputs.js'
import { type InputMap, lookupGetInput } from '../support/inputs.js'

// The front to @actions/core loads it (here: the test file's mock) lazily; loaded now, the calls under test reach
// the mock synchronously, as the assertions expect.
await flushActionsCore()
// main.ts loads the YAML parser only when a YAML-capable input is given (prepareInputs); these tests read any input.
await loadYamlParser()

/** Every optional input with its default, as action.yml declares it. */
export const INPUT_DEFAULTS: Readonly<Record<string, string>> = Object.fromEntries(
  INPUT_NAMES.filter((name) => !INPUTS[name].required).map((name) => [name, INPUTS[name].default]),
)
/** Inputs without a default; `required: true` in action.yml. */
export const REQUIRED_INPUTS: readonly string[] = INPUT_NAMES.filter((name) => INPUTS[name].required)

/** The input names getInputs asked for since the last useInputs. */
export let calls: string[] = []

export function useInputs(inputs: InputMap): void {
  calls = []
  vi.mocked(core.getInput).mockImplementation(lookupGetInput(inputs, calls))
}

export function read(overrides: InputMap = {}): ActionInputs {
  useInputs({ ...MINIMAL, ...overrides })
  return getInputs()
}

export function readError(inputs: InputMap): InputError {
  useInputs(inputs)
  try {
    getInputs()
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return err as InputError
  }
  throw new Error('expected getInputs() to throw an InputError')
}

export function debugText(): string {
  return vi
    .mocked(core.debug)
    .mock.calls.map((c) => c[0])
    .join('\n')
}
