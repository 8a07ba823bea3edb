// Section 3's other column: the same deploy by hand with the AWS CLI (one process per call), against the same
// emulator: get-stage, get-export, create-deployment, update-stage, get-export.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Emulator } from '../test/emulator/index.js'
import { arrange, STAGE } from './deploy.js'
import { median, timeCommand } from './measure.js'

export const CLI_COMMANDS = 'get-stage → get-export → create-deployment → update-stage → get-export'

export type CliFigures =
  | { ok: true; version: string; path: string; wallMs: number; calls: number }
  | { ok: false; why: string; install?: string }

/** The deploy by hand against `endpoint`, one `aws` process per call; wall time in ms. */
export async function cliByHand(cli: string, endpoint: string, restApiId: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'))
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00',
    AWS_SECRET_ACCESS_KEY: 'secret-access-key-example',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    AWS_CONFIG_FILE: join(dir, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
  }
  const common = ['--endpoint-url', endpoint, '--rest-api-id', restApiId, '--stage-name', STAGE]
  const exportArgs = ['--export-type', 'oas30', '--parameters', '{"extensions":"integrations,authorizers"}']
  const steps = [
    ['apigateway', 'get-stage', ...common],
    ['apigateway', 'get-export', ...common, ...exportArgs, '--accepts', 'application/json', join(dir, 'before.json')],
    ['apigateway', 'create-deployment', ...common, '--description', 'by hand'],
    ['apigateway', 'update-stage', ...common, '--patch-operations', 'op=replace,path=/description,value=by-hand'],
    ['apigateway', 'get-export', ...common, ...exportArgs, '--accepts', 'application/json', join(dir, 'after.json')],
  ]
  try {
    const start = performance.now()
    for (const step of steps) await timeCommand(cli, step, env)
    return performance.now() - start
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function cliDeploy(emu: Emulator, cli: string, i: number): Promise<{ wallMs: number; calls: number }> {
  const restApiId = await arrange(emu, `bench-cli-${i}`)
  const wallMs = await cliByHand(cli, emu.url, restApiId)
  return { wallMs, calls: emu.calls.length }
}

/** The CLI's median over `runs` deploys, or why it could not run. AWS_CLI names another `aws` than PATH's. */
export async function cliFigures(emu: Emulator, runs: number): Promise<CliFigures> {
  const cli = process.env.AWS_CLI || 'aws'
  const version = spawnSync(cli, ['--version'], { encoding: 'utf8' })
  if (version.error || version.status !== 0) {
    return {
      ok: false,
      why: `'${cli}' is not on PATH`,
      install: 'sudo apt-get install awscli (Debian/Ubuntu), or pip install awscli; AWS_CLI=/path/to/aws to choose one',
    }
  }
  const byHand: Array<{ wallMs: number; calls: number }> = []
  try {
    for (let i = 0; i < runs; i++) byHand.push(await cliDeploy(emu, cli, i))
  } catch (err) {
    return { ok: false, why: err instanceof Error ? err.message : String(err) }
  }
  return {
    ok: true,
    version: (version.stdout || version.stderr).trim().split(' ')[0] ?? '',
    path: spawnSync('sh', ['-c', 'command -v "$0"', cli], { encoding: 'utf8' }).stdout.trim(),
    wallMs: median(byHand.map((r) => r.wallMs)),
    calls: median(byHand.map((r) => r.calls)),
  }
}
