// The ApiDiff result from grouped changes: duplicates dropped, a stable order (paths in code-unit order, methods in
// the usual order, breaking changes first) and the counts.

import type {
  ApiChange,
  ApiDiff,
  ApiDiffCounts,
  ChangeClassification,
  ChangedOperation,
  OperationRef,
} from './api-diff-types.js'
import { opKey } from './operation-keys.js'

/** Changes sorted out by what they belong to; `changed` is keyed by operation. */
export interface Grouped {
  added: OperationRef[]
  removed: OperationRef[]
  changed: Map<string, { ref: OperationRef; changes: ApiChange[] }>
  apiLevel: ApiChange[]
}

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY']
const CLASS_RANK: Record<ChangeClassification, number> = { breaking: 0, 'non-breaking': 1, annotation: 2 }

export function apiDiffResult(format: ApiDiff['format'], engine: ApiDiff['engine'], grouped: Grouped): ApiDiff {
  const added = sortRefs(dedupeRefs(grouped.added))
  const removed = sortRefs(dedupeRefs(grouped.removed))
  const gone = new Set([...added, ...removed].map(opKey))
  const changed: ChangedOperation[] = sortRefs(
    [...grouped.changed.values()]
      .map(({ ref, changes }) => ({ ref, changes: dedupeAndSort(changes) }))
      .filter(({ ref, changes }) => changes.length > 0 && !gone.has(opKey(ref)))
      .map(({ ref, changes }) => ({ ...ref, classification: changes[0]?.classification ?? 'annotation', changes })),
  )
  const apiLevel = dedupeAndSort(grouped.apiLevel)
  const all = [...changed.flatMap((c) => c.changes), ...apiLevel]
  const counts: ApiDiffCounts = {
    added: added.length,
    removed: removed.length,
    changed: changed.length,
    breaking: removed.length + all.filter((c) => c.classification === 'breaking').length,
    nonBreaking: added.length + all.filter((c) => c.classification === 'non-breaking').length,
    annotation: all.filter((c) => c.classification === 'annotation').length,
  }
  return {
    format,
    engine,
    added,
    removed,
    changed,
    apiLevel,
    counts,
    identical: added.length + removed.length + changed.length + apiLevel.length === 0,
  }
}

export function worstClassification(list: ChangeClassification[]): ChangeClassification | undefined {
  return [...list].sort((x, y) => CLASS_RANK[x] - CLASS_RANK[y])[0]
}

function dedupeAndSort(changes: ApiChange[]): ApiChange[] {
  const seen = new Set<string>()
  const out: ApiChange[] = []
  for (const c of changes) {
    const key = `${c.classification}|${c.kind}|${c.description}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(c)
  }
  return out.sort(
    (x, y) =>
      CLASS_RANK[x.classification] - CLASS_RANK[y.classification] ||
      compareStrings(x.kind, y.kind) ||
      compareStrings(x.description, y.description),
  )
}

function dedupeRefs(refs: OperationRef[]): OperationRef[] {
  const map = new Map(refs.map((r) => [opKey(r), r]))
  return [...map.values()]
}

function sortRefs<T extends OperationRef>(refs: T[]): T[] {
  return refs.sort((x, y) => compareStrings(x.path, y.path) || methodRank(x.method) - methodRank(y.method))
}

function methodRank(method: string): number {
  const i = METHOD_ORDER.indexOf(method)
  return i === -1 ? METHOD_ORDER.length : i
}

/** Code-unit order, independent of the runner's locale. */
function compareStrings(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0
}
