// The one renderer: ReportInput → markdown (job summary, PR comment, `diff-markdown`) and JSON (`diff-json`).
// Pure: no I/O, no clock. Every string that comes from outside (names, paths, variables, descriptions, errors) goes
// through `code`, `text` or `rich` below, so nothing can close a tag, open a link, mention someone or break a table.

import type { ApiChange, ApiDiff, ChangeClassification, OperationRef } from '../diff/api-diff.js'
import {
  methodSettingLabel,
  type SettingChange,
  type StageDiff,
  type VariableChange,
  type VariablesDiff,
} from '../diff/stage-diff.js'
import type {
  DiffBaseline,
  DiffJson,
  DiffJsonStageChanges,
  DiffJsonVariableChange,
  ReportInput,
  ReportStatus,
} from './types.js'

/** GitHub rejects issue comments longer than this many characters. */
export const COMMENT_LIMIT = 65_536
/** GitHub's job summary limit (per step), in bytes. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024

/** Lists longer than this go into a collapsed `<details>` block. */
const INLINE_LIST_MAX = 10
/** Detail levels tried, most detailed first, until the output fits. */
const DETAIL_LEVELS = [Number.POSITIVE_INFINITY, 1000, 400, 200, 100, 50, 25, 10, 5, 0]
/** The breaking list repeats what the operation list says; past this many it points there. */
const BREAKING_LIST_MAX = 50

export interface RenderedReport {
  markdown: string
  json: DiffJson
}

export function renderReport(input: ReportInput): RenderedReport {
  const json = renderJson(input)
  const fits = (md: string) => utf8Length(md) <= SUMMARY_LIMIT_BYTES
  const markdown = renderWithin(input, fits, 'summary', SUMMARY_LIMIT_BYTES / 4)
  return { markdown, json }
}

/**
 * The sticky comment: marker first, then the report, never longer than GitHub's limit. When the full report does not
 * fit, long lists are shortened step by step, with a pointer to the job summary, which has them all.
 */
export function renderCommentBody(input: ReportInput, marker: string, limit: number = COMMENT_LIMIT): string {
  const prefix = `${marker}\n`
  const fits = (md: string) => prefix.length + md.length <= limit
  return prefix + renderWithin(input, fits, 'comment', limit - prefix.length)
}

type Target = 'summary' | 'comment'

function renderWithin(input: ReportInput, fits: (md: string) => boolean, target: Target, hardLimit: number): string {
  let last = ''
  for (const limit of DETAIL_LEVELS) {
    last = renderMarkdown(input, { limit, target })
    if (fits(last)) return last
  }
  // Still too long at the lowest detail (e.g. an enormous error text): cut at a line boundary and say so.
  const note = `\n\n---\n**Report truncated.** ${pointer(input, target)}\n`
  let cut = last.slice(0, Math.max(0, Math.floor(hardLimit) - note.length - 64))
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

function pointer(input: ReportInput, target: Target): string {
  if (target === 'summary') return 'The `diff-json` output has every change.'
  const run = safeUrl(input.runUrl)
  return run === undefined
    ? 'The job summary of this run has the full report.'
    : `The [job summary of this run](${run}) has the full report.`
}

// ---------------------------------------------------------------- escaping

const NEWLINES = /\r\n|\r|\n|\u2028|\u2029/g
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\\': '&#92;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '|': '&#124;',
  '~': '&#126;',
  $: '&#36;',
  '#': '&#35;',
}
const SPECIAL = /[&<>"'\\`*_[\]|~$#]/g

/** Drops C0 controls (except tab and line breaks), DEL and bidi overrides/isolates ("Trojan Source"). */
function stripInvisible(value: string): string {
  let out = ''
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0
    const control = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f
    const bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
    if (!control && !bidi) out += ch
  }
  return out
}

function clip(value: string, max: number): string {
  const chars = [...value]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : value
}

/**
 * Escapes an external string for markdown and HTML: entities for every character that could start markup, no line
 * breaks, no control or bidi characters, `@` defused so nobody is mentioned.
 */
export function escapeText(value: string, max = 300): string {
  return clip(stripInvisible(value).replace(NEWLINES, ' '), max)
    .replace(SPECIAL, (c) => ENTITIES[c] ?? c)
    .replace(/@/g, '@&#8203;')
}

