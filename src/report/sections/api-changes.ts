// "API changes": what the API definition diff found, breaking changes first, then every operation.

import type { ApiChange, ApiDiff, ChangeClassification, OperationRef } from '../../diff/api-diff.js'
import { code, escapeText, rich } from '../safe-text.js'
import type { DiffBaseline, ReportInput } from '../types.js'
import { type DetailLevel, INLINE_LIST_MAX, list } from './lists.js'

/** The breaking list repeats what the operation list says; past this many it points there. */
const BREAKING_LIST_MAX = 50

const CLASS_ICON: Record<ChangeClassification, string> = {
  breaking: '⚠️',
  'non-breaking': '🔹',
  annotation: '📝',
}

export function apiChangesBlock(input: ReportInput, detail: DetailLevel): string {
  const section = input.apiDiff
  if (section.kind === 'unavailable') {
    return `#### API changes\n\n_API definition diff unavailable: ${escapeText(section.reason, 500)}_`
  }
  const diff = section.diff
  const out: string[] = ['#### API changes', baselineSentence(section.baseline, diff)]
  if (diff.identical) {
    out.push('No changes to operations, integrations or authorizers.')
    return out.join('\n\n')
  }
  out.push(countsLine(diff))
  const ops = operationLines(diff)
  const breaking = breakingBlock(diff, detail, ops.length <= detail.maxItems)
  if (breaking !== '') out.push(breaking)
  const c = diff.counts
  const opSummary = `Operations: ${c.added} added, ${c.removed} removed, ${c.changed} changed`
  if (ops.length > 0) {
    out.push(
      ops.length <= INLINE_LIST_MAX
        ? `**${opSummary}**\n\n${list(ops, detail, { what: 'lines' })}`
        : list(ops, detail, { what: 'lines', summary: opSummary }),
    )
  }
  if (diff.apiLevel.length > 0) {
    const lines = diff.apiLevel.map((change) => `- ${changeIcon(change)} ${rich(change.description)}`)
    out.push(`**API-level changes**\n\n${list(lines, detail, { what: 'API-level changes' })}`)
  }
  if (diff.engine === 'structural') {
    out.push('_The definitions could not be classified in detail; changes are listed without classification._')
  }
  return out.join('\n\n')
}

/** The breaking changes; when the operation list is shown whole, only the first ones, pointing to it for the rest. */
function breakingBlock(diff: ApiDiff, detail: DetailLevel, operationsComplete: boolean): string {
  const breaking = breakingLines(diff)
  if (breaking.length === 0) return ''
  const shown = operationsComplete ? breaking.slice(0, BREAKING_LIST_MAX) : breaking
  const rest = breaking.length - shown.length
  const trailer = rest > 0 ? `- … and ${rest} more, in the operation list below` : undefined
  const summary = `${breaking.length} breaking changes`
  return `**Breaking changes**\n\n${list(shown, detail, { what: 'breaking changes', summary, trailer })}`
}

function baselineSentence(baseline: DiffBaseline, diff: ApiDiff): string {
  if (diff.format.before === 'none') {
    return baseline.kind === 'stage'
      ? `Stage ${code(baseline.stageName)} has no API definition to compare with: every operation is new.`
      : 'First deployment of this stage: every operation is new.'
  }
  if (diff.format.after === 'none') return 'The stage no longer serves an API definition.'
  const dep = (id: string | undefined) => (id === undefined ? '' : ` (deployment ${code(id)})`)
  switch (baseline.kind) {
    case 'previous':
      return baseline.deploymentId === undefined
        ? "Compared with the stage's previous state."
        : `Compared with the stage's previous deployment ${code(baseline.deploymentId)}.`
    case 'stage':
      return `Compared with stage ${code(baseline.stageName)}${dep(baseline.deploymentId)}.`
    case 'production':
      return `Canary deployment compared with production${dep(baseline.deploymentId)}.`
  }
}

function countsLine(diff: ApiDiff): string {
  const c = diff.counts
  const parts = [
    c.breaking > 0 ? `⚠️ **${c.breaking} breaking**` : 'no breaking changes',
    `${c.added} added`,
    `${c.removed} removed`,
    `${c.changed} changed`,
  ]
  if (diff.apiLevel.length > 0) parts.push(`${diff.apiLevel.length} API-level`)
  return `**API changes:** ${parts.join(' · ')}`
}

function opCode(ref: OperationRef): string {
  return code(`${ref.method} ${ref.path}`, 300)
}

function changeIcon(change: ApiChange): string {
  if (change.classification === 'breaking') return CLASS_ICON.breaking
  if (change.kind === 'integration') return '🔌'
  if (change.kind === 'auth') return '🔐'
  return CLASS_ICON[change.classification]
}

function breakingLines(diff: ApiDiff): string[] {
  const lines = diff.removed.map((ref) => `- ${opCode(ref)} removed`)
  for (const op of diff.changed) {
    for (const change of op.changes) {
      if (change.classification === 'breaking') lines.push(`- ${opCode(op)}: ${rich(change.description)}`)
    }
  }
  for (const change of diff.apiLevel) {
    if (change.classification === 'breaking') lines.push(`- ${rich(change.description)}`)
  }
  return lines
}

function operationLines(diff: ApiDiff): string[] {
  const lines: string[] = []
  for (const ref of diff.removed) lines.push(`- ➖ ${opCode(ref)} removed ⚠️`)
  for (const op of diff.changed) {
    const flag = op.classification === 'breaking' ? ' ⚠️' : ''
    const details = op.changes.map((c) => `${changeIcon(c)} ${rich(c.description)}`)
    // One line per operation (nested lists would make the truncation count misleading).
    lines.push(`- ✏️ ${opCode(op)}${flag}: ${details.join('; ')}`)
  }
  for (const ref of diff.added) lines.push(`- ➕ ${opCode(ref)} added`)
  return lines
}
