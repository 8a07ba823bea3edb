// Size fitting: GitHub caps comments and job summaries, so the report is rendered with less detail until it fits,
// and cut at a line boundary, with a note, when even the least detailed version is too long.

/** GitHub rejects issue comments longer than this many characters. */
export const COMMENT_LIMIT = 65_536
/** GitHub's job summary limit (per step), in bytes. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024

/** Items per list tried, most detailed first, until the output fits. */
const DETAIL_LEVELS = [Number.POSITIVE_INFINITY, 1000, 400, 200, 100, 50, 25, 10, 5, 0]

interface FitOptions {
  /** Renders the report showing at most this many items per list. */
  render: (maxItems: number) => string
  fits: (markdown: string) => boolean
  /** Roughly where a report too long at every detail level is cut. */
  hardLimit: number
  /** The sentence telling where the full report is, added when the report is cut. */
  pointer: string
}

/** The most detailed rendering that fits; failing that, the least detailed one cut short. */
export function fitReport(options: FitOptions): string {
  let last = ''
  for (const maxItems of DETAIL_LEVELS) {
    last = options.render(maxItems)
    if (options.fits(last)) return last
  }
  return truncate(last, options)
}

/** Still too long at the lowest detail (e.g. an enormous error text): cut at a line boundary and say so. */
function truncate(markdown: string, { fits, hardLimit, pointer }: FitOptions): string {
  const note = `\n\n---\n**Report truncated.** ${pointer}\n`
  let cut = markdown.slice(0, Math.max(0, Math.floor(hardLimit) - note.length - 64))
  const nl = cut.lastIndexOf('\n')
  if (nl > 0) cut = cut.slice(0, nl)
  // Close a <details> left open by the cut, so the note stays visible.
  const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length
  const closing = open > 0 ? '\n\n</details>'.repeat(open) : ''
  let out = cut + closing + note
  while (!fits(out) && cut.length > 0) {
    cut = cut.slice(0, Math.floor(cut.length * 0.9))
    out = cut + closing + note
  }
  return out
}

export function utf8Length(value: string): number {
  return new TextEncoder().encode(value).length
}
