// Isolated previews (`preview-isolation: api`), end to end against the emulator: a pull request's preview is a REST
// API of its own, imported from the PR's file on the first push, updated on later pushes, deleted on close. The
// source API receives no write; only APIs carrying this repository's tags are ever deleted.
import { GetDeploymentCommand, GetStageCommand, TagResourceCommand } from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GOOD_YAML } from '../definition/bad-definitions.js'
import { startEmulator } from '../emulator/index.js'
import { type GitHubFake, startGitHubFake } from '../github-fake/index.js'
import { type Emulator, sdkClient } from '../support/emulator.js'
import { runAgainst } from '../support/harness.js'

let emu: Emulator
let gh: GitHubFake

const FILE = 'api/openapi.yaml'
const REPOSITORY = 'octo-org/orders-service'
const ACCOUNT = '123456789012'
/** The PR's file: POST /health added (a mock, so it deploys without a Lambda). */
const WITH_POST = GOOD_YAML.concat(
  "    post:\n      responses:\n        '201':\n          description: created\n      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates:\n          application/json: '{\"statusCode\": 201}'\n",
)
const WITH_ITEMS = GOOD_YAML.concat(
  "  /items:\n    get:\n      responses:\n        '200':\n          description: ok\n      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates:\n          application/json: '{\"statusCode\": 200}'\n",
)

const prEvent = (number: number, action = 'synchronize') => ({
  name: 'pull_request',
  payload: { action, number, pull_request: { number, head: { sha: 'abc' } } },
})

function preview(source: string, pr: number, file: string, inputs: Record<string, string> = {}) {
  return runAgainst(
    emu,
    {
      'rest-api-id': source,
      stage: `pr-${pr}`,
      'preview-isolation': 'api',
      definition: FILE,
      'definition-substitutions': `ACCOUNT=${ACCOUNT}`,
      ...inputs,
    },
    { githubApi: gh.url, event: prEvent(pr), files: { [FILE]: file } },
  )
}

function close(source: string, pr: number) {
  return runAgainst(
    emu,
    { 'rest-api-id': source, stage: `pr-${pr}`, 'preview-isolation': 'api', operation: 'delete' },
    { githubApi: gh.url, event: prEvent(pr, 'closed') },
  )
}

/** The REST APIs tagged as this repository's previews of `source` for pull request `pr`. */
function previewsOf(source: string, pr: number): string[] {
  const ids: string[] = []
  for (const id of emu.state.restApis.keys()) {
    const tags = emu.state.tags.get(`arn:aws:apigateway:us-east-1::/restapis/${id}`) ?? {}
    if (tags['apigw-stage-action:preview-of'] === source && tags['apigw-stage-action:pull-request'] === String(pr))
      ids.push(id)
  }
  return ids
}

/** Writes the emulator logged against one API (its path names it). */
const writesTo = (restApiId: string) =>
  emu.writes().filter((c) => c.path.includes(`/restapis/${restApiId}`) || c.path.includes(`%2Frestapis%2F${restApiId}`))

