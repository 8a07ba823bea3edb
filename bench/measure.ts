// Measurement helpers for the benchmark: spawning the bundle the way the runner does (with the spawn time recorded),
// sequential round trips from a call log, a latency proxy in front of the GitHub fake, medians and tables.
import { spawn } from 'node:child_process'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Emulator } from '../test/emulator/index.js'
import { type DistRunOptions, runDist } from '../test/support/run-dist.js'
import type { ActionRun } from '../test/support/runner-env.js'

export type TimedRun = ActionRun

export type SpawnOptions = Omit<DistRunOptions, 'timeoutMs' | 'env'>

/** Runs the bundle as the runner does (the test harness's runDist), timed from spawn to exit. */
export function spawnAction(options: SpawnOptions): Promise<TimedRun> {
  return runDist({ ...options, timeoutMs: 120_000 })
}

/** Spawn to exit of any command, in ms. */
export function timeCommand(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const start = performance.now()
  const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString()
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(performance.now() - start)
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim()}`))
    })
  })
}

/**
 * Records when the emulator answers each call: the server appends a call to the log right before it writes the
 * answer (after its latency), so the append time is the call's end and `at` its start.
 */
export function recordCallEnds(emu: Emulator): Map<object, number> {
  const ends = new Map<object, number>()
  const calls = emu.calls
  const append = calls.push.bind(calls)
  calls.push = (...items) => {
    const now = Date.now()
    for (const item of items) ends.set(item, now)
    return append(...items)
  }
  return ends
}

export interface Interval {
  label: string
  start: number
  end: number
}

/** Sequential round trips: calls whose intervals overlap form one round trip; returns the labels of each. */
export function roundTrips(intervals: Interval[]): string[][] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start)
  const groups: string[][] = []
  let groupEnd = Number.NEGATIVE_INFINITY
  for (const call of sorted) {
    const last = groups[groups.length - 1]
    if (last === undefined || call.start >= groupEnd) {
      groups.push([call.label])
      groupEnd = call.end
    } else {
      last.push(call.label)
      groupEnd = Math.max(groupEnd, call.end)
    }
  }
  return groups
}

/** An HTTP proxy that holds every request `latencyMs` before forwarding it (the GitHub fake has no latency). */
export async function latencyProxy(
  target: string,
  latencyMs: number,
  log: Interval[],
): Promise<{ url: string; stop: () => Promise<void> }> {
  const to = new URL(target)
  const server: Server = createServer((req, res) => {
    const start = Date.now()
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      setTimeout(() => {
        const upstream = request(
          { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers)
            answer.pipe(res)
            answer.on('end', () =>
              log.push({ label: `${req.method} ${req.url?.split('?')[0]}`, start, end: Date.now() }),
            )
          },
        )
        upstream.on('error', () => res.destroy())
        upstream.end(Buffer.concat(chunks))
      }, latencyMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

export const ms = (value: number): string => `${Math.round(value)} ms`
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** A two-column (or wider) table with a title, columns padded to fit. */
export function table(title: string, rows: string[][]): string {
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, [...cell].length)), [])
  const line = (row: string[]) =>
    `  ${row.map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)).join('   ')}`.trimEnd()
  const rule = '-'.repeat(
    Math.min(
      100,
      Math.max(
        title.length,
        widths.reduce((a, b) => a + b + 3, -3),
      ),
    ),
  )
  return [`\n${title}`, `  ${rule}`, ...rows.map(line)].join('\n')
}
