// The record of a deployed definition kept in a stage tag: `sha256=… mode=… basepath=… deployment=…`. The
// deployment id ties it to what the stage runs: after a rollback or a promotion the record no longer matches.
import type { BasePathMode, DefinitionMode } from './options.js'

export interface DefinitionRecord {
  readonly sha256: string
  readonly mode: DefinitionMode
  readonly basePath: BasePathMode
  readonly deployment: string
}

export function formatDefinitionRecord(record: DefinitionRecord): string {
  return `sha256=${record.sha256} mode=${record.mode} basepath=${record.basePath} deployment=${record.deployment}`
}

export function parseDefinitionRecord(value: string | undefined): DefinitionRecord | undefined {
  const fields = new Map((value ?? '').split(' ').map((part) => part.split('=', 2) as [string, string | undefined]))
  const sha256 = fields.get('sha256')
  const mode = fields.get('mode')
  const basePath = fields.get('basepath')
  const deployment = fields.get('deployment')
  if (!sha256 || !deployment || (mode !== 'overwrite' && mode !== 'merge')) return undefined
  if (basePath !== 'ignore' && basePath !== 'prepend' && basePath !== 'split') return undefined
  return { sha256, mode, basePath, deployment }
}

/** The record says `deploymentId` was made from this very file, imported the same way. */
export function recordMatches(
  record: DefinitionRecord | undefined,
  wanted: Omit<DefinitionRecord, 'deployment'>,
  deploymentId: string | undefined,
): boolean {
  return (
    record !== undefined &&
    record.deployment === deploymentId &&
    record.sha256 === wanted.sha256 &&
    record.mode === wanted.mode &&
    record.basePath === wanted.basePath
  )
}
