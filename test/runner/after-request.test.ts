// afterNextRequestWritten: background work starts once an HTTP request has been written, not before.
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { afterNextRequestWritten } from '../../src/runner/after-request.js'

const events: string[] = []
const server = createServer((req, res) => {
  events.push('server received')
  req.resume()
  res.end('ok')
})

beforeEach(async () => {
  events.length = 0
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
})
afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

describe('afterNextRequestWritten', () => {
  it('runs the work once, after the request is written, whatever requests follow', async () => {
    let runs = 0
    const ran = new Promise<void>((resolve) =>
      afterNextRequestWritten(() => {
        runs++
        events.push('work')
        resolve()
      }, 5_000),
    )
    const { port } = server.address() as AddressInfo
    await post(port, () => events.push('request written'))
    await ran
    await post(port, () => undefined)
    expect(runs).toBe(1)
    expect(events.indexOf('request written')).toBeGreaterThanOrEqual(0)
    expect(events.indexOf('request written')).toBeLessThan(events.indexOf('work'))
  })

  it('runs the work after the fallback when no request is made', async () => {
    const started = Date.now()
    await new Promise<void>((resolve) => afterNextRequestWritten(resolve, 20))
    expect(Date.now() - started).toBeGreaterThanOrEqual(15)
  })
})

/** One POST with node:http (the transport the AWS SDK uses), noting when the request has been written. */
function post(port: number, onWritten: () => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/' }, (res) => {
      res.resume()
      res.on('end', resolve)
    })
    req.on('finish', onWritten)
    req.on('error', reject)
    req.end('body')
  })
}
