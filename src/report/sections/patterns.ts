// Collapses changes repeated across operations ("140 × Lambda function `…v1` → `…v2`") so a large diff shows what
// differs between operations instead of the same line over and over.

import type { OperationRef } from '../../diff/api-diff.js'

export interface OperationChange {
  op: OperationRef
  /** The change in report wording, with identifiers between backticks. */
  text: string
}

export interface Pattern {
  /** The shared shape, e.g. "Lambda function `…v1` → `…v2`". */
  shape: string
  ops: OperationRef[]
}

/** A change repeated on at least this many operations is shown once, with the operations it applies to. */
const PATTERN_MIN = 3

/** Repeated changes as patterns (most frequent first); the rest grouped per operation, in the order given. */
export function collapsePatterns(changes: OperationChange[]): {
  patterns: Pattern[]
  single: Array<{ op: OperationRef; texts: string[] }>
} {
  const byShape = new Map<string, OperationChange[]>()
  for (const change of changes) {
    const key = shapeOf(change.text)
    byShape.set(key, [...(byShape.get(key) ?? []), change])
  }
  const patterns: Pattern[] = []
  const rest = new Set<OperationChange>()
  for (const [shape, members] of byShape) {
    if (members.length >= PATTERN_MIN) patterns.push({ shape, ops: members.map((m) => m.op) })
    else for (const m of members) rest.add(m)
  }
  patterns.sort((a, b) => b.ops.length - a.ops.length)
  const single = new Map<string, { op: OperationRef; texts: string[] }>()
  for (const change of changes) {
    if (!rest.has(change)) continue
    const key = `${change.op.method} ${change.op.path}`
    const entry = single.get(key) ?? { op: change.op, texts: [] }
    entry.texts.push(change.text)
    single.set(key, entry)
  }
  return { patterns, single: [...single.values()] }
}

/** `prefix-v1` → `prefix-v2` becomes `…v1` → `…v2`: what the two values differ in, from the last separator on. */
function shapeOf(text: string): string {
  return text.replace(/`([^`]*)` → `([^`]*)`/g, (_m, a: string, b: string) => {
    const [x, y] = differingParts(a, b)
    return `\`${x}\` → \`${y}\``
  })
}

const SEPARATORS = /[-_:/.]/

function differingParts(a: string, b: string): [string, string] {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  while (start > 0 && !SEPARATORS.test(a[start - 1] ?? '')) start--
  let end = 0
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++
  while (end > 0 && !SEPARATORS.test(a[a.length - end] ?? '')) end--
  const cut = (s: string) => {
    const mid = s.slice(start, s.length - end)
    return `${start > 0 ? '…' : ''}${mid}${end > 0 ? '…' : ''}`
  }
  return [cut(a), cut(b)]
}
