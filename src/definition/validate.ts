// Validates the document against the official OpenAPI 2.0 / 3.0 JSON schemas (compiled with Ajv, loaded only when
// a definition is given), and checks that every local $ref resolves: API Gateway cannot follow
// references to other files.
import type { DefinitionProblem } from './aws-checks.js'
import { type DefinitionDocument, isObject, valueAtPointer } from './json.js'
import type { SchemaError } from './schema-validator.js'

/** At most this many schema errors are listed: the first ones usually explain the rest. */
const MAX_LISTED = 5

export async function schemaProblems(doc: DefinitionDocument): Promise<DefinitionProblem[]> {
  const { schemaErrors } = await import('./schema-validator.js')
  return pickErrors(schemaErrors(doc.document, doc.version)).map((e) => {
    const path = pointerSegments(e.instancePath ?? '')
    const line = doc.locate(path)
    const where = path.length > 0 ? `at ${path.join(' › ')}` : 'at the top level'
    const extra = e.params?.additionalProperty ? ` ('${String(e.params.additionalProperty)}')` : ''
    const message = `is not valid OpenAPI ${doc.version} ${where}${line ? ` (line ${line})` : ''}: ${e.message ?? e.keyword ?? 'invalid'}${extra}`
    return line === undefined ? { message } : { message, line }
  })
}

/** The most specific error per location; combinators (oneOf, anyOf, if) only say that something deeper failed. */
function pickErrors(errors: SchemaError[]): SchemaError[] {
  const specific = errors.filter((e) => !['oneOf', 'anyOf', 'if', 'not'].includes(e.keyword ?? ''))
  const pool = specific.length > 0 ? specific : errors
  const seen = new Set<string>()
  const picked: SchemaError[] = []
  for (const e of pool) {
    const key = `${e.instancePath}|${e.message}|${String(e.params?.additionalProperty ?? '')}`
    if (seen.has(key)) continue
    seen.add(key)
    picked.push(e)
    if (picked.length === MAX_LISTED) break
  }
  return picked
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** Every `$ref` must point inside the document. */
export function referenceProblems(doc: DefinitionDocument): DefinitionProblem[] {
  const problems: DefinitionProblem[] = []
  const visit = (value: unknown, path: string[]): void => {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) visit(item, [...path, String(i)])
      return
    }
    if (!isObject(value)) return
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') {
        const problem = refProblem(doc, child)
        if (problem) {
          const line = doc.locate([...path, key])
          problems.push({ message: `${problem}${line ? ` (line ${line})` : ''}`, ...(line ? { line } : {}) })
        }
      } else visit(child, [...path, key])
    }
  }
  visit(doc.document, [])
  return problems
}

function refProblem(doc: DefinitionDocument, ref: string): string | undefined {
  if (!ref.startsWith('#')) {
    return `has $ref '${ref}' to another file, which API Gateway cannot resolve: bundle the definition into one file first`
  }
  return valueAtPointer(doc.document, ref) === undefined
    ? `has $ref '${ref}', which points at nothing in the file`
    : undefined
}
