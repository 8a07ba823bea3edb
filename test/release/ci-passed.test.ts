// The release workflow's gate "CI passed on this commit" (scripts/ci-passed.mjs): its verdict on a commit's runs of
// ci.yml, and the command against a stand-in for GitHub's workflow-runs API.
import { execFile } from 'node:child_process'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
// @ts-expect-error plain ESM script without type declarations
import { ciVerdict } from '../../scripts/ci-passed.mjs'

interface Run {
  status: string
  conclusion: string | null
  html_url: string
}
const verdict = ciVerdict as (runs: Run[]) => { state: string; detail: string }
const run = (n: number, status: string, conclusion: string | null = null): Run => ({
  status,
  conclusion,
  html_url: `https://github.com/o/r/actions/runs/${n}`,
})

describe('ciVerdict', () => {
  it('passes when one run passed, even next to a failed one (a push and a pull request both ran CI)', () => {
    expect(verdict([run(1, 'completed', 'failure'), run(2, 'completed', 'success')])).toEqual({
      state: 'passed',
      detail: 'passed: https://github.com/o/r/actions/runs/2',
    })
  })

  it('waits while a run is going or none has started, and fails when every run ended without success', () => {
    expect(verdict([run(1, 'completed', 'failure'), run(2, 'in_progress')]).state).toBe('pending')
    expect(verdict([]).state).toBe('missing')
    expect(verdict([run(1, 'completed', 'failure'), run(2, 'completed', 'cancelled')])).toEqual({
      state: 'failed',
      detail:
        'no run passed: failure https://github.com/o/r/actions/runs/1, cancelled https://github.com/o/r/actions/runs/2',
    })
  })
})

describe('ci-passed.mjs', () => {
  const SCRIPT = fileURLToPath(new URL('../../scripts/ci-passed.mjs', import.meta.url))

  /** GitHub's API answering each request with the next list of runs (the last one from then on). */
  async function withApi(answers: Run[][], body: (url: string, requests: IncomingMessage[]) => Promise<void>) {
    const requests: IncomingMessage[] = []
    const server = createServer((req, res) => {
      const runs = answers[Math.min(requests.length, answers.length - 1)]
      requests.push(req)
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ total_count: runs?.length, workflow_runs: runs }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      await body(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests)
    } finally {
      server.close()
    }
  }

  const ciPassed = (api: string, ...args: string[]) =>
    promisify(execFile)(process.execPath, [SCRIPT, '--workflow', 'ci.yml', '--sha', 'abc123', ...args], {
      env: { ...process.env, GITHUB_API_URL: api, GITHUB_TOKEN: 'ghs_test', GITHUB_REPOSITORY: 'o/r' },
    })

  it("asks for ci.yml's runs on the commit with the token, and waits until one passes", async () => {
    await withApi([[run(1, 'queued')], [run(1, 'completed', 'success')]], async (api, requests) => {
      const { stdout } = await ciPassed(api, '--interval-seconds', '0')
      expect(stdout).toContain('ci.yml on abc123: passed: https://github.com/o/r/actions/runs/1')
      expect(requests.map((r) => r.url)).toEqual([
        '/repos/o/r/actions/workflows/ci.yml/runs?head_sha=abc123&per_page=100',
        '/repos/o/r/actions/workflows/ci.yml/runs?head_sha=abc123&per_page=100',
      ])
      expect(requests[0]?.headers.authorization).toBe('Bearer ghs_test')
    })
  })

  it('fails when CI failed, and when no verdict comes before the timeout', async () => {
    await withApi([[run(1, 'completed', 'failure')]], async (api) => {
      await expect(ciPassed(api)).rejects.toThrow('ci.yml did not pass on abc123')
    })
    await withApi([[]], async (api) => {
      await expect(ciPassed(api, '--timeout-minutes', '0')).rejects.toThrow(
        'ci.yml has no verdict on abc123 after 0 minutes',
      )
    })
  })
})
