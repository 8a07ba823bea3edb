// Everything the renderer needs, assembled by build.ts after apply (or after planning, for a dry run).
// Pure data: the renderer does no I/O and reads no clock.

import type { ApiDiff } from '../diff/api-diff.js'
import type { StageDiff } from '../diff/stage-diff.js'
import type { Operation } from '../inputs/types.js'
import type { CanaryState, RestApiInfo } from '../model/state.js'
import type { RolloutReport } from '../rollout/outcome.js'

/** What happened to the stage, as the report headline says it. */
export type ReportStatus =
  /** A new deployment now serves the stage (deploy). */
  | 'deployed'
  /** A canary deployment was created or its traffic changed (deploy with canary-percent, update-canary). */
  | 'canary'
  /** The stage now runs another stage's deployment, or the canary became production (promote, promote-canary). */
  | 'promoted'
  /** The stage went back to an earlier deployment, or the canary was removed (rollback, rollback-canary). */
  | 'rolled-back'
  /** Only stage settings or variables changed. */
  | 'updated'
  | 'deleted'
  /** `delete` found no stage: an earlier run deleted it, or it never existed. */
  | 'absent'
  /** The run found nothing to change. */
  | 'unchanged'
  /** Dry run: nothing was written. */
  | 'planned'
  | 'failed'

/** What the API definition diff compared the new state with. */
export type DiffBaseline =
  /** The stage's own deployment before this run. */
  | { kind: 'previous'; deploymentId?: string }
  /** Another stage (`diff-against: <stage>`). */
  | { kind: 'stage'; stageName: string; deploymentId?: string }
  /** The canary's deployment compared with the stage's production deployment. */
  | { kind: 'production'; deploymentId?: string }

export type ApiDiffSection =
  | {
      kind: 'diff'
      baseline: DiffBaseline
      diff: ApiDiff
      /** `routes`: a side is a deployment's route summary (no integrations); absent: full definitions. */
      compared?: 'routes'
    }
  /** No diff: e.g. the export failed, the stage was deleted, or nothing to compare with. Reason is shown as is. */
  | { kind: 'unavailable'; reason: string }

export interface SmokeTestResult {
  url: string
  ok: boolean
  /** HTTP status, when a response arrived. */
  status?: number
  durationMs?: number
  /** Why it failed (network error, unexpected status…). */
  message?: string
  /** A canary this run deployed was rolled back because of the failure. */
  rolledBack?: boolean
}

export interface ReportInput {
  operation: Operation
  status: ReportStatus
  dryRun: boolean
  api: RestApiInfo
  /** `preview-isolation: api`: the source API the preview API (`api`) was made for; it names the sticky comment. */
  previewOf?: { id: string; name: string }
  region: string
  stageName: string
  /** `https://{id}.execute-api.{region}.amazonaws.com/{stage}` */
  baseUrl: string
  /** Base URL through the custom domain mapping, when one is configured. */
  customUrl?: string
  consoleUrl: string
  /** Production deployment of the stage after the run (or planned). */
  deploymentId?: string
  /** Production deployment before the run: the rollback target. */
  previousDeploymentId?: string
  /** The canary after the run (or planned); absent when the stage has none. Override values obey showVariableValues. */
  canary?: CanaryState
  stageDiff?: StageDiff
  apiDiff: ApiDiffSection
  /** The plan's notes; shown for dry runs and failures. */
  planNotes: string[]
  /** Extra lines to show (warnings such as "comment skipped"); plain text. */
  notes?: string[]
  /** Link to the workflow run, e.g. `https://github.com/o/r/actions/runs/1`. */
  runUrl?: string
  commitSha?: string
  /** When the stage was last updated (ISO 8601), e.g. the stage's lastUpdatedDate after the run. */
  updatedAt?: string
  /** Show stage variable values (opt-in). Names are always shown. */
  showVariableValues: boolean
  smokeTest?: SmokeTestResult
  /** For `failed`: what failed, and the one input or command that rolls back. Plain text. */
  error?: string
  /** For `failed`: which part failed; `smoke-test` means the change itself is live. */
  failure?: FailureKind
  /** The stage a promote took its deployment from. */
  promotedFrom?: string
  /** Base path mappings a delete removed (`domain/basePath`). */
  removedMappings?: string[]
  /** What changed on the stage outside this action since its last run; absent when nothing did (or unknown). */
  drift?: string[]
  /** Operation rollout: how it stands, with every interval kept (sections/rollout.ts). */
  rollout?: RolloutReport
}

/** Why a run failed: input (nothing read), refused (nothing written), read, apply (AWS write), smoke-test. */
export type FailureKind = 'input' | 'refused' | 'read' | 'apply' | 'smoke-test'
