// Secrets: the github-token and every stage variable or canary override value never reach the PR comment, the job
// summary, a step output, a GitHub deployment or the log — also when the run fails or is a dry run. With
// show-variable-values: true the variable values are shown (the user opted in); the token never is.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../emulator/index.js'
import { type GitHubFake, startGitHubFake } from '../github-fake/index.js'
import type { Emulator } from '../support/emulator.js'
import { runAgainst } from '../support/harness.js'
import type { ActionRun } from '../support/runner-env.js'

const TOKEN = 'ghs_S3cr3tT0kenThatMustNeverLeak0000001'
const VALUES = ['db-Passw0rd-4f8a', 'api-key-9c1e77', 'canary-k3y-0b5d', 'rotated-Passw0rd-77aa']

let emu: Emulator
let gh: GitHubFake
let restApiId: string
let pr = 20

const prEvent = (number: number) => ({
  name: 'pull_request',
  payload: { action: 'synchronize', number, pull_request: { number, head: { sha: 'abc' } } },
})

/** A run on its own pull request (so its comment is its own) with the secret token. */
function run(stage: string, inputs: Record<string, string>, number = pr++): Promise<ActionRun> {
  return runAgainst(
    emu,
    { 'rest-api-id': restApiId, stage, 'github-token': TOKEN, ...inputs },
    { githubApi: gh.url, event: prEvent(number) },
  )
}

/** Everything the run showed or sent: the log as the runner shows it (without its ::add-mask:: commands, which the
 * runner consumes), stderr, the summary, every output, and every request body sent to GitHub. */
function published(r: ActionRun): Record<string, string> {
  const log = r.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  return {
    log,
    stderr: r.stderr,
    summary: r.summary,
    ...Object.fromEntries(Object.entries(r.outputs).map(([name, value]) => [`output ${name}`, value])),
    github: JSON.stringify(gh.calls.map((c) => c.body ?? null)),
    comments: gh.comments.map((c) => c.body).join('\n'),
  }
}

function expectAbsent(r: ActionRun, secrets: readonly string[]): void {
  for (const [where, text] of Object.entries(published(r))) {
    for (const secret of secrets) expect(text, `${secret} in ${where}`).not.toContain(secret)
  }
}

beforeAll(async () => {
  emu = await startEmulator()
  gh = await startGitHubFake()
  restApiId = emu.seedSampleApi({ name: 'secrets-api' }).restApiId
})
afterAll(async () => {
  await emu.stop()
  await gh.stop()
})
beforeEach(() => {
  emu.faults.clear()
})

describe('secrets', () => {
  it('a preview deploy, a variable change, a GitHub deployment: no token, no value anywhere', async () => {
    const number = pr++
    const first = await run(
      'pr-secrets',
      { variables: `dbPassword=${VALUES[0]}\napiKey=${VALUES[1]}`, environment: 'preview' },
      number,
    )
    expect(first.errors).toEqual([])
    const second = await run('pr-secrets', { variables: `dbPassword=${VALUES[3]}` }, number)
    expect(second.errors).toEqual([])
    // The run did comment and record a deployment, and the comment names the changed variable.
    expect(gh.comments.some((c) => c.body.includes('dbPassword'))).toBe(true)
    expect(gh.deployments.length).toBeGreaterThan(0)
    expect(first.stdout).toContain(`::add-mask::${TOKEN}`)
    expectAbsent(first, [TOKEN, ...VALUES])
    expectAbsent(second, [TOKEN, ...VALUES])
  })

  it('a canary deploy with overrides and an update-canary: no override value anywhere', async () => {
    expect((await run('canary-secrets', {})).code).toBe(0)
    const canary = await run('canary-secrets', { 'canary-percent': '10', 'canary-variables': `apiKey=${VALUES[2]}` })
    expect(canary.errors).toEqual([])
    const ramp = await run('canary-secrets', {
      operation: 'update-canary',
      'canary-percent': '50',
      'canary-variables': `apiKey=${VALUES[1]}`,
    })
    expect(ramp.errors).toEqual([])
    expectAbsent(canary, [TOKEN, ...VALUES])
    expectAbsent(ramp, [TOKEN, ...VALUES])
  })

  it('a dry run and a failed run: no value in the plan or the error', async () => {
    const dry = await run('pr-secrets-2', { variables: `dbPassword=${VALUES[0]}`, 'dry-run': 'true' })
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('dbPassword')
    expectAbsent(dry, [TOKEN, ...VALUES])

    expect((await run('pr-secrets-2', {})).code).toBe(0)
    emu.faults.inject({ operation: 'UpdateStage', kind: 'unavailable', times: -1 })
    const failed = await run('pr-secrets-2', { variables: `dbPassword=${VALUES[1]}`, 'max-retries': '1' })
    expect(failed.code).toBe(1)
    expect(failed.errors.join('\n')).toContain('UpdateStage')
    expectAbsent(failed, [TOKEN, ...VALUES])
  })

  it('show-variable-values: true shows the values in the comment and summary, never the token', async () => {
    const number = pr++
    expect((await run('pr-shown', { variables: `dbPassword=${VALUES[0]}` }, number)).code).toBe(0)
    const shown = await run(
      'pr-shown',
      { variables: `dbPassword=${VALUES[3]}`, 'show-variable-values': 'true' },
      number,
    )
    expect(shown.errors).toEqual([])
    const comment = gh.comments.find((c) => c.body.includes(`apigw-stage-action:${restApiId}:pr-shown`))
    expect(comment?.body).toContain(VALUES[3])
    expect(shown.summary).toContain(VALUES[3])
    expectAbsent(shown, [TOKEN])
  })
})
