// Text for messages: quoting given values safely (escaped, cut when long) and spotting control characters.

/** Quote a given value for an error message: control characters escaped, long values cut. */
export function shorten(value: string, max = 80): string {
  const escaped = JSON.stringify(value).slice(1, -1)
  if (escaped.length <= max) return `'${escaped}'`
  return `'${escaped.slice(0, max)}…' (${value.length} characters)`
}

/** A key or list item named in a longer message: `shorten` with a shorter limit (quotes always balanced). */
export function quoteShort(value: string, max = 64): string {
  return shorten(value, max)
}

/** Names in quotes, comma-separated: `'a', 'b'`. */
export function quoteList(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(', ')
}

/** Whether `text` has control characters (C0 or DEL), other than those in `allowed` (e.g. '\n\t'). */
export function hasControlCharacters(text: string, allowed = ''): boolean {
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    if ((code < 0x20 || code === 0x7f) && !allowed.includes(ch)) return true
  }
  return false
}
