// The API diff's pre-pass: finds the operations that are equal on both sides (same path and method, equal content, no
// changed component reachable through $ref) and builds reduced documents without them, so that api-smart-diff walks
// only what differs. Everything outside `paths` (components, security, the x-amazon-apigateway-* extensions) stays
// whole, so the library compares it and resolves references exactly as in the full documents.
//
// An operation left out contributes nothing, as in the full diff, because:
// - the library maps paths by template (`/a/{id}` matches `/a/{petId}`), first match first: only a path whose template
//   has the same single key on both sides loses operations; any other path is kept whole;
// - an equal operation gives no diff unless its content trips the library (quirks.ts flags that: it is kept);
// - the library writes transformed nodes back into what it walks: operations sharing an object with one it walks are
//   kept with it (part-scan.ts notes the sharing);
// - it remembers $ref comparisons across operations: those of equal operations are equal (and empty) pairs;
// - it walks the kept operations in the same order, after the components, as in the full documents.

import { isRecord, type Json } from './json.js'
import { completeOperation } from './normalize.js'
import { type PartCheck, PartScan } from './part-scan.js'
import { componentKey } from './pointer.js'

export interface Reduced {
  before: Json
  after: Json
}

/** Owner of everything outside `paths`, which the library always walks. */
const TOP = '\u0000top'
/** Operations sampled before the whole pass; when most differ, the pre-pass is skipped. */
const SAMPLE = 32
const MOSTLY_CHANGED = 0.75

interface Pair {
  path: string
  method: string
  owner: string
  check?: PartCheck
}

/** Reduced documents, or undefined when nothing can be left out or the documents are beyond the pre-pass. */
export function reduceDefinitions(before: Json, after: Json): Reduced | undefined {
  const scan = new PartScan(before)
  const dirty = dirtyComponents(scan, before, after)
  const paths: [Json, Json] = [pathsOf(before), pathsOf(after)]
  const { single, walked, oneSided } = pathKeys(paths)
  const pairs = operationPairs(paths, single)
  const changed = (pair: Pair): boolean => {
    pair.check ??= scan.compare(operation(paths[0], pair), operation(paths[1], pair), pair.owner, true)
    const { equal, flagged, refs } = pair.check
    return !equal || flagged || [...refs].some((ref) => dirty.has(ref))
  }
  const step = Math.max(1, Math.floor(pairs.length / SAMPLE))
  const sample = pairs.filter((_, i) => i % step === 0)
  if (sample.filter(changed).length > sample.length * MOSTLY_CHANGED) return undefined

  const traversed = new Set<string>([TOP])
  const candidates: Pair[] = []
  for (const pair of pairs) {
    if (changed(pair)) traversed.add(pair.owner)
    else candidates.push(pair)
  }
  for (const side of [0, 1] as const) {
    for (const key of walked) {
      for (const [method, value] of Object.entries(isRecord(paths[side][key]) ? paths[side][key] : {})) {
        const owner = ownerOf(key, method)
        traversed.add(owner)
        scan.register(value, owner, true)
      }
    }
  }
  if (scan.unsafe) return undefined
  const sharing = new Sharing(scan.shared())
  const groups = new Set([...traversed].map((owner) => sharing.root(owner)))
  const dropped = new Set(candidates.filter((p) => !groups.has(sharing.root(p.owner))).map((p) => p.owner))
  if (dropped.size === 0) return undefined
  const kept = keptPaths(
    paths,
    single,
    candidates.filter((p) => dropped.has(p.owner)),
  )
  for (const path of [...walked, ...oneSided]) kept.add(path)
  return { before: reducedDocument(before, kept, dropped), after: reducedDocument(after, kept, dropped) }
}

function pathsOf(doc: Json): Json {
  return isRecord(doc.paths) ? doc.paths : {}
}

function ownerOf(path: string, method: string): string {
  return `${method} ${path}`
}

function operation(paths: Json, pair: Pair): unknown {
  return (paths[pair.path] as Json)[pair.method]
}

/** Components that differ, or reach one that differs through $ref, or that the library could trip on. */
function dirtyComponents(scan: PartScan, before: Json, after: Json): Set<string> {
  const sides = [outsidePaths(scan, before), outsidePaths(scan, after)] as const
  const dirty = new Set<string>()
  const referrers = new Map<string, string[]>()
  for (const [key, x] of sides[0]) {
    const y = sides[1].get(key)
    if (!sides[1].has(key)) {
      dirty.add(key)
      scan.register(x, TOP, false)
      continue
    }
    const { equal, flagged, refs } = scan.compare(x, y, TOP, false)
    if (!equal || flagged) dirty.add(key)
    for (const ref of refs) referrers.set(ref, [...(referrers.get(ref) ?? []), key])
  }
  for (const [key, y] of sides[1]) {
    if (!sides[0].has(key)) {
      dirty.add(key)
      scan.register(y, TOP, false)
    }
  }
  const queue = [...dirty]
  for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
    for (const referrer of referrers.get(key) ?? []) {
      if (!dirty.has(referrer)) {
        dirty.add(referrer)
        queue.push(referrer)
      }
    }
  }
  return dirty
}

