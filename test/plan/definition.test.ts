import { describe, expect, it } from 'vitest'
import { loadDefinition } from '../../src/definition/load.js'
import { formatDefinitionRecord } from '../../src/definition/record.js'
import type { DefinitionInput } from '../../src/inputs/types.js'
import { CANARY_DEFINITION_TAG, DEFINITION_TAG, PREVIOUS_DEPLOYMENT_TAG } from '../../src/model/tags.js'
import type { DefinitionImport } from '../../src/plan/context.js'
import { plan } from '../../src/plan/index.js'
import { NEW_DEPLOYMENT_ID, type PlannedCall } from '../../src/plan/types.js'
import { GOOD_YAML } from '../definition/bad-definitions.js'
import { actionInputs, readState, stageState } from '../fixtures/action-inputs.js'

const description = 'Deployed by test'
const options: DefinitionInput = {
  file: 'api/openapi.yaml',
  mode: 'overwrite',
  substitutions: { ACCOUNT: '123456789012' },
  failOnWarnings: true,
  basePath: 'ignore',
  force: false,
}

async function definition(overrides: Partial<DefinitionInput> = {}, text = GOOD_YAML): Promise<DefinitionImport> {
  const o = { ...options, ...overrides }
  const loaded = await loadDefinition({ file: o.file, text, substitutions: o.substitutions, basePath: o.basePath })
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems))
  return { loaded: loaded.value, options: o }
}

const actions = (calls: PlannedCall[]) => calls.map((c) => c.action)
/** Import, a detached deployment, its route check, the switch, the record. */
const IMPORT_THEN_SWITCH = ['PutRestApi', 'CreateDeployment', 'VerifyDeployment', 'UpdateStage', 'TagResource']
const record = (sha256: string, deployment: string) =>
  formatDefinitionRecord({ sha256, mode: 'overwrite', basePath: 'ignore', deployment })

