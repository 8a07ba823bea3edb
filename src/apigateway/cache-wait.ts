// wait-for-cache-cluster: poll the stage until its cache cluster has finished changing, within a bound.
import type { Sleep } from '../lib/sleep.js'
import type { StageState } from '../model/state.js'

export interface CacheWaitResult {
  /** The stage as last read. */
  stage: StageState | undefined
  /** True when the status settled before the time ran out. */
  settled: boolean
  waitedMs: number
}

export interface CacheWaitOptions {
  timeoutMs: number
  sleep: Sleep
  now?: () => number
  onPoll?: (status: string | undefined) => void
}

export function cacheClusterChanging(stage: StageState | undefined): boolean {
  return stage?.cacheClusterStatus?.endsWith('_IN_PROGRESS') ?? false
}

/**
 * Reads the stage (`readStage`, a GetStage) with growing pauses (1 s, 2 s, 4 s … at most 15 s) until the cluster
 * settles or the bound.
 */
export async function waitForCacheCluster(
  readStage: () => Promise<StageState | undefined>,
  options: CacheWaitOptions,
): Promise<CacheWaitResult> {
  const now = options.now ?? Date.now
  const started = now()
  let stage = await readStage()
  for (let round = 0; cacheClusterChanging(stage); round++) {
    const left = started + options.timeoutMs - now()
    if (left <= 0) return { stage, settled: false, waitedMs: now() - started }
    await options.sleep(Math.min(15_000, 1_000 * 2 ** round, left))
    stage = await readStage()
    options.onPoll?.(stage?.cacheClusterStatus)
  }
  return { stage, settled: true, waitedMs: now() - started }
}
