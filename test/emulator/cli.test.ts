// The CLI: prints {"url","restApiId"}, serves the API and the /__emulator/ control surface, stops on SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { CreateDeploymentCommand, GetRestApiCommand } from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFor } from './support.js'

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url))

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
    lines.once('line', (line) => resolve(line))
    child.once('exit', (code) => reject(new Error(`cli exited early with ${code}`)))
  })
}

describe('cli', () => {
  let child: ChildProcess
  let url: string
  let restApiId: string

  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--name', 'cli-api'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const info = JSON.parse(await firstLine(child)) as { url: string; restApiId: string }
    url = info.url
    restApiId = info.restApiId
  })
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL')
  })

  it('prints the URL on 127.0.0.1 and the seeded API id', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const client = clientFor({ url, region: 'us-east-1' })
    await expect(client.send(new GetRestApiCommand({ restApiId }))).resolves.toMatchObject({ name: 'cli-api' })
  })

  it('serves the control surface: faults, calls and state', async () => {
    const client = clientFor({ url, region: 'us-east-1' })
    const inject = await fetch(`${url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ operation: 'CreateDeployment', kind: 'conflict' }),
    })
    expect(inject.status).toBe(204)
    await expect(client.send(new CreateDeploymentCommand({ restApiId, stageName: 'dev' }))).rejects.toMatchObject({
      name: 'ConflictException',
    })
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'dev' }))

    const { calls } = (await (await fetch(`${url}/__emulator/calls`)).json()) as {
      calls: Array<{ operation: string; status: number }>
    }
    expect(calls.filter((c) => c.operation === 'CreateDeployment').map((c) => c.status)).toEqual([409, 201])

    const state = (await (await fetch(`${url}/__emulator/state`)).json()) as {
      restApis: Record<
        string,
        { stages: Record<string, { deploymentId: string }>; deployments: Record<string, unknown> }
      >
    }
    const api = state.restApis[restApiId]
    expect(Object.keys(api?.stages ?? {})).toEqual(['dev'])
    expect(Object.keys(api?.deployments ?? {})).toEqual([api?.stages.dev?.deploymentId])

    expect((await fetch(`${url}/__emulator/calls`, { method: 'DELETE' })).status).toBe(204)
    const after = (await (await fetch(`${url}/__emulator/calls`)).json()) as { calls: unknown[] }
    expect(after.calls).toEqual([])
    expect((await fetch(`${url}/__emulator/nope`)).status).toBe(404)
  })

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
