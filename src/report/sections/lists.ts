// The building blocks the sections share: lists and tables that collapse when long and are cut to the detail level
// the size fitting asks for, with a pointer to where the rest is.

import { safeUrl } from '../safe-text.js'

/** The job summary (has everything, bar the 1 MiB limit) or the PR comment (shortened, points to the summary). */
type ReportTarget = 'summary' | 'comment'

/** How much each section may show, and where to send the reader for the rest. */
export interface DetailLevel {
  /** Max items per list; Infinity = all. */
  maxItems: number
  target: ReportTarget
  /** The workflow run, where the job summary is: the comment's pointers link to it. */
  runUrl?: string
}

/** Lists longer than this go into a collapsed `<details>` block. */
export const INLINE_LIST_MAX = 10

function whereTheRestIs({ target, runUrl }: DetailLevel): string {
  if (target === 'summary') return 'see the `diff-json` output'
  const run = safeUrl(runUrl)
  return run === undefined ? 'see the job summary' : `see the [job summary](${run})`
}

/** Lines cut to the detail level, with a pointer to the rest; never folded (for alerts). */
export function cut(lines: string[], detail: DetailLevel, what: string): string[] {
  const shown = lines.slice(0, Math.max(detail.maxItems, 1))
  const hidden = lines.length - shown.length
  return hidden > 0 ? [...shown, `- … and ${hidden} more ${what} (${whereTheRestIs(detail)})`] : shown
}

interface ListOptions {
  /** What the items are, plural ("plan steps"): used in the "… and N more" line and the default summary. */
  what: string
  /** The `<details>` summary of a long list; default "N {what}". */
  summary?: string
  /** A last line shown when nothing is cut. */
  trailer?: string | undefined
}

/** Renders list lines; past INLINE_LIST_MAX they go into <details>, past `maxItems` they are cut with a pointer. */
export function list(lines: string[], detail: DetailLevel, { what, summary, trailer }: ListOptions): string {
  const shown = lines.slice(0, detail.maxItems)
  const hidden = lines.length - shown.length
  if (hidden > 0) {
    shown.push(`- … and ${hidden} more ${what} (${whereTheRestIs(detail)})`)
  } else if (trailer !== undefined) {
    shown.push(trailer)
  }
  if (lines.length <= INLINE_LIST_MAX) return shown.join('\n')
  return `<details>\n<summary>${summary ?? `${lines.length} ${what}`}</summary>\n\n${shown.join('\n')}\n\n</details>`
}

interface TableOptions {
  /** Shown above a short table (markdown, e.g. bold). */
  title: string
  /** Header and separator rows. */
  head: string
  /** The `<details>` summary of a long table: "{what}: N changes". */
  what: string
}

/** A table under its title; past INLINE_LIST_MAX rows in <details>, past `maxItems` cut with a pointer. */
export function table(rows: string[], detail: DetailLevel, { title, head, what }: TableOptions): string {
  const shown = rows.slice(0, detail.maxItems)
  const hidden = rows.length - shown.length
  const more = hidden > 0 ? `\n\n… and ${hidden} more (${whereTheRestIs(detail)})` : ''
  const body = shown.length > 0 ? `${head}\n${shown.join('\n')}` : ''
  if (rows.length <= INLINE_LIST_MAX) return `${title}\n\n${body}${more}`
  return `<details>\n<summary>${what}: ${rows.length} changes</summary>\n\n${body}${more}\n\n</details>`
}

/** A traffic share as API Gateway shows it: at most four decimals, no trailing zeros. */
export function formatPercent(value: number): string {
  return `${Number.isFinite(value) ? Number(value.toFixed(4)) : 0}%`
}
