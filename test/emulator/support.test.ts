// The recorded-vs-actual matcher the conformance tests rely on must catch every kind of difference.
import { describe, expect, it } from 'vitest'
import { Bindings, compareRecorded } from './support.js'

const compare = (expected: unknown, actual: unknown, bindings = new Bindings()) =>
  compareRecorded(expected, actual, bindings)

describe('compareRecorded', () => {
  it('accepts equal values, timestamps for "datetime" and ignores ResponseMetadata.HTTPHeaders', () => {
    expect(
      compare(
        { a: 1, b: [true, 'x'], createdDate: 'datetime', ResponseMetadata: { HTTPHeaders: {}, HTTPStatusCode: 200 } },
        { a: 1, b: [true, 'x'], createdDate: new Date(), ResponseMetadata: { HTTPStatusCode: 200 } },
      ),
    ).toEqual([])
  })

  it('reports missing and unexpected fields, wrong values and array lengths', () => {
    expect(compare({ a: 1, b: 2 }, { a: 1, c: 2 })).toEqual(['$.b: missing', '$.c: unexpected field'])
    expect(compare({ m: 'Stage already exists' }, { m: 'Stage exists' })).toEqual([
      '$.m: expected "Stage already exists", got "Stage exists"',
    ])
    expect(compare([1, 2], [1])).toHaveLength(1)
    expect(compare('datetime', '2024')).toHaveLength(1)
    expect(compare({ percentTraffic: 50 }, { percentTraffic: 40 })).toHaveLength(1)
  })

  it('binds placeholders consistently across calls and inside strings', () => {
    const bindings = new Bindings()
    expect(compare({ id: '<deployment-id:1>' }, { id: 'abc123' }, bindings)).toEqual([])
    expect(compare({ deploymentId: '<deployment-id:1>' }, { deploymentId: 'abc123' }, bindings)).toEqual([])
    expect(compare({ deploymentId: '<deployment-id:1>' }, { deploymentId: 'zzz999' }, bindings)).toHaveLength(1)
    expect(compare({ other: '<deployment-id:2>' }, { other: 'abc123' }, bindings)).toEqual([
      '$.other: <deployment-id:2> and <deployment-id:1> both stand for abc123',
    ])
    expect(
      compare(
        { m: 'Invalid API Stage {api: <api-id:1>b, stage: dev}' },
        { m: 'Invalid API Stage {api: q1b, stage: dev}' },
      ),
    ).toEqual([])
    expect(compare({ h: '<html><p>hi</p></html>' }, { h: '<html><p>hi</p></html>' })).toEqual([])
  })
})
