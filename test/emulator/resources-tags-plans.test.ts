// REST APIs, resources and methods, import; tags on stage ARNs; usage plan patches.
import {
  type APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  CreateUsagePlanCommand,
  DeleteMethodCommand,
  DeleteRestApiCommand,
  DeleteStageCommand,
  DeleteUsagePlanCommand,
  GetMethodCommand,
  GetRestApiCommand,
  GetStageCommand,
  GetTagsCommand,
  ImportRestApiCommand,
  type PatchOperation,
  PutIntegrationCommand,
  PutMethodCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from './index.js'
import { clientFor } from './support.js'

describe('REST APIs, resources, tags and usage plans', () => {
  let emu: Emulator
  let client: APIGatewayClient

  beforeEach(async () => {
    emu = await startEmulator()
    client = clientFor(emu)
  })
  afterEach(async () => {
    await emu.stop()
  })

  it('CreateRestApi answers 201 with AWS defaults; unknown ids are 404 with the account in the text', async () => {
    const api = await client.send(new CreateRestApiCommand({ name: 'a', tags: { team: 'x' } }))
    expect(api).toMatchObject({
      $metadata: { httpStatusCode: 201 },
      name: 'a',
      apiKeySource: 'HEADER',
      endpointConfiguration: { types: ['EDGE'], ipAddressType: 'ipv4' },
      disableExecuteApiEndpoint: false,
      tags: { team: 'x' },
    })
    expect(api.id).toMatch(/^[a-z0-9]{10}$/)
    expect(api.description).toBeUndefined()
    await expect(client.send(new GetRestApiCommand({ restApiId: 'zzz' }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid API identifier specified 123456789012:zzz',
    })
    await client.send(new DeleteRestApiCommand({ restApiId: api.id }))
    await expect(client.send(new GetRestApiCommand({ restApiId: api.id }))).rejects.toMatchObject({
      name: 'NotFoundException',
    })
  })

  it('CreateResource, PutMethod, PutIntegration, DeleteMethod with AWS errors', async () => {
    const api = await client.send(new CreateRestApiCommand({ name: 'r' }))
    const restApiId = api.id as string
    const pets = await client.send(
      new CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: 'pets' }),
    )
    expect(pets).toMatchObject({ path: '/pets', pathPart: 'pets', parentId: api.rootResourceId })
    await expect(
      client.send(new CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: 'pets' })),
    ).rejects.toMatchObject({ name: 'ConflictException' })
    const target = { restApiId, resourceId: pets.id as string, httpMethod: 'GET' }
    await expect(
      client.send(new PutMethodCommand({ ...target, httpMethod: 'FETCH', authorizationType: 'NONE' })),
    ).rejects.toMatchObject({
      message: 'Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY',
    })
    await client.send(new PutMethodCommand({ ...target, authorizationType: 'NONE' }))
    await expect(client.send(new CreateDeploymentCommand({ restApiId }))).rejects.toMatchObject({
      message: 'No integration defined for method',
    })
    await client.send(
      new PutIntegrationCommand({
        ...target,
        type: 'HTTP_PROXY',
        integrationHttpMethod: 'GET',
        uri: 'https://x.example',
      }),
    )
    const method = await client.send(new GetMethodCommand(target))
    expect(method.methodIntegration).toMatchObject({ type: 'HTTP_PROXY', httpMethod: 'GET', uri: 'https://x.example' })
    await client.send(new DeleteMethodCommand(target))
    await expect(client.send(new GetMethodCommand(target))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid Method identifier specified',
    })
  })

  it('ImportRestApi reads YAML OpenAPI 3 as well', async () => {
    const spec = [
      'openapi: 3.0.1',
      'info: { title: yaml-api, version: "2.0" }',
      'paths:',
      '  /items/{id}:',
      '    get:',
      '      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
      '      responses: { "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Item" } } } } }',
      '      x-amazon-apigateway-integration: { type: mock, requestTemplates: { application/json: "{}" } }',
      'components: { schemas: { Item: { type: object } } }',
    ].join('\n')
    const api = await client.send(new ImportRestApiCommand({ body: new TextEncoder().encode(spec) }))
    expect(api).toMatchObject({ name: 'yaml-api', version: '2.0', $metadata: { httpStatusCode: 201 } })
    const state = emu.state.restApis.get(api.id as string)
    const resource = [...(state?.resources.values() ?? [])].find((r) => r.path === '/items/{id}')
    expect(resource?.methods.GET).toMatchObject({
      requestParameters: { 'method.request.path.id': true },
      methodResponses: { '200': { responseModels: { 'application/json': 'Item' } } },
      methodIntegration: { type: 'MOCK' },
    })
    await expect(client.send(new ImportRestApiCommand({ body: new TextEncoder().encode('{}') }))).rejects.toMatchObject(
      {
        name: 'BadRequestException',
      },
    )
  })

  it('tags stages by ARN, shows them on GetStage, forgets them with the stage', async () => {
    const { restApiId } = emu.seedSampleApi()
    const deployment = await client.send(new CreateDeploymentCommand({ restApiId }))
    await client.send(
      new CreateStageCommand({ restApiId, stageName: 'prod', deploymentId: deployment.id, tags: { owner: 'team-a' } }),
    )
    const resourceArn = `arn:aws:apigateway:us-east-1::/restapis/${restApiId}/stages/prod`
    await client.send(new TagResourceCommand({ resourceArn, tags: { env: 'prod' } }))
    expect((await client.send(new GetTagsCommand({ resourceArn }))).tags).toEqual({ owner: 'team-a', env: 'prod' })
    await client.send(new UntagResourceCommand({ resourceArn, tagKeys: ['owner'] }))
    expect((await client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))).tags).toEqual({ env: 'prod' })
    await expect(client.send(new TagResourceCommand({ resourceArn, tags: { 'aws:x': '1' } }))).rejects.toMatchObject({
      name: 'BadRequestException',
    })
    await expect(
      client.send(
        new GetTagsCommand({ resourceArn: `arn:aws:apigateway:us-east-1::/restapis/${restApiId}/stages/nope` }),
      ),
    ).rejects.toMatchObject({ name: 'NotFoundException' })
    await expect(client.send(new GetTagsCommand({ resourceArn: 'arn:aws:s3:::bucket' }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'Invalid ARN specified in the request',
    })
    await client.send(new DeleteStageCommand({ restApiId, stageName: 'prod' }))
    expect(emu.state.tags.has(resourceArn)).toBe(false)
  })

  it('usage plans: add/remove stages, per-method throttles, delete refused while stages remain', async () => {
    const { restApiId } = emu.seedSampleApi()
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    const plan = await client.send(new CreateUsagePlanCommand({ name: 'gold', quota: { limit: 10, period: 'DAY' } }))
    expect(plan).toMatchObject({ apiStages: [], quota: { limit: 10, offset: 0, period: 'DAY' } })
    expect(plan.tags).toBeUndefined()
    const update = (...patchOperations: PatchOperation[]) =>
      client.send(new UpdateUsagePlanCommand({ usagePlanId: plan.id, patchOperations }))
    await update({ op: 'add', path: '/apiStages', value: `${restApiId}:prod` })
    const throttled = await update(
      { op: 'replace', path: `/apiStages/${restApiId}:prod/throttle/pets/GET/rateLimit`, value: '0.5' },
      { op: 'replace', path: `/apiStages/${restApiId}:prod/throttle//GET/burstLimit`, value: '2' },
    )
    expect(throttled.apiStages).toEqual([
      { apiId: restApiId, stage: 'prod', throttle: { '/pets/GET': { rateLimit: 0.5 }, '//GET': { burstLimit: 2 } } },
    ])
    expect(throttled.tags).toEqual({})
    await expect(update({ op: 'add', path: '/apiStages', value: `${restApiId}:nope` })).rejects.toMatchObject({
      name: 'NotFoundException',
      message: `Invalid API Stage {api: ${restApiId}, stage: nope} specified for usageplan ${plan.id}`,
    })
    await expect(client.send(new DeleteUsagePlanCommand({ usagePlanId: plan.id }))).rejects.toMatchObject({
      message: `Cannot delete Usage Plan ${plan.id} because there are API Stages associated with it, including ${restApiId}:prod`,
    })
    await update({ op: 'remove', path: '/apiStages', value: `${restApiId}:prod` })
    await client.send(new DeleteUsagePlanCommand({ usagePlanId: plan.id }))
    expect(emu.state.usagePlans.size).toBe(0)
  })
})
