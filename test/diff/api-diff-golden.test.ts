// Every case of the golden corpus (test/diff/golden/) must give the result recorded in
// test/fixtures/diff-golden/api-diff.json. A change that alters a result on purpose rewrites the fixture with
// `node scripts/with-node24.mjs --import tsx bench/diff-golden.ts fixture` and shows the difference in review.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { diffApiDefinitions } from '../../src/diff/api-diff.js'
import { goldenCases } from './golden/corpus.js'
import { type GoldenRecord, goldenRecord, runCase } from './golden/record.js'

const FIXTURE = new URL('../fixtures/diff-golden/api-diff.json', import.meta.url)
const expected = new Map(
  (JSON.parse(readFileSync(FIXTURE, 'utf8')) as GoldenRecord[]).map((record) => [record.name, record]),
)
const cases = goldenCases().filter((c) => c.timingOnly !== true)

describe('diffApiDefinitions over the golden corpus', () => {
  it('has a recorded result for every case, and a case for every recorded result', () => {
    expect(cases.map((c) => c.name).sort()).toEqual([...expected.keys()].sort())
  })

  it.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    expect(goldenRecord(c, runCase(diffApiDefinitions, c))).toEqual(expected.get(name))
  })
})
