// "API changes": breaking changes once, grouped by operation, in a warning alert that is never folded; then added
// and removed routes; then the other changes, repeated patterns collapsed. Worded as API Gateway says it.

import type { ApiChange, ApiDiff, OperationRef } from '../../diff/api-diff.js'
import { apiGatewayWording, isBuiltInScheme } from '../../diff/wording.js'
import { code, escapeText, rich } from '../safe-text.js'
import type { ApiDiffSection, DiffBaseline, ReportInput } from '../types.js'
import { cut, type DetailLevel, list } from './lists.js'
import { collapsePatterns, type OperationChange } from './patterns.js'

/** Operations a pattern names inline before "… and N more". */
const PATTERN_OPS_SHOWN = 3

export function apiChangesBlock(input: ReportInput, detail: DetailLevel): string {
  const section = input.apiDiff
  if (section.kind === 'unavailable') {
    return `#### API changes\n\n_API definition diff unavailable: ${escapeText(section.reason, 500)}_`
  }
  const diff = section.diff
  const out: string[] = [
    '#### API changes',
    `${baselineSentence(section.baseline, diff)}<br>${comparedSentence(section)}`,
  ]
  if (diff.identical) {
    out.push(
      section.compared === 'routes'
        ? 'No changes to routes.'
        : 'No changes to operations, integrations or authorizers.',
    )
    return out.join('\n\n')
  }
  out.push(countsLine(diff))
  const breaking = breakingAlert(diff, detail)
  if (breaking !== '') out.push(breaking)
  const routes = routeLines(diff)
  if (routes.length > 0) out.push(`**Routes added**\n\n${list(routes, detail, { what: 'added routes' })}`)
  const others = otherChangeLines(diff)
  if (others.length > 0) out.push(`**Other changes**\n\n${list(others, detail, { what: 'changes' })}`)
  if (diff.engine === 'structural') {
    out.push('_The definitions could not be classified in detail; changes are listed without classification._')
  }
  return out.join('\n\n')
}

function words(change: ApiChange): string {
  return rich(apiGatewayWording(change.description))
}

function opCode(ref: OperationRef): string {
  return code(`${ref.method} ${ref.path}`, 300)
}

/** Every breaking change once, grouped by operation; an alert so it is never folded away. */
function breakingAlert(diff: ApiDiff, detail: DetailLevel): string {
  const lines = removedLines(diff.removed)
  const changes: OperationChange[] = []
  for (const op of diff.changed) {
    for (const c of op.changes) {
      if (c.classification === 'breaking') changes.push({ op, text: apiGatewayWording(c.description) })
    }
  }
  lines.push(...changeLines(changes, ''))
  for (const change of diff.apiLevel) {
    if (change.classification === 'breaking' && !isBuiltInScheme(change.description)) {
      lines.push(`- API: ${words(change)}`)
    }
  }
  if (lines.length === 0) return ''
  const n = diff.counts.breaking
  const title = `**${n} breaking change${n === 1 ? '' : 's'}** for clients of this stage`
  return ['> [!WARNING]', `> ${title}`, '>', ...cut(lines, detail, 'breaking operations').map((l) => `> ${l}`)].join(
    '\n',
  )
}

/** Removed routes, one line per path: `/pets/{id}`: GET, DELETE removed. */
function removedLines(removed: OperationRef[]): string[] {
  const byPath = new Map<string, string[]>()
  for (const ref of removed) byPath.set(ref.path, [...(byPath.get(ref.path) ?? []), ref.method])
  return [...byPath].map(([path, methods]) =>
    methods.length === 1
      ? `- ${code(`${methods[0]} ${path}`, 300)}: route removed`
      : `- ${code(path, 300)}: routes removed (${methods.map((m) => code(m)).join(', ')})`,
  )
}

/** Added routes; removed ones are breaking and listed in the alert. */
function routeLines(diff: ApiDiff): string[] {
  return diff.added.map((ref) => `- 🟢 added ${opCode(ref)}`)
}

/** Non-breaking changes of operations and the API; changes repeated on many operations shown once. */
function otherChangeLines(diff: ApiDiff): string[] {
  const changes: OperationChange[] = []
  for (const op of diff.changed) {
    for (const c of op.changes) {
      if (c.classification !== 'breaking') changes.push({ op, text: apiGatewayWording(c.description) })
    }
  }
  const lines = changeLines(changes, '🟡 ')
  for (const change of diff.apiLevel) {
    if (change.classification !== 'breaking' && !isBuiltInScheme(change.description)) {
      lines.push(`- 🟡 API: ${words(change)}`)
    }
  }
  return lines
}

/** Changes repeated on many operations once ("270 × …"), then the rest per operation. */
function changeLines(changes: OperationChange[], marker: string): string[] {
  const { patterns, single } = collapsePatterns(changes)
  const lines = patterns.map((p) => {
    const shown = p.ops.slice(0, PATTERN_OPS_SHOWN).map(opCode).join(', ')
    const more = p.ops.length > PATTERN_OPS_SHOWN ? ` and ${p.ops.length - PATTERN_OPS_SHOWN} more` : ''
    return `- ${marker}${p.ops.length} × ${rich(p.shape)}: ${shown}${more}`
  })
  for (const { op, texts } of single) lines.push(`- ${marker}${opCode(op)}: ${texts.map((t) => rich(t)).join('; ')}`)
  return lines
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

/** What the comparison could see: a deployment's summary has routes only, an export has integrations too. */
function comparedSentence(section: Extract<ApiDiffSection, { kind: 'diff' }>): string {
  return section.compared === 'routes'
    ? '_Compared: routes only (methods, paths, authorization, API keys): integrations and models of a deployment cannot be read back, so their changes are not shown._'
    : '_Compared: full definitions (routes, parameters, integrations, authorization)._'
}

function countsLine(diff: ApiDiff): string {
  const c = diff.counts
  const parts = [
    c.breaking > 0 ? `⚠️ **${c.breaking} breaking**` : 'no breaking changes',
    `${c.added} added`,
    `${c.removed} removed`,
    `${c.changed} changed`,
  ]
  const apiLevel = diff.apiLevel.filter((a) => !isBuiltInScheme(a.description)).length
  if (apiLevel > 0) parts.push(`${apiLevel} API-level`)
  return `**API changes:** ${parts.join(' · ')}`
}
