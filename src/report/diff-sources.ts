// Decides what the API diff compares, per operation. Pure: main.ts reads the sources it names.

import type { ActionInputs } from '../inputs/types.js'
import type { DefinitionSource, ReadState } from '../model/state.js'
import { createsCanary } from '../plan/context.js'
import type { Plan } from '../plan/types.js'
import type { DiffBaseline } from './types.js'

export type DiffSources =
  | {
      kind: 'diff'
      baseline: DiffBaseline
      /** Read before any change (undefined: nothing to compare with, e.g. a new stage). */
      before?: DefinitionSource
      /**
       * Read after the change. `canary` means the canary's deployment once the run is done; `file` the repository's
       * definition (a dry run with `definition`: what the change would deploy); undefined with a dry run means
       * "same as before" (nothing new exists to read).
       */
      after?: DefinitionSource | 'canary' | 'file'
    }
  | { kind: 'unavailable'; reason: string }

const stage = (stageName: string): DefinitionSource => ({ kind: 'stage', stageName })
const deployment = (deploymentId: string): DefinitionSource => ({ kind: 'deployment', deploymentId })

export function diffSources(inputs: ActionInputs, state: ReadState, plan: Plan): DiffSources {
  const current = state.stage
  const op = inputs.operation
  if (op === 'delete') return { kind: 'unavailable', reason: 'The stage is deleted by this run.' }
  if (op === 'rollback-canary') {
    return { kind: 'unavailable', reason: 'Production is unchanged; only the canary is removed.' }
  }

  const isCanary = createsCanary(inputs) || op === 'update-canary'
  if (isCanary) {
    // The canary against production: both are deployments, compared by their route summaries.
    if (!current) return { kind: 'unavailable', reason: 'The stage does not exist.' }
    const before = deployment(current.deploymentId)
    const baseline: DiffBaseline = { kind: 'production', deploymentId: current.deploymentId }
    if (inputs.dryRun && op === 'deploy' && inputs.definition) {
      // What production serves against the file the canary would get.
      return { kind: 'diff', baseline, before: stage(inputs.stage), after: 'file' }
    }
    if (inputs.dryRun && op === 'deploy') {
      return { kind: 'unavailable', reason: 'Dry run: the canary deployment does not exist yet.' }
    }
    if (op === 'promote') {
      const source = state.sourceStage
      if (!source) return { kind: 'unavailable', reason: 'The stage to promote from does not exist.' }
      return { kind: 'diff', baseline, before, after: deployment(source.deploymentId) }
    }
    return { kind: 'diff', baseline, before, after: 'canary' }
  }

  const baseline: DiffBaseline =
    inputs.diffAgainst.kind === 'stage'
      ? { kind: 'stage', stageName: inputs.diffAgainst.stage }
      : current
        ? { kind: 'previous', deploymentId: current.deploymentId }
        : { kind: 'previous' }
  const before =
    inputs.diffAgainst.kind === 'stage' ? stage(inputs.diffAgainst.stage) : current ? stage(inputs.stage) : undefined

  const self = stage(inputs.stage)
  const withBefore = before ? { before } : {}
  if (inputs.dryRun) {
    // The file is what a deploy with `definition` would serve: the plan shows its change before anything is written.
    if (op === 'deploy' && inputs.definition) return { kind: 'diff', baseline, ...withBefore, after: 'file' }
    // Only a promotion has its future definition already deployed somewhere: the source stage.
    if (op === 'promote' && inputs.promoteFrom)
      return { kind: 'diff', baseline, ...withBefore, after: stage(inputs.promoteFrom) }
    return { kind: 'unavailable', reason: 'Dry run: the API diff is computed when the change is applied.' }
  }
  // Against the stage's own previous state with nothing changed, `after` is `before`: one read saved.
  const unchanged = plan.calls.length === 0 && inputs.diffAgainst.kind === 'previous'
  return { kind: 'diff', baseline, ...withBefore, ...(unchanged ? {} : { after: self }) }
}

/**
 * The stage whose export will be the diff's `before`, known from the inputs alone, so main.ts can read it
 * together with the stage (one round trip). Undefined when the diff needs no stage export before the change.
 */
export function stageToPrefetch(inputs: ActionInputs): string | undefined {
  const op = inputs.operation
  if (op === 'delete' || op === 'rollback-canary' || op === 'update-canary') return undefined
  if (createsCanary(inputs)) return inputs.dryRun && op === 'deploy' && inputs.definition ? inputs.stage : undefined
  const knownAfter = (op === 'promote' && inputs.promoteFrom) || (op === 'deploy' && inputs.definition)
  if (inputs.dryRun && !knownAfter) return undefined
  return inputs.diffAgainst.kind === 'stage' ? inputs.diffAgainst.stage : inputs.stage
}
