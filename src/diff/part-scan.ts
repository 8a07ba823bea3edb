// Compares one part (an operation, a component) of the two comparable documents for the diff's pre-pass (reduce.ts):
// equal as api-smart-diff sees it (keys matched by name, so their order is free; values by type and `===`), the
// components it references, and whether the library could report or throw on it even when both sides are equal
// (quirks.ts). A structural walk of both sides at once, cheaper than serialising them; written for few calls per
// node, as it runs once per diff, mostly before the JIT warms up. It goes on past the first difference because it
// also notes the objects it meets: the library writes transformed nodes back into the objects it walks, so parts
// that share an object (YAML aliases, path-level parameters merged into each operation) must be walked together.

import { isRecord, type Json } from './json.js'
import { completeResponse } from './normalize.js'
import { INTEGRATION_KEY } from './operation-keys.js'
import { type RefTarget, refTarget } from './pointer.js'
import { listQuirk, NAME_MAPS, namesQuirk, objectQuirk } from './quirks.js'

export interface PartCheck {
  equal: boolean
  /** The library may report, or fail on, the part when both sides are equal: it must be compared. */
  flagged: boolean
  /** Components the part references (componentKey). */
  refs: Set<string>
}

/** How an object's children are walked: under their own key, as names (a name map), as data, as an operation's. */
type Keys = 'own' | 'names' | 'data' | 'operation'

/** Marks an owner noted where the object is data (see `leave`). */
const DATA = '\u0001'
/** Deeper than any definition nests: only a cycle gets there. */
const MAX_DEPTH = 500

export class PartScan {
  /** Values the pre-pass cannot vouch for (not plain JSON, NaN, cycles, references outside components). */
  unsafe = false
  /** Each object's first owner (DATA-prefixed where it is data); one map for both sides. */
  private readonly owners = new Map<object, string>()
  /** Objects met more than once: their owners, and whether the library walks any of these places with its rules. */
  private readonly repeated = new Map<object, { owners: Set<string>; walked: boolean }>()
  /** Nesting of the walk; beyond MAX_DEPTH it is taken for a cycle. */
  private depth = 0
  /** Documents repeat the same references many times. */
  private readonly targets = new Map<string, RefTarget>()
  private owner = ''
  private dataOwner = DATA
  private refs = new Set<string>()
  private flagged = false

  /** `root` is the first side's document, to resolve references as the library does. */
  constructor(private readonly root: Json) {}

  /** Compares a part present on both sides; an operation's integration and authorization are gateway-rules.ts's. */
  compare(a: unknown, b: unknown, owner: string, operation: boolean): PartCheck {
    this.start(owner)
    const equal =
      operation && isRecord(a) && isRecord(b) ? this.pairObject(a, b, 'operation', '') : this.pair(a, b, '', false)
    return { equal, flagged: this.flagged, refs: this.refs }
  }

  /** Notes the objects of a part the library walks, on one side. */
  register(value: unknown, owner: string, operation: boolean): void {
    this.start(owner)
    if (operation && isRecord(value)) this.oneObject(value, 'operation')
    else this.one(value, '', false)
  }

  /**
   * Pairs of parts (owners) that share an object the library walks with its rules. It writes transformed nodes back
   * into such objects; where every place is data (an integration reused through a YAML alias), it writes nothing.
   */
  shared(): Array<[string, string]> {
    const links: Array<[string, string]> = []
    for (const { owners, walked } of this.repeated.values()) {
      const [first, ...others] = owners
      if (walked && first !== undefined) for (const other of others) links.push([first, other])
    }
    return links
  }

  private start(owner: string): void {
    this.owner = owner
    this.dataOwner = DATA + owner
    this.refs = new Set()
    this.flagged = false
  }

