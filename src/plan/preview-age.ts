// How long ago a preview API was last deployed, from its tag (else its creation date).
import type { PreviewApi } from '../model/state.js'

export const DAY_MS = 24 * 60 * 60 * 1000

/** The time of the preview's last deploy (ms), or undefined when neither the tag nor the creation date says. */
export function lastDeployed(p: PreviewApi): number | undefined {
  const at = Date.parse(p.deployedAt ?? p.createdDate ?? '')
  return Number.isNaN(at) ? undefined : at
}

/** Whole days since the last deploy. */
export function previewAge(now: number, p: PreviewApi): number | undefined {
  const at = lastDeployed(p)
  return at === undefined ? undefined : Math.floor((now - at) / DAY_MS)
}
