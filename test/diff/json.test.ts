import { describe, expect, it } from 'vitest'
import { recordOf } from '../../src/diff/json.js'

/** What assigning the entries one by one gives, which recordOf stands for. */
function assigned(entries: Array<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of entries) out[key] = value
  return out
}

describe('recordOf', () => {
  it('gives the object that assigning the entries one by one gives, keys in the same order', () => {
    const cases: Array<Array<[string, unknown]>> = [
      [
        ['404', { description: 'missing' }],
        ['200', { description: 'ok' }],
        ['default', null],
      ],
      [
        ['b', 1],
        ['a', 2],
      ],
      [
        ['0', 'zero'],
        ['0', 'again'],
        ['4294967295', 'not an index'],
        ['01', 'not an index either'],
      ],
      [],
    ]
    for (const entries of cases) {
      const record = recordOf(entries)
      expect(Object.entries(record)).toEqual(Object.entries(assigned(entries)))
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype)
    }
  })

  it('keeps the meaning of an assigned __proto__ (it sets the prototype)', () => {
    const prototype = { inherited: true }
    const entries: Array<[string, unknown]> = [
      ['200', 1],
      ['__proto__', prototype],
    ]
    expect(Object.getPrototypeOf(recordOf(entries))).toBe(prototype)
    expect(Object.keys(recordOf(entries))).toEqual(['200'])
  })
})
