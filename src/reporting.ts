// The report step: API and stage diff, rendered once, then outputs, job summary and sticky PR comment.
import * as core from '@actions/core'
import { diffStages } from './diff/stage-diff.js'
import { errorMessage } from './errors.js'
import type { GitHubSession } from './github/session.js'
import { setOutputs, writeJobSummary } from './outputs.js'
import type { DiffSources } from './report/diff-sources.js'
import { commentMarker } from './report/marker.js'
import { renderCommentBody, renderReport } from './report/render.js'
import type { ApiDiffSection, DiffJson, ReportInput, ReportStatus } from './report/types.js'
import type { ActionInputs, Plan, ReadState, StageState } from './types.js'

export function reportStatus(inputs: ActionInputs, plan: Plan, failed: boolean): ReportStatus {
  if (failed) return 'failed'
  if (inputs.dryRun) return 'planned'
  if (plan.calls.length === 0) return 'unchanged'
  switch (inputs.operation) {
    case 'deploy':
      return inputs.canary.percent === undefined ? 'deployed' : 'canary'
    case 'update-canary':
      return 'canary'
    case 'promote':
      if (inputs.canary.percent !== undefined) return 'canary'
      return inputs.promoteFrom ? 'promoted' : 'updated'
    case 'promote-canary':
      return 'promoted'
    case 'rollback':
    case 'rollback-canary':
      return 'rolled-back'
    case 'delete':
      return 'deleted'
  }
}

/** Compares the two definitions; the diff module (and its library) is loaded only here. */
export async function apiDiffSection(
  sources: DiffSources,
  before: object | undefined,
  after: object | undefined,
): Promise<ApiDiffSection> {
  if (sources.kind === 'unavailable') return sources
  try {
    const { diffApiDefinitions } = await import('./diff/api-diff.js')
    return { kind: 'diff', baseline: sources.baseline, diff: diffApiDefinitions(before, after) }
  } catch (err) {
    return { kind: 'unavailable', reason: `The API definitions could not be compared: ${errorMessage(err)}` }
  }
}

export interface ReportFacts {
  inputs: ActionInputs
  state: ReadState
  plan: Plan
  baseUrl: string
  consoleUrl: string
  customUrl?: string
  /** The stage after the run (read back); for a dry run or failure, what is known. */
  after?: StageState
  apiDiff: ApiDiffSection
  runUrl?: string
  commitSha?: string
  error?: string
  notes?: string[]
}

/** Pure: everything the renderer needs. */
export function buildReportInput(f: ReportFacts): ReportInput {
  const before = f.state.stage
  const after = f.inputs.dryRun ? before : f.after
  const report: ReportInput = {
    operation: f.inputs.operation,
    status: reportStatus(f.inputs, f.plan, f.error !== undefined),
    dryRun: f.inputs.dryRun,
    api: f.state.api,
    region: f.state.region,
    stageName: f.inputs.stage,
    baseUrl: f.baseUrl,
    consoleUrl: f.consoleUrl,
    apiDiff: f.apiDiff,
    planNotes: f.plan.notes,
    showVariableValues: f.inputs.showVariableValues,
  }
  if (f.customUrl) report.customUrl = f.customUrl
  if (after?.deploymentId) report.deploymentId = after.deploymentId
  if (before?.deploymentId) report.previousDeploymentId = before.deploymentId
  if (after?.canary) report.canary = after.canary
  if (!f.inputs.dryRun && f.error === undefined) report.stageDiff = diffStages(before, f.after)
  if (f.runUrl) report.runUrl = f.runUrl
  if (f.commitSha) report.commitSha = f.commitSha
  const updated = after?.lastUpdatedDate ?? after?.createdDate
  if (updated) report.updatedAt = updated
  if (f.error !== undefined) report.error = f.error
  if (f.notes?.length) report.notes = f.notes
  return report
}

/** Step outputs hold at most about 1 MB per job: keep diff-json well under it. */
const DIFF_JSON_LIMIT = 256 * 1024

export function boundedDiffJson(json: DiffJson): string {
  const full = JSON.stringify(json)
  if (full.length <= DIFF_JSON_LIMIT || !json.apiChanges.available) return full
  const { added, removed, changed } = json.apiChanges
  return JSON.stringify({
    ...json,
    apiChanges: {
      ...json.apiChanges,
      added: [],
      removed: [],
      changed: [],
      truncated: `lists of ${added.length} added, ${removed.length} removed and ${changed.length} changed operations omitted (over ${DIFF_JSON_LIMIT} bytes); the job summary has them`,
    },
  })
}

export interface PublishContext {
  inputs: ActionInputs
  /** Pull request to comment on, or why there is none. */
  pullRequest: { number: number } | { number: undefined; reason: string }
  /** Creates the GitHub session on first use (dynamic import). */
  github: () => Promise<GitHubSession | undefined>
}

/** Renders once; sets the diff outputs, writes the summary, then the comment (whose failure only warns). */
export async function publishReport(report: ReportInput, ctx: PublishContext): Promise<void> {
  const { markdown, json } = renderReport(report)
  const marker = commentMarker(report.api.id, report.stageName)
  const body = renderCommentBody(report, marker)
  setOutputs({
    'diff-markdown': body.replace(marker, '').trim(),
    'diff-json': boundedDiffJson(json),
    'breaking-changes': json.breakingChanges,
  })
  await writeJobSummary(markdown)

  const { comment } = ctx.inputs
  if (comment === false) return
  if (ctx.pullRequest.number === undefined) {
    const message = `No pull request comment: ${ctx.pullRequest.reason}.`
    if (comment === true) core.warning(message)
    else core.info(message)
    return
  }
  const session = await ctx.github()
  if (!session) {
    core.warning('No pull request comment: GITHUB_REPOSITORY is not set.')
    return
  }
  const result = await session.comment(ctx.pullRequest.number, marker, body)
  if (!result.ok) {
    core.warning(result.warning)
    return
  }
  core.info(`Pull request comment ${result.value.action}: ${result.value.url}`)
  setOutputs({ 'comment-url': result.value.url })
}
