// Replays the recorded stage, deployment, usage-plan and export flows
// (test/fixtures/aws-recorded/stages-deployments-exports.json) with the real SDK client.
import {
  CreateDeploymentCommand,
  type CreateDeploymentCommandInput,
  CreateRestApiCommand,
  CreateStageCommand,
  CreateUsagePlanCommand,
  DeleteDeploymentCommand,
  DeleteStageCommand,
  GetDeploymentCommand,
  GetDeploymentsCommand,
  GetExportCommand,
  GetStageCommand,
  GetStagesCommand,
  GetUsagePlanCommand,
  GetUsagePlansCommand,
  ImportRestApiCommand,
  type PatchOperation,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateDeploymentCommand,
  UpdateStageCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from './index.js'
import {
  clientFor,
  type Flow,
  type FlowContext,
  type FlowStep,
  loadFixtureText,
  loadRecorded,
  replay,
} from './support.js'

const recorded = loadRecorded('stages-deployments-exports')

const setup = (run: FlowStep['run']): FlowStep => ({ run })
const step = (key: string, run: FlowStep['run']): FlowStep => ({ key, run })

/** The recordings' fixture: a REST API with GET / on a MOCK (or HTTP) integration. */
async function createApi(c: FlowContext, integration: 'MOCK' | 'HTTP' = 'MOCK') {
  const api = await c.client.send(new CreateRestApiCommand({ name: 'stage-test', description: 'this is my api' }))
  c.v.api = api.id as string
  const target = { restApiId: c.v.api, resourceId: api.rootResourceId as string, httpMethod: 'GET' }
  await c.client.send(new PutMethodCommand({ ...target, authorizationType: 'NONE' }))
  return c.client.send(
    new PutIntegrationCommand(
      integration === 'MOCK'
        ? { ...target, type: 'MOCK' }
        : { ...target, type: 'HTTP', integrationHttpMethod: 'POST', uri: 'http://echo.example.com/post' },
    ),
  )
}

async function deploy(c: FlowContext, save: string, input: Partial<CreateDeploymentCommandInput> = {}) {
  const result = await c.client.send(new CreateDeploymentCommand({ restApiId: c.v.api, ...input }))
  c.v[save] = result.id as string
  return result
}

const stage =
  (stageName: string, deployment: string, extra: Record<string, string> = {}) =>
  (c: FlowContext) =>
    c.client.send(
      new CreateStageCommand({ restApiId: c.v.api, stageName, deploymentId: c.v[deployment] as string, ...extra }),
    )
const getStage = (stageName: string) => (c: FlowContext) =>
  c.client.send(new GetStageCommand({ restApiId: c.v.api, stageName }))
const getStages = (deployment?: string) => (c: FlowContext) =>
  c.client.send(new GetStagesCommand({ restApiId: c.v.api, ...(deployment ? { deploymentId: c.v[deployment] } : {}) }))
const patch =
  (stageName: string, ...patchOperations: PatchOperation[]) =>
  (c: FlowContext) =>
    c.client.send(new UpdateStageCommand({ restApiId: c.v.api, stageName, patchOperations }))
const getDeployment = (deployment: string) => (c: FlowContext) =>
  c.client.send(new GetDeploymentCommand({ restApiId: c.v.api, deploymentId: c.v[deployment] }))
const deleteDeployment = (deployment: string) => (c: FlowContext) =>
  c.client.send(new DeleteDeploymentCommand({ restApiId: c.v.api, deploymentId: c.v[deployment] }))
const planPatch =
  (plan: (c: FlowContext) => string, ...patchOperations: ((c: FlowContext) => PatchOperation)[]) =>
  (c: FlowContext) =>
    c.client.send(
      new UpdateUsagePlanCommand({ usagePlanId: plan(c), patchOperations: patchOperations.map((p) => p(c)) }),
    )

function createDeleteDeployments(manualStage: boolean): FlowStep[] {
  const deployToS1 = async (c: FlowContext) => {
    const result = await deploy(c, 'd', manualStage ? {} : { stageName: 's1' })
    if (manualStage) await stage('s1', 'd')(c)
    return result
  }
  const loop = [0, 1, 2].flatMap((i) => [
    step(`delete-deployment-error-${i}`, deleteDeployment('d')),
    setup(async (c) => {
      await c.client.send(new DeleteStageCommand({ restApiId: c.v.api, stageName: 's1' }))
      return deleteDeployment('d')(c)
    }),
    setup(deployToS1),
    step(`get-deployments-${i}`, (c) => c.client.send(new GetDeploymentsCommand({ restApiId: c.v.api }))),
    step(`get-stages-${i}`, getStages()),
  ])
  return [
    setup((c) => createApi(c)),
    setup(deployToS1),
    step('get-deployment', getDeployment('d')),
    step('get-stages', getStages()),
    ...loop,
  ]
}

const ACCESS_LOG_ARN = 'arn:aws:logs:us-east-1:123456789012:log-group:api-access-logs'

/** Export flows: import the recorded OpenAPI file, deploy to `local`, export plain and with `apigateway`. */
function exportFlow(test: string, exportType: 'swagger' | 'oas30', file: string): Flow {
  return {
    test,
    // The recordings ran in a region whose name appears in the petstore file's integration URIs.
    region: 'eu-west-1',
    prepare: (recordedStep) => {
      const body = recordedStep.body as { info?: { version?: string } } | undefined
      if (body?.info?.version === 'date') body.info.version = '<date>'
      if (typeof recordedStep.contentDisposition === 'string') {
        recordedStep.contentDisposition = recordedStep.contentDisposition.replace('_date.json', '_<date>.json')
      }
      return recordedStep
    },
    steps: [
      step('import-api', async (c) => {
        const api = await c.client.send(
          new ImportRestApiCommand({ body: new TextEncoder().encode(loadFixtureText(file)), failOnWarnings: true }),
        )
        c.v.api = api.id as string
        return api
      }),
      setup((c) => deploy(c, 'd', { stageName: 'local' })),
      step('get-export', (c) =>
        c.client.send(new GetExportCommand({ restApiId: c.v.api, stageName: 'local', exportType })),
      ),
      step('get-export-with-extensions', (c) =>
        c.client.send(
          new GetExportCommand({
            restApiId: c.v.api,
            stageName: 'local',
            exportType,
            parameters: { extensions: 'apigateway' },
          }),
        ),
      ),
    ],
  }
}

const FLOWS: Flow[] = [
  {
    test: 'TestUsagePlans::test_usage_plan_crud',
    steps: [
      setup((c) => createApi(c, 'HTTP')),
      setup((c) => deploy(c, 'd')),
      setup(stage('dev', 'd')),
      step('create-usage-plan', async (c) => {
        const plan = await c.client.send(
          new CreateUsagePlanCommand({
            name: 'test-usage-plan',
            description: 'this is my usage plan',
            apiStages: [{ apiId: c.v.api, stage: 'dev' }],
          }),
        )
        c.v.plan = plan.id as string
        return plan
      }),
      step('get-usage-plan', (c) => c.client.send(new GetUsagePlanCommand({ usagePlanId: c.v.plan }))),
      step('get-usage-plans', (c) => c.client.send(new GetUsagePlansCommand({}))),
      step(
        'update-usage-plan',
        planPatch(
          (c) => c.v.plan as string,
          () => ({ op: 'replace', path: '/throttle/burstLimit', value: '100' }),
          () => ({ op: 'replace', path: '/throttle/rateLimit', value: '200' }),
          () => ({ op: 'replace', path: '/quota/limit', value: '5000' }),
          () => ({ op: 'replace', path: '/quota/period', value: 'MONTH' }),
        ),
      ),
      step(
        'update-wrong-id',
        planPatch(
          () => 'wrongid',
          () => ({ op: 'replace', path: '/throttle/burstLimit', value: '1' }),
        ),
      ),
      step(
        'update-wrong-api-stages-no-value',
        planPatch(
          (c) => c.v.plan as string,
          () => ({ op: 'remove', path: '/apiStages' }),
        ),
      ),
      step(
        'update-wrong-api-stages-wrong-api',
        planPatch(
          (c) => c.v.plan as string,
          (c) => ({ op: 'remove', path: '/apiStages', value: `${c.v.api}b:dev` }),
        ),
      ),
      step(
        'update-wrong-api-stages-wrong-stage',
        planPatch(
          (c) => c.v.plan as string,
          (c) => ({ op: 'remove', path: '/apiStages', value: `${c.v.api}:fakestagename` }),
        ),
      ),
      step(
        'update-wrong-api-stages-wrong-value',
        planPatch(
          (c) => c.v.plan as string,
          () => ({ op: 'remove', path: '/apiStages', value: 'wrongvalue' }),
        ),
      ),
      step('get-usage-plan-after-update', (c) => c.client.send(new GetUsagePlanCommand({ usagePlanId: c.v.plan }))),
      step('get-usage-plans-after-update', (c) => c.client.send(new GetUsagePlansCommand({}))),
    ],
  },
  {
    test: 'TestStages::test_create_update_stages',
    steps: [
      setup((c) => createApi(c)),
      setup((c) => deploy(c, 'd')),
      step('create-stage', stage('s1', 'd', { description: 'my stage', documentationVersion: 'v123' })),
      step('error-update-doc-version', patch('s1', { op: 'replace', path: '/documentation_version', value: '123' })),
      step('error-update-tags', patch('s1', { op: 'replace', path: '/tags/tag1', value: 'value1' })),
      step(
        'update-stage',
        patch(
          's1',
          { op: 'replace', path: '/description', value: 'stage new' },
          { op: 'replace', path: '/variables/var1', value: 'test' },
          { op: 'replace', path: '/variables/var2', value: 'test2' },
          { op: 'replace', path: '/*/*/throttling/burstLimit', value: '123' },
          { op: 'replace', path: '/*/*/caching/enabled', value: 'true' },
          { op: 'replace', path: '/tracingEnabled', value: 'true' },
          { op: 'replace', path: '/test/GET/throttling/burstLimit', value: '124' },
        ),
      ),
      step('get-stage', getStage('s1')),
      step('update-stage-override', patch('s1', { op: 'replace', path: '/*/*/throttling/burstLimit', value: '100' })),
    ],
  },
  { test: 'TestDeployments::test_create_delete_deployments[True]', steps: createDeleteDeployments(true) },
  { test: 'TestDeployments::test_create_delete_deployments[False]', steps: createDeleteDeployments(false) },
  {
    test: 'TestDeployments::test_create_update_deployments',
    steps: [
      setup((c) => createApi(c)),
      setup((c) => deploy(c, 'd1')),
      setup(stage('s1', 'd1')),
      step('get-deployment-1', getDeployment('d1')),
      step('get-stages', getStages()),
      step('delete-deployment-error', deleteDeployment('d1')),
      setup((c) => deploy(c, 'd2', { stageName: 's1' })),
      step('get-deployment-1-after-update', getDeployment('d1')),
      step('get-deployment-2', getDeployment('d2')),
      step('get-stages-after-update', getStages()),
      step('delete-deployment-1', deleteDeployment('d1')),
      step('delete-deployment-2-error', deleteDeployment('d2')),
    ],
  },
  {
    test: 'TestStages::test_update_stage_remove_wildcard',
    steps: [
      setup((c) => createApi(c)),
      setup((c) => deploy(c, 'd')),
      step('create-stage', stage('s1', 'd', { description: 'my stage', documentationVersion: 'v123' })),
      step('get-stage', getStage('s1')),
      step('delete-error', patch('s1', { op: 'remove', path: '/*/*' })),
      step('update-stage', patch('s1', { op: 'replace', path: '/*/*/caching/enabled', value: 'true' })),
      step('update-stage-reset', patch('s1', { op: 'remove', path: '/*/*' })),
      step('get-stage-after-reset', getStage('s1')),
    ],
  },
  {
    test: 'TestApiGatewayStage::test_get_stages_filters_by_deployment_id',
    steps: [
      setup((c) => createApi(c)),
      setup((c) => deploy(c, 'd1')),
      setup((c) => deploy(c, 'd2')),
      setup(stage('stage1', 'd1')),
      setup(stage('stage2', 'd2')),
      step('all-stages', getStages()),
      step('stages-deploy1', getStages('d1')),
      step('stages-deploy2', getStages('d2')),
    ],
  },
  {
    test: 'TestApiGatewayStage::test_stage_access_log_settings',
    steps: [
      setup((c) => createApi(c)),
      step('create-deployment', (c) => deploy(c, 'd')),
      step('create-stage', stage('dev', 'd', { description: 'dev stage' })),
      step(
        'update-stage-access-log-dest-add',
        patch('dev', { op: 'add', path: '/accessLogSettings/destinationArn', value: ACCESS_LOG_ARN }),
      ),
      step(
        'update-stage-access-log-dest-replace',
        patch('dev', { op: 'replace', path: '/accessLogSettings/destinationArn', value: `${ACCESS_LOG_ARN}a` }),
      ),
      step(
        'update-stage-access-log-format-add',
        patch('dev', {
          op: 'add',
          path: '/accessLogSettings/format',
          value: '$context.requestId $context.identity.sourceIp',
        }),
      ),
      step('update-stage-access-log-remove-all', patch('dev', { op: 'remove', path: '/accessLogSettings' })),
    ],
  },
  {
    test: 'TestApiGatewayStage::test_stage_access_log_settings_validation',
    steps: [
      setup((c) => createApi(c)),
      step('create-deployment', (c) => deploy(c, 'd')),
      step('create-stage', stage('dev', 'd', { description: 'dev stage' })),
      step('invalid-path-add', patch('dev', { op: 'add', path: '/accessLogSettings/randomValue', value: 'x' })),
      step('invalid-path-remove', patch('dev', { op: 'remove', path: '/accessLogSettings/randomValue' })),
      step('invalid-path-replace', patch('dev', { op: 'replace', path: '/accessLogSettings/randomValue', value: 'x' })),
      step('star-and-add', patch('dev', { op: 'add', path: '/accessLogSettings/*', value: 'x' })),
      step('star-and-remove', patch('dev', { op: 'remove', path: '/accessLogSettings/*' })),
      step('star-and-replace', patch('dev', { op: 'replace', path: '/accessLogSettings/*', value: 'x' })),
      step('root-and-add', patch('dev', { op: 'add', path: '/accessLogSettings', value: ACCESS_LOG_ARN })),
      step('root-and-replace', patch('dev', { op: 'replace', path: '/accessLogSettings', value: ACCESS_LOG_ARN })),
      step(
        'update-stage-access-log-dest-add',
        patch('dev', { op: 'add', path: '/accessLogSettings/destinationArn', value: ACCESS_LOG_ARN }),
      ),
      step(
        'update-stage-access-log-destinationArn-empty',
        patch('dev', { op: 'replace', path: '/accessLogSettings/destinationArn', value: '' }),
      ),
      step(
        'update-stage-access-log-format-empty',
        patch('dev', { op: 'replace', path: '/accessLogSettings/format', value: '' }),
      ),
      step(
        'update-stage-access-log-dest-remove',
        patch('dev', { op: 'remove', path: '/accessLogSettings/destinationArn' }),
      ),
    ],
  },
  exportFlow('test_export_swagger_openapi[TEST_IMPORT_PETSTORE_SWAGGER]', 'swagger', 'petstore-swagger.json'),
  exportFlow('test_export_swagger_openapi[TEST_IMPORT_PETS]', 'swagger', 'pets.json'),
  exportFlow('test_export_oas30_openapi[TEST_IMPORT_PETSTORE_SWAGGER]', 'oas30', 'petstore-swagger.json'),
  exportFlow('test_export_oas30_openapi[TEST_IMPORT_PETS]', 'oas30', 'pets.json'),
  {
    test: 'TestApigatewayApiKeysCrud::test_create_usage_plan_with_throttle',
    steps: [
      step('create-usage-plan-burst-gt-rate', (c) =>
        c.client.send(
          new CreateUsagePlanCommand({
            name: 'invalid-throttle-burst-gt-rate',
            throttle: { rateLimit: 10, burstLimit: 20 },
          }),
        ),
      ),
    ],
  },
  {
    test: 'TestAPIGateway::test_update_rest_api_deployment',
    steps: [
      setup((c) => createApi(c)),
      setup((c) => deploy(c, 'd', { description: 'old-description' })),
      step('after-update', (c) =>
        c.client.send(
          new UpdateDeploymentCommand({
            restApiId: c.v.api,
            deploymentId: c.v.d,
            patchOperations: [{ op: 'replace', path: '/description', value: 'new-description' }],
          }),
        ),
      ),
    ],
  },
]

describe('conformance with recorded AWS stage, deployment, usage-plan and export flows', () => {
  const emulators = new Map<string, Emulator>()
  beforeAll(async () => {
    for (const region of ['us-east-1', 'eu-west-1']) emulators.set(region, await startEmulator({ region }))
  })
  afterAll(async () => {
    for (const emu of emulators.values()) await emu.stop()
  })

  it('covers every recorded test', () => {
    expect(FLOWS.map((f) => f.test).sort()).toEqual(Object.keys(recorded).sort())
  })

  it.each(FLOWS.map((flow) => [flow.test, flow] as const))('%s', async (_name, flow) => {
    const recording = recorded[flow.test]
    if (!recording) throw new Error(`no recording for ${flow.test}`)
    const emu = emulators.get(flow.region ?? 'us-east-1') as Emulator
    // Usage plans are account-wide: each flow that lists them needs an account of its own.
    const own = flow.test.startsWith('TestUsagePlans') ? await startEmulator() : undefined
    try {
      const target = own ?? emu
      const { differences } = await replay(flow, recording, { emu: target, client: clientFor(target), v: {} })
      expect(differences).toEqual([])
    } finally {
      await own?.stop()
    }
  })
})
