// The `basepath` import parameter: ignore (default), prepend or split the definition's base path
// ([DOC] api-gateway-import-api-basePath.md; resource paths as recorded [AWS-REC 2025-07-02]).
import { badRequest } from '../errors.js'
import type { OpenApiDocument } from './document.js'
import { list, obj, str } from './values.js'

export type BasePathMode = 'ignore' | 'prepend' | 'split'
const MODES: BasePathMode[] = ['ignore', 'prepend', 'split']

export function basePathMode(value: string | null): BasePathMode {
  if (value === null) return 'ignore'
  if (!MODES.includes(value as BasePathMode)) {
    throw badRequest(`Invalid basepath parameter specified: ${value}. Valid values are ignore, prepend and split`)
  }
  return value as BasePathMode
}

/** The prefix every resource path gets: '' for `ignore`, the base path for `prepend`, all but its first segment for `split`. */
export function pathPrefix({ version, doc }: OpenApiDocument, mode: BasePathMode): string {
  if (mode === 'ignore') return ''
  const segments = declaredBasePath(version === 'swagger2' ? str(doc.basePath) : serverBasePath(doc))
  return `/${(mode === 'split' ? segments.slice(1) : segments).join('/')}`.replace(/^\/$/, '')
}

const declaredBasePath = (path: string | undefined) => (path ?? '').split('/').filter(Boolean)

/** OAS 3: a `basePath` server variable wins, even when the URL does not use it; else the URL's path. */
function serverBasePath(doc: Record<string, unknown>): string | undefined {
  const server = obj(list(doc.servers)[0])
  const variables = obj(server.variables)
  const basePath = str(obj(variables.basePath).default)
  if (basePath !== undefined) return basePath
  let url = str(server.url) ?? ''
  for (const [name, variable] of Object.entries(variables)) {
    url = url.replaceAll(`{${name}}`, str(obj(variable).default) ?? '')
  }
  return url.replace(/^[a-z]+:\/\/[^/]*/i, '')
}
