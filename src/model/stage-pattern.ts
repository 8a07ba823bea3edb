// Which stages `delete` and pruning may remove: a regular expression matched against the whole stage name.
// Each pattern is compiled once per run: reading the inputs compiles it, later steps reuse that compilation.
import { errorMessage } from '../lib/errors.js'
import { fail, ok, type Parsed } from '../lib/parse.js'

export const DEFAULT_DELETE_STAGE_PATTERN = '^pr-[0-9]+$'

const compiled = new Map<string, Parsed<RegExp>>()

/** Compile a `delete-stage-pattern`; the result matches a whole stage name. */
export function compileStagePattern(source: string): Parsed<RegExp> {
  let result = compiled.get(source)
  if (result === undefined) {
    result = compile(source)
    compiled.set(source, result)
  }
  return result
}

/** The matcher of a pattern the inputs step accepted; a pattern that does not compile is a bug here. */
export function stagePatternMatcher(source: string): RegExp {
  const result = compileStagePattern(source)
  if (!result.ok) throw new Error(`delete-stage-pattern ${result.error}`)
  return result.value
}

/** Whether `stage` matches the whole pattern (a pattern that does not compile matches nothing). */
export function stageMatchesPattern(source: string, stage: string): boolean {
  const result = compileStagePattern(source)
  return result.ok && result.value.test(stage)
}

function compile(source: string): Parsed<RegExp> {
  if (source === '') return fail('must be a regular expression, e.g. ^pr-[0-9]+$')
  if (/^\/.*\/[a-z]*$/.test(source) && source.length > 1) {
    return fail('must be the pattern without /…/ delimiters or flags, e.g. ^pr-[0-9]+$')
  }
  try {
    new RegExp(source)
    return ok(new RegExp(`^(?:${source})$`))
  } catch (err) {
    const reason = errorMessage(err).replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')
    return fail(`must be a valid JavaScript regular expression (${reason})`)
  }
}
