// Reading an input's text as YAML the way every structured input does: failsafe schema (every scalar stays
// text: `1.10` stays `1.10`), unique keys, and the line of the first error. Anchors and aliases are allowed;
// their total expansion is bounded so a small input cannot expand into a huge one ("billion laughs").
import { type Document, isAlias, type ParsedNode, parseDocument } from 'yaml'

/** Nodes an alias may expand into across the whole document; generous for real settings, tiny for an attack. */
const MAX_ALIAS_EXPANSION = 1000

type YamlRead =
  | { ok: true; contents: ParsedNode | null; resolve: (node: unknown) => unknown }
  | { ok: false; line: number; code: string; message: string }

export function readYaml(raw: string): YamlRead {
  const doc = parseDocument(raw, { schema: 'failsafe', prettyErrors: false, uniqueKeys: true })
  const error = doc.errors[0]
  if (error) return { ok: false, line: lineOf(raw, error.pos[0]), code: error.code, message: error.message }
  const aliases = aliasProblem(doc)
  if (aliases !== undefined) return { ok: false, line: 1, code: 'ALIAS', message: aliases }
  // An alias node stands for its anchored node; callers look through it with resolve().
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node)
  return { ok: true, contents: doc.contents, resolve }
}

/** Converting the whole document checks every alias: defined before use, and expansion within the bound. */
function aliasProblem(doc: Document.Parsed): string | undefined {
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION })
    return undefined
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e)
    if (/Unresolved alias/i.test(text)) return 'an alias (*name) names no anchor (&name) defined before it'
    if (/Excessive alias count/i.test(text)) {
      return `its aliases (*name) expand to more than ${MAX_ALIAS_EXPANSION} nodes; write the values out instead`
    }
    return `its aliases cannot be resolved (${text})`
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++
  return line
}
