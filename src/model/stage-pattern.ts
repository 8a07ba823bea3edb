// Which stages `delete` and pruning may remove: a regular expression matched against the whole stage name.
import { fail, ok, type Parsed } from '../lib/parse.js'

export const DEFAULT_DELETE_STAGE_PATTERN = '^pr-[0-9]+$'

/** Compile a `delete-stage-pattern`; the result matches a whole stage name. */
export function compileStagePattern(source: string): Parsed<RegExp> {
  if (source === '') return fail('must be a regular expression, e.g. ^pr-[0-9]+$')
  if (/^\/.*\/[a-z]*$/.test(source) && source.length > 1) {
    return fail('must be the pattern without /…/ delimiters or flags, e.g. ^pr-[0-9]+$')
  }
  try {
    new RegExp(source)
    return ok(new RegExp(`^(?:${source})$`))
  } catch (err) {
    const reason =
      err instanceof Error ? err.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : String(err)
    return fail(`must be a valid JavaScript regular expression (${reason})`)
  }
}

/** Whether `stage` matches the whole pattern (a pattern that does not compile matches nothing). */
export function stageMatchesPattern(source: string, stage: string): boolean {
  const compiled = compileStagePattern(source)
  return compiled.ok && compiled.value.test(stage)
}
