// What the run has to say beyond the diffs: its error, the smoke test, the plan of a dry run, extra notes.

import { escapeLines, escapeText, link } from '../safe-text.js'
import type { ReportInput } from '../types.js'
import { type DetailLevel, list } from './lists.js'

export function errorBlock(input: ReportInput): string {
  if (input.error === undefined) return ''
  const lines = escapeLines(input.error, 4000).map((line) => `> ${line}`)
  return ['> [!CAUTION]', ...lines].join('\n')
}

export function smokeTestLine(input: ReportInput): string {
  const smoke = input.smokeTest
  if (smoke === undefined) return ''
  const target = link(smoke.url, smoke.url)
  const status = smoke.status === undefined ? '' : ` → ${smoke.status}`
  const time = smoke.durationMs === undefined ? '' : ` (${Math.round(smoke.durationMs)} ms)`
  if (smoke.ok) return `✅ **Smoke test passed:** GET ${target}${status}${time}`
  const why = smoke.message === undefined ? '' : `: ${escapeText(smoke.message)}`
  const rolled = smoke.rolledBack === true ? ' The canary was rolled back.' : ''
  return `❌ **Smoke test failed:** GET ${target}${status}${time}${why}.${rolled}`
}

/** A dry run's plan: what the run would do. */
export function planBlock(input: ReportInput, detail: DetailLevel): string {
  if (!input.dryRun || input.planNotes.length === 0) return ''
  const items = input.planNotes.map((n) => `- ${escapeText(n, 500)}`)
  return `#### Plan\n\n${list(items, detail, { what: 'plan steps' })}`
}

export function notesBlock(input: ReportInput, detail: DetailLevel): string {
  if (input.notes === undefined || input.notes.length === 0) return ''
  return list(
    input.notes.map((n) => `- ℹ️ ${escapeText(n, 500)}`),
    detail,
    { what: 'notes' },
  )
}
