// "Stage changes": deployment, canary, stage variables, canary overrides and settings, before → after.
// Variable values appear only when the workflow opted in (show-variable-values); names always do.

import {
  methodSettingLabel,
  type SettingChange,
  type StageDiff,
  type VariableChange,
  type VariablesDiff,
} from '../../diff/stage-diff.js'
import { code } from '../safe-text.js'
import type { ReportInput } from '../types.js'
import { type DetailLevel, formatPercent, INLINE_LIST_MAX, table } from './lists.js'

export function stageChangesBlock(input: ReportInput, detail: DetailLevel): string {
  const diff = input.stageDiff
  if (diff === undefined) return ''
  const out: string[] = []
  if (diff.change === 'created') out.push('- Stage created.')
  if (diff.change === 'deleted') out.push('- Stage deleted.')
  if (diff.deploymentId !== undefined && diff.change === 'updated') {
    out.push(`- Deployment: ${optCode(diff.deploymentId.before)} → ${optCode(diff.deploymentId.after)}`)
  }
  const canary = canaryChangeLine(diff)
  if (canary !== '') out.push(canary)
  const show = input.showVariableValues
  const blocks = [
    variablesBlock({ title: 'Stage variables', diff: diff.variables, showValues: show }, detail),
    variablesBlock({ title: 'Canary variable overrides', diff: diff.canary.overrides, showValues: show }, detail),
    settingsBlock(diff.settings, detail),
  ].filter((block) => block !== '')
  if (out.length === 0 && blocks.length === 0) {
    return diff.change === 'none' ? '' : '#### Stage changes\n\nNo stage changes.'
  }
  return ['#### Stage changes', ...(out.length > 0 ? [out.join('\n')] : []), ...blocks].join('\n\n')
}

function optCode(value: string | undefined): string {
  return value === undefined ? '_none_' : code(value)
}

function canaryChangeLine(diff: StageDiff): string {
  const c = diff.canary
  switch (c.change) {
    case 'added':
      return c.after === undefined
        ? ''
        : `- Canary added: ${formatPercent(c.after.percentTraffic)} → deployment ${code(c.after.deploymentId)}`
    case 'removed':
      return '- Canary removed'
    case 'changed': {
      const parts: string[] = []
      if (c.percentTraffic !== undefined) {
        parts.push(
          `traffic ${formatPercent(c.percentTraffic.before ?? 0)} → ${formatPercent(c.percentTraffic.after ?? 0)}`,
        )
      }
      if (c.deploymentId !== undefined) {
        parts.push(`deployment ${optCode(c.deploymentId.before)} → ${optCode(c.deploymentId.after)}`)
      }
      if (c.useStageCache !== undefined) parts.push(`use stage cache ${String(c.useStageCache.after ?? false)}`)
      return parts.length === 0 ? '' : `- Canary: ${parts.join(', ')}`
    }
    default:
      return ''
  }
}

interface VariablesSection {
  title: string
  diff: VariablesDiff
  showValues: boolean
}

function changeCount(diff: VariablesDiff): number {
  return diff.added.length + diff.removed.length + diff.changed.length
}

function variablesBlock({ title, diff, showValues }: VariablesSection, detail: DetailLevel): string {
  if (changeCount(diff) === 0) return ''
  if (!showValues) return variableNamesBlock(title, diff, detail)
  const rows = [
    ...diff.added.map((v) => `| ${code(v.name)} | added | — | ${optCode(v.after)} |`),
    ...diff.changed.map((v) => `| ${code(v.name)} | changed | ${optCode(v.before)} | ${optCode(v.after)} |`),
    ...diff.removed.map((v) => `| ${code(v.name)} | removed | ${optCode(v.before)} | — |`),
  ]
  return table(rows, detail, {
    title: `**${title}**`,
    head: '| Variable | Change | Before | After |\n| --- | --- | --- | --- |',
    what: title,
  })
}

/** Values hidden: the names per kind of change, or only the counts when there are more than the detail level allows. */
function variableNamesBlock(title: string, diff: VariablesDiff, detail: DetailLevel): string {
  const total = changeCount(diff)
  if (total > detail.maxItems) {
    return `**${title}** (${total}; values hidden): ${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed`
  }
  const names = (changes: VariableChange[]) => changes.map((v) => code(v.name)).join(', ')
  const parts: string[] = []
  if (diff.added.length > 0) parts.push(`- added: ${names(diff.added)}`)
  if (diff.changed.length > 0) parts.push(`- changed: ${names(diff.changed)}`)
  if (diff.removed.length > 0) parts.push(`- removed: ${names(diff.removed)}`)
  const body = parts.join('\n')
  return total > INLINE_LIST_MAX
    ? `<details>\n<summary>${title}: ${total} changed (values hidden)</summary>\n\n${body}\n\n</details>`
    : `**${title}** (values hidden)\n\n${body}`
}

function settingsBlock(settings: SettingChange[], detail: DetailLevel): string {
  if (settings.length === 0) return ''
  const rows = settings.map(
    (s) =>
      `| ${code(methodSettingLabel(s.scope))} | ${code(s.setting)} | ${settingValue(s.before)} | ${settingValue(s.after)} |`,
  )
  return table(rows, detail, {
    title: '**Settings**',
    head: '| Scope | Setting | Before | After |\n| --- | --- | --- | --- |',
    what: 'Settings',
  })
}

function settingValue(value: string | number | boolean | undefined): string {
  return value === undefined ? '—' : code(String(value), 120)
}
