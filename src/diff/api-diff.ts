// Operation-level diff of two API definitions as API Gateway exports them (GetExport oas30 or swagger, with or
// without the x-amazon-apigateway-* extensions), or of two deployments' `apiSummary` maps (GetDeployment with
// embed=apisummary). api-smart-diff compares and classifies, with API Gateway's rules added through its hooks
// (gateway-rules.ts); normalize.ts makes the inputs comparable, group.ts and result.ts shape its findings.
//
// Pure and heavy: the read step loads it with `await import()` only when a diff is needed. Nothing on the start-up
// path may import it; the renderer imports its types only (`import type`).

import { compareOpenApi, type Diff } from 'api-smart-diff'
import type { ApiDiff } from './api-diff-types.js'
import { structuralDiffs } from './fallback.js'
import { gatewayCompareOptions } from './gateway-rules.js'
import { groupDiffs } from './group.js'
import { normalizeDefinition } from './normalize.js'
import { apiDiffResult } from './result.js'

export type { ApiChange, ApiDiff, OperationRef } from './api-diff-types.js'
export { normalizeDefinition } from './normalize.js'
export { redactAccountIds } from './wording.js'

export function diffApiDefinitions(before: object | undefined, after: object | undefined): ApiDiff {
  const a = normalizeDefinition(before)
  const b = normalizeDefinition(after)
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
