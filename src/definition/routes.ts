// The routes a definition will create, as API Gateway names them (`GET /pets/{id}`), after its basepath import
// parameter: `ignore` keeps the paths, `prepend` puts the document's base path in front, `split` drops the base
// path's first segment (meant for a stage name) and prepends the rest.
import { type DefinitionDocument, isObject } from './json.js'
import { definitionOperations } from './operations.js'
import type { BasePathMode } from './options.js'

/** The document's base path: Swagger's `basePath`, or the path of OpenAPI 3's first server URL. */
function documentBasePath(doc: DefinitionDocument): string {
  const d = doc.document
  if (doc.version === '2.0') return typeof d.basePath === 'string' ? d.basePath : '/'
  const server = Array.isArray(d.servers) ? d.servers[0] : undefined
  if (!isObject(server) || typeof server.url !== 'string') return '/'
  const variables = isObject(server.variables) ? server.variables : {}
  const url = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name]
    return isObject(variable) && typeof variable.default === 'string' ? variable.default : whole
  })
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '')
  return path.startsWith('/') ? path : `/${path}`
}

function prefixFor(doc: DefinitionDocument, mode: BasePathMode): string {
  if (mode === 'ignore') return ''
  const segments = documentBasePath(doc).split('/').filter(Boolean)
  const kept = mode === 'split' ? segments.slice(1) : segments
  return kept.length > 0 ? `/${kept.join('/')}` : ''
}

/** Every route, sorted: `METHOD /path`, with `ANY` for the catch-all method. */
export function definitionRoutes(doc: DefinitionDocument, mode: BasePathMode): string[] {
  const prefix = prefixFor(doc, mode)
  const routes = definitionOperations(doc)
    .filter((op) => op.method !== 'TRACE')
    .map((op) => `${op.method} ${prefix}${op.path === '/' && prefix ? '' : op.path}`)
  return [...new Set(routes)].sort()
}
