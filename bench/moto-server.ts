// moto_server for the benchmark's section 7: started on a free loopback port in its own process group, its request
// log kept, stopped (the whole group) at the end or when the benchmark is interrupted.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { readlinkSync } from 'node:fs'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Moto {
  url: string
  version: string
  /** moto's request log (werkzeug access lines), as it printed them. */
  log: string[]
  stop: () => Promise<void>
}

/** A free loopback port: bind to port 0, note the port, let it go. */
function freePort(): Promise<number> {
  const server = createServer()
  return new Promise((resolve, reject) => {
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${url}/moto-api/data.json`, { timeout: 1000 }, (res) => {
      res.resume()
      resolve((res.statusCode ?? 500) < 500)
    })
    req.on('error', () => resolve(false))
    req.on('timeout', () => req.destroy())
    req.end()
  })
}

/**
 * moto's version, asked of the very Python that serves it: wrappers such as pyenv's shims exec into it, so Linux's
 * /proc/<pid>/exe names it by the time moto answers. 'unknown' elsewhere.
 */
function motoVersion(child: ChildProcess): string {
  try {
    const python = readlinkSync(`/proc/${child.pid}/exe`)
    const out = spawnSync(python, ['-c', 'import moto; print(moto.__version__)'], { encoding: 'utf8' })
    return (out.status === 0 && out.stdout.trim()) || 'unknown'
  } catch {
    return 'unknown'
  }
}

/** Stops the whole process group (the shim, pyenv and Python), SIGKILL if it lingers. */
function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve()
  const pid = child.pid
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL')
      } catch {}
    }, 3000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    try {
      process.kill(-pid, 'SIGTERM')
    } catch {
      clearTimeout(timer)
      resolve()
    }
  })
}

export async function startMoto(command: string): Promise<Moto> {
  const port = await freePort()
  const child = spawn(command, ['-H', '127.0.0.1', '-p', String(port)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const log: string[] = []
  let pending = ''
  const collect = (d: Buffer) => {
    const lines = (pending + d.toString()).split('\n')
    pending = lines.pop() ?? ''
    log.push(...lines)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const url = `http://127.0.0.1:${port}`
  // moto runs in its own process group, so Ctrl-C does not reach it: should the bench end before its finally
  // blocks run (an exit, an interrupt), kill the group on the way out.
  const onExit = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
    } catch {}
  }
  const onSignal = (signal: NodeJS.Signals) => {
    onExit()
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.on('exit', onExit)
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const stop = async () => {
    await stopGroup(child)
    process.off('exit', onExit)
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
  try {
    const deadline = Date.now() + 30_000
    while (!(await answers(url))) {
      if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}: ${log.join('\n')}`)
      if (Date.now() > deadline) throw new Error(`moto_server did not answer on ${url} within 30 s`)
      await new Promise((r) => setTimeout(r, 100))
    }
  } catch (err) {
    await stop()
    throw err
  }
  return { url, version: motoVersion(child), log, stop }
}