  /** Both sides of a value under `key`; `inert` marks data the library compares without its mapping rules. */
  private pair(a: unknown, b: unknown, key: string, inert: boolean): boolean {
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
      if (a === b && !unsafePrimitive(a)) return true
      this.one(a, key, inert)
      this.one(b, key, inert)
      return false
    }
    if (Array.isArray(a) !== Array.isArray(b)) {
      this.one(a, key, inert)
      this.one(b, key, inert)
      return false
    }
    if (Array.isArray(a)) return this.pairList(a, b as unknown[], key, inert)
    return this.pairObject(a as Json, b as Json, inert ? 'data' : NAME_MAPS.has(key) ? 'names' : 'own', key)
  }

  private pairList(a: unknown[], b: unknown[], key: string, inert: boolean): boolean {
    if (!this.enterBoth(a, b)) return false
    // Enum values and schema examples are data.
    const data = inert || key === 'enum' || key === 'examples'
    let equal = a.length === b.length
    const common = Math.min(a.length, b.length)
    for (let i = 0; i < common; i++) {
      const x = a[i]
      const y = b[i]
      if (!(x === y && isPlainPrimitive(x)) && !this.pair(x, y, key, data)) equal = false
    }
    for (let i = common; i < a.length; i++) this.one(a[i], key, data)
    for (let i = common; i < b.length; i++) this.one(b[i], key, data)
    this.leave(a, a.some(isObject), inert)
    this.leave(b, b.some(isObject), inert)
    if (!inert && listQuirk(a, key, this.root)) this.flagged = true
    return equal
  }

  /** Children matched by key; an operation's responses as completeOperation leaves them. */
  private pairObject(a: Json, b: Json, keys: Keys, key: string): boolean {
    if (!this.enterBoth(a, b)) return false
    const keysA = Object.keys(a)
    const keysB = Object.keys(b)
    let equal = keysA.length === keysB.length
    let objectsA = false
    let objectsB = false
    let found = 0
    for (const k of keysA) {
      const x = a[k]
      if (!Object.hasOwn(b, k)) {
        equal = false
        objectsA ||= typeof x === 'object' && x !== null
        this.one(x, keys === 'names' ? '' : k, childInert(keys, k))
        continue
      }
      found++
      const y = b[k]
      // Equal strings (the most common value) and other plain primitives, inline.
      if (x === y && (typeof x === 'string' || isPlainPrimitive(x))) continue
      objectsA ||= typeof x === 'object' && x !== null
      objectsB ||= typeof y === 'object' && y !== null
      const same =
        keys === 'operation' && k === 'responses'
          ? this.pairResponses(x, y)
          : this.pair(x, y, keys === 'names' ? '' : k, childInert(keys, k))
      if (!same) equal = false
    }
    if (found !== keysB.length) {
      for (const k of keysB) {
        if (Object.hasOwn(a, k)) continue
        objectsB ||= isObject(b[k])
        this.one(b[k], keys === 'names' ? '' : k, childInert(keys, k))
      }
    }
    // The operation itself is a fresh copy in the full diff's documents (normalize.ts): never shared.
    this.leave(a, objectsA && keys !== 'operation', keys === 'data')
    this.leave(b, objectsB && keys !== 'operation', keys === 'data')
    if (keys === 'names') {
      if (namesQuirk(keysA, key)) this.flagged = true
    } else if (keys !== 'data') {
      if (objectQuirk(a, keysA)) this.flagged = true
      if (typeof a.$ref === 'string') this.checkRef(a.$ref)
      if (typeof b.$ref === 'string' && b.$ref !== a.$ref) this.checkRef(b.$ref)
    }
    return equal
  }

  private pairResponses(a: unknown, b: unknown): boolean {
    if (!isRecord(a) || !isRecord(b)) return this.pair(a, b, 'responses', false)
    if (!this.enterBoth(a, b)) return false
    const codes = Object.keys(a)
    const codesB = Object.keys(b)
    let equal = codes.length === codesB.length
    let found = 0
    for (const code of codes) {
      if (Object.hasOwn(b, code)) {
        found++
        if (!this.pair(completeResponse(a[code]), completeResponse(b[code]), '', false)) equal = false
      } else {
        equal = false
        this.one(a[code], '', false)
      }
    }
    if (found !== codesB.length) for (const code of codesB) if (!Object.hasOwn(a, code)) this.one(b[code], '', false)
    // Copied for each operation in the full diff's documents (completeOperation): never shared.
    this.leave(a, false, false)
    this.leave(b, false, false)
    if (namesQuirk(codes, 'responses')) this.flagged = true
    return equal
  }

  /** One side only (the other has nothing there, or something else): notes objects, unsafe values, references. */
  private one(value: unknown, key: string, inert: boolean): void {
    if (typeof value !== 'object' || value === null) {
      if (unsafePrimitive(value)) this.unsafe = true
    } else if (Array.isArray(value)) {
      if (!this.enter(value)) return
      for (const item of value) this.one(item, key, inert)
      this.leave(value, value.some(isObject), inert)
    } else {
      this.oneObject(value as Json, inert ? 'data' : NAME_MAPS.has(key) ? 'names' : 'own')
    }
  }

  private oneObject(record: Json, keys: Keys): void {
    if (!this.enter(record)) return
    let objects = false
    for (const k of Object.keys(record)) {
      objects ||= isObject(record[k])
      this.one(record[k], keys === 'names' ? '' : k, childInert(keys, k))
    }
    this.leave(record, objects && keys !== 'operation', keys === 'data')
    if (keys !== 'data' && typeof record.$ref === 'string') this.checkRef(record.$ref)
  }

  private enterBoth(a: object, b: object): boolean {
    return this.enter(a) && this.enter(b)
  }

  /** False past MAX_DEPTH: a cycle (then the pre-pass is unsafe, and stops). */
  private enter(object: object): boolean {
    if (++this.depth > MAX_DEPTH) {
      this.unsafe = true
      return false
    }
    if (!Array.isArray(object)) {
      const prototype = Object.getPrototypeOf(object)
      if (prototype !== Object.prototype && prototype !== null) this.unsafe = true
    }
    return true
  }

  /** An object holding only primitives is never written into (the library writes transformed objects): not noted. */
  private leave(object: object, holdsObjects: boolean, inert: boolean): void {
    this.depth--
    if (!holdsObjects) return
    const first = this.owners.get(object)
    if (first === undefined) {
      this.owners.set(object, inert ? this.dataOwner : this.owner)
      return
    }
    const data = first.startsWith(DATA)
    const entry = this.repeated.get(object) ?? { owners: new Set([data ? first.slice(1) : first]), walked: !data }
    entry.owners.add(this.owner)
    if (!inert) entry.walked = true
    this.repeated.set(object, entry)
  }

  /** A reference the library resolves: a component the part depends on, or (unsafe) a place reduction may remove. */
  private checkRef(ref: string): void {
    let target = this.targets.get(ref)
    if (target === undefined) {
      target = refTarget(ref)
      this.targets.set(ref, target)
    }
    if (target.to === 'component') this.refs.add(target.key)
    else if (target.to === 'other') this.unsafe = true
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null
}

/** A string, finite-or-infinite number, boolean, null or undefined: equal to itself for the library. */
function isPlainPrimitive(value: unknown): boolean {
  const type = typeof value
  return type === 'string' || type === 'boolean' || value == null || (type === 'number' && !Number.isNaN(value))
}

/** NaN is never equal to itself for the library; functions, symbols and bigints are not JSON. */
function unsafePrimitive(value: unknown): boolean {
  const type = typeof value
  return type === 'function' || type === 'symbol' || type === 'bigint' || (type === 'number' && Number.isNaN(value))
}

function childInert(keys: Keys, key: string): boolean {
  if (keys === 'data') return true
  if (keys === 'names') return false
  // An operation's integration and authorization are compared whole by hooks.
  if (keys === 'operation' && (key === INTEGRATION_KEY || key === 'security')) return true
  // Example values, defaults and extensions are data: the library compares them without mapping rules.
  return key.startsWith('x-') || key === 'example' || key === 'default' || key === 'const'
}
