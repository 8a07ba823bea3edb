// The report's frame: the verdict title, the labelled stage link, short key/value rows, the live canary, the footer.

import { code, escapeText, link, safeUrl } from '../safe-text.js'
import type { ReportInput, ReportStatus } from '../types.js'
import { formatPercent } from './lists.js'

const LABEL: Record<ReportStatus, string> = {
  deployed: 'Deployed',
  canary: 'Canary',
  promoted: 'Promoted',
  'rolled-back': 'Rolled back',
  updated: 'Updated',
  deleted: 'Deleted',
  absent: 'Nothing to delete',
  unchanged: 'Unchanged',
  planned: 'Plan',
  failed: 'Failed',
}

const FAILED: Record<NonNullable<ReportInput['failure']>, string> = {
  input: 'Invalid input: nothing was run',
  refused: 'Refused: nothing was changed',
  read: 'Failed while reading: nothing was changed',
  apply: 'Failed',
  'smoke-test': 'Smoke test failed: the new deployment is live',
}

function breakingCount(input: ReportInput): number {
  return input.apiDiff.kind === 'diff' ? input.apiDiff.diff.counts.breaking : 0
}

/** The verdict, first thing in the title: ✅, ⚠️ N breaking, ❌, or 📝 for a plan. */
function verdict(input: ReportInput): string {
  const breaking = breakingCount(input)
  const warn = breaking > 0 ? `⚠️ ${breaking} breaking change${breaking === 1 ? '' : 's'}` : ''
  if (input.status === 'failed') return `❌ ${FAILED[input.failure ?? 'apply']}`
  if (input.status === 'planned' || input.dryRun) return `📝 Plan (dry run)${warn ? ` · ${warn}` : ''}`
  let label = LABEL[input.status]
  if (input.status === 'canary' && input.canary) label = `Canary at ${formatPercent(input.canary.percentTraffic)}`
  if (input.status === 'promoted' && input.promotedFrom) label = `Promoted from ${code(input.promotedFrom)}`
  return warn ? `${warn} · ${label.toLowerCase()}` : `✅ ${label}`
}

export function header(input: ReportInput): string {
  const title = `### ${verdict(input)} · ${code(input.api.name, 100)} stage ${code(input.stageName)}`
  const lines = [title]
  const urls = stageLinks(input)
  if (urls !== '') lines.push(urls)
  if (input.dryRun) lines.push('_Dry run: nothing was changed in AWS. This is what the run would do._')
  return lines.join('\n\n')
}

/** Whether the stage exists after the run (so its URLs lead somewhere). */
function stageExists(input: ReportInput): boolean {
  if (input.status === 'deleted' || input.status === 'absent') return false
  return input.deploymentId !== undefined
}

/** Line two: the stage's address, custom domain first, labelled by host and path rather than a wrapping URL. */
function stageLinks(input: ReportInput): string {
  if (!stageExists(input)) return ''
  const urls = [input.customUrl, input.baseUrl].filter((u): u is string => u !== undefined)
  const links = urls.map((u) => link(u.replace(/^https:\/\//, ''), u)).filter((l) => l !== '')
  const label = /^pr-?\d+$/i.test(input.stageName) ? 'Preview' : 'Stage URL'
  return links.length === 0 ? '' : `🔗 **${label}:** ${links.join(' · ')}`
}

/** Short key/value rows (a list, not a wide table: nothing wraps). */
export function keyValues(input: ReportInput): string {
  const rows: string[] = []
  const dep = deploymentValue(input)
  if (dep !== '') rows.push(`- **Deployment:** ${dep}`)
  if (input.promotedFrom !== undefined) rows.push(`- **Promoted from:** stage ${code(input.promotedFrom)}`)
  rows.push(
    `- **API:** ${code(input.api.name, 100)} (${code(input.api.id)}) in ${code(input.region)} · operation ${code(input.operation)}`,
  )
  if (input.previewOf) {
    rows.push(
      `- **Preview of:** ${code(input.previewOf.name, 100)} (${code(input.previewOf.id)}), which this run does not change`,
    )
  }
  if (stageExists(input) && input.updatedAt !== undefined) rows.push(`- **Updated:** ${formatUtc(input.updatedAt)} UTC`)
  return rows.join('\n')
}

function deploymentValue(input: ReportInput): string {
  if (input.status === 'deleted' || input.status === 'absent') return ''
  const now = input.deploymentId
  const was = input.previousDeploymentId
  if (now === undefined) return was === undefined ? '' : `none (was ${code(was)})`
  if (input.dryRun) return `${code(now)} (current; the plan below says what changes)`
  if (was !== undefined && was !== now) return `${code(now)} (was ${code(was)})`
  return input.status === 'failed' ? `${code(now)} (unchanged)` : code(now)
}

function formatUtc(iso: string): string {
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
  const console = stageExists(input) ? safeUrl(input.consoleUrl) : undefined
  if (console !== undefined) parts.push(`[API Gateway console](${console})`)
  return parts.length === 0 ? '' : `---\n<sub>${parts.join(' · ')}</sub>`
}
