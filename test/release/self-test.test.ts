// The self-test workflow (.github/workflows/self-test.yml) replayed offline, step by step as the runner runs it:
// `run:` steps with `bash --noprofile --norc -eo pipefail` (the job's `shell: bash`), `uses: ./` steps through the
// runner-contract harness (dist/index.js under Node 24, inputs as INPUT_*, GITHUB_OUTPUT, the summary file), each
// with the job's env and its own `with:` and `env:`, `${{ steps.<id>.outputs.<name> }}` evaluated from the outputs
// of the steps before. Checkout, setup-node and npm ci are what this checkout already did; `if: always()` steps run
// last, whatever happened.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { node24, runDist } from '../support/run-dist.js'
import type { ActionRun } from '../support/runner-env.js'

interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Job {
  env: Record<string, string>
  defaults?: { run?: { shell?: string } }
  steps: Step[]
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const workflow = parse(readFileSync(join(ROOT, '.github/workflows/self-test.yml'), 'utf8')) as {
  on: Record<string, unknown>
  jobs: Record<string, Job>
}
const job = workflow.jobs['self-test'] as Job
const SETUP = (step: Step) => step.run === 'npm ci' || /^actions\/(checkout|setup-node)@/.test(step.uses ?? '')
const prEvent = { name: 'pull_request', payload: { action: 'opened', number: 7, pull_request: { number: 7 } } }

type Outputs = Map<string, Record<string, string>>

/** The one kind of expression the workflow uses: a previous step's output ('' when there is none, as on GitHub). */
function evaluate(value: unknown, outputs: Outputs): string {
  const text = String(value).replace(
    /\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}/g,
    (_, id: string, name: string) => outputs.get(id)?.[name] ?? '',
  )
  if (text.includes('${{')) throw new Error(`the replay evaluates steps.<id>.outputs.<name> only: ${value}`)
  return text
}
const evaluateAll = (map: Record<string, unknown> = {}, outputs: Outputs) =>
  Object.fromEntries(Object.entries(map).map(([key, value]) => [key, evaluate(value, outputs)]))

interface BashRun {
  code: number
  stdout: string
  outputs: Record<string, string>
}

let dir: string
let scriptCount = 0

/** A `run:` step: its script in bash, with the job's env, its own, RUNNER_TEMP and a fresh GITHUB_OUTPUT file. */
function runBash(step: Step, outputs: Outputs): BashRun {
  const outputFile = join(dir, `output-${++scriptCount}`)
  const scriptFile = join(dir, `step-${scriptCount}.sh`)
  writeFileSync(outputFile, '')
  writeFileSync(scriptFile, step.run ?? '')
  const env = {
    PATH: `${dirname(node24())}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: outputFile,
    ...job.env,
    ...evaluateAll(step.env, outputs),
  }
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', scriptFile], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 90_000,
  })
  const written = readFileSync(outputFile, 'utf8').split('\n')
  const pairs = written.filter((line) => line.includes('=')).map((line) => line.split(/=(.*)/s).slice(0, 2))
  return { code: result.status ?? 1, stdout: `${result.stdout}${result.stderr}`, outputs: Object.fromEntries(pairs) }
}

/** A `uses: ./` step: the bundle as the runner runs it, on a pull request, with the step's inputs and env. */
function runAction(step: Step, outputs: Outputs): Promise<ActionRun> {
  const env = { ...job.env, ...evaluateAll(step.env, outputs) }
  const endpoint = env.AWS_ENDPOINT_URL_API_GATEWAY ?? ''
  return runDist({ endpoint, env, event: prEvent, inputs: evaluateAll(step.with, outputs) })
}

const outputs: Outputs = new Map()
const bashRuns = new Map<string, BashRun>()
const actionRuns = new Map<string, ActionRun>()

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'self-test-'))
  const always = job.steps.filter((step) => step.if === 'always()')
  try {
    for (const step of job.steps.filter((s) => !SETUP(s) && s.if === undefined)) {
      const key = step.id ?? step.name ?? ''
      if (step.uses === './') {
        const run = await runAction(step, outputs)
        actionRuns.set(key, run)
        outputs.set(key, run.outputs)
        if (run.code !== 0) break
      } else {
        const run = runBash(step, outputs)
        bashRuns.set(key, run)
        outputs.set(key, run.outputs)
        if (run.code !== 0) break
      }
    }
  } finally {
    for (const step of always) bashRuns.set(step.name ?? '', runBash(step, outputs))
  }
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('self-test.yml', () => {
  it('runs on pull requests, with every step understood by the replay', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request'])
    expect(job.defaults?.run?.shell).toBe('bash')
    expect(job.steps.filter((s) => s.uses === './').map((s) => s.id)).toEqual(['deploy', 'promote'])
    for (const step of job.steps) expect(SETUP(step) || step.run !== undefined || step.uses === './').toBe(true)
  })

  it('starts the emulator in the background and hands its URL to the action through AWS_ENDPOINT_URL_API_GATEWAY', () => {
    expect(bashRuns.get('emulator')?.code).toBe(0)
    expect(outputs.get('emulator')?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    for (const id of ['deploy', 'promote']) {
      const step = job.steps.find((s) => s.id === id)
      expect(evaluate(step?.env?.AWS_ENDPOINT_URL_API_GATEWAY, outputs)).toBe(outputs.get('emulator')?.url)
    }
  })

  it('deploys the sample API to staging, then promotes that deployment to prod, each reporting to the summary', () => {
    const deploy = actionRuns.get('deploy')
    const promote = actionRuns.get('promote')
    expect([deploy?.code, deploy?.errors, deploy?.warnings]).toEqual([0, [], []])
    expect([promote?.code, promote?.errors, promote?.warnings]).toEqual([0, [], []])
    expect(deploy?.outputs['base-url']).toMatch(/\/staging$/)
    expect(promote?.outputs['deployment-id']).toBe(deploy?.outputs['deployment-id'])
    expect(deploy?.summary).toContain('staging')
    expect(promote?.summary).toContain('prod')
  })

  it("passes the workflow's own checks of the outputs", () => {
    const check = bashRuns.get('Check the outputs')
    expect(check?.stdout).toContain(`staging and prod both run deployment ${outputs.get('deploy')?.['deployment-id']}`)
    expect(check?.code).toBe(0)
  })

  it('whose checks fail when prod does not run the deployment staging runs', () => {
    const step = job.steps.find((s) => s.name === 'Check the outputs') as Step
    const tampered: Outputs = new Map(outputs)
    tampered.set('promote', { ...outputs.get('promote'), 'deployment-id': 'zzz999' })
    const run = runBash(step, tampered)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("::error::promote: deployment-id (the one staging runs) is 'zzz999', expected")
  })

  it('stops the emulator at the end', () => {
    expect(bashRuns.get('Stop the emulator')?.code).toBe(0)
  })
})
