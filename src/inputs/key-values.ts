// Inputs given as KEY=VALUE lines or a YAML map: stage variables, canary overrides, SDK parameters.
// Errors name keys and line numbers, never values: stage variable values may be secrets.
import { isMap, isScalar } from 'yaml'
import { substitutionKeyProblem } from '../definition/substitute.js'
import { fail, ok, type Parsed } from '../lib/parse.js'
import { quoteShort, shorten } from '../lib/text.js'
import { MAX_STAGE_VARIABLES } from '../model/vocabulary.js'
import { isVariableName, variableValueProblem } from './identifiers.js'
import { readYaml } from './yaml-document.js'

const KV_LINE = /^\s*([^\s=:#][^\s=:]*)\s*=(.*)$/

function isContentLine(line: string): boolean {
  const t = line.trim()
  return t !== '' && !t.startsWith('#')
}

/**
 * Parse `KEY=VALUE` lines (blank lines and `#` comment lines ignored) or a YAML map of scalars, keeping
 * input order. The form is chosen by the first content line. Every scalar stays a string (YAML failsafe
 * schema: `1.10` stays `1.10`, `true` stays `true`). Errors name keys and line numbers, never values.
 */
export function parseKeyValueText(raw: string): Parsed<Array<[string, string]>> {
  const lines = raw.split(/\r?\n/)
  const first = lines.find(isContentLine)
  if (first === undefined) return ok([])
  if (KV_LINE.test(first)) return parseKeyValueLines(lines)
  return parseYamlScalarMap(raw)
}

function parseKeyValueLines(lines: readonly string[]): Parsed<Array<[string, string]>> {
  const entries: Array<[string, string]> = []
  const errors: string[] = []
  const seen = new Set<string>()
  lines.forEach((line, i) => {
    if (!isContentLine(line)) return
    const m = KV_LINE.exec(line)
    if (!m) {
      errors.push(`line ${i + 1} is not KEY=VALUE (do not mix KEY=VALUE lines with YAML)`)
      return
    }
    const key = m[1] ?? ''
    const value = (m[2] ?? '').trim()
    if (seen.has(key)) errors.push(`key ${quoteShort(key)} is given more than once (line ${i + 1})`)
    seen.add(key)
    entries.push([key, value])
  })
  return errors.length > 0 ? fail(errors.join('; ')) : ok(entries)
}

function parseYamlScalarMap(raw: string): Parsed<Array<[string, string]>> {
  const read = readYaml(raw)
  if (!read.ok) {
    const what = read.code === 'DUPLICATE_KEY' ? 'a key is repeated' : `not valid YAML (${read.code})`
    return fail(`${what} at line ${read.line}; write KEY=VALUE lines or a YAML map of KEY: value`)
  }
  const contents = read.contents
  if (contents === null) return ok([])
  if (!isMap(contents)) return fail('write KEY=VALUE lines or a YAML map of KEY: value')
  const entries: Array<[string, string]> = []
  const errors: string[] = []
  for (const pair of contents.items) {
    if (!isScalar(pair.key)) {
      errors.push('a key is not a plain name')
      continue
    }
    const key = String(pair.key.value)
    if (pair.value === null) {
      entries.push([key, ''])
    } else if (isScalar(pair.value)) {
      entries.push([key, String(pair.value.value)])
    } else {
      errors.push(`key ${quoteShort(key)} must have a single text value, not a list, map or alias`)
    }
  }
  return errors.length > 0 ? fail(errors.join('; ')) : ok(entries)
}

/**
 * Stage variables (variables, canary-variables): names `[A-Za-z0-9_]{1,64}`, values non-empty,
 * `[A-Za-z0-9-._~:/?#&=,]+`, at most 512 characters, at most 100 variables. Values never appear in errors.
 */
export function parseStageVariables(raw: string): Parsed<Record<string, string>> {
  const parsed = parseKeyValueText(raw)
  if (!parsed.ok) return fail(`is invalid: ${parsed.error}`)
  const errors: string[] = []
  for (const [key, value] of parsed.value) {
    const shown = quoteShort(key)
    if (!isVariableName(key)) {
      errors.push(`name ${shown} is not valid (letters, digits and _, at most 64 characters)`)
      continue
    }
    const problem = variableValueProblem(value)
    if (problem !== undefined) errors.push(`the value of ${shown} ${problem}`)
  }
  if (parsed.value.length > MAX_STAGE_VARIABLES) {
    errors.push(`has ${parsed.value.length} variables; a stage has at most ${MAX_STAGE_VARIABLES}`)
  }
  if (errors.length > 0) return fail(`is invalid: ${errors.join('; ')}`)
  return ok(Object.fromEntries(parsed.value))
}

/** SDK generation parameters: names such as `classPrefix` or `ruby.gem-name`, non-empty single-line values. */
export function parseSdkParameters(raw: string): Parsed<Record<string, string>> {
  const parsed = parseKeyValueText(raw)
  if (!parsed.ok) return fail(`is invalid: ${parsed.error}`)
  const errors: string[] = []
  for (const [key, value] of parsed.value) {
    if (!/^[A-Za-z0-9._-]{1,128}$/.test(key)) {
      errors.push(`name ${shorten(key, 64)} is not valid (letters, digits, '.', '_' and '-')`)
    } else if (value === '' || /[\r\n]/.test(value)) {
      errors.push(`the value of '${key}' must be non-empty text on one line`)
    }
  }
  if (errors.length > 0) return fail(`is invalid: ${errors.join('; ')}`)
  return ok(Object.fromEntries(parsed.value))
}

/** `definition-substitutions`: `${KEY}` placeholders of the definition file and their values (any text). */
export function parseSubstitutions(raw: string): Parsed<Record<string, string>> {
  const pairs = parseKeyValueText(raw)
  if (!pairs.ok) return pairs
  const map: Record<string, string> = {}
  for (const [key, value] of pairs.value) {
    const problem = substitutionKeyProblem(key)
    if (problem) return fail(`has ${problem}`)
    if (Object.hasOwn(map, key)) return fail(`sets key '${key}' twice`)
    map[key] = value
  }
  return ok(map)
}
