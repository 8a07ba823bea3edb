// Pure: turns what the run read, planned and did into the renderer's input.
import { diffStages } from '../diff/stage-diff.js'
import type { ActionInputs } from '../inputs/types.js'
import type { ReadState, StageState } from '../model/state.js'
import { NEW_DEPLOYMENT_ID, type Plan } from '../plan/types.js'
import type { ApiDiffSection, FailureKind, ReportInput, ReportStatus, SmokeTestResult } from './types.js'

export function reportStatus(inputs: ActionInputs, plan: Plan, failed: boolean, hadStage = true): ReportStatus {
  if (failed) return 'failed'
  if (inputs.dryRun) return 'planned'
  if (inputs.operation === 'delete' && !hadStage) return 'absent'
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
    default:
      return 'updated'
  }
}

interface ReportFacts {
  inputs: ActionInputs
  state: ReadState
  plan: Plan
  baseUrl: string
  consoleUrl: string
  customUrl?: string
  /** The stage after the run (read back); after a failure, as read back then (undefined: unknown or deleted). */
  after?: StageState
  apiDiff: ApiDiffSection
  runUrl?: string
  commitSha?: string
  error?: string
  /** Which part failed, when `error` is set; default `apply`. */
  failure?: FailureKind
  smokeTest?: SmokeTestResult
  /** What API Gateway warned about when it imported the definition. */
  importWarnings?: readonly string[]
  /** What changed outside the action since its last run. */
  drift?: readonly string[]
}

/** Pure: everything the renderer needs. */
export function buildReportInput(f: ReportFacts): ReportInput {
  const before = f.state.stage
  const failed = f.error !== undefined
  // A dry run changed nothing; a failure leaves what was read back (or, unknown, the stage as it was).
  const after = f.inputs.dryRun ? before : failed ? (f.after ?? before) : f.after
  const report: ReportInput = {
    operation: f.inputs.operation,
    status: reportStatus(f.inputs, f.plan, failed, before !== undefined),
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
  if (f.state.preview) report.previewOf = { id: f.state.preview.source.id, name: f.state.preview.source.name }
  if (f.customUrl) report.customUrl = f.customUrl
  if (after?.deploymentId) report.deploymentId = after.deploymentId
  if (before?.deploymentId) report.previousDeploymentId = before.deploymentId
  if (after?.canary) report.canary = after.canary
  // What changes (a dry run: what would, from the plan's expected stage); after a failure: what did change.
  if (f.inputs.dryRun) report.stageDiff = diffStages(before, plannedStage(before, f.plan))
  else if (!failed || f.after !== undefined) report.stageDiff = diffStages(before, after)
  if (f.runUrl) report.runUrl = f.runUrl
  if (f.commitSha) report.commitSha = f.commitSha
  const updated = after?.lastUpdatedDate ?? after?.createdDate
  if (updated) report.updatedAt = updated
  if (f.error !== undefined) {
    report.error = f.error
    report.failure = f.failure ?? 'apply'
  }
  if (f.smokeTest) report.smokeTest = f.smokeTest
  if (f.inputs.operation === 'promote' && f.inputs.promoteFrom) report.promotedFrom = f.inputs.promoteFrom
  const mappings = f.plan.calls.flatMap((c) =>
    c.action === 'DeleteBasePathMapping' ? [`${c.domainName}/${c.basePath === '(none)' ? '' : c.basePath}`] : [],
  )
  if (f.inputs.operation === 'delete' && mappings.length > 0 && !failed && !f.inputs.dryRun) {
    report.removedMappings = mappings
  }
  if (f.drift?.length) report.drift = [...f.drift]
  // A real run shows the plan only on failure: its warnings (a rename, settings an overwrite drops) and AWS's
  // import warnings still need saying.
  const warnings = [
    ...(f.inputs.dryRun || failed ? [] : f.plan.notes.filter((n) => n.startsWith('⚠️'))),
    ...(f.importWarnings ?? []).map((w) => `⚠️ API Gateway warned on import: ${w}`),
  ].map((n) => n.replace(/^⚠️ /, ''))
  if (warnings.length) report.notes = warnings
  return report
}

/** The stage a dry run's plan would leave: the plan's expected variables and deployment applied to the current one. */
function plannedStage(before: StageState | undefined, plan: Plan): StageState | undefined {
  const e = plan.expected
  if (e.deleted) return undefined
  if (plan.calls.length === 0) return before
  const variables = { ...(before?.variables ?? {}), ...e.variables }
  for (const name of e.absentVariables) delete variables[name]
  const deploymentId =
    e.deploymentId === NEW_DEPLOYMENT_ID ? 'new deployment' : (e.deploymentId ?? before?.deploymentId ?? '')
  const base: StageState = before ?? {
    stageName: plan.stageName,
    deploymentId,
    variables: {},
    cacheClusterEnabled: false,
    methodSettings: {},
    tracingEnabled: false,
    tags: {},
  }
  return { ...base, deploymentId, variables }
}
