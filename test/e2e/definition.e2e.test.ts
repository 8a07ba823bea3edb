// The definition from the repository, end to end against the emulator: plan on the pull request (dry run, zero
// writes), import and deploy, an unchanged file does nothing, another run's import between ours and our deployment is
// caught, bad files fail before any call, and AWS's import warnings are listed or fail the run.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BAD_DEFINITIONS, GOOD_YAML } from '../definition/bad-definitions.js'
import { startEmulator } from '../emulator/index.js'
import { type GitHubFake, startGitHubFake } from '../github-fake/index.js'
import type { Emulator } from '../support/emulator.js'
import { operations, writeOperations } from '../support/emulator.js'
import { runAgainst } from '../support/harness.js'

let emu: Emulator
let gh: GitHubFake

const FILE = 'api/openapi.yaml'
const SUBSTITUTIONS = 'ACCOUNT=123456789012'
const prEvent = (number: number) => ({
  name: 'pull_request',
  payload: { action: 'synchronize', number, pull_request: { number, head: { sha: 'abc' } } },
})

/** Version 2 of GOOD_YAML: POST /orders added, GET /health removed, a required query parameter on GET /orders. */
const V2_YAML = GOOD_YAML.replace(
  "      responses:\n        '200':\n          description: ok\n      x-amazon-apigateway-integration:\n        type: aws_proxy",
  "      parameters:\n        - name: status\n          in: query\n          required: true\n          schema:\n            type: string\n      responses:\n        '200':\n          description: ok\n      x-amazon-apigateway-integration:\n        type: aws_proxy",
)
  .replace(/ {2}\/health:[\s\S]*$/, '')
  .concat(
    "    post:\n      responses:\n        '201':\n          description: created\n      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates:\n          application/json: '{\"statusCode\": 201}'\n",
  )

function deploy(restApiId: string, file: string, inputs: Record<string, string> = {}, pr = 12) {
  return runAgainst(
    emu,
    {
      'rest-api-id': restApiId,
      stage: `pr-${pr}`,
      definition: FILE,
      'definition-substitutions': SUBSTITUTIONS,
      ...inputs,
    },
    { githubApi: gh.url, event: prEvent(pr), files: { [FILE]: file } },
  )
}

interface ApiChanges {
  apiChanges: Record<'added' | 'removed' | 'changed', Array<{ method: string; path: string }>>
}
/** The added, removed and changed operations of a diff-json output. */
function routesOf(json: string | undefined): Record<string, string[]> {
  const { apiChanges } = JSON.parse(json ?? '{}') as ApiChanges
  const routes = (list: Array<{ method: string; path: string }>) => list.map((o) => `${o.method} ${o.path}`).sort()
  return { added: routes(apiChanges.added), removed: routes(apiChanges.removed), changed: routes(apiChanges.changed) }
}

/** An API imported from GOOD_YAML and deployed once to pr-<pr> by the action: the deployment it runs. */
async function deployedOnce(pr: number): Promise<{ restApiId: string; before: string | undefined }> {
  const { restApiId } = emu.importDefinition(GOOD_YAML.replaceAll('${ACCOUNT}', '123456789012'))
  const first = await deploy(restApiId, GOOD_YAML, {}, pr)
  expect(first.errors).toEqual([])
  return { restApiId, before: first.outputs['deployment-id'] }
}

const comment = (restApiId: string, stage: string) =>
  gh.comments.find((c) => c.body.includes(`apigw-stage-action:${restApiId}:${stage}`))?.body ?? ''

beforeAll(async () => {
  emu = await startEmulator()
  gh = await startGitHubFake()
})
afterAll(async () => {
  await emu.stop()
  await gh.stop()
})
beforeEach(() => emu.hooks.clear())

