// Section 2's runs: a deploy with API diff and PR comment through the committed bundle, against the emulator and the
// GitHub fake, each behind the same per-call latency; what each run cost and its sequential round trips.
import { CreateDeploymentCommand } from '@aws-sdk/client-api-gateway'
import type { Emulator } from '../test/emulator/index.js'
import type { GitHubFake } from '../test/github-fake/index.js'
import { sdkClient } from '../test/support/emulator.js'
import { type Interval, roundTrips, spawnAction } from './measure.js'

export const STAGE = 'pr-42'

export interface DeployFigures {
  wallMs: number
  startupMs: number
  awsCalls: number
  githubCalls: number
  awsTrips: string[][]
  githubTrips: string[][]
}

/** A fresh API with stage pr-42 on an older version, then a route added: the deploy has a diff to report. */
export async function arrange(emu: Emulator, name: string): Promise<string> {
  const { restApiId } = emu.seedSampleApi({ name })
  await sdkClient(emu).send(new CreateDeploymentCommand({ restApiId, stageName: STAGE }))
  emu.defineApi(restApiId, {
    'GET /pets': { lambda: `${name}-list-pets` },
    'GET /pets/{petId}': { lambda: `${name}-get-pet` },
    'POST /orders': { lambda: `${name}-create-order` },
  })
  emu.clearCalls()
  return restApiId
}

export async function deployOnce(
  emu: Emulator,
  ends: Map<object, number>,
  github: { url: string; log: Interval[]; fake: GitHubFake },
  i: number,
): Promise<DeployFigures> {
  const restApiId = await arrange(emu, `bench-api-${i}`)
  github.log.length = 0
  const githubCallsBefore = github.fake.calls.length
  const number = 100 + i
  const run = await spawnAction({
    inputs: { 'rest-api-id': restApiId, stage: STAGE },
    endpoint: emu.url,
    githubApi: github.url,
    event: { name: 'pull_request', payload: { action: 'synchronize', number, pull_request: { number } } },
  })
  if (run.code !== 0) throw new Error(`the deploy failed:\n${run.stdout}\n${run.stderr}`)
  if (!run.outputs['comment-url']) throw new Error('the deploy posted no comment')
  const calls = [...emu.calls]
  const first = Math.min(...calls.map((c) => c.at))
  return {
    wallMs: run.endedAt - run.startedAt,
    startupMs: first - run.startedAt,
    awsCalls: calls.length,
    githubCalls: github.fake.calls.length - githubCallsBefore,
    awsTrips: roundTrips(calls.map((c) => ({ label: c.operation, start: c.at, end: ends.get(c) ?? c.at }))),
    githubTrips: roundTrips(github.log),
  }
}

/** A critical path as `[A ‖ B] → C`. */
export function trips(groups: string[][]): string {
  return groups.map((g) => (g.length > 1 ? `[${[...g].sort().join(' ‖ ')}]` : g[0])).join(' → ')
}