/** An external identifier or value as inline code (no mentions or autolinks inside `<code>`). */
export function code(value: string, max = 200): string {
  if (value === '') return '<code>""</code>'
  return `<code>${escapeText(value, max).replace(/@&#8203;/g, '&#64;')}</code>`
}

/** Text with `backtick` spans (api-diff descriptions): spans become `code`, the rest `escapeText`. */
export function rich(value: string, max = 400): string {
  const parts = clip(value, max).split('`')
  if (parts.length % 2 === 0) return escapeText(value, max)
  return parts.map((part, i) => (i % 2 === 1 ? code(part) : escapeText(part, max))).join('')
}

/** Only http(s) URLs, with every character that could end a markdown link destination percent-encoded. */
export function safeUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  return url.href.replace(
    /[()'"<>[\]`|\\ *_~$]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  )
}

function link(label: string, url: string | undefined): string {
  const safe = safeUrl(url)
  return safe === undefined ? escapeText(label) : `[${escapeText(label)}](${safe})`
}

function utf8Length(value: string): number {
  return new TextEncoder().encode(value).length
}

// ---------------------------------------------------------------- markdown

interface Ctx {
  /** Max items per list; Infinity = all. */
  limit: number
  target: Target
}

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

const CLASS_ICON: Record<ChangeClassification, string> = {
  breaking: '⚠️',
  'non-breaking': '🔹',
  annotation: '📝',
}

function renderMarkdown(input: ReportInput, ctx: Ctx): string {
  const blocks: string[] = [
    header(input),
    stageTable(input),
    canaryLine(input),
    errorBlock(input),
    smokeTestLine(input),
    planBlock(input, ctx),
    apiChangesBlock(input, ctx),
    stageChangesBlock(input, ctx),
    notesBlock(input, ctx),
    footer(input),
  ]
  return `${blocks.filter((b) => b !== '').join('\n\n')}\n`
}

function header(input: ReportInput): string {
  const { icon, label } = STATUS[input.status]
  const title = `### ${icon} ${code(input.api.name, 100)} · stage ${code(input.stageName)}: ${label.toLowerCase()}${input.dryRun ? ' (dry run)' : ''}`
  const sub = `API ${code(input.api.id)} in ${code(input.region)} · operation ${code(input.operation)}`
  const dry = input.dryRun ? '\n\n_Dry run: nothing was changed in AWS. This is what the run would do._' : ''
  return `${title}\n\n${sub}${dry}`
}

function stageTable(input: ReportInput): string {
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

function canaryLine(input: ReportInput): string {
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

function formatPercent(value: number): string {
  return `${Number.isFinite(value) ? Number(value.toFixed(4)) : 0}%`
}

function errorBlock(input: ReportInput): string {
  if (input.error === undefined) return ''
  const lines = clip(input.error, 4000)
    .split(NEWLINES)
    .map((line) => `> ${escapeText(line, 4000)}`)
  return ['> [!CAUTION]', ...lines].join('\n')
}

function smokeTestLine(input: ReportInput): string {
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

function planBlock(input: ReportInput, ctx: Ctx): string {
  if (!input.dryRun || input.planNotes.length === 0) return ''
  const items = input.planNotes.map((n) => `- ${escapeText(n, 500)}`)
  return `#### Plan\n\n${list(items, ctx, 'plan steps')}`
}

function notesBlock(input: ReportInput, ctx: Ctx): string {
  if (input.notes === undefined || input.notes.length === 0) return ''
  return list(
    input.notes.map((n) => `- ℹ️ ${escapeText(n, 500)}`),
    ctx,
    'notes',
  )
}

function footer(input: ReportInput): string {
  const parts: string[] = []
  const run = safeUrl(input.runUrl)
  if (run !== undefined) parts.push(`[Workflow run](${run})`)
  if (input.commitSha !== undefined) parts.push(`commit ${code(input.commitSha.slice(0, 12))}`)
  const console = safeUrl(input.consoleUrl)
  if (console !== undefined) parts.push(`[API Gateway console](${console})`)
  return parts.length === 0 ? '' : `---\n<sub>${parts.join(' · ')}</sub>`
}

/** Renders list lines; past INLINE_LIST_MAX they go into <details>, past ctx.limit they are cut with a pointer. */
function list(lines: string[], ctx: Ctx, what: string, summary?: string, trailer?: string): string {
  const shown = lines.slice(0, ctx.limit)
  const hidden = lines.length - shown.length
  if (hidden > 0) {
    const where = ctx.target === 'comment' ? 'see the job summary' : 'see the `diff-json` output'
    shown.push(`- … and ${hidden} more ${what} (${where})`)
  } else if (trailer !== undefined) {
    shown.push(trailer)
  }
  if (lines.length <= INLINE_LIST_MAX) return shown.join('\n')
  return `<details>\n<summary>${summary ?? `${lines.length} ${what}`}</summary>\n\n${shown.join('\n')}\n\n</details>`
}

// ---------------------------------------------------------------- API changes

function apiChangesBlock(input: ReportInput, ctx: Ctx): string {
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
  const breaking = breakingLines(diff)
  const ops = operationLines(diff)
  if (breaking.length > 0) {
    const opsComplete = ops.length <= ctx.limit
    const shown = opsComplete ? breaking.slice(0, BREAKING_LIST_MAX) : breaking
    const rest = breaking.length - shown.length
    const more = rest > 0 ? `- … and ${rest} more, in the operation list below` : undefined
    out.push(
      `**Breaking changes**\n\n${list(shown, ctx, 'breaking changes', `${breaking.length} breaking changes`, more)}`,
    )
  }
  const c = diff.counts
  const opSummary = `Operations: ${c.added} added, ${c.removed} removed, ${c.changed} changed`
  if (ops.length > 0) {
    out.push(
      ops.length <= INLINE_LIST_MAX
        ? `**${opSummary}**\n\n${list(ops, ctx, 'lines')}`
        : list(ops, ctx, 'lines', opSummary),
    )
  }
  if (diff.apiLevel.length > 0) {
    const lines = diff.apiLevel.map((change) => `- ${changeIcon(change)} ${rich(change.description)}`)
    out.push(`**API-level changes**\n\n${list(lines, ctx, 'API-level changes')}`)
  }
  if (diff.engine === 'structural') {
    out.push('_The definitions could not be classified in detail; changes are listed without classification._')
  }
  return out.join('\n\n')
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

// ---------------------------------------------------------------- stage changes

function stageChangesBlock(input: ReportInput, ctx: Ctx): string {
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
  const blocks: string[] = []
  const vars = variablesBlock('Stage variables', diff.variables, input.showVariableValues, ctx)
  if (vars !== '') blocks.push(vars)
  const overrides = variablesBlock('Canary variable overrides', diff.canary.overrides, input.showVariableValues, ctx)
  if (overrides !== '') blocks.push(overrides)
  const settings = settingsBlock(diff.settings, ctx)
  if (settings !== '') blocks.push(settings)
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

function variablesBlock(title: string, diff: VariablesDiff, showValues: boolean, ctx: Ctx): string {
  const total = diff.added.length + diff.removed.length + diff.changed.length
  if (total === 0) return ''
  if (!showValues) {
    const names = (changes: VariableChange[]) => changes.map((v) => code(v.name)).join(', ')
    const parts: string[] = []
    if (diff.added.length > 0) parts.push(`- added: ${names(diff.added)}`)
    if (diff.changed.length > 0) parts.push(`- changed: ${names(diff.changed)}`)
    if (diff.removed.length > 0) parts.push(`- removed: ${names(diff.removed)}`)
    if (total > ctx.limit) {
      return `**${title}** (${total}; values hidden): ${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed`
    }
    const body = parts.join('\n')
    return total > INLINE_LIST_MAX
      ? `<details>\n<summary>${title}: ${total} changed (values hidden)</summary>\n\n${body}\n\n</details>`
      : `**${title}** (values hidden)\n\n${body}`
  }
  const rows = [
    ...diff.added.map((v) => `| ${code(v.name)} | added | — | ${optCode(v.after)} |`),
    ...diff.changed.map((v) => `| ${code(v.name)} | changed | ${optCode(v.before)} | ${optCode(v.after)} |`),
    ...diff.removed.map((v) => `| ${code(v.name)} | removed | ${optCode(v.before)} | — |`),
  ]
  return table(`**${title}**`, '| Variable | Change | Before | After |\n| --- | --- | --- | --- |', rows, ctx, title)
}

function settingsBlock(settings: SettingChange[], ctx: Ctx): string {
  if (settings.length === 0) return ''
  const rows = settings.map(
    (s) =>
      `| ${code(methodSettingLabel(s.scope))} | ${code(s.setting)} | ${settingValue(s.before)} | ${settingValue(s.after)} |`,
  )
  return table('**Settings**', '| Scope | Setting | Before | After |\n| --- | --- | --- | --- |', rows, ctx, 'Settings')
}

function settingValue(value: string | number | boolean | undefined): string {
  return value === undefined ? '—' : code(String(value), 120)
}

function table(title: string, head: string, rows: string[], ctx: Ctx, what: string): string {
  const shown = rows.slice(0, ctx.limit)
  const hidden = rows.length - shown.length
  const where = ctx.target === 'comment' ? 'see the job summary' : 'see the `diff-json` output'
  const more = hidden > 0 ? `\n\n… and ${hidden} more (${where})` : ''
  const body = shown.length > 0 ? `${head}\n${shown.join('\n')}` : ''
  if (rows.length <= INLINE_LIST_MAX) return `${title}\n\n${body}${more}`
  return `<details>\n<summary>${what}: ${rows.length} changes</summary>\n\n${body}${more}\n\n</details>`
}

// ---------------------------------------------------------------- JSON

function renderJson(input: ReportInput): DiffJson {
  const section = input.apiDiff
  const apiChanges: DiffJson['apiChanges'] =
    section.kind === 'diff'
      ? {
          available: true,
          baseline: section.baseline,
          counts: section.diff.counts,
          added: section.diff.added,
          removed: section.diff.removed,
          changed: section.diff.changed,
          apiLevel: section.diff.apiLevel,
        }
      : { available: false, reason: section.reason }
  const apiChanged = section.kind === 'diff' && !section.diff.identical
  const canary = input.canary
  return {
    schemaVersion: 1,
    operation: input.operation,
    status: input.status,
    dryRun: input.dryRun,
    api: { id: input.api.id, name: input.api.name },
    region: input.region,
    stage: input.stageName,
    baseUrl: input.baseUrl,
    customUrl: input.customUrl ?? null,
    consoleUrl: input.consoleUrl,
    runUrl: input.runUrl ?? null,
    commitSha: input.commitSha ?? null,
    updatedAt: input.updatedAt ?? null,
    deploymentId: input.deploymentId ?? null,
    previousDeploymentId: input.previousDeploymentId ?? null,
    canary:
      canary === undefined
        ? null
        : {
            deploymentId: canary.deploymentId,
            percentTraffic: canary.percentTraffic,
            useStageCache: canary.useStageCache,
            overrides: Object.keys(canary.stageVariableOverrides).sort(),
          },
    changed: apiChanged || input.stageDiff?.changed === true,
    breakingChanges: section.kind === 'diff' ? section.diff.counts.breaking : 0,
    apiChanges,
    stageChanges: input.stageDiff === undefined ? null : stageJson(input.stageDiff, input.showVariableValues),
    smokeTest: input.smokeTest ?? null,
    error: input.error ?? null,
  }
}

function stageJson(diff: StageDiff, showValues: boolean): DiffJsonStageChanges {
  const pair = <T>(change: { before?: T; after?: T } | undefined) =>
    change === undefined ? null : { before: change.before ?? null, after: change.after ?? null }
  return {
    change: diff.change,
    deploymentId: pair(diff.deploymentId),
    canary: {
      change: diff.canary.change,
      deploymentId: pair(diff.canary.deploymentId),
      percentTraffic: pair(diff.canary.percentTraffic),
      overrides: variablesJson(diff.canary.overrides, showValues),
    },
    variables: variablesJson(diff.variables, showValues),
    settings: diff.settings,
  }
}

function variablesJson(diff: VariablesDiff, showValues: boolean) {
  const map = (changes: VariableChange[]): DiffJsonVariableChange[] =>
    changes.map((v) => {
      if (!showValues) return { name: v.name }
      const out: DiffJsonVariableChange = { name: v.name }
      if (v.before !== undefined) out.before = v.before
      if (v.after !== undefined) out.after = v.after
      return out
    })
  return { added: map(diff.added), removed: map(diff.removed), changed: map(diff.changed) }
}
