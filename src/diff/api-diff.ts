// Operation-level diff of two API definitions as API Gateway exports them (GetExport oas30 or swagger, with or
// without the x-amazon-apigateway-* extensions), or of two deployments' `apiSummary` maps (GetDeployment with
// embed=apisummary). api-smart-diff compares and classifies, with API Gateway's rules added through its hooks
// (gateway-rules.ts); normalize.ts makes the inputs comparable, group.ts and result.ts shape its findings.
//
// The library walks every operation it is given, so a pre-pass (reduce.ts) first leaves out the operations that are
// equal on both sides: the diff costs what changed. The result is the full diff's (fullApiDiff), which runs instead
// when the pre-pass cannot help (most operations changed) or cannot vouch for its reduction, and when the library
// throws (its fallback depends on what it walked before it threw).
//
// Pure and heavy: the read step loads it with `await import()` only when a diff is needed. Nothing on the start-up
// path may import it; the renderer imports its types only (`import type`).

import { compareOpenApi, type Diff } from 'api-smart-diff'
import type { ApiDiff } from './api-diff-types.js'
import { structuralDiffs } from './fallback.js'
import { gatewayCompareOptions } from './gateway-rules.js'
import { groupDiffs } from './group.js'
import { type Normalized, normalizeDefinition } from './normalize.js'
import { reduceDefinitions } from './reduce.js'
import { apiDiffResult } from './result.js'

export type { ApiChange, ApiDiff, OperationRef } from './api-diff-types.js'
export { normalizeDefinition } from './normalize.js'
export { redactAccountIds } from './wording.js'

export function diffApiDefinitions(before: object | undefined, after: object | undefined): ApiDiff {
  let a: Normalized
  let b: Normalized
  let diffs: Diff[] | undefined
  try {
    // Without copies: the library gets copies of the reduced documents only.
    a = normalizeDefinition(before, false)
    b = normalizeDefinition(after, false)
    const reduced = reduceDefinitions(a.doc, b.doc)
    if (reduced !== undefined) {
      const x = a.owned ? reduced.before : structuredClone(reduced.before)
      const y = b.owned ? reduced.after : structuredClone(reduced.after)
      diffs = compareOpenApi(x, y, gatewayCompareOptions()).diffs
    }
  } catch {
    return fullApiDiff(before, after)
  }
  if (diffs === undefined) return fullApiDiff(before, after, [a, b])
  return apiDiffResult({ before: a.format, after: b.format }, 'api-smart-diff', groupDiffs(diffs, a.doc, b.doc))
}

/**
 * The diff of the whole documents, without the pre-pass. `normalized` offers documents already normalised from these
 * inputs; only those that share nothing with the inputs are used, as the library writes into what it compares.
 */
export function fullApiDiff(
  before: object | undefined,
  after: object | undefined,
  normalized?: [Normalized, Normalized],
): ApiDiff {
  const a = normalized?.[0].owned === true ? normalized[0] : normalizeDefinition(before)
  const b = normalized?.[1].owned === true ? normalized[1] : normalizeDefinition(after)
  const format = { before: a.format, after: b.format }
  let diffs: Diff[]
  try {
    diffs = compareOpenApi(a.doc, b.doc, gatewayCompareOptions()).diffs
  } catch {
    // Operations the library compared before it threw are as it left them: it writes transformed nodes back.
    return apiDiffResult(format, 'structural', groupDiffs(structuralDiffs(a.doc, b.doc), a.doc, b.doc))
  }
  return apiDiffResult(format, 'api-smart-diff', groupDiffs(diffs, a.doc, b.doc))
}
