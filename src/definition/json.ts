// The parsed definition as plain JSON, and the helpers that walk it. Apart from document.ts (which parses, with the
// YAML library) so that code on the start-up path that only looks at a parsed definition does not load the parser.

export type OpenApiVersion = '2.0' | '3.0'
export type JsonObject = Record<string, unknown>

export interface DefinitionDocument {
  readonly format: 'json' | 'yaml'
  /** `2.0` (Swagger) or `3.0` (OpenAPI 3.0.x). */
  readonly version: OpenApiVersion
  /** The version as written, e.g. `3.0.3`. */
  readonly versionText: string
  readonly document: JsonObject
  /** 1-based line of the value at a JSON path, when it can be found. */
  locate(path: readonly (string | number)[]): number | undefined
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The value a local JSON pointer (`#/components/schemas/Pet`) names in the document; undefined when none. */
export function valueAtPointer(root: unknown, ref: string): unknown {
  const path = ref.replace(/^#/, '')
  if (path === '') return root
  let node = root
  for (const part of path.slice(1).split('/')) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~')
    node = isObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined
    if (node === undefined) return undefined
  }
  return node
}