/**
 * Every component of one side, by componentKey (registered when compared); the rest outside `paths` is only registered
 * (the library walks it whole).
 */
function outsidePaths(scan: PartScan, doc: Json): Map<string, unknown> {
  const components = new Map<string, unknown>()
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'paths') continue
    if (key !== 'components' || !isRecord(value)) {
      scan.register(value, TOP, false)
      continue
    }
    for (const [kind, entries] of Object.entries(value)) {
      if (!isRecord(entries)) {
        scan.register(entries, TOP, false)
        continue
      }
      for (const [name, entry] of Object.entries(entries)) components.set(componentKey(kind, name), entry)
    }
  }
  return components
}

/**
 * Paths whose template (`{…}` as `*`) has the same single key on both sides, whose operations can be left out; the
 * others of a template on both sides, kept whole because the library matches them to one another by template; and
 * those of a template on one side only, whose operations are added or removed whole (the library does not walk them).
 */
function pathKeys(paths: [Json, Json]): { single: string[]; walked: string[]; oneSided: string[] } {
  const byTemplate = new Map<string, [string[], string[]]>()
  for (const [side, doc] of paths.entries()) {
    for (const key of Object.keys(doc)) {
      const template = key.replace(/\{.*?\}/g, '*')
      const keys = byTemplate.get(template) ?? [[], []]
      keys[side]?.push(key)
      byTemplate.set(template, keys)
    }
  }
  const single: string[] = []
  const walked: string[] = []
  const oneSided: string[] = []
  for (const [a, b] of byTemplate.values()) {
    if (a.length === 1 && b.length === 1 && a[0] === b[0]) single.push(a[0] as string)
    else if (a.length === 0 || b.length === 0) oneSided.push(...a, ...b)
    else walked.push(...new Set([...a, ...b]))
  }
  return { single, walked, oneSided }
}

function operationPairs(paths: [Json, Json], single: string[]): Pair[] {
  const pairs: Pair[] = []
  for (const path of single) {
    const a = paths[0][path] as Json
    const b = paths[1][path] as Json
    for (const method of Object.keys(a)) {
      if (method in b) pairs.push({ path, method, owner: ownerOf(path, method) })
    }
  }
  return pairs
}

/**
 * Of the paths whose operations can be left out, those with an operation left on either side: each is kept on both
 * sides, as an empty item where it has none. (Paths matched by template are kept whole: an empty item still takes part
 * in matching.)
 */
function keptPaths(paths: [Json, Json], single: string[], dropped: Pair[]): Set<string> {
  const droppedIn = new Map<string, number>()
  for (const { path } of dropped) droppedIn.set(path, (droppedIn.get(path) ?? 0) + 1)
  const kept = new Set<string>()
  for (const path of single) {
    const operations = Object.keys(paths[0][path] as Json).length + Object.keys(paths[1][path] as Json).length
    if (operations > 2 * (droppedIn.get(path) ?? 0)) kept.add(path)
  }
  return kept
}

function reducedDocument(doc: Json, kept: Set<string>, dropped: Set<string>): Json {
  const out: Json = {}
  for (const [key, value] of Object.entries(doc)) {
    if (key !== 'paths') {
      out[key] = value
      continue
    }
    const paths: Json = {}
    for (const [path, item] of Object.entries(pathsOf(doc))) {
      if (!kept.has(path)) continue
      const operations: Json = {}
      for (const [method, operation] of Object.entries(item as Json)) {
        if (!dropped.has(ownerOf(path, method))) operations[method] = completeOperation(operation as Json)
      }
      paths[path] = operations
    }
    out.paths = paths
  }
  return out
}

/** Union-find over parts that share objects. */
class Sharing {
  private readonly parent = new Map<string, string>()

  constructor(links: Array<[string, string]>) {
    for (const [x, y] of links) {
      const [rx, ry] = [this.root(x), this.root(y)]
      if (rx !== ry) this.parent.set(rx, ry)
    }
  }

  root(owner: string): string {
    let node = owner
    for (let next = this.parent.get(node); next !== undefined; next = this.parent.get(node)) node = next
    if (node !== owner) this.parent.set(owner, node)
    return node
  }
}
