// prune-previews-older-than: before a deploy, delete preview stages nobody has updated for N days.

import type { StageState } from '../model/state.js'
import type { PlanContext } from './context.js'
import { stageRemovalCalls } from './delete.js'
import type { Plan } from './types.js'

const DAY_MS = 24 * 60 * 60 * 1000

/** A stage's last activity: its last update, else its creation. */
function lastActivity(stage: StageState): number | undefined {
  const date = stage.lastUpdatedDate ?? stage.createdDate
  return date ? Date.parse(date) : undefined
}

/** Stages matching the pattern (never the target) idle for longer than the limit. */
function stalePreviews(ctx: PlanContext): StageState[] {
  const days = ctx.inputs.prunePreviewsOlderThanDays
  if (days === undefined) return []
  if (ctx.now === undefined) throw new Error('plan error: pruning needs the current time')
  if (!ctx.state.previewStages)
    throw new Error('plan error: prune-previews-older-than is set but the stages were not read')
  const cutoff = ctx.now - days * DAY_MS
  return ctx.state.previewStages.filter((s) => {
    const at = lastActivity(s)
    return s.stageName !== ctx.inputs.stage && at !== undefined && at < cutoff
  })
}

/** Puts the removal of stale previews before the plan's own calls, so a freed slot serves the new stage. */
export function withPrune(plan: Plan, ctx: PlanContext): Plan {
  const stale = stalePreviews(ctx)
  if (!stale.length) {
    return ctx.inputs.prunePreviewsOlderThanDays === undefined
      ? plan
      : {
          ...plan,
          notes: [
            ...plan.notes,
            `No preview stage has been idle for over ${ctx.inputs.prunePreviewsOlderThanDays} day(s).`,
          ],
        }
  }
  const calls = stale.flatMap((s) => stageRemovalCalls(ctx.state.api.id, s.stageName, ctx.state.stageMappings))
  const names = stale.map(
    (s) => `${s.stageName} (last updated ${(s.lastUpdatedDate ?? s.createdDate ?? '').slice(0, 10)})`,
  )
  return {
    ...plan,
    calls: [...calls, ...plan.calls],
    notes: [`Pruning ${stale.length} stale preview stage(s): ${names.join(', ')}.`, ...plan.notes],
  }
}
