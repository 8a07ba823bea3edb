// The API diff with its pre-pass (diffApiDefinitions) against the full diff (fullApiDiff), over 304 seeded random
// changes of every definition in test/fixtures/definitions/ and test/fixtures/openapi/ (reduce-mutations.ts): the
// results must be deep-equal, errors included, and the inputs left as they were.
import { describe, expect, it } from 'vitest'
import { diffApiDefinitions, fullApiDiff } from '../../src/diff/api-diff.js'
import { normalizeDefinition } from '../../src/diff/normalize.js'
import { reduceDefinitions } from '../../src/diff/reduce.js'
import { mutationCases, sources } from './reduce-mutations.js'

const CASES_PER_SOURCE = 19
const SEED = 20240715

function outcome(diff: () => unknown): unknown {
  try {
    return diff()
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) }
  }
}

describe('the diff with its pre-pass equals the full diff', () => {
  it.each(sources().map((source, i) => [source.name, source, i] as const))('%s', (_name, source, i) => {
    for (const c of mutationCases(source, SEED + i, CASES_PER_SOURCE)) {
      // Copies taken together keep the objects the mutations made shared.
      const [before, after] = structuredClone([c.before, c.after])
      const inputs = structuredClone([c.before, c.after])
      const fast = outcome(() => diffApiDefinitions(c.before, c.after))
      expect([c.before, c.after], c.name).toEqual(inputs)
      expect(fast, c.name).toEqual(outcome(() => fullApiDiff(before, after)))
    }
  })

  it('leaves operations out in most of these cases, so the comparison tests the pre-pass', () => {
    const cases = sources().flatMap((source, i) => mutationCases(source, SEED + i, CASES_PER_SOURCE))
    const reduced = cases.filter((c) => {
      const a = normalizeDefinition(c.before, false)
      const b = normalizeDefinition(c.after, false)
      return reduceDefinitions(a.doc, b.doc) !== undefined
    })
    expect(cases).toHaveLength(304)
    expect(reduced.length).toBeGreaterThan(cases.length / 2)
  })
})
