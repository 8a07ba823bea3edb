// Inputs that list names or ids, separated by newlines and/or commas.
import { fail, ok, type Parsed, parseEnum, parseList } from '../lib/parse.js'
import { quoteShort } from '../lib/text.js'
import { EXPORT_EXTENSIONS, type ExportExtension, MAX_STAGE_VARIABLES } from '../model/vocabulary.js'
import { isVariableName, parseShortId } from './identifiers.js'

function duplicates(items: readonly string[]): string[] {
  const seen = new Set<string>()
  const dups = new Set<string>()
  for (const item of items) {
    if (seen.has(item)) dups.add(item)
    seen.add(item)
  }
  return [...dups]
}

function quoteAll(items: readonly string[]): string {
  return items.map((i) => quoteShort(i)).join(', ')
}

/** The list, or the error for its invalid items (`what` says what it must list) or its repeated ones. */
function checkedList<T extends string>(items: readonly T[], bad: readonly string[], what: string): Parsed<T[]> {
  if (bad.length > 0) return fail(`must list ${what}; not valid: ${quoteAll(bad)}`)
  const dups = duplicates(items)
  if (dups.length > 0) return fail(`lists ${quoteAll(dups)} more than once`)
  return ok([...items])
}

/** Stage variable names (remove-variables, remove-canary-variables). */
export function parseVariableNameList(raw: string): Parsed<string[]> {
  const names = parseList(raw)
  const bad = names.filter((n) => !isVariableName(n))
  const checked = checkedList(names, bad, 'stage variable names (letters, digits and _, at most 64 characters)')
  if (checked.ok && names.length > MAX_STAGE_VARIABLES) {
    return fail(`lists ${names.length} names; a stage has at most ${MAX_STAGE_VARIABLES} variables`)
  }
  return checked
}

export function parseUsagePlanIds(raw: string): Parsed<string[]> {
  const ids = parseList(raw)
  const bad = ids.filter((id) => !parseShortId(id, 'x').ok)
  return checkedList(ids, bad, 'usage plan ids (6 to 10 lowercase letters and digits, e.g. a1b2c3)')
}

export function parseExportExtensions(raw: string): Parsed<ExportExtension[]> {
  const out: ExportExtension[] = []
  const bad: string[] = []
  for (const item of parseList(raw)) {
    const parsed = parseEnum(item, EXPORT_EXTENSIONS)
    if (parsed.ok) out.push(parsed.value)
    else bad.push(item)
  }
  return checkedList(out, bad, `any of ${EXPORT_EXTENSIONS.join(', ')}`)
}
