// Inputs given as KEY=VALUE lines or a YAML map: stage variables, canary overrides, SDK parameters.
// Errors name keys and line numbers, never values: stage variable values may be secrets.
import { substitutionKeyProblem } from '../definition/substitute.js'
import { fail, ok, type Parsed } from '../lib/parse.js'
import { quoteShort, shorten } from '../lib/text.js'
import { MAX_STAGE_VARIABLES } from '../model/vocabulary.js'
import { isVariableName, variableValueProblem } from './identifiers.js'
import { isYamlMap, isYamlScalar, readYaml } from './yaml-document.js'

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
  const read = readKeyValues(raw)
  return read.ok ? ok(read.value.entries) : read
}

/** The entries, and the keys whose YAML value is null (`~`, `null`, nothing after the colon): text `''`/`'~'`. */
interface KeyValues {
  entries: Array<[string, string]>
  nullKeys: ReadonlySet<string>
}

function readKeyValues(raw: string): Parsed<KeyValues> {
  const lines = raw.split(/\r?\n/)
  const first = lines.find(isContentLine)
  if (first === undefined) return ok({ entries: [], nullKeys: new Set() })
  if (KV_LINE.test(first)) {
    const entries = parseKeyValueLines(lines)
    return entries.ok ? ok({ entries: entries.value, nullKeys: new Set() }) : entries
  }
  return parseYamlScalarMap(raw)
}

// The YAML 1.2 core schema's nulls; the failsafe schema reads them as text, so they are told apart here.
const YAML_NULLS = new Set(['', '~', 'null', 'Null', 'NULL'])
const NULL_TAG = 'tag:yaml.org,2002:null'

function isYamlNull(node: unknown): boolean {
  if (node === null) return true
  if (!isYamlScalar(node)) return false
  return node.tag === NULL_TAG || (node.type === 'PLAIN' && YAML_NULLS.has(String(node.value)))
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

function parseYamlScalarMap(raw: string): Parsed<KeyValues> {
  const read = readYaml(raw)
  if (!read.ok) {
    if (read.code === 'ALIAS') return fail(read.message)
    const what = read.code === 'DUPLICATE_KEY' ? 'a key is repeated' : `not valid YAML (${read.code})`
    return fail(`${what} at line ${read.line}; write KEY=VALUE lines or a YAML map of KEY: value`)
  }
  const { contents, resolve } = read
  if (contents === null) return ok({ entries: [], nullKeys: new Set() })
  if (!isYamlMap(contents)) return fail('write KEY=VALUE lines or a YAML map of KEY: value')
  const entries: Array<[string, string]> = []
  const nullKeys = new Set<string>()
  const errors: string[] = []
  for (const pair of contents.items) {
    const keyNode = resolve(pair.key)
    if (!isYamlScalar(keyNode)) {
      errors.push('a key is not a plain name')
      continue
    }
    const key = String(keyNode.value)
    const valueNode = resolve(pair.value)
    if (isYamlNull(valueNode)) nullKeys.add(key)
    if (valueNode === null) {
      entries.push([key, ''])
    } else if (isYamlScalar(valueNode)) {
      entries.push([key, String(valueNode.value)])
    } else {
      errors.push(`key ${quoteShort(key)} must have a single text value, not a list or map`)
    }
  }
  return errors.length > 0 ? fail(errors.join('; ')) : ok({ entries, nullKeys })
}

/**
 * Stage variables (`variables`): names `[A-Za-z0-9_]{1,64}`, values non-empty, `[A-Za-z0-9-._~:/?#&=,]+`, at
 * most 512 characters, at most 100 variables. A YAML null is refused, not sent as "null" or "~". Values never
 * appear in errors.
 */
export function parseStageVariables(raw: string): Parsed<Record<string, string>> {
  return parseVariableMap(raw, 'remove-variables')
}

/** `canary-variables`: the same rules as `variables`; a null points to `remove-canary-variables`. */
export function parseCanaryVariables(raw: string): Parsed<Record<string, string>> {
  return parseVariableMap(raw, 'remove-canary-variables')
}

function parseVariableMap(raw: string, removeInput: string): Parsed<Record<string, string>> {
  const read = readKeyValues(raw)
  if (!read.ok) return fail(`is invalid: ${read.error}`)
  const errors: string[] = []
  const entries = read.value.entries
  for (const [key, value] of entries) {
    const shown = quoteShort(key)
    if (!isVariableName(key)) {
      errors.push(`name ${shown} is not valid (letters, digits and _, at most 64 characters)`)
      continue
    }
    if (read.value.nullKeys.has(key)) {
      errors.push(
        `the value of ${shown} is a YAML null (~, null or nothing after the colon); AWS needs a value: ` +
          `to remove the variable list it in ${removeInput}, to send the text "null" quote it`,
      )
      continue
    }
    const problem = variableValueProblem(value)
    if (problem !== undefined) errors.push(`the value of ${shown} ${problem}`)
  }
  if (entries.length > MAX_STAGE_VARIABLES) {
    errors.push(`has ${entries.length} variables; a stage has at most ${MAX_STAGE_VARIABLES}`)
  }
  if (errors.length > 0) return fail(`is invalid: ${errors.join('; ')}`)
  return ok(Object.fromEntries(entries))
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
