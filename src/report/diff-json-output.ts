// The `diff-json` output: the report's facts for machines (the JSON projection of ReportInput), kept under the
// runner's output size. Variable values appear only when the workflow opted in.

import type { ApiDiff } from '../diff/api-diff.js'
import type { StageDiff, VariableChange, VariablesDiff } from '../diff/stage-diff.js'
import type { Operation } from '../inputs/types.js'
import type { DiffBaseline, ReportInput, ReportStatus, SmokeTestResult } from './types.js'

/** `diff-json` output: the same facts as the markdown, for machines. Variable values only when opted in. */
export interface DiffJson {
  schemaVersion: 1
  operation: Operation
  status: ReportStatus
  dryRun: boolean
  api: { id: string; name: string }
  region: string
  stage: string
  baseUrl: string
  customUrl: string | null
  consoleUrl: string
  runUrl: string | null
  commitSha: string | null
  updatedAt: string | null
  deploymentId: string | null
  previousDeploymentId: string | null
  canary: { deploymentId: string; percentTraffic: number; useStageCache: boolean; overrides: string[] } | null
  /** Whether anything changed: stage or API definition. */
  changed: boolean
  breakingChanges: number
  apiChanges: DiffJsonApiChanges
  stageChanges: DiffJsonStageChanges | null
  smokeTest: SmokeTestResult | null
  error: string | null
}

type DiffJsonApiChanges =
  | {
      available: true
      baseline: DiffBaseline
      counts: ApiDiff['counts']
      added: ApiDiff['added']
      removed: ApiDiff['removed']
      changed: ApiDiff['changed']
      apiLevel: ApiDiff['apiLevel']
    }
  | { available: false; reason: string }

interface DiffJsonVariableChange {
  name: string
  /** Present only when showVariableValues is on. */
  before?: string
  after?: string
}

interface DiffJsonVariables {
  added: DiffJsonVariableChange[]
  removed: DiffJsonVariableChange[]
  changed: DiffJsonVariableChange[]
}

interface DiffJsonStageChanges {
  change: StageDiff['change']
  deploymentId: { before: string | null; after: string | null } | null
  canary: {
    change: StageDiff['canary']['change']
    deploymentId: { before: string | null; after: string | null } | null
    percentTraffic: { before: number | null; after: number | null } | null
    overrides: DiffJsonVariables
  }
  variables: DiffJsonVariables
  settings: StageDiff['settings']
}

/** Step outputs hold at most about 1 MB per job: keep diff-json well under it. */
const DIFF_JSON_LIMIT = 256 * 1024

export function toDiffJson(input: ReportInput): DiffJson {
  const section = input.apiDiff
  const apiChanges: DiffJsonApiChanges =
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

function variablesJson(diff: VariablesDiff, showValues: boolean): DiffJsonVariables {
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

/** The JSON string for the output: the operation lists are dropped, with a note, when it would be too long. */
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
