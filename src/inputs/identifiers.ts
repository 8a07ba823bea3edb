// Names, ids and one-line texts of inputs: stage and variable names, REST API and other AWS ids, Regions,
// GitHub environment names. Each parser returns a phrase such as "must be …" on failure.
import { fail, ok, type Parsed } from '../lib/parse.js'
import { hasControlCharacters } from '../lib/text.js'
import { MAX_VARIABLE_VALUE_LENGTH, VARIABLE_VALUE_CHARSET, VARIABLE_VALUE_PATTERN } from '../model/vocabulary.js'

const STAGE_NAME_PATTERN = /^[A-Za-z0-9_-]{1,128}$/
const VARIABLE_NAME_PATTERN = /^[A-Za-z0-9_]{1,64}$/

export function isStageName(name: string): boolean {
  return STAGE_NAME_PATTERN.test(name)
}

export function parseStageName(raw: string): Parsed<string> {
  if (isStageName(raw)) return ok(raw)
  return fail('must be a stage name: 1 to 128 letters, digits, - or _ ([A-Za-z0-9_-]{1,128})')
}

/** `previous`, or the name of another stage to compare with. */
export function parseDiffAgainst(raw: string): Parsed<string> {
  if (raw === 'previous') return ok(raw)
  const stage = parseStageName(raw)
  return stage.ok
    ? stage
    : fail(`must be 'previous' or a stage name (${stage.error.replace(/^must be a stage name: /, '')})`)
}

export function isVariableName(name: string): boolean {
  return VARIABLE_NAME_PATTERN.test(name)
}

/** Why a stage variable value is invalid, without repeating the value; undefined when it is valid. */
export function variableValueProblem(value: string): string | undefined {
  if (value === '') return 'is empty (AWS requires a non-empty value; use remove-variables to delete a variable)'
  if (value.length > MAX_VARIABLE_VALUE_LENGTH) {
    return `is ${value.length} characters long (at most ${MAX_VARIABLE_VALUE_LENGTH})`
  }
  if (!VARIABLE_VALUE_PATTERN.test(value)) {
    const what = /\s/.test(value) ? 'whitespace' : 'a character'
    return `contains ${what} outside the allowed set (${VARIABLE_VALUE_CHARSET})`
  }
  return undefined
}

/** AWS REST API ids are 10 lowercase letters and digits, e.g. `a1b2c3d4e5`. */
export function parseRestApiId(raw: string): Parsed<string> {
  if (/^[a-z0-9]{10}$/.test(raw)) return ok(raw)
  return fail('must be a REST API id: 10 lowercase letters and digits, e.g. a1b2c3d4e5 (not the API name or URL)')
}

/** A REST API name: any single line of text. */
export function parseRestApiName(raw: string): Parsed<string> {
  if (hasControlCharacters(raw)) return fail('must be a single line of text without control characters')
  if (raw.length > 1024) return fail('must be at most 1024 characters')
  return ok(raw)
}

/**
 * Deployment, usage plan and client certificate ids: AWS issues 6 lowercase letters and digits; up to 10 are
 * accepted because emulators such as moto use 10-character ids for every resource.
 */
export function parseShortId(raw: string, what: string): Parsed<string> {
  if (/^[a-z0-9]{6,10}$/.test(raw)) return ok(raw)
  return fail(`must be ${what}: 6 to 10 lowercase letters and digits, e.g. a1b2c3`)
}

/** Region code such as `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`, `us-isob-east-1`. */
export function parseRegion(raw: string): Parsed<string> {
  if (/^[a-z]{2}(?:-[a-z]+)+-[0-9]{1,2}$/.test(raw)) return ok(raw)
  return fail('must be an AWS Region code such as us-east-1 or eu-central-2')
}

/** A deployment description: free text, several lines allowed, no other control characters. */
export function parseDescription(raw: string): Parsed<string> {
  return hasControlCharacters(raw, '\t\n\r') ? fail('must not contain control characters') : ok(raw)
}

/** GitHub environment names: up to 255 characters on one line. */
export function parseEnvironment(raw: string): Parsed<string> {
  if (raw.length > 255 || hasControlCharacters(raw)) {
    return fail('must be a GitHub environment name: one line, at most 255 characters')
  }
  return ok(raw)
}
