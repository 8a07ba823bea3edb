// The only module that reads action inputs. getInputs() reads every input of the input table once, treats
// '' as the input's default, validates each input and then the combinations (rules/), and returns one frozen
// ActionInputs. Every problem found is reported in one InputError that names the input, what was given and
// what is allowed. Secret values (stage variables, the token) are never logged nor repeated in errors.

import { InputError, type InputProblem } from '../lib/errors.js'
import { shorten } from '../lib/text.js'
import * as core from '../runner/actions-core.js'
import { toActionInputs } from './assemble.js'
import { checkRules } from './rules/index.js'
import { smokeTestBaseUrlNeedsPath } from './rules/smoke-test.js'
import { codeDefault, INPUT_NAMES, INPUTS, type InputName, type InputSpec, type InputValues } from './table.js'
import type { ActionInputs } from './types.js'
import { loadYamlParser } from './yaml-document.js'

/** Where input values come from: the runner's INPUT_* variables, or a map in tests. Values come trimmed. */
export type InputSource = (name: string) => string

interface InputRead {
  value: unknown
  problem?: string
}

/** Loads what reading the given inputs needs beyond the start-up bundle: the YAML parser, if an input may hold YAML. */
export async function prepareInputs(source: InputSource = core.getInput): Promise<void> {
  if (INPUT_NAMES.some((name) => INPUTS[name].yaml && (source(name) || codeDefault(INPUTS[name])) !== '')) {
    await loadYamlParser()
  }
}

/** Read, validate and return every input. Throws InputError listing every problem found. */
export function getInputs(source: InputSource = core.getInput): ActionInputs {
  const given = new Map(INPUT_NAMES.map((name) => [name, source(name)]))
  const problems: InputProblem[] = []
  const context = {
    given: (name: InputName): boolean => given.get(name) !== '',
    invalid: (name: InputName): boolean => problems.some((p) => p.input === name),
  }
  const read: Record<string, unknown> = {}
  for (const name of INPUT_NAMES) {
    const raw = given.get(name) ?? ''
    const spec: InputSpec<unknown> = INPUTS[name]
    if (spec.masked && raw !== '') core.setSecret(raw)
    const { value, problem } = readInput(name, spec, raw)
    read[name] = value
    if (problem !== undefined) problems.push({ input: name, message: problem })
    // Reported here, after smoke-test-attempts, as it always was: the list of problems keeps its order.
    if (name === 'smoke-test-attempts') problems.push(...smokeTestBaseUrlNeedsPath(context))
  }
  const values = read as InputValues
  const operation = context.invalid('operation') ? undefined : values.operation
  problems.push(...checkRules({ ...context, values, operation }))
  if (problems.length > 0) throw InputError.fromProblems(firstPerInput(problems))
  return toActionInputs(values)
}

/** Parse one input (its default when given ''), logging what was read without secret values. */
function readInput(name: InputName, spec: InputSpec<unknown>, raw: string): InputRead {
  const text = raw || codeDefault(spec)
  if (text === '') {
    if (spec.required) return { value: undefined, problem: `Input '${name}' is required and was not supplied.` }
    core.debug(`Input ${name}: (not set)`)
    return { value: undefined }
  }
  const parsed = spec.parse(text)
  if (!parsed.ok) {
    core.debug(`Input ${name}: invalid`)
    const got = spec.secret || spec.structured ? '' : `, got ${shorten(text)}`
    return { value: defaultValue(spec), problem: `Input '${name}' ${parsed.error}${got}.` }
  }
  const shown = spec.show ? spec.show(parsed.value) : spec.secret ? '(set)' : shorten(text, 200)
  core.debug(`Input ${name}: ${shown}${raw === '' ? ' (default)' : ''}`)
  return { value: parsed.value }
}

/** What an invalid input stands for while the rules run: its default's value, if it has a default. */
function defaultValue(spec: InputSpec<unknown>): unknown {
  const text = codeDefault(spec)
  const parsed = text === '' ? undefined : spec.parse(text)
  return parsed?.ok ? parsed.value : undefined
}

/** The first problem of each input, in the order found. */
function firstPerInput(problems: readonly InputProblem[]): InputProblem[] {
  const seen = new Set<string>()
  return problems.filter((p) => !seen.has(p.input) && seen.add(p.input))
}
