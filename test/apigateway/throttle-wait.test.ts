// The waits a throttled write chooses (pure, with a scripted random source): a quota-bound call comes back as a slot
// opens, within a window of slots that grows 2, 4, 6 as it loses races (4 again after 8 losses, the tail of a burst);
// a call without a quota backs off in rounds.
import { describe, expect, it } from 'vitest'
import { backoffWait, retryAfterMs, SLOT_WINDOW, slotWait } from '../../src/apigateway/throttle-wait.js'

const CREATE_DEPLOYMENT_MS = 5_000

/** A random source that answers the given values in turn (jitter first, then the skipped slots). */
function scripted(...values: number[]): () => number {
  let i = 0
  return () => {
    const value = values[i++]
    if (value === undefined) throw new Error('the random source was asked once too often')
    return value
  }
}

describe('slotWait: a quota-bound call', () => {
  it('first throttled: comes back as the next slot opens or the one after (window of 2)', () => {
    // Jitter 0.5 × 200 ms; skip ⌊0 × 2⌋ = 0 slots.
    expect(slotWait(CREATE_DEPLOYMENT_MS, 3_000, 0, scripted(0.5, 0))).toEqual({ waitMs: 3_100, contested: true })
    // Skip ⌊0.99 × 2⌋ = 1 slot of 5 s, counted with 200 ms of drift.
    expect(slotWait(CREATE_DEPLOYMENT_MS, 3_000, 0, scripted(0, 0.99))).toEqual({ waitMs: 8_200, contested: true })
  })

  it('after lost races: the window grows to 4, stays at SLOT_WINDOW slots, and narrows to 4 after 8 losses', () => {
    expect(SLOT_WINDOW).toBe(6)
    // A lost race: Retry-After is a whole interval.
    expect(slotWait(CREATE_DEPLOYMENT_MS, 5_000, 1, scripted(0, 0.99)).waitMs).toBe(5_000 + 3 * 5_200)
    expect(slotWait(CREATE_DEPLOYMENT_MS, 5_000, 2, scripted(0, 0.99)).waitMs).toBe(5_000 + 5 * 5_200)
    expect(slotWait(CREATE_DEPLOYMENT_MS, 5_000, 7, scripted(0.999, 0.999))).toEqual({
      waitMs: 5_000 + 5 * 5_200 + 199.8,
      contested: true,
    })
    expect(slotWait(CREATE_DEPLOYMENT_MS, 5_000, 8, scripted(0, 0.999)).waitMs).toBe(5_000 + 3 * 5_200)
    expect(slotWait(CREATE_DEPLOYMENT_MS, 5_000, 30, scripted(0, 0.999)).waitMs).toBe(5_000 + 3 * 5_200)
  })

  it('after a lost race, a Retry-After shorter than the interval re-aligns with the next opening', () => {
    // The call came between two slots (the last was taken 3 s ago): it is not a loss, nothing is skipped.
    expect(slotWait(CREATE_DEPLOYMENT_MS, 2_000, 3, scripted(0.25))).toEqual({ waitMs: 2_050, contested: false })
  })

  it('waits at least a second, whatever Retry-After says', () => {
    expect(slotWait(CREATE_DEPLOYMENT_MS, 0, 0, scripted(0, 0)).waitMs).toBe(1_000)
    expect(slotWait(CREATE_DEPLOYMENT_MS, 0, 2, scripted(0)).waitMs).toBe(1_000)
  })

  it('honours a Retry-After longer than the interval', () => {
    expect(slotWait(CREATE_DEPLOYMENT_MS, 30_000, 1, scripted(0, 0.3)).waitMs).toBe(30_000 + 5_200)
  })

  it('without Retry-After, draws the opening within the interval', () => {
    // Jitter 0, skip ⌊0.6 × 2⌋ = 1, opening 0.5 × 5 s.
    expect(slotWait(CREATE_DEPLOYMENT_MS, undefined, 0, scripted(0, 0.6, 0.5))).toEqual({
      waitMs: 2_500 + 5_200,
      contested: true,
    })
    // Never a re-alignment without Retry-After: the window keeps growing.
    expect(slotWait(CREATE_DEPLOYMENT_MS, undefined, 1, scripted(0, 0.99, 0)).waitMs).toBe(1_000 + 3 * 5_200)
  })

  it('works in the quota’s own interval (DeleteRestApi: 1 per 30 s)', () => {
    expect(slotWait(30_000, 30_000, 2, scripted(0, 0.5)).waitMs).toBe(30_000 + 3 * 30_200)
    expect(slotWait(30_000, 12_000, 2, scripted(0)).waitMs).toBe(12_000)
  })
})

describe('backoffWait: a call without a quota, after the SDK gave up', () => {
  it('waits out Retry-After (at least 1 s) plus full jitter over 1 s doubled each round, up to a minute', () => {
    expect(backoffWait(0, undefined, () => 0.999)).toBe(1_000 + 999)
    expect(backoffWait(0, 500, () => 0.5)).toBe(1_000 + 500)
    expect(backoffWait(3, 2_000, () => 0.5)).toBe(2_000 + 4_000)
    expect(backoffWait(7, 0, () => 0.5)).toBe(1_000 + 30_000)
  })
})

describe('retryAfterMs', () => {
  it('reads Retry-After from the exception or the header, in seconds or as a date', () => {
    expect(retryAfterMs({ retryAfterSeconds: '4' })).toBe(4_000)
    expect(retryAfterMs({ $response: { headers: { 'retry-after': '2' } } })).toBe(2_000)
    expect(
      retryAfterMs(
        { $response: { headers: { 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' } } },
        Date.UTC(2026, 0, 1),
      ),
    ).toBe(10_000)
    expect(retryAfterMs({})).toBeUndefined()
  })
})
