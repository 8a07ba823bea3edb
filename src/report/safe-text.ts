// Safe text for the report: every string that comes from outside (names, paths, variables, descriptions, errors,
// URLs) goes through one of these, so nothing can close a tag, open a link, mention someone or break a table.

const NEWLINES = /\r\n|\r|\n|\u2028|\u2029/g
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\\': '&#92;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '|': '&#124;',
  '~': '&#126;',
  $: '&#36;',
  '#': '&#35;',
}
const SPECIAL = /[&<>"'\\`*_[\]|~$#]/g

/** Drops C0 controls (except tab and line breaks), DEL and bidi overrides/isolates ("Trojan Source"). */
function stripInvisible(value: string): string {
  let out = ''
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0
    const control = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f
    const bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
    if (!control && !bidi) out += ch
  }
  return out
}

/** At most `max` characters (code points), the last one an ellipsis when cut. */
function clip(value: string, max: number): string {
  const chars = [...value]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : value
}

/**
 * Escapes an external string for markdown and HTML: entities for every character that could start markup, no line
 * breaks, no control or bidi characters, `@` defused so nobody is mentioned.
 */
export function escapeText(value: string, max = 300): string {
  return clip(stripInvisible(value).replace(NEWLINES, ' '), max)
    .replace(SPECIAL, (c) => ENTITIES[c] ?? c)
    .replace(/@/g, '@&#8203;')
}

/** Multi-line external text (an error message), clipped to `max` characters overall, one escaped string per line. */
export function escapeLines(value: string, max: number): string[] {
  return clip(value, max)
    .split(NEWLINES)
    .map((line) => escapeText(line, max))
}

/** An external identifier or value as inline code (no mentions or autolinks inside `<code>`). */
export function code(value: string, max = 200): string {
  if (value === '') return '<code>""</code>'
  return `<code>${escapeText(value, max).replace(/@&#8203;/g, '&#64;')}</code>`
}

/** Text with `backtick` spans (api-diff descriptions): spans become `code`, the rest `escapeText`. */
export function rich(value: string, max = 400): string {
  const parts = clip(value, max).split('`')
  if (parts.length % 2 === 0) return escapeText(value, max)
  return parts.map((part, i) => (i % 2 === 1 ? code(part) : escapeText(part, max))).join('')
}

/** Only http(s) URLs, with every character that could end a markdown link destination percent-encoded. */
export function safeUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  return url.href.replace(
    /[()'"<>[\]`|\\ *_~$]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  )
}

/** A markdown link when the URL is safe; otherwise the label alone, escaped. */
export function link(label: string, url: string | undefined): string {
  const safe = safeUrl(url)
  return safe === undefined ? escapeText(label) : `[${escapeText(label)}](${safe})`
}
