// The runner's side of one step, shared by both ways of running the action (the bundle in a child process, run() in
// this process): the environment the GitHub runner gives a step — inputs with action.yml defaults, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, an event file, the repository, the endpoints — and what the test reads back from it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { FAKE_TOKEN } from './action-yml.js'
import { type InputMap, runnerInputs } from './inputs.js'

export interface RunnerOptions {
  /** The step's `with:`; action.yml's defaults fill in the rest, as on the runner. */
  inputs: InputMap
  /** AWS_ENDPOINT_URL_API_GATEWAY */
  endpoint: string
  /** GITHUB_API_URL (GitHub fake) */
  githubApi?: string
  event?: { name: string; payload: unknown }
  /** Extra or overriding environment variables. */
  env?: Record<string, string>
  /** Files of the checked-out repository: path relative to the workspace → content. */
  files?: Record<string, string>
}

/** One run of the step, however it was run. */
export interface ActionRun {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** The GITHUB_OUTPUT file as the action wrote it (`outputs` is its parse). */
  outputFileText: string
  summary: string
  /** `::error::` lines, as the runner would annotate them. */
  errors: string[]
  warnings: string[]
  /** Date.now() just before the action started (spawn, or the call of run()) and when it ended. */
  startedAt: number
  endedAt: number
}

/** What a runner is given to start the step. */
export interface Step {
  /** A fresh directory: the workspace, HOME and RUNNER_TEMP. */
  dir: string
  env: Record<string, string>
  /** Every input by name, action.yml defaults included. */
  inputs: InputMap
}

/** What a runner hands back once the step ended. */
export interface StepEnd {
  code: number
  stdout: string
  stderr: string
}

/** Prepares the runner's files and environment, starts the step, reads back outputs and summary, cleans up. */
export async function runStep(options: RunnerOptions, start: (step: Step) => Promise<StepEnd>): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'))
  try {
    const outputFile = join(dir, 'output')
    const summaryFile = join(dir, 'summary')
    const eventFile = join(dir, 'event.json')
    writeFileSync(outputFile, '')
    writeFileSync(summaryFile, '')
    writeFileSync(eventFile, JSON.stringify(options.event?.payload ?? {}))
    for (const [path, content] of Object.entries(options.files ?? {})) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), content)
    }
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
    const startedAt = Date.now()
    const end = await start({ dir, env, inputs: runnerInputs(options.inputs, FAKE_TOKEN) })
    const endedAt = Date.now()
    const outputFileText = readFileSync(outputFile, 'utf8')
    return {
      ...end,
      startedAt,
      endedAt,
      outputs: parseOutputFile(outputFileText),
      outputFileText,
      summary: readFileSync(summaryFile, 'utf8'),
      errors: annotations(end.stdout, 'error'),
      warnings: annotations(end.stdout, 'warning'),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Parses GITHUB_OUTPUT's heredoc format: `name<<DELIM\nvalue\nDELIM`. */
function parseOutputFile(text: string): Record<string, string> {
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
