// When api-smart-diff throws (it does on some malformed schemas), the diff still says which operations were added,
// removed or changed, without classifying the changes: diffs in the library's shape, grouped the same way.

import type { Diff } from 'api-smart-diff'
import { isRecord, type Json, stableJson } from './json.js'
import { INTEGRATION_KEY } from './operation-keys.js'
import { describeIntegration } from './wording.js'

export function structuralDiffs(before: Json, after: Json): Diff[] {
  const a = operations(before)
  const b = operations(after)
  const diffs: Diff[] = []
  for (const [key, { path, op }] of b) {
    const old = a.get(key)?.op
    if (old === undefined) {
      diffs.push({ action: 'add', type: 'non-breaking', path })
      continue
    }
    const { [INTEGRATION_KEY]: integrationBefore, ...contractBefore } = old
    const { [INTEGRATION_KEY]: integrationAfter, ...contractAfter } = op
    if (stableJson(contractBefore) !== stableJson(contractAfter)) {
      diffs.push({ action: 'replace', type: 'non-breaking', path, description: 'Definition changed (not classified)' })
    }
    if (stableJson(integrationBefore) !== stableJson(integrationAfter)) {
      const description = describeIntegration(integrationBefore, integrationAfter)
      diffs.push({ action: 'replace', type: 'non-breaking', path: [...path, INTEGRATION_KEY], description })
    }
  }
  for (const [key, { path }] of a) if (!b.has(key)) diffs.push({ action: 'remove', type: 'breaking', path })
  return diffs
}

/** Every operation of a comparable document, by `path method key`. */
function operations(doc: Json): Map<string, { path: string[]; op: Json }> {
  const out = new Map<string, { path: string[]; op: Json }>()
  for (const [path, item] of Object.entries(isRecord(doc.paths) ? doc.paths : {})) {
    if (!isRecord(item)) continue
    for (const [method, op] of Object.entries(item)) {
      if (isRecord(op)) out.set(`${path} ${method}`, { path: ['paths', path, method], op })
    }
  }
  return out
}
