// Where things are: custom domain names and base paths, the smoke test's path and base URL, files to write.
import { fail, ok, type Parsed } from '../lib/parse.js'
import { hasControlCharacters } from '../lib/text.js'
import { type ExportFormat, MAX_BASE_PATH_LENGTH } from '../model/vocabulary.js'

/** A custom domain host name (lower-cased). No scheme, path, port or wildcard. */
export function parseDomainName(raw: string): Parsed<string> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || raw.includes('/')) {
    return fail('must be a host name only, without https:// or a path, e.g. api.example.com')
  }
  if (raw.startsWith('*')) return fail('must be a concrete host name; a wildcard domain has no single base URL')
  const host = raw.toLowerCase()
  const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?'
  const re = new RegExp(`^(?:${label}\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$`)
  if (host.length <= 253 && re.test(host)) return ok(host)
  return fail('must be a domain name such as api.example.com')
}

/** `(none)` (also for empty) or a single-level path of letters, digits and $-_.+!*'(). */
export function parseBasePath(raw: string): Parsed<string> {
  if (raw === '' || raw === '(none)') return ok('(none)')
  if (raw.includes('/')) {
    const hint = raw.replace(/^\/+|\/+$/g, '')
    if (hint !== '' && !hint.includes('/')) return fail(`must not contain '/': write '${hint}'`)
    return fail(
      "must be '(none)' or a single path segment; multi-level base paths (a/b) need API mappings of apigatewayv2, which this action does not manage",
    )
  }
  if (raw.length > MAX_BASE_PATH_LENGTH || !/^[A-Za-z0-9$\-_.+!*'()]+$/.test(raw)) {
    return fail(`must be '(none)' or up to ${MAX_BASE_PATH_LENGTH} letters, digits and $-_.+!*'()`)
  }
  return ok(raw)
}

/** A GET path appended to the base URL: starts with a single `/`, no whitespace. */
export function parseSmokeTestPath(raw: string): Parsed<string> {
  if (
    !raw.startsWith('/') ||
    raw.startsWith('//') ||
    /\s/.test(raw) ||
    hasControlCharacters(raw) ||
    raw.length > 2048
  ) {
    return fail("must be a URL path starting with a single '/', without whitespace, e.g. /health")
  }
  return ok(raw)
}

/** An absolute http(s) URL without query or fragment, e.g. LocalStack's invoke URL for a stage. */
export function parseBaseUrl(raw: string): Parsed<string> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return fail('must be an absolute URL such as https://example.com/stage')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('must start with https:// or http://')
  if (url.search || url.hash) return fail('must not have a query or fragment: the smoke test path is appended to it')
  return ok(raw.replace(/\/+$/, ''))
}

/** A file path to write: one line, not a directory. */
export function parseOutputFile(raw: string): Parsed<string> {
  if (hasControlCharacters(raw)) return fail('must be a file path on one line')
  if (raw.endsWith('/') || raw.endsWith('\\') || raw === '.' || raw === '..') {
    return fail('must be a file path, not a directory')
  }
  return ok(raw)
}

/** The repository's definition file: a path on one line (relative to the workspace), not a directory. */
export function parseDefinitionPath(raw: string): Parsed<string> {
  if (hasControlCharacters(raw)) return fail('must be the path of the OpenAPI file on one line')
  if (raw.endsWith('/') || raw.endsWith('\\') || raw === '.' || raw === '..') {
    return fail('must be the path of the OpenAPI file, not a directory')
  }
  return ok(raw)
}

/** The format a file's extension names (`.json`, `.yaml`, `.yml`), if any. */
export function formatOfFile(file: string): ExportFormat | undefined {
  return /\.ya?ml$/i.test(file) ? 'yaml' : /\.json$/i.test(file) ? 'json' : undefined
}