describe('deploy with definition', () => {
  it('imports, deploys detached, checks the routes, then switches an existing stage and records the file', async () => {
    const def = await definition()
    const p = plan({ inputs: actionInputs(), state: readState(stageState()), description, definition: def })
    expect(actions(p.calls)).toEqual(IMPORT_THEN_SWITCH)
    expect(p.calls[0]).toMatchObject({
      action: 'PutRestApi',
      mode: 'overwrite',
      failOnWarnings: true,
      basePath: 'ignore',
      body: def.loaded.text,
      sha256: def.loaded.sha256,
    })
    expect(p.calls[1]).toEqual({ action: 'CreateDeployment', restApiId: 'a1b2c3d4e5', description })
    expect(p.calls[2]).toMatchObject({
      deploymentId: NEW_DEPLOYMENT_ID,
      routes: ['GET /health', 'GET /orders'],
      exact: true,
    })
    expect(p.calls[3]).toMatchObject({
      patchOperations: [{ op: 'replace', path: '/deploymentId', value: NEW_DEPLOYMENT_ID }],
    })
    expect(p.calls[4]).toMatchObject({
      tags: {
        [PREVIOUS_DEPLOYMENT_TAG]: 'dep111',
        [DEFINITION_TAG]: record(def.loaded.sha256, NEW_DEPLOYMENT_ID),
      },
    })
    expect(p.notes[0]).toContain('PutRestApi imports api/openapi.yaml')
  })

  it('creates a missing stage on the checked deployment, with the record as a stage tag', async () => {
    const def = await definition()
    const p = plan({
      inputs: actionInputs({ variables: { alias: 'live' } }),
      state: readState(),
      description,
      definition: def,
    })
    expect(actions(p.calls)).toEqual(['PutRestApi', 'CreateDeployment', 'VerifyDeployment', 'CreateStage'])
    expect(p.calls[3]).toEqual({
      action: 'CreateStage',
      restApiId: 'a1b2c3d4e5',
      stageName: 'staging',
      deploymentId: NEW_DEPLOYMENT_ID,
      variables: { alias: 'live' },
      tags: { [DEFINITION_TAG]: record(def.loaded.sha256, NEW_DEPLOYMENT_ID) },
    })
  })

  it('switches deployment and variables in one UpdateStage after the check', async () => {
    const def = await definition()
    const p = plan({
      inputs: actionInputs({ variables: { alias: 'v2' } }),
      state: readState(stageState({ variables: { alias: 'v1' } })),
      description,
      definition: def,
    })
    expect(actions(p.calls)).toEqual(IMPORT_THEN_SWITCH)
    expect(p.calls[3]).toMatchObject({
      patchOperations: [
        { op: 'replace', path: '/deploymentId', value: NEW_DEPLOYMENT_ID },
        { op: 'replace', path: '/variables/alias', value: 'v2' },
      ],
    })
  })

  it('puts the file on the canary only; production untouched', async () => {
    const def = await definition()
    const p = plan({
      inputs: actionInputs({ canary: { percent: 10, variables: {}, removeVariables: [] } }),
      state: readState(stageState()),
      description,
      definition: def,
    })
    expect(actions(p.calls)).toEqual(IMPORT_THEN_SWITCH)
    expect(p.calls[3]).toMatchObject({
      patchOperations: [
        { op: 'replace', path: '/canarySettings/deploymentId', value: NEW_DEPLOYMENT_ID },
        { op: 'replace', path: '/canarySettings/percentTraffic', value: '10.0' },
      ],
    })
    expect(p.calls[4]).toMatchObject({
      tags: { [CANARY_DEFINITION_TAG]: record(def.loaded.sha256, NEW_DEPLOYMENT_ID) },
    })
    expect(p.expected.deploymentId).toBe('dep111')
  })

  it('does nothing when the stage runs a deployment of the same file, mode and base path', async () => {
    const def = await definition()
    const tags = { [DEFINITION_TAG]: record(def.loaded.sha256, 'dep111') }
    const p = plan({ inputs: actionInputs(), state: readState(stageState({ tags })), description, definition: def })
    expect(p.calls).toEqual([])
    expect(p.notes[0]).toContain('nothing is imported or deployed')
  })

  it('still sets changed variables when the file is unchanged, without a deployment', async () => {
    const def = await definition()
    const tags = { [DEFINITION_TAG]: record(def.loaded.sha256, 'dep111') }
    const p = plan({
      inputs: actionInputs({ variables: { alias: 'v2' } }),
      state: readState(stageState({ tags, variables: { alias: 'v1' } })),
      description,
      definition: def,
    })
    expect(actions(p.calls)).toEqual(['UpdateStage'])
  })

  it.each([
    ['force-deploy', { force: true }, 'dep111'],
    ['another mode', { mode: 'merge' as const }, 'dep111'],
    ['a record of another deployment (rolled back since)', {}, 'dep999'],
  ])('imports again with %s', async (_why, overrides, recorded) => {
    const def = await definition(overrides)
    const tags = { [DEFINITION_TAG]: record(def.loaded.sha256, recorded) }
    const p = plan({ inputs: actionInputs(), state: readState(stageState({ tags })), description, definition: def })
    expect(actions(p.calls)[0]).toBe('PutRestApi')
  })

  it('warns of a rename and of API-level settings an overwrite drops', async () => {
    const def = await definition()
    const state = readState(stageState())
    const api = { ...state.api, name: 'orders', settings: { binaryMediaTypes: ['image/png'], policy: '{}' } }
    const p = plan({ inputs: actionInputs(), state: { ...state, api }, description, definition: def })
    const warnings = p.notes.filter((n) => n.startsWith('⚠️')).join('\n')
    expect(warnings).toContain("info.title 'orders-api' differs from the API's name 'orders'")
    expect(warnings).toContain('binary media types (x-amazon-apigateway-binary-media-types)')
    expect(warnings).toContain('resource policy (x-amazon-apigateway-policy)')
    const merged = plan({
      inputs: actionInputs(),
      state: { ...state, api },
      description,
      definition: await definition({ mode: 'merge' }),
    })
    expect(merged.notes.join('\n')).not.toContain('Overwrite resets')
  })

  it('promote-from carries the source stage record when it describes the deployment that moves', () => {
    const source = stageState({
      stageName: 'staging',
      deploymentId: 'dep777',
      tags: { [DEFINITION_TAG]: record('ab'.repeat(32), 'dep777') },
    })
    const p = plan({
      inputs: actionInputs({ operation: 'promote', stage: 'prod', promoteFrom: 'staging' }),
      state: readState(stageState({ stageName: 'prod' }), source),
      description,
    })
    const tag = p.calls.find((c) => c.action === 'TagResource')
    expect(tag).toMatchObject({ tags: { [DEFINITION_TAG]: record('ab'.repeat(32), 'dep777') } })
    const stale = plan({
      inputs: actionInputs({ operation: 'promote', stage: 'prod', promoteFrom: 'staging' }),
      state: readState(stageState({ stageName: 'prod' }), {
        ...source,
        tags: { [DEFINITION_TAG]: record('ab'.repeat(32), 'dep111') },
      }),
      description,
    })
    const staleTag = stale.calls.find((c) => c.action === 'TagResource')
    expect(staleTag?.action).toBe('TagResource')
    expect(staleTag?.action === 'TagResource' ? staleTag.tags[DEFINITION_TAG] : 'no tag call').toBeUndefined()
  })
})
