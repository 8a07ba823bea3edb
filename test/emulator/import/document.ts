// The request body of ImportRestApi/PutRestApi as an OpenAPI document: size limit, JSON or YAML, version.
import { parse as parseYaml } from 'yaml'
import { ApiError, badRequest } from '../errors.js'
import { isObj, type Obj, obj, str } from './values.js'

/** "The maximum size of the API definition file is 6 MB" ([DOC] limits.md); read as 6 MiB. */
export const MAX_DEFINITION_BYTES = 6 * 1024 * 1024
/** AWS's answer to a body that is not a parseable OpenAPI document [AWS-REC 2025-11-18]. */
export const INVALID_OPENAPI_INPUT = 'Invalid OpenAPI input.'

export type OpenApiVersion = 'swagger2' | 'oas30'

export interface OpenApiDocument {
  version: OpenApiVersion
  doc: Obj
}

/** Size first, then syntax, then the version: AWS checks the body before it looks up the API id. */
export function parseDefinition(raw: Buffer): OpenApiDocument {
  if (raw.length > MAX_DEFINITION_BYTES) {
    throw new ApiError(413, 'RequestEntityTooLargeException', 'Request Entity Too Large')
  }
  const doc = parseText(raw.toString('utf8'))
  const version = openApiVersion(doc)
  if (!version || typeof obj(doc.info).title !== 'string') throw badRequest(INVALID_OPENAPI_INPUT)
  return { version, doc }
}

function parseText(body: string): Obj {
  let doc: unknown
  try {
    doc = body.trimStart().startsWith('{') ? JSON.parse(body) : parseYaml(body)
  } catch {
    throw badRequest(INVALID_OPENAPI_INPUT)
  }
  if (!isObj(doc)) throw badRequest(INVALID_OPENAPI_INPUT)
  return doc
}

/** Swagger 2.0 and OpenAPI 3.0.x only: API Gateway cannot import 3.1. */
function openApiVersion(doc: Obj): OpenApiVersion | undefined {
  if (doc.swagger === '2.0') return 'swagger2'
  if (/^3\.0\.\d+$/.test(str(doc.openapi) ?? '')) return 'oas30'
  return undefined
}

/** Follows a local `$ref` (`#/components/parameters/Id`, `#/responses/NotFound`, …); other values unchanged. */
export function resolveRef(doc: Obj, value: unknown): unknown {
  let current = value
  for (let hops = 0; hops < 10; hops++) {
    const ref = str(obj(current).$ref)
    if (!ref?.startsWith('#/')) return current
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((node, key) => obj(node)[key], doc)
  }
  return current
}