/** The routes the stage serves (its deployment's route summary). */
async function served(restApiId: string, stage: string): Promise<string[]> {
  const client = sdkClient(emu)
  const { deploymentId } = await client.send(new GetStageCommand({ restApiId, stageName: stage }))
  const { apiSummary = {} } = await client.send(
    new GetDeploymentCommand({ restApiId, deploymentId, embed: ['apisummary'] }),
  )
  return Object.entries(apiSummary)
    .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`))
    .sort()
}

function newSource(): string {
  return emu.importDefinition(GOOD_YAML.replaceAll('${ACCOUNT}', ACCOUNT), { endpointType: 'REGIONAL' }).restApiId
}

beforeAll(async () => {
  emu = await startEmulator()
  gh = await startGitHubFake()
})
afterAll(async () => {
  await emu.stop()
  await gh.stop()
})

describe('preview-isolation: api', () => {
  it('open → push → push → close: one preview API during the PR, none after; the source API is never written', async () => {
    const source = newSource()
    const apisBefore = emu.state.restApis.size
    emu.clearCalls()

    // Open: ImportRestApi creates the preview API, tagged; then it is named and deployed.
    const opened = await preview(source, 12, WITH_POST)
    expect(opened.errors).toEqual([])
    const [id] = previewsOf(source, 12)
    expect(previewsOf(source, 12)).toHaveLength(1)
    expect(id).not.toBe(source)
    expect(opened.outputs['rest-api-id']).toBe(id)
    expect(opened.outputs['base-url']).toBe(`https://${id}.execute-api.us-east-1.amazonaws.com/pr-12`)
    expect(emu.writes().map((c) => c.operation)).toEqual(
      expect.arrayContaining(['ImportRestApi', 'TagResource', 'UpdateRestApi', 'CreateDeployment', 'CreateStage']),
    )
    // Created, then tagged as this pull request's before anything else.
    expect(
      emu
        .writes()
        .map((c) => c.operation)
        .slice(0, 2),
    ).toEqual(['ImportRestApi', 'TagResource'])
    const importCall = emu.writes()[0]
    expect(importCall?.query.endpointConfigurationTypes).toBe('REGIONAL')
    const api = emu.state.restApis.get(id ?? '')
    expect(api?.name).toBe('orders-api-pr-12')
    expect(api?.endpointConfiguration.types).toEqual(['REGIONAL'])
    expect(emu.state.tags.get(`arn:aws:apigateway:us-east-1::/restapis/${id}`)).toMatchObject({
      'apigw-stage-action:preview-of': source,
      'apigw-stage-action:repository': REPOSITORY,
      'apigw-stage-action:pull-request': '12',
    })
    expect(await served(id ?? '', 'pr-12')).toEqual(['GET /health', 'GET /orders', 'POST /health'])
    const comment = gh.comments.find((c) => c.body.includes(`apigw-stage-action:${source}:pr-12`))?.body ?? ''
    expect(comment).toContain(id)
    expect(comment).toContain(source)

    // Push: found by its tags, the file imported again (overwrite) and deployed.
    const pushed = await preview(source, 12, GOOD_YAML)
    expect(pushed.errors).toEqual([])
    expect(pushed.outputs['rest-api-id']).toBe(id)
    expect(previewsOf(source, 12)).toEqual([id])
    expect(await served(id ?? '', 'pr-12')).toEqual(['GET /health', 'GET /orders'])
    expect(emu.state.restApis.get(id ?? '')?.name).toBe('orders-api-pr-12')

    // Push the same file again: nothing to import or deploy.
    emu.clearCalls()
    const again = await preview(source, 12, GOOD_YAML)
    expect(again.errors).toEqual([])
    expect(emu.writes()).toEqual([])
    expect(again.outputs.changed).toBe('false')

    // Close: the preview API is deleted; the comment says so; a second close changes nothing.
    const closed = await close(source, 12)
    expect(closed.errors).toEqual([])
    expect(previewsOf(source, 12)).toEqual([])
    expect(emu.state.restApis.has(source)).toBe(true)
    expect(emu.state.restApis.size).toBe(apisBefore)
    const after = gh.comments.filter((c) => c.body.includes(`apigw-stage-action:${source}:pr-12`))
    expect(after).toHaveLength(1)
    expect(after[0]?.body).toMatch(/deleted/i)
    emu.clearCalls()
    const twice = await close(source, 12)
    expect(twice.errors).toEqual([])
    expect(emu.writes()).toEqual([])
  })

  it("records the GitHub deployment of a first push with the preview API's real URL, never a placeholder", async () => {
    const source = newSource()
    const statusesBefore = gh.statuses.length
    const opened = await preview(source, 77, WITH_POST, { environment: 'pr-77' })
    expect(opened.errors).toEqual([])
    const statuses = gh.statuses.slice(statusesBefore)
    expect(statuses.map((s) => s.state)).toEqual(['in_progress', 'success'])
    expect(JSON.stringify(statuses)).not.toContain('<new-rest-api-id>')
    expect(statuses.at(-1)?.environment_url).toBe(opened.outputs['base-url'])
  })

  it('the source API receives no write at all (call log)', async () => {
    const source = newSource()
    emu.clearCalls()
    expect((await preview(source, 13, WITH_POST)).errors).toEqual([])
    expect((await preview(source, 13, WITH_ITEMS)).errors).toEqual([])
    expect((await close(source, 13)).errors).toEqual([])
    expect(emu.writes().length).toBeGreaterThan(5)
    expect(writesTo(source)).toEqual([])
  })

  it('two pull requests with different files deployed at once each serve their own routes', async () => {
    const source = newSource()
    const [a, b] = await Promise.all([preview(source, 21, WITH_POST), preview(source, 22, WITH_ITEMS)])
    expect(a?.errors).toEqual([])
    expect(b?.errors).toEqual([])
    const [idA] = previewsOf(source, 21)
    const [idB] = previewsOf(source, 22)
    expect(idA).not.toBe(idB)
    expect(await served(idA ?? '', 'pr-21')).toEqual(['GET /health', 'GET /orders', 'POST /health'])
    expect(await served(idB ?? '', 'pr-22')).toEqual(['GET /health', 'GET /items', 'GET /orders'])
  })

  it('refuses a same-named API without our tags, and close never deletes it', async () => {
    const source = newSource()
    // A look-alike: the preview's default name and our marker, but another repository's tags.
    const lookAlike = emu.importDefinition(GOOD_YAML.replaceAll('${ACCOUNT}', ACCOUNT), { endpointType: 'REGIONAL' })
    const client = sdkClient(emu)
    await client.send(
      new TagResourceCommand({
        resourceArn: `arn:aws:apigateway:us-east-1::/restapis/${lookAlike.restApiId}`,
        tags: {
          'apigw-stage-action:preview-of': source,
          'apigw-stage-action:repository': 'someone-else/orders-service',
          'apigw-stage-action:pull-request': '31',
        },
      }),
    )
    const stored = emu.state.restApis.get(lookAlike.restApiId)
    if (stored) stored.name = 'orders-api-pr-31'
    emu.clearCalls()
    const run = await preview(source, 31, WITH_POST)
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain(
      `A REST API named 'orders-api-pr-31' already exists (${lookAlike.restApiId})`,
    )
    expect(emu.writes()).toEqual([])

    const closed = await close(source, 31)
    expect(closed.errors).toEqual([])
    expect(emu.writes()).toEqual([])
    expect(emu.state.restApis.has(lookAlike.restApiId)).toBe(true)
  })

  it('prune deletes only stale preview APIs of this repository', async () => {
    const source = newSource()
    const tag = (id: string, tags: Record<string, string>) =>
      sdkClient(emu).send(
        new TagResourceCommand({ resourceArn: `arn:aws:apigateway:us-east-1::/restapis/${id}`, tags }),
      )
    const old = '2020-01-01T00:00:00.000Z'
    const mk = async (repository: string, pr: string, deployedAt: string) => {
      const { restApiId } = emu.importDefinition(GOOD_YAML.replaceAll('${ACCOUNT}', ACCOUNT), {
        endpointType: 'REGIONAL',
      })
      await tag(restApiId, {
        'apigw-stage-action:preview-of': source,
        'apigw-stage-action:repository': repository,
        'apigw-stage-action:pull-request': pr,
        'apigw-stage-action:deployed-at': deployedAt,
      })
      return restApiId
    }
    const stale = await mk(REPOSITORY, '41', old)
    const fresh = await mk(REPOSITORY, '42', new Date().toISOString())
    const foreign = await mk('someone-else/orders-service', '43', old)
    const untagged = emu.importDefinition(GOOD_YAML.replaceAll('${ACCOUNT}', ACCOUNT)).restApiId
    const run = await preview(source, 44, WITH_POST, { 'prune-previews-older-than': '7' })
    expect(run.errors).toEqual([])
    expect(emu.state.restApis.has(stale)).toBe(false)
    for (const kept of [fresh, foreign, untagged, source]) expect(emu.state.restApis.has(kept)).toBe(true)
    expect(run.stdout).toContain('Pruning 1 preview API(s)')
  })

  it('fails before writing when the region is at the regional cap, listing this repository previews', async () => {
    const capped = await startEmulator()
    try {
      const source = capped.importDefinition(GOOD_YAML.replaceAll('${ACCOUNT}', ACCOUNT), {
        endpointType: 'REGIONAL',
      }).restApiId
      for (let i = 1; i < 600; i++) capped.seedSampleApi({ name: `filler-${i}` })
      for (const api of capped.state.restApis.values()) api.endpointConfiguration.types = ['REGIONAL']
      capped.clearCalls()
      const run = await runAgainst(
        capped,
        {
          'rest-api-id': source,
          stage: 'pr-51',
          'preview-isolation': 'api',
          definition: FILE,
          'definition-substitutions': `ACCOUNT=${ACCOUNT}`,
        },
        { event: prEvent(51), files: { [FILE]: WITH_POST } },
      )
      expect(run.code).toBe(1)
      expect(run.errors.join('\n')).toContain('600 REGIONAL REST APIs')
      expect(capped.writes()).toEqual([])
    } finally {
      await capped.stop()
    }
  })

  it('refuses bad preview inputs with no AWS call', async () => {
    const source = newSource()
    emu.clearCalls()
    const noFile = await runAgainst(
      emu,
      { 'rest-api-id': source, stage: 'pr-61', 'preview-isolation': 'api' },
      { event: prEvent(61) },
    )
    expect(noFile.code).toBe(1)
    expect(noFile.errors.join('\n')).toContain("'definition' is required")
    const noPr = await runAgainst(
      emu,
      { 'rest-api-id': source, stage: 'pr-61', 'preview-isolation': 'api', operation: 'delete' },
      { event: { name: 'push', payload: {} } },
    )
    expect(noPr.code).toBe(1)
    expect(noPr.errors.join('\n')).toContain("Input 'preview-isolation' is 'api'")
    const nameAlone = await runAgainst(emu, { 'rest-api-id': source, stage: 'pr-61', 'preview-api-name': 'x' })
    expect(nameAlone.errors.join('\n')).toContain("needs 'preview-isolation: api'")
    expect(emu.calls).toEqual([])
  })
})
