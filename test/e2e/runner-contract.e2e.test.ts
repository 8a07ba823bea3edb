// Runner contract: the committed bundle (dist/), spawned under Node 24 as the GitHub runner runs it, always — whatever
// ACTION_UNDER_TEST says. What only a real process shows: INPUT_* variables, the exit code, GITHUB_OUTPUT's heredoc
// format, the summary file, `::error::` / `::warning::` annotations. The behaviour itself is tested in-process by
// the other suites (test/support/harness.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { OUTPUT_NAMES } from '../../src/runner/outputs.js'
import { startEmulator } from '../emulator/index.js'
import { type GitHubFake, startGitHubFake } from '../github-fake/index.js'
import type { Emulator } from '../support/emulator.js'
import { type DistRunOptions, runDist } from '../support/run-dist.js'

let emu: Emulator
let gh: GitHubFake
let restApiId: string

const prEvent = { name: 'pull_request', payload: { action: 'synchronize', number: 3, pull_request: { number: 3 } } }
const runBundle = (inputs: Record<string, string>, extra: Partial<DistRunOptions> = {}) =>
  runDist({ endpoint: emu.url, githubApi: gh.url, event: prEvent, inputs, ...extra })

beforeAll(async () => {
  ;[emu, gh] = await Promise.all([startEmulator(), startGitHubFake()])
  restApiId = emu.seedSampleApi({ name: 'contract-api' }).restApiId
})
afterAll(() => Promise.all([emu.stop(), gh.stop()]))
beforeEach(() => {
  emu.clearCalls()
  gh.configure({ readOnly: false })
})

describe('runner contract (dist/ under Node 24)', () => {
  it('a deploy on a pull request exits 0, writes heredoc outputs and the summary, and posts one comment', async () => {
    const run = await runBundle({ 'rest-api-id': restApiId, stage: 'pr-3', variables: 'alias=v1' })
    expect(run.code).toBe(0)
    expect(run.errors).toEqual([])

    // Every output is `name<<DELIMITER`, the value, then DELIMITER alone on its line.
    const lines = run.outputFileText.split('\n')
    expect(lines.at(-1)).toBe('')
    const written: string[] = []
    for (let i = 0; i < lines.length - 1; i++) {
      const start = /^([a-z-]+)<<(ghadelimiter_[0-9a-f-]+)$/.exec(lines[i] ?? '')
      expect(start, `line ${i + 1}: ${lines[i]}`).not.toBeNull()
      const [, name, delimiter] = start as RegExpExecArray
      written.push(name as string)
      i = lines.indexOf(delimiter as string, i + 1)
      expect(i, `${name} is closed by its delimiter`).toBeGreaterThan(0)
    }
    expect(written.filter((name) => !(OUTPUT_NAMES as readonly string[]).includes(name))).toEqual([])
    expect(run.outputs['deployment-id']).toMatch(/^[a-z0-9]+$/)
    expect(run.outputs['base-url']).toBe(`https://${restApiId}.execute-api.us-east-1.amazonaws.com/pr-3`)
    expect(run.outputs.changed).toBe('true')

    expect(run.summary).toContain(run.outputs['base-url'])
    const comments = gh.comments.filter((c) => c.body.includes(`apigw-stage-action:${restApiId}:pr-3`))
    expect(comments).toHaveLength(1)
    expect(run.outputs['comment-url']).toBe(comments[0]?.html_url)
  })

  it('a failing AWS call exits 1 with one multi-line ::error:: annotation and a summary saying so', async () => {
    const run = await runBundle({ 'rest-api-id': 'zzzzzzzzzz', stage: 'pr-3' })
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain('Nothing was changed')
    expect(run.errors[0]?.split('\n').length).toBeGreaterThan(1)
    expect(run.stdout).toMatch(/^::error::/m)
    expect(emu.writes()).toEqual([])
  })

  it('a bad input exits 1 naming the input, before any AWS or GitHub call', async () => {
    const ghCallsBefore = gh.calls.length
    const run = await runBundle({ 'rest-api-id': restApiId, stage: 'pr-3', 'canary-percent': 'ten' })
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain("'canary-percent'")
    expect(emu.calls).toEqual([])
    expect(gh.calls.length).toBe(ghCallsBefore)
  })

  it('a GitHub failure is a ::warning:: annotation; the run still exits 0', async () => {
    gh.configure({ readOnly: true })
    const run = await runBundle({ 'rest-api-id': restApiId, stage: 'pr-3' })
    expect(run.code).toBe(0)
    expect(run.errors).toEqual([])
    expect(run.warnings.join('\n')).toContain('pull-requests: write')
    expect(run.stdout).toMatch(/^::warning::/m)
  })
})

describe('runner contract with a definition file (dist/ under Node 24)', () => {
  it('checks the file in the bundle (schemas included), plans it with no write, then imports and deploys it', async () => {
    const { GOOD_YAML } = await import('../definition/bad-definitions.js')
    const api = emu.importDefinition(GOOD_YAML.replaceAll('${ACCOUNT}', '123456789012')).restApiId
    const inputs = {
      'rest-api-id': api,
      stage: 'pr-3',
      definition: 'api/openapi.yaml',
      'definition-substitutions': 'ACCOUNT=123456789012',
    }
    const files = { 'api/openapi.yaml': GOOD_YAML }
    const invalid = await runBundle(inputs, {
      files: { 'api/openapi.yaml': GOOD_YAML.replace("  version: '1.0'\n", '') },
    })
    expect(invalid.code).toBe(1)
    expect(invalid.errors.join('\n')).toContain('is not valid OpenAPI 3.0')
    const planned = await runBundle({ ...inputs, 'dry-run': 'true' }, { files })
    expect(planned.code).toBe(0)
    expect(emu.writes()).toEqual([])
    const deployed = await runBundle(inputs, { files })
    expect(deployed.code).toBe(0)
    // Then the drift fingerprint (issue 12).
    expect(emu.writes().map((c) => c.operation)).toEqual([
      'PutRestApi',
      'CreateDeployment',
      'CreateStage',
      'TagResource',
    ])
    expect(deployed.outputs['definition-sha256']).toBe(planned.outputs['definition-sha256'])
  })
})
