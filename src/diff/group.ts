// Groups diffs (api-smart-diff's, or the structural fallback's) by what they belong to: operations added or removed,
// the changes inside each operation, and API-level changes (authorizers, gateway extensions).

import type { Diff } from 'api-smart-diff'
import type { ApiChange, ChangeClassification, ChangeKind, OperationRef } from './api-diff-types.js'
import { authorizerPresenceType } from './gateway-rules.js'
import { isRecord, type Json } from './json.js'
import { displayMethod, INTEGRATION_KEY, isOperationKey, opKey } from './operation-keys.js'
import { type Grouped, worstClassification } from './result.js'
import { describeAuthorizer, describeGatewayChange } from './wording.js'

/** Components whose contents reach operations through $ref; api-smart-diff reports them where they are used. */
const REFERENCED_COMPONENTS = new Set([
  'schemas',
  'parameters',
  'responses',
  'requestBodies',
  'headers',
  'examples',
  'links',
  'callbacks',
])
const SCHEMES_GROUP = 'components.securitySchemes.'

/** `before` and `after` are the compared documents, for the authorizers of a components block added or removed whole. */
export function groupDiffs(diffs: Diff[], before: Json, after: Json): Grouped {
  const grouped: Grouped = { added: [], removed: [], changed: new Map(), apiLevel: [] }
  const apiLevel = new Map<string, Diff[]>()
  for (const diff of diffs) {
    const path = diff.path.map(String)
    if (path[0] === 'paths') {
      // Shorter paths are a path renamed (its operations' diffs follow under the old path); whole path items come
      // as one diff per operation.
      const [, apiPath, method] = path
      if (apiPath !== undefined && method !== undefined && isOperationKey(method)) {
        addOperationDiff(grouped, { method: displayMethod(method), path: apiPath }, diff)
      }
    } else if (
      path[0] === 'components' &&
      (path.length === 1 || (path.length === 2 && path[1] === 'securitySchemes'))
    ) {
      // All components (or all authorizers) appeared or disappeared, e.g. on a first deploy: one entry per
      // authorizer; the other components are reported where operations use them.
      if (diff.action === 'add') expandAuthorizers(apiLevel, diff.action, after)
      if (diff.action === 'remove') expandAuthorizers(apiLevel, diff.action, before)
    } else {
      const group = apiLevelGroup(path)
      if (group !== undefined) apiLevel.set(group, [...(apiLevel.get(group) ?? []), diff])
    }
  }
  for (const [group, list] of apiLevel) grouped.apiLevel.push(describeApiLevel(group, list))
  return grouped
}

function addOperationDiff(grouped: Grouped, ref: OperationRef, diff: Diff): void {
  if (diff.path.length === 3 && (diff.action === 'add' || diff.action === 'remove')) {
    ;(diff.action === 'add' ? grouped.added : grouped.removed).push(ref)
    return
  }
  const key = opKey(ref)
  const entry = grouped.changed.get(key) ?? { ref, changes: [] }
  entry.changes.push({
    classification: classify(diff.type),
    kind: changeKind(diff.path[3]),
    description: diff.description ?? '',
  })
  grouped.changed.set(key, entry)
}

function changeKind(field: unknown): ChangeKind {
  if (field === 'security') return 'auth'
  return field === INTEGRATION_KEY ? 'integration' : 'contract'
}

function expandAuthorizers(apiLevel: Map<string, Diff[]>, action: 'add' | 'remove', source: Json): void {
  const components = isRecord(source.components) ? source.components : {}
  const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {}
  for (const name of Object.keys(schemes)) {
    const diff: Diff = { action, type: authorizerPresenceType(action), path: ['components', 'securitySchemes', name] }
    apiLevel.set(`${SCHEMES_GROUP}${name}`, [diff])
  }
}

/** Groups a non-operation diff by what it belongs to, or undefined when operations already show it. */
function apiLevelGroup(path: string[]): string | undefined {
  const [head, second, third] = path
  if (head !== 'components') return head
  if (second === undefined) return 'components'
  if (REFERENCED_COMPONENTS.has(second)) return undefined
  return third === undefined ? `components.${second}` : `components.${second}.${third}`
}

function describeApiLevel(group: string, diffs: Diff[]): ApiChange {
  const classification = worstClassification(diffs.map((d) => classify(d.type))) ?? 'non-breaking'
  if (group.startsWith(SCHEMES_GROUP)) {
    const only = diffs.length === 1 && diffs[0]?.path.length === 3 ? diffs[0] : undefined
    const fields = [...new Set(diffs.map((d) => d.path.slice(3).map(String).join('.')))].sort()
    return describeAuthorizer({
      name: group.slice(SCHEMES_GROUP.length),
      presence: presence(only),
      fields,
      classification,
    })
  }
  return describeGatewayChange(
    group,
    presence(diffs.length === 1 && diffs[0]?.path.length === 1 ? diffs[0] : undefined),
    classification,
  )
}

function presence(only: Diff | undefined): 'added' | 'removed' | 'changed' {
  return only?.action === 'add' ? 'added' : only?.action === 'remove' ? 'removed' : 'changed'
}

function classify(type: Diff['type']): ChangeClassification {
  switch (type) {
    case 'breaking':
      return 'breaking'
    case 'annotation':
      return 'annotation'
    default:
      // non-breaking, deprecated, unclassified (an x- extension api-smart-diff has no rule for): shown, not breaking.
      return 'non-breaking'
  }
}
