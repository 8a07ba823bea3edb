// Per-key patch operations. Never whole-map replacement: names the inputs do not mention stay as they are.
import type { PatchOp } from './types.js'

/** `replace` each variable whose value differs, `remove` each named variable that exists. */
export function variablePatchOps(
  prefix: '/variables' | '/canarySettings/stageVariableOverrides',
  current: Record<string, string>,
  set: Record<string, string>,
  remove: string[],
): PatchOp[] {
  const ops: PatchOp[] = []
  for (const [name, value] of Object.entries(set)) {
    if (current[name] !== value) ops.push({ op: 'replace', path: `${prefix}/${name}`, value })
  }
  for (const name of remove) {
    if (name in current) ops.push({ op: 'remove', path: `${prefix}/${name}` })
  }
  return ops
}

/** The map after applying `set` and `remove`, as AWS will hold it. */
export function mergedVariables(
  current: Record<string, string>,
  set: Record<string, string>,
  remove: string[],
): Record<string, string> {
  const next = { ...current, ...set }
  for (const name of remove) delete next[name]
  return next
}

/** Patch values are strings on the wire; percentages keep one decimal at least, as AWS prints them. */
export function percentValue(p: number): string {
  return Number.isInteger(p) ? p.toFixed(1) : String(p)
}
