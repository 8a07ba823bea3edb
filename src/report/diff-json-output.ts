// The diff-json step output, kept under the runner's output size.
import type { DiffJson } from './types.js'

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
