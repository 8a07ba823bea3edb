// `definition-substitutions`: each `${KEY}` the user lists is replaced in the file's text before anything else
// reads it. Only listed keys are touched, so API Gateway's own `${stageVariables.x}`, `$context` and mapping-template
// variables stay as written; a listed key that never occurs is a typo and an error.
import { fail, ok, type Parsed } from '../lib/parse.js'

const SUBSTITUTION_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/

/** Names API Gateway gives meaning to inside `${…}`: a substitution of these would change the API's own syntax. */
const RESERVED_KEYS = new Set(['stageVariables', 'context', 'input', 'util', 'method', 'integration', 'request'])

export interface Substituted {
  readonly text: string
  /** How many times each key was replaced. */
  readonly replaced: Readonly<Record<string, number>>
}

/** Why a key cannot be a substitution key, or undefined when it can. */
export function substitutionKeyProblem(key: string): string | undefined {
  if (!SUBSTITUTION_KEY_PATTERN.test(key)) {
    return `key '${key}' is not a placeholder name (letters, digits and _, not starting with a digit)`
  }
  if (RESERVED_KEYS.has(key)) return `key '${key}' is API Gateway's own variable; it cannot be substituted`
  return undefined
}

export function substitute(text: string, values: Readonly<Record<string, string>>): Parsed<Substituted> {
  const keys = Object.keys(values)
  for (const key of keys) {
    const problem = substitutionKeyProblem(key)
    if (problem) return fail(problem)
  }
  if (keys.length === 0) return ok({ text, replaced: {} })
  const replaced: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]))
  // One pass over the text: a value that itself contains `${OTHER}` is inserted as it is, never expanded again.
  const result = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, key: string) => {
    const value = Object.hasOwn(values, key) ? values[key] : undefined
    if (value === undefined) return whole
    replaced[key] = (replaced[key] ?? 0) + 1
    return value
  })
  const unused = keys.filter((k) => replaced[k] === 0)
  if (unused.length > 0) {
    const names = unused.map((k) => `'${k}'`).join(', ')
    return fail(`names ${names}, which the file never uses as \${${unused[0]}} (a typo?)`)
  }
  return ok({ text: result, replaced })
}
