// Parses the definition file (JSON or YAML) and tells which OpenAPI version it is. API Gateway imports Swagger 2.0
// and OpenAPI 3.0.x only, so 3.1 and anything else is refused here, with the line where the version is written.
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml'
import { fail, ok, type Parsed } from '../lib/parse.js'
import { type DefinitionDocument, isObject, type JsonObject, type OpenApiVersion } from './json.js'

export function parseDefinitionText(text: string): Parsed<DefinitionDocument> {
  const format = /^\s*[{[]/.test(text) ? 'json' : 'yaml'
  if (format === 'json') {
    const syntax = jsonSyntaxError(text)
    if (syntax) return fail(syntax)
  }
  const lines = new LineCounter()
  // YAML 1.2 reads JSON too; one parser gives both formats line numbers for every later error.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true })
  const error = doc.errors[0]
  if (error) {
    const line = error.linePos?.[0]?.line
    const what = format === 'json' ? 'JSON' : 'YAML'
    return fail(`is not valid ${what}${line ? ` (line ${line})` : ''}: ${firstLine(error.message)}`)
  }
  const value: unknown = doc.toJS({ maxAliasCount: 1000 })
  if (!isObject(value)) return fail('is not an OpenAPI document: its top level must be a map')
  const locate = (path: readonly (string | number)[]): number | undefined => {
    const offset = keyOffset(doc, path) ?? nodeOffset(doc.getIn(path, true))
    return offset === undefined ? undefined : lines.linePos(offset).line
  }
  const version = detectVersion(value)
  if (!version.ok) {
    const at = locate([typeof value.openapi === 'string' ? 'openapi' : 'swagger'])
    return fail(`${version.error}${at ? ` (line ${at})` : ''}`)
  }
  return ok({ format, version: version.value.version, versionText: version.value.text, document: value, locate })
}

type Ranged = { range?: [number, number, number] } | null | undefined

function nodeOffset(node: unknown): number | undefined {
  return (node as Ranged)?.range?.[0]
}

/** Where the key of the last path segment is written: `get:` rather than the map under it. */
function keyOffset(doc: ReturnType<typeof parseDocument>, path: readonly (string | number)[]): number | undefined {
  if (path.length === 0) return 0
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true)
  if (!isMap(parent)) return undefined
  const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(path.at(-1)))
  return nodeOffset(pair?.key)
}

/** JSON.parse's verdict, with the line of the error: YAML would accept some invalid JSON (`"a": }`). */
function jsonSyntaxError(text: string): string | undefined {
  try {
    JSON.parse(text)
    return undefined
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    const position = /position (\d+)/.exec(message)?.[1]
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length
    return `is not valid JSON${line ? ` (line ${line})` : ''}: ${message.replace(/ in JSON at position.*$/, '')}`
  }
}

function detectVersion(doc: JsonObject): Parsed<{ version: OpenApiVersion; text: string }> {
  const openapi = doc.openapi
  const swagger = doc.swagger
  if (typeof openapi === 'string') {
    if (/^3\.0\.\d+$/.test(openapi)) return ok({ version: '3.0', text: openapi })
    if (/^3\.[1-9]/.test(openapi)) {
      return fail(
        `is OpenAPI ${openapi}, which API Gateway cannot import: it accepts OpenAPI 3.0.x and Swagger 2.0 (write 'openapi: 3.0.3')`,
      )
    }
    return fail(`has 'openapi: ${openapi}'; API Gateway imports OpenAPI 3.0.x and Swagger 2.0 only`)
  }
  if (swagger !== undefined) {
    if (String(swagger) === '2.0') return ok({ version: '2.0', text: '2.0' })
    return fail(`has 'swagger: ${String(swagger)}'; Swagger documents must say swagger: '2.0'`)
  }
  return fail("is not an OpenAPI document: it has neither 'openapi: 3.0.x' nor 'swagger: 2.0' at the top")
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message
}
