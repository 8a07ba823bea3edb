import { describe, expect, it } from 'vitest'
import { runSmokeTest, smokeTestUrl } from '../src/steps/smoke-test.js'

const response = (status: number) => new Response('x', { status })

describe('smoke test', () => {
  it('joins base URL and path', () => {
    expect(smokeTestUrl('https://h/stage/', '/health')).toBe('https://h/stage/health')
  })

  it('retries until a 2xx, waiting between attempts', async () => {
    const answers = [503, 502, 200]
    const waits: number[] = []
    const result = await runSmokeTest('https://h/s/health', {
      attempts: 5,
      fetch: async () => response(answers.shift() ?? 500),
      sleep: async (ms) => {
        waits.push(ms)
      },
    })
    expect(result).toMatchObject({ ok: true, status: 200 })
    expect(waits).toEqual([3000, 3000])
  })

  it('fails after the last attempt with the status or the network error', async () => {
    const bad = await runSmokeTest('https://h/s', {
      attempts: 2,
      fetch: async () => response(404),
      sleep: async () => {},
    })
    expect(bad).toMatchObject({ ok: false, status: 404, message: 'answered HTTP 404 (attempt 2 of 2)' })
    const down = await runSmokeTest('https://h/s', {
      attempts: 1,
      fetch: async () => {
        throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') })
      },
      sleep: async () => {},
    })
    expect(down.ok).toBe(false)
    expect(down.message).toContain('ECONNREFUSED')
  })
})
