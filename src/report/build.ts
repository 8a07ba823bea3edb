// Pure: turns what the run read, planned and did into the renderer's input.
import { diffStages } from '../diff/stage-diff.js'
import type { ActionInputs } from '../inputs/types.js'
import type { ReadState, StageState } from '../model/state.js'
import type { Plan } from '../plan/types.js'
import type { ApiDiffSection, ReportInput, ReportStatus } from './types.js'

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

interface ReportFacts {
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
  /** What API Gateway warned about when it imported the definition. */
  importWarnings?: readonly string[]
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
  // A real run shows the plan only on failure: its warnings (a rename, settings an overwrite drops) and AWS's
  // import warnings still need saying.
  const warnings = [
    ...(f.inputs.dryRun || f.error !== undefined ? [] : f.plan.notes.filter((n) => n.startsWith('⚠️'))),
    ...(f.importWarnings ?? []).map((w) => `⚠️ API Gateway warned on import: ${w}`),
  ].map((n) => n.replace(/^⚠️ /, ''))
  if (warnings.length) report.notes = warnings
  return report
}
