// Reading an input's text as YAML the way every structured input does: failsafe schema (every scalar stays
// text: `1.10` stays `1.10`), unique keys, and the line of the first error. Anchors and aliases are allowed;
// their total expansion is bounded so a small input cannot expand into a huge one ("billion laughs").
//
// The parser is not part of the start-up bundle: most runs give no YAML. read.ts loads it (loadYamlParser) before
// reading inputs when one that may hold YAML is given.
import type { Document, ParsedNode, Scalar, YAMLMap } from 'yaml'

type YamlModule = typeof import('yaml')
let yaml: YamlModule | undefined

export async function loadYamlParser(): Promise<void> {
  yaml ??= await import('yaml')
}

function parser(): YamlModule {
  if (yaml === undefined) throw new Error('internal error: an input was read as YAML before loadYamlParser()')
  return yaml
}

export function isYamlMap(node: unknown): node is YAMLMap<unknown, unknown> {
  return parser().isMap(node)
}

export function isYamlScalar(node: unknown): node is Scalar<unknown> {
  return parser().isScalar(node)
}

/** Nodes an alias may expand into across the whole document; generous for real settings, tiny for an attack. */
const MAX_ALIAS_EXPANSION = 1000

type YamlRead =
  | { ok: true; contents: ParsedNode | null; resolve: (node: unknown) => unknown }
  | { ok: false; line: number; code: string; message: string }

export function readYaml(raw: string): YamlRead {
  const { isAlias, parseDocument } = parser()
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
