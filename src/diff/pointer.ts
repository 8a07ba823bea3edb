// `$ref`s read the way api-smart-diff reads them (its parseRef and resolvePointer, quirks included), for the diff's
// pre-pass: which component a reference depends on, and what a parameter reference resolves to.

import { isRecord, type Json } from './json.js'

/** Where a `$ref` leads: a component (`kind` and `name` under `components`), another file, or anywhere else. */
export type RefTarget = { to: 'component'; key: string } | { to: 'external' } | { to: 'other' }

const OBJECT_PROTOTYPE: object = Object.prototype

export function componentKey(kind: string, name: string): string {
  return `${kind}\u0000${name}`
}

export function refTarget(ref: string): RefTarget {
  const { file, pointer } = parseRef(ref)
  // Another file: the library leaves the reference unresolved and compares it as it is.
  if (file !== '') return { to: 'external' }
  const path = decodePointer(pointer)
  if (path === undefined || path.length < 3 || path[0] !== 'components') return { to: 'other' }
  // A segment such as `constructor` resolves through Object.prototype in the library (`key in node`).
  if (path.some((segment) => segment in OBJECT_PROTOTYPE)) return { to: 'other' }
  return { to: 'component', key: componentKey(path[1] as string, path[2] as string) }
}

/** What api-smart-diff resolves `node` to when it is a reference (its resolveRef), else `node` itself. */
export function resolveRefNode(node: unknown, root: Json): unknown {
  if (!isRefNode(node)) return node
  const { file, pointer } = parseRef(node.$ref)
  return file === '' ? resolvePointer(root, pointer, [pointer]) : undefined
}

function isRefNode(node: unknown): node is { $ref: string } {
  return isRecord(node) && typeof node.$ref === 'string' && node.$ref !== ''
}

function parseRef(ref: string): { file: string; pointer: string } {
  const [file = '', fragment] = ref.split('#')
  return { file, pointer: fragment !== undefined && fragment !== '/' ? fragment : '' }
}

/** The library's segments: split on `/`, `~1` and `~0` unescaped, percent-decoded, the first segment dropped. */
function decodePointer(pointer: string): string[] | undefined {
  try {
    return pointer
      .split('/')
      .map((segment) => decodeURIComponent(segment.replace(/~1/g, '/').replace(/~0/g, '~')))
      .slice(1)
  } catch {
    return undefined
  }
}

// A reference met part-way is followed, and the segment that met it is skipped, as the library does.
function resolvePointer(root: Json, pointer: string, seen: string[]): unknown {
  const path = decodePointer(pointer)
  if (path === undefined) return undefined
  let node: unknown = root
  for (const segment of path) {
    if (Array.isArray(node) && node.length > Number(segment)) {
      node = node[Number(segment)]
    } else if (typeof node === 'object' && node !== null && segment in node) {
      node = (node as Json)[segment]
    } else if (isRefNode(node)) {
      const next = parseRef(node.$ref)
      node =
        next.file !== '' || seen.includes(next.pointer)
          ? undefined
          : resolvePointer(root, next.pointer, [...seen, next.pointer])
    } else {
      return undefined
    }
  }
  return node
}
