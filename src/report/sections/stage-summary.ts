// The report's frame: the title, the stage table, the live canary, and the footer's links.

import { code, escapeText, link, safeUrl } from '../safe-text.js'
import type { ReportInput, ReportStatus } from '../types.js'
import { formatPercent } from './lists.js'

const STATUS: Record<ReportStatus, { icon: string; label: string }> = {
  deployed: { icon: '✅', label: 'Deployed' },
  canary: { icon: '🐤', label: 'Canary' },
  promoted: { icon: '✅', label: 'Promoted' },
  'rolled-back': { icon: '↩️', label: 'Rolled back' },
  updated: { icon: '✅', label: 'Updated' },
  deleted: { icon: '🗑️', label: 'Deleted' },
  unchanged: { icon: '✅', label: 'Unchanged' },
  planned: { icon: '📝', label: 'Planned' },
  failed: { icon: '❌', label: 'Failed' },
}

export function header(input: ReportInput): string {
  const { icon, label } = STATUS[input.status]
  const title = `### ${icon} ${code(input.api.name, 100)} · stage ${code(input.stageName)}: ${label.toLowerCase()}${input.dryRun ? ' (dry run)' : ''}`
  const sub = `API ${code(input.api.id)} in ${code(input.region)} · operation ${code(input.operation)}`
  const dry = input.dryRun ? '\n\n_Dry run: nothing was changed in AWS. This is what the run would do._' : ''
  return `${title}\n\n${sub}${dry}`
}

export function stageTable(input: ReportInput): string {
  const { icon, label } = STATUS[input.status]
  const status = `${icon} ${label}${input.dryRun && input.status !== 'planned' ? ' (planned)' : ''}`
  const urls =
    input.status === 'deleted'
      ? '—'
      : [
          link(input.baseUrl, input.baseUrl),
          input.customUrl === undefined ? '' : link(input.customUrl, input.customUrl),
        ]
          .filter((u) => u !== '')
          .join('<br>')
  let deployment = input.deploymentId === undefined ? '—' : code(input.deploymentId)
  if (input.previousDeploymentId !== undefined && input.previousDeploymentId !== input.deploymentId) {
    deployment += ` (was ${code(input.previousDeploymentId)})`
  }
  return [
    '| Stage | Status | URL | Deployment | Updated (UTC) |',
    '| --- | --- | --- | --- | --- |',
    `| ${code(input.stageName)} | ${status} | ${urls} | ${deployment} | ${formatUtc(input.updatedAt)} |`,
  ].join('\n')
}

function formatUtc(iso: string | undefined): string {
  if (iso === undefined) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return escapeText(iso, 40)
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, '')
}

/** The canary the stage has after the run, or the one this run removed. */
export function canaryLine(input: ReportInput): string {
  const diff = input.stageDiff?.canary
  const canary = input.canary
  if (canary !== undefined) {
    let line = `🐤 **Canary:** ${formatPercent(canary.percentTraffic)} of traffic → deployment ${code(canary.deploymentId)}`
    if (diff?.percentTraffic?.before !== undefined) line += ` (was ${formatPercent(diff.percentTraffic.before)})`
    if (input.deploymentId !== undefined) line += `; production: ${code(input.deploymentId)}`
    const overrides = Object.keys(canary.stageVariableOverrides).sort()
    if (overrides.length > 0) {
      const shown = input.showVariableValues
        ? overrides.map((n) => `${code(n)} = ${code(canary.stageVariableOverrides[n] ?? '')}`)
        : overrides.map((n) => code(n))
      line += ` · variable overrides: ${shown.join(', ')}`
    }
    if (canary.useStageCache) line += ' · uses the stage cache'
    return `${line}.`
  }
  if (diff?.change === 'removed' && diff.before !== undefined) {
    return `🐤 **Canary removed** (was ${formatPercent(diff.before.percentTraffic)} → deployment ${code(diff.before.deploymentId)}).`
  }
  return ''
}

export function footer(input: ReportInput): string {
  const parts: string[] = []
  const run = safeUrl(input.runUrl)
  if (run !== undefined) parts.push(`[Workflow run](${run})`)
  if (input.commitSha !== undefined) parts.push(`commit ${code(input.commitSha.slice(0, 12))}`)
  const console = safeUrl(input.consoleUrl)
  if (console !== undefined) parts.push(`[API Gateway console](${console})`)
  return parts.length === 0 ? '' : `---\n<sub>${parts.join(' · ')}</sub>`
}
