// Replays every recorded canary flow (test/fixtures/aws-recorded/canary.json) with the real SDK client.
import {
  CreateDeploymentCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  type CreateStageCommandInput,
  GetStageCommand,
  type PatchOperation,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from './index.js'
import { clientFor, type Flow, type FlowContext, type FlowStep, loadRecorded, replay } from './support.js'

const recorded = loadRecorded('canary')

/** The recordings' fixture: GET / with a MOCK integration answering a JSON template. */
async function createApiForDeployment(c: FlowContext, message = 'default deployment') {
  const api = await c.client.send(new CreateRestApiCommand({ name: 'canary-test' }))
  c.v.api = api.id as string
  c.v.root = api.rootResourceId as string
  const target = { restApiId: c.v.api, resourceId: c.v.root, httpMethod: 'GET' }
  await c.client.send(new PutMethodCommand({ ...target, authorizationType: 'NONE' }))
  await c.client.send(new PutMethodResponseCommand({ ...target, statusCode: '200' }))
  await c.client.send(
    new PutIntegrationCommand({
      ...target,
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
    }),
  )
  return setTemplate(c, message)
}

function setTemplate(c: FlowContext, message: string) {
  return c.client.send(
    new PutIntegrationResponseCommand({
      restApiId: c.v.api,
      resourceId: c.v.root,
      httpMethod: 'GET',
      statusCode: '200',
      selectionPattern: '',
      responseTemplates: { 'application/json': JSON.stringify({ statusCode: 200, message }) },
    }),
  )
}

const setup = (run: FlowStep['run']): FlowStep => ({ run })
const step = (key: string, run: FlowStep['run']): FlowStep => ({ key, run })

async function deploy(c: FlowContext, save: string, input: Record<string, unknown> = {}) {
  const result = await c.client.send(new CreateDeploymentCommand({ restApiId: c.v.api, ...input }))
  c.v[save] = result.id as string
  return result
}

const getStage = (stageName: string) => (c: FlowContext) =>
  c.client.send(new GetStageCommand({ restApiId: c.v.api, stageName }))
const patch =
  (stageName: string, ...patchOperations: PatchOperation[]) =>
  (c: FlowContext) =>
    c.client.send(new UpdateStageCommand({ restApiId: c.v.api, stageName, patchOperations }))
const createStage = (input: (c: FlowContext) => Omit<CreateStageCommandInput, 'restApiId'>) => (c: FlowContext) =>
  c.client.send(new CreateStageCommand({ restApiId: c.v.api, ...input(c) }))

const canary = (percentTraffic: number, overrides: Record<string, string>) => ({
  canarySettings: { percentTraffic, stageVariableOverrides: overrides },
})

const FLOWS: Flow[] = [
  {
    test: 'TestStageCrudCanary::test_create_update_stages',
    steps: [
      setup((c) => createApiForDeployment(c)),
      step('create-deployment-1', (c) => deploy(c, 'd1')),
      setup((c) => setTemplate(c, 'second deployment')),
      step('create-deployment-2', (c) => deploy(c, 'd2')),
      step(
        'create-stage',
        createStage((c) => ({
          stageName: 'dev',
          deploymentId: c.v.d1,
          description: 'dev stage',
          variables: { testVar: 'default' },
          canarySettings: { deploymentId: c.v.d2, percentTraffic: 50, stageVariableOverrides: { testVar: 'canary' } },
        })),
      ),
      step('get-stage', getStage('dev')),
      step(
        'update-stage-canary-settings-overrides',
        patch('dev', { op: 'replace', path: '/canarySettings/stageVariableOverrides/testVar', value: 'updated' }),
      ),
      step('update-stage-remove-canary-settings', patch('dev', { op: 'remove', path: '/canarySettings' })),
      step('get-stage-after-remove', getStage('dev')),
    ],
  },
  {
    test: 'TestStageCrudCanary::test_create_canary_deployment_with_stage',
    steps: [
      setup((c) => createApiForDeployment(c)),
      step('create-deployment', (c) => deploy(c, 'd1')),
      step(
        'create-stage',
        createStage((c) => ({
          stageName: 'dev',
          deploymentId: c.v.d1,
          description: 'dev stage',
          variables: { testVar: 'default' },
        })),
      ),
      step('create-canary-deployment', (c) =>
        deploy(c, 'd2', { stageName: 'dev', ...canary(50, { testVar: 'canary' }) }),
      ),
      step('get-stage', getStage('dev')),
    ],
  },
  {
    test: 'TestStageCrudCanary::test_create_canary_deployment',
    steps: [
      setup((c) => createApiForDeployment(c)),
      step('create-deployment', (c) => deploy(c, 'd1')),
      step(
        'create-stage',
        createStage((c) => ({
          stageName: 'dev1',
          deploymentId: c.v.d1,
          description: 'dev stage',
          variables: { testVar: 'default' },
          canarySettings: { deploymentId: c.v.d1, percentTraffic: 40, stageVariableOverrides: { testVar: 'canary1' } },
        })),
      ),
      step('create-canary-deployment', (c) =>
        deploy(c, 'd2', { stageName: 'dev1', ...canary(50, { testVar: 'canary2' }) }),
      ),
      step('get-stage-1', getStage('dev1')),
      step(
        'create-stage-2',
        createStage((c) => ({
          stageName: 'dev2',
          deploymentId: c.v.d1,
          description: 'dev stage',
          variables: { testVar: 'default' },
          canarySettings: {
            deploymentId: c.v.d2,
            percentTraffic: 60,
            stageVariableOverrides: { testVar: 'canary-overridden' },
          },
        })),
      ),
      step(
        'bad-canary-deployment-id',
        createStage((c) => ({
          stageName: 'dev3',
          deploymentId: c.v.d1,
          description: 'dev stage',
          canarySettings: { deploymentId: 'deploy' },
        })),
      ),
    ],
  },
  {
    test: 'TestStageCrudCanary::test_create_canary_deployment_by_stage_update',
    steps: [
      setup((c) => createApiForDeployment(c)),
      step('create-deployment', (c) => deploy(c, 'd1')),
      step('create-deployment-2', (c) => deploy(c, 'd2')),
      step(
        'create-stage',
        createStage((c) => ({
          stageName: 'dev',
          deploymentId: c.v.d1,
          description: 'dev stage',
          variables: { testVar: 'default' },
        })),
      ),
      step('update-stage-with-deployment', (c) =>
        patch('dev', { op: 'replace', path: '/canarySettings/deploymentId', value: c.v.d2 })(c),
      ),
      step('remove-stage-canary', patch('dev', { op: 'remove', path: '/canarySettings' })),
      step(
        'update-stage-with-percent',
        patch('dev', { op: 'replace', path: '/canarySettings/percentTraffic', value: '50' }),
      ),
      step('get-stage', getStage('dev')),
    ],
  },
  {
    test: 'TestStageCrudCanary::test_create_canary_deployment_validation',
    steps: [
      setup((c) => createApiForDeployment(c)),
      step('create-canary-deployment-no-stage', (c) => deploy(c, 'x', canary(50, { testVar: 'canary' }))),
      step('create-canary-deployment-empty-stage', (c) =>
        deploy(c, 'x', { stageName: '', ...canary(50, { testVar: 'canary' }) }),
      ),
      step('create-canary-deployment-non-existing-stage', (c) =>
        deploy(c, 'x', { stageName: 'non-existing', ...canary(50, { testVar: 'canary' }) }),
      ),
    ],
  },
  {
    test: 'TestStageCrudCanary::test_update_stage_canary_deployment_validation',
    steps: [
      setup((c) => createApiForDeployment(c)),
      setup((c) => deploy(c, 'd1', { stageName: 'dev' })),
      step('get-stage', getStage('dev')),
      setup((c) => deploy(c, 'd2', { stageName: 'dev', ...canary(50, { testVar: 'canary' }) })),
      step(
        'update-stage-canary-settings-remove-overrides',
        patch('dev', { op: 'remove', path: '/canarySettings/stageVariableOverrides' }),
      ),
      step('update-stage-canary-settings-bad-path', patch('dev', { op: 'remove', path: '/canarySettings/badPath' })),
      step(
        'update-stage-canary-settings-bad-path-2',
        patch('dev', { op: 'replace', path: '/canarySettings', value: 'test' }),
      ),
      step(
        'update-stage-canary-settings-replace-bad-path',
        patch('dev', { op: 'replace', path: '/canarySettings/badPath', value: 'badPath' }),
      ),
      setup((c) => deploy(c, 'd3', { stageName: 'dev2' })),
      step('update-stage-add-deployment', (c) =>
        patch('dev2', { op: 'add', path: '/canarySettings/deploymentId', value: c.v.d3 })(c),
      ),
      step(
        'update-stage-no-deployment',
        patch('dev2', { op: 'replace', path: '/canarySettings/deploymentId', value: 'deploy' }),
      ),
    ],
  },
  {
    test: 'TestStageCrudCanary::test_update_stage_with_copy_ops',
    steps: [
      setup((c) => createApiForDeployment(c)),
      step('deployment-1', (c) =>
        deploy(c, 'd1', { stageName: 'dev', variables: { testVar: 'test', testVar2: 'test2' } }),
      ),
      step(
        'copy-with-bad-statement',
        patch(
          'dev',
          { op: 'copy', path: '/canarySettings/stageVariableOverrides', from: '/variables' },
          { op: 'copy', path: '/canarySettings/deploymentId', from: '/deploymentId' },
        ),
      ),
      step(
        'copy-with-no-replace',
        patch(
          'dev',
          { op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' },
          { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
        ),
      ),
      step(
        'update-stage-with-copy',
        patch(
          'dev',
          { op: 'replace', value: '0.0', path: '/canarySettings/percentTraffic' },
          { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
          { op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' },
        ),
      ),
      step('deployment-canary', (c) => deploy(c, 'd2', { stageName: 'dev', ...canary(50, { testVar: 'override' }) })),
      step('get-stage', getStage('dev')),
      step(
        'update-stage-with-copy-2',
        patch(
          'dev',
          { op: 'replace', value: '0.0', path: '/canarySettings/percentTraffic' },
          { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
          { op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' },
        ),
      ),
    ],
  },
  {
    // The data-plane responses (invoking the stage) are out of scope; the control-plane calls are replayed.
    test: 'TestCanaryDeployments::test_invoking_canary_deployment',
    skip: ['response-deployment-1', 'response-canary-deployment'],
    steps: [
      setup((c) => createApiForDeployment(c)),
      step('create-deployment-1', (c) =>
        deploy(c, 'd1', { stageName: 'dev', variables: { testVar: 'default', defaultVar: 'default' } }),
      ),
      setup((c) => setTemplate(c, 'canary deployment')),
      step('create-deployment-2', (c) =>
        deploy(c, 'd2', { stageName: 'dev', ...canary(0, { testVar: 'canary', noStageVar: 'canary' }) }),
      ),
      step('update-stage', patch('dev', { op: 'replace', path: '/canarySettings/percentTraffic', value: '100.0' })),
    ],
  },
]

describe('conformance with recorded AWS canary flows', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator()
  })
  afterAll(async () => {
    await emu.stop()
  })

  it('covers every recorded test', () => {
    expect(FLOWS.map((f) => f.test).sort()).toEqual(Object.keys(recorded).sort())
  })

  it.each(FLOWS.map((flow) => [flow.test, flow] as const))('%s', async (_name, flow) => {
    const recording = recorded[flow.test]
    if (!recording) throw new Error(`no recording for ${flow.test}`)
    const { differences } = await replay(flow, recording, { emu, client: clientFor(emu), v: {} })
    expect(differences).toEqual([])
  })
})