describe('deploy with definition', () => {
  it('plans on the PR with zero writes, then imports and deploys it, then finds nothing to do', async () => {
    const { restApiId } = emu.importDefinition(GOOD_YAML.replaceAll('${ACCOUNT}', '123456789012'))
    const first = await deploy(restApiId, GOOD_YAML)
    expect(first.errors).toEqual([])
    expect(writeOperations(emu)).toContain('PutRestApi')

    // The pull request changes the file: a dry run posts the plan and writes nothing.
    emu.clearCalls()
    const plan = await deploy(restApiId, V2_YAML, { 'dry-run': 'true' })
    expect(plan.errors).toEqual([])
    expect(writeOperations(emu)).toEqual([])
    const planned = comment(restApiId, 'pr-12')
    expect(planned).toContain('POST /orders')
    expect(planned).toContain('GET /health')
    expect(planned).toMatch(/breaking/i)
    expect(plan.outputs['definition-sha256']).toMatch(/^[0-9a-f]{64}$/)
    // Exactly what the pull request changes: the file, as API Gateway will serve it, against the stage's export.
    expect(routesOf(plan.outputs['diff-json'])).toEqual({
      added: ['POST /orders'],
      removed: ['GET /health'],
      changed: ['GET /orders'],
    })

    // The same file without dry-run: imported and deployed; the comment shows the same changes as deployed.
    emu.clearCalls()
    const applied = await deploy(restApiId, V2_YAML)
    expect(applied.errors).toEqual([])
    // One TagResource records the previous deployment and the drift fingerprint (issues 12, 15).
    expect(writeOperations(emu)).toEqual(['PutRestApi', 'CreateDeployment', 'UpdateStage', 'TagResource'])
    expect(operations(emu)).toContain('GetDeployment')
    const deployed = comment(restApiId, 'pr-12')
    expect(deployed).toContain('POST /orders')
    expect(deployed).toContain('GET /health')
    expect(applied.outputs.changed).toBe('true')
    expect(applied.outputs['definition-sha256']).toBe(plan.outputs['definition-sha256'])
    expect(routesOf(applied.outputs['diff-json'])).toEqual(routesOf(plan.outputs['diff-json']))

    // A third identical run: no import, no deployment.
    emu.clearCalls()
    const again = await deploy(restApiId, V2_YAML)
    expect(again.errors).toEqual([])
    expect(writeOperations(emu)).toEqual([])
    expect(again.outputs.changed).toBe('false')
    expect(again.stdout).toContain('nothing is imported or deployed')
  })

  it("redoes the import and deployment once when another run's import got between them", async () => {
    const { restApiId } = emu.importDefinition(GOOD_YAML.replaceAll('${ACCOUNT}', '123456789012'))
    const foreign = V2_YAML.replaceAll('${ACCOUNT}', '210987654321')
    emu.hooks.after('PutRestApi', () => emu.putDefinition(restApiId, foreign, { mode: 'overwrite' }), { times: 1 })
    const run = await deploy(restApiId, GOOD_YAML, {}, 21)
    expect(run.errors).toEqual([])
    expect(run.warnings.join('\n')).toContain('another run imported into API')
    expect(writeOperations(emu).filter((op) => op === 'PutRestApi')).toHaveLength(2)
    const stage = emu.state.restApis.get(restApiId)?.stages.get('pr-21')
    const served = emu.state.restApis.get(restApiId)?.deployments.get(stage?.deploymentId ?? '')
    expect(served).toBeDefined()
    expect(JSON.stringify(served)).toContain('/health')
  })

  it('fails without switching the stage when the foreign import happens twice', async () => {
    const { restApiId, before } = await deployedOnce(22)
    const foreign = V2_YAML.replaceAll('${ACCOUNT}', '210987654321')
    emu.hooks.after('PutRestApi', () => emu.putDefinition(restApiId, foreign, { mode: 'overwrite' }), { times: 2 })
    const run = await deploy(restApiId, GOOD_YAML, { 'force-deploy': 'true' }, 22)
    expect(run.code).toBe(1)
    const error = run.errors.join('\n')
    expect(error).toContain('VerifyDeployment')
    expect(error).toContain('Another run imported a different definition')
    expect(error).toContain('GET /health')
    expect(error).toContain('concurrency')
    expect(emu.state.restApis.get(restApiId)?.stages.get('pr-22')?.deploymentId).toBe(before)
  })

  it('puts the stage back when the deployed export is not the file although the routes are', async () => {
    const { restApiId, before } = await deployedOnce(23)
    // Same routes, another account's Lambda: only the export after the switch can tell.
    const foreign = GOOD_YAML.replaceAll('${ACCOUNT}', '210987654321')
    emu.hooks.after('PutRestApi', () => emu.putDefinition(restApiId, foreign, { mode: 'overwrite' }), { times: 1 })
    const run = await deploy(restApiId, GOOD_YAML, { 'force-deploy': 'true' }, 23)
    expect(run.code).toBe(1)
    const error = run.errors.join('\n')
    expect(error).toContain('GET /orders has another integration than the file')
    expect(error).toContain(`put back on deployment ${before}`)
    expect(emu.state.restApis.get(restApiId)?.stages.get('pr-23')?.deploymentId).toBe(before)
    expect(run.outputs['deployment-id']).toBe(before)
  })

  it("puts the file's version on the canary; production keeps its deployment", async () => {
    const { restApiId, before } = await deployedOnce(24)
    const run = await deploy(restApiId, V2_YAML, { 'canary-percent': '10' }, 24)
    expect(run.errors).toEqual([])
    const stage = emu.state.restApis.get(restApiId)?.stages.get('pr-24')
    expect(stage?.deploymentId).toBe(before)
    expect(stage?.canarySettings?.percentTraffic).toBe(10)
    expect(stage?.canarySettings?.deploymentId).toBe(run.outputs['canary-deployment-id'])
    expect(run.outputs['canary-deployment-id']).not.toBe(before)
    // The canary's record: the same file again finds the canary already running it.
    emu.clearCalls()
    const again = await deploy(restApiId, V2_YAML, { 'canary-percent': '10' }, 24)
    expect(again.errors).toEqual([])
    expect(writeOperations(emu)).toEqual([])
  })

  it.each(BAD_DEFINITIONS)('$name fails naming $input, with no AWS call', async (c) => {
    const { restApiId } = emu.seedSampleApi({ name: `bad-${c.name.length}` })
    emu.clearCalls()
    const substitutions = Object.entries(c.substitutions ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join('\n')
    const run = await runAgainst(
      emu,
      { 'rest-api-id': restApiId, stage: 'pr-5', definition: FILE, 'definition-substitutions': substitutions },
      { files: { [FILE]: c.text }, event: { name: 'push', payload: {} } },
    )
    expect(run.code).toBe(1)
    const error = run.errors.join('\n')
    expect(error).toContain(`Input '${c.input}'`)
    for (const words of c.mentions) expect(error).toContain(words)
    expect(emu.calls).toEqual([])
  })

  it("lists AWS's import warnings; with fail-on-warnings the import is rolled back and the run fails", async () => {
    const warned = GOOD_YAML.replace(
      'paths:',
      'components:\n  schemas:\n    Order:\n      type: object\n      discriminator:\n        propertyName: kind\npaths:',
    )
    const { restApiId } = emu.importDefinition(GOOD_YAML.replaceAll('${ACCOUNT}', '123456789012'))
    emu.clearCalls()
    const strict = await deploy(restApiId, warned, {}, 31)
    expect(strict.code).toBe(1)
    expect(strict.errors.join('\n')).toMatch(/PutRestApi.*failed/)
    expect(writeOperations(emu)).toEqual(['PutRestApi'])

    const lenient = await deploy(restApiId, warned, { 'fail-on-warnings': 'false' }, 31)
    expect(lenient.errors).toEqual([])
    expect(lenient.warnings.join('\n')).toContain('API Gateway warned on import')
    expect(lenient.summary).toContain('API Gateway warned on import')
  })
})
