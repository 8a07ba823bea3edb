// Input rules AWS enforces on stage names, stage variables, tags and resource path parts.
import { badRequest } from './errors.js'
import type { Dict } from './types.js'

const STAGE_NAME = /^[A-Za-z0-9_-]+$/
const VARIABLE_NAME = /^[A-Za-z0-9_]+$/
const VARIABLE_VALUE = /^[A-Za-z0-9\-._~:/?#&=,]+$/
export const MAX_VARIABLES = 100

/** A path part: letters, digits, `._-:,`, or a whole-segment `{param}` / `{param+}` ([DOC] known issues). */
export const PATH_PART = /^(\{[A-Za-z0-9._-]+\+?\}|[A-Za-z0-9._:,-]+)$/
export const PATH_PART_MESSAGE =
  "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace."

/**
 * Real AWS text (still sent by AWS in 2023 although hyphens have been accepted since 2019):
 * "Stage name only allows a-zA-Z0-9_".
 */
export function validateStageName(name: string): void {
  if (!STAGE_NAME.test(name) || name.length > 128) throw badRequest('Stage name only allows a-zA-Z0-9_')
}

export function validateVariableName(name: string): void {
  // The name rule is from the service model; the message wording was not observed.
  if (!VARIABLE_NAME.test(name) || name.length > 64) {
    throw badRequest(`Invalid stage variable name: ${name}. Please use names with alphanumeric characters and '_'.`)
  }
}

/** Message text as AWS sent it (quoted in sirceljm/aws-lambda-blog#10), odd quoting included. */
export function validateVariableValue(value: string): void {
  if (!VARIABLE_VALUE.test(value) || value.length > 512) {
    throw badRequest(
      `Invalid stage variable value: ${value}.  Please use values with alphanumeric characters and the symbols ' ', -', '.', '_', ':', '/', '?', '&', '=', and ','.`,
    )
  }
}

export function validateVariables(variables: Dict<string>): void {
  for (const [name, value] of Object.entries(variables)) {
    validateVariableName(name)
    validateVariableValue(value)
  }
  if (Object.keys(variables).length > MAX_VARIABLES) {
    throw badRequest(`A stage can have at most ${MAX_VARIABLES} stage variables`)
  }
}

export function validateTags(tags: Dict<string>, existing: Dict<string> = {}): void {
  for (const [key, value] of Object.entries(tags)) {
    if (key.toLowerCase().startsWith('aws:')) throw badRequest('Tag keys cannot start with aws:')
    if (key.length === 0 || key.length > 128) throw badRequest(`Invalid tag key: ${key}`)
    if (value.length > 256) throw badRequest(`Invalid tag value for key: ${key}`)
  }
  if (Object.keys({ ...existing, ...tags }).length > 50) throw badRequest('A resource can have at most 50 tags')
}

/** Java's Boolean.parseBoolean, which AWS applies to patch values: anything but "true" is false. */
export const parseBool = (value: string | undefined): boolean => (value ?? '').toLowerCase() === 'true'
