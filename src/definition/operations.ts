// The operations a definition declares: every path and HTTP method, in file order.
import { type DefinitionDocument, isObject, type JsonObject } from './json.js'

/** OpenAPI's operation keys under a path item, and API Gateway's catch-all extension. */
const OPENAPI_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const
export const ANY_METHOD_KEY = 'x-amazon-apigateway-any-method'

export interface DefinitionOperation {
  /** Upper case; `ANY` for x-amazon-apigateway-any-method. */
  readonly method: string
  readonly path: string
  readonly operation: JsonObject
  /** Where the operation sits in the document, for line numbers. */
  readonly at: readonly string[]
}

export function definitionPaths(doc: DefinitionDocument): [string, JsonObject][] {
  const paths = doc.document.paths
  if (!isObject(paths)) return []
  return Object.entries(paths).filter((entry): entry is [string, JsonObject] => isObject(entry[1]))
}

export function definitionOperations(doc: DefinitionDocument): DefinitionOperation[] {
  const operations: DefinitionOperation[] = []
  for (const [path, item] of definitionPaths(doc)) {
    for (const key of [...OPENAPI_METHODS, ANY_METHOD_KEY]) {
      const operation = item[key]
      if (!isObject(operation)) continue
      const method = key === ANY_METHOD_KEY ? 'ANY' : key.toUpperCase()
      operations.push({ method, path, operation, at: ['paths', path, key] })
    }
  }
  return operations
}

export function operationLabel(op: Pick<DefinitionOperation, 'method' | 'path'>): string {
  return `${op.method} ${op.path}`
}
