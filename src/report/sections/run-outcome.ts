// What the run has to say beyond the diffs: its error (with the way back), the smoke test, drift, the plan of a dry
// run, what a delete removed, extra notes.

import { code, escapeLines, escapeText, link } from '../safe-text.js'
import type { ReportInput } from '../types.js'
import { type DetailLevel, list } from './lists.js'

export function errorBlock(input: ReportInput): string {
  if (input.error === undefined) return ''
  const lines = escapeLines(input.error, 4000).map((line) => `> ${line}`)
  const hint = rollbackHint(input)
  return ['> [!CAUTION]', ...lines, ...(hint === '' ? [] : ['>', `> ${hint}`])].join('\n')
}

/** After a failed smoke test the new deployment serves traffic: say how to go back. */
function rollbackHint(input: ReportInput): string {
  if (input.failure !== 'smoke-test' || input.smokeTest?.rolledBack === true) return ''
  const was = input.previousDeploymentId
  if (was === undefined || was === input.deploymentId) return ''
  return `**To roll back:** run this action with \`operation: rollback\` on stage ${code(input.stageName)}: production goes back to deployment ${code(was)}.`
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

/** Changes made to the stage outside this action since its last run. An alert: never folded. */
export function driftBlock(input: ReportInput): string {
  if (input.drift === undefined || input.drift.length === 0) return ''
  return [
    '> [!WARNING]',
    '> **Drift:** the stage was changed outside this action since its last run (console, CLI, another tool):',
    '>',
    ...input.drift.map((d) => `> - ${escapeText(d, 300)}`),
  ].join('\n')
}

/** A delete: the mappings it removed, and what a delete of nothing means. */
export function deleteBlock(input: ReportInput): string {
  if (input.status === 'absent') {
    return `Stage ${code(input.stageName)} does not exist: an earlier run deleted it, or it was never created. Nothing was changed.`
  }
  if (input.status !== 'deleted') return ''
  const lines = [`- Stage ${code(input.stageName)} deleted.`]
  for (const mapping of input.removedMappings ?? []) lines.push(`- Base path mapping ${code(mapping)} removed.`)
  return lines.join('\n')
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
