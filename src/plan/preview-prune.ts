// prune-previews-older-than with `preview-isolation: api`: before the deploy, delete this repository's preview APIs
// whose last deploy (their tag) is older than N days. AWS allows 1 DeleteRestApi per 30 s per account, so one run
// deletes at most a few (spaced by the executor) and says what is left for the next run.
import type { PreviewState } from '../model/state.js'
import type { PlanContext } from './context.js'
import { DAY_MS, lastDeployed, previewAge } from './preview-age.js'
import { apiRemovalCalls } from './preview-removal.js'
import type { Plan } from './types.js'

/** At 1 DeleteRestApi per 30 s, this keeps a run's pruning to about two minutes. */
const MAX_PRUNED_APIS_PER_RUN = 4

export function withApiPrune(plan: Plan, ctx: PlanContext, preview: PreviewState): Plan {
  const days = ctx.inputs.prunePreviewsOlderThanDays
  if (days === undefined) return plan
  if (ctx.now === undefined) throw new Error('plan error: pruning needs the current time')
  const now = ctx.now
  const cutoff = now - days * DAY_MS
  const mine = new Set(preview.mine.map((p) => p.id))
  const stale = preview.repository
    .filter((p) => !mine.has(p.id) && p.id !== ctx.state.api.id)
    .filter((p) => (lastDeployed(p) ?? now) < cutoff)
    .sort((a, b) => (lastDeployed(a) ?? 0) - (lastDeployed(b) ?? 0))
  if (!stale.length) {
    return {
      ...plan,
      notes: [...plan.notes, `No preview API of this repository was deployed over ${days} day(s) ago.`],
    }
  }
  const pruned = stale.slice(0, MAX_PRUNED_APIS_PER_RUN)
  const later = stale.slice(MAX_PRUNED_APIS_PER_RUN)
  const describe = (p: (typeof stale)[number]) =>
    `${p.name} (${p.id}, PR #${p.pullRequest}, ${previewAge(now, p)} day(s))`
  return {
    ...plan,
    calls: [...apiRemovalCalls(pruned, preview), ...plan.calls],
    notes: [
      `Pruning ${pruned.length} preview API(s) last deployed over ${days} day(s) ago, 30 s apart (AWS: 1 DeleteRestApi per 30 s): ${pruned.map(describe).join(', ')}.`,
      ...(later.length
        ? [`⚠️ ${later.length} more stale preview API(s) are left for the next run: ${later.map(describe).join(', ')}.`]
        : []),
      ...plan.notes,
    ],
  }
}
