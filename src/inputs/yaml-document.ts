// Reading an input's text as YAML the way every structured input does: failsafe schema (every scalar stays
// text: `1.10` stays `1.10`), unique keys, and the line of the first error.
import { type ParsedNode, parseDocument } from 'yaml'

type YamlRead = { ok: true; contents: ParsedNode | null } | { ok: false; line: number; code: string; message: string }

export function readYaml(raw: string): YamlRead {
  const doc = parseDocument(raw, { schema: 'failsafe', prettyErrors: false, uniqueKeys: true })
  const error = doc.errors[0]
  if (error) return { ok: false, line: lineOf(raw, error.pos[0]), code: error.code, message: error.message }
  return { ok: true, contents: doc.contents }
}

function lineOf(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++
  return line
}
