// ImportRestApi (endpoint types, per-region caps, failonwarnings, what an import builds), tags on REST APIs,
// DeleteRestApi while base path mappings point at the API.
import {
  type APIGatewayClient,
  CreateBasePathMappingCommand,
  CreateDeploymentCommand,
  CreateDomainNameCommand,
  CreateRestApiCommand,
  DeleteBasePathMappingCommand,
  DeleteRestApiCommand,
  GetIntegrationCommand,
  GetMethodCommand,
  GetModelCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetTagsCommand,
  ImportRestApiCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-api-gateway'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadDefinition, SUBSTITUTIONS } from '../fixtures/definitions/index.js'
import { bodyOf, failure, mockOperation, oas30, resourceIds } from './definition-support.js'
import { type Emulator, startEmulator } from './index.js'
import { clientFor } from './support.js'

describe('ImportRestApi, REST API tags, DeleteRestApi', () => {
  let emu: Emulator
  let client: APIGatewayClient

  beforeEach(async () => {
    emu = await startEmulator({ restApiLimits: { regional: 2, edge: 1 } })
    client = clientFor(emu)
  })
  afterEach(async () => {
    await emu.stop()
  })

  const importApi = (title: string, parameters?: Record<string, string>, failOnWarnings?: boolean) =>
    client.send(
      new ImportRestApiCommand({
        body: bodyOf(oas30(title, { '/x': { get: mockOperation() } })),
        ...(parameters ? { parameters } : {}),
        ...(failOnWarnings !== undefined ? { failOnWarnings } : {}),
      }),
    )

  it('creates an EDGE API unless endpointConfigurationTypes says otherwise; refuses unknown types', async () => {
    expect((await importApi('edge')).endpointConfiguration).toEqual({ types: ['EDGE'], ipAddressType: 'ipv4' })
    const regional = await importApi('regional', { endpointConfigurationTypes: 'REGIONAL' })
    expect(regional).toMatchObject({
      $metadata: { httpStatusCode: 201 },
      name: 'regional',
      version: '1',
      endpointConfiguration: { types: ['REGIONAL'] },
    })
    expect(regional.tags).toBeUndefined()
    expect(await failure(importApi('x', { endpointConfigurationTypes: 'GLOBAL' }))).toMatchObject({ status: 400 })
  })

  it('caps regional and edge APIs per region separately (options.restApiLimits), counting CreateRestApi too', async () => {
    await importApi('r1', { endpointConfigurationTypes: 'REGIONAL' })
    await client.send(new CreateRestApiCommand({ name: 'r2', endpointConfiguration: { types: ['REGIONAL'] } }))
    const full = {
      name: 'BadRequestException',
      status: 400,
      message: 'Maximum number of APIs has been reached. Please contact AWS if you need additional APIs.',
    }
    expect(await failure(importApi('r3', { endpointConfigurationTypes: 'REGIONAL' }))).toEqual(full)
    expect(
      await failure(
        client.send(new CreateRestApiCommand({ name: 'r3', endpointConfiguration: { types: ['REGIONAL'] } })),
      ),
    ).toEqual(full)
    await importApi('e1')
    expect(await failure(importApi('e2'))).toEqual(full)
    expect(emu.state.restApis.size).toBe(3)
  })

  it('failonwarnings=true creates nothing when the definition has warnings; without it they are returned', async () => {
    const warned = oas30('warned', { '/x': { get: mockOperation('200', { security: [{ nobody: [] }] }) } })
    const error = await failure(client.send(new ImportRestApiCommand({ body: bodyOf(warned), failOnWarnings: true })))
    expect(error).toMatchObject({ status: 400, message: expect.stringMatching(/^Warnings found during import:\n\t/) })
    expect(emu.state.restApis.size).toBe(0)
    const api = await client.send(new ImportRestApiCommand({ body: bodyOf(warned) }))
    expect(api.warnings).toEqual([
      "Security requirement 'nobody' of method 'GET' on resource '/x' names no security definition and was ignored",
    ])
  })

  it('builds authorizers, validators, models with AWS-style references, VPC link and AWS integrations', async () => {
    const api = await client.send(
      new ImportRestApiCommand({
        body: bodyOf(loadDefinition('inventory-vpc-link.oas30.yaml')),
        parameters: { endpointConfigurationTypes: 'PRIVATE' },
      }),
    )
    expect(api).toMatchObject({
      apiKeySource: 'AUTHORIZER',
      endpointConfiguration: { types: ['PRIVATE'], vpcEndpointIds: [SUBSTITUTIONS.VPCE_ID] },
    })
    expect(JSON.parse(api.policy ?? '{}').Statement).toHaveLength(2)
    const restApiId = api.id as string
    const ids = await resourceIds(client, restApiId)
    const getItem = await client.send(
      new GetMethodCommand({ restApiId, resourceId: ids['/items/{itemId}'], httpMethod: 'GET' }),
    )
    const authorizer = [...(emu.state.restApis.get(restApiId)?.authorizers.values() ?? [])][0]
    expect(authorizer).toMatchObject({
      name: 'WarehouseAuthorizer',
      type: 'REQUEST',
      authType: 'custom',
      identitySource: 'method.request.header.X-Warehouse-Token, method.request.querystring.warehouse',
      authorizerResultTtlInSeconds: 300,
    })
    expect(getItem).toMatchObject({
      authorizationType: 'CUSTOM',
      authorizerId: authorizer?.id,
      requestParameters: { 'method.request.path.itemId': true },
      methodIntegration: {
        type: 'HTTP_PROXY',
        connectionType: 'VPC_LINK',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's stage-variable syntax, kept verbatim
        connectionId: '${stageVariables.vpcLinkId}',
        cacheNamespace: ids['/items/{itemId}'],
        timeoutInMillis: 5000,
      },
    })
    const patch = await client.send(
      new GetMethodCommand({ restApiId, resourceId: ids['/items/{itemId}'], httpMethod: 'PATCH' }),
    )
    const inline = patch.requestModels?.['application/json'] as string
    expect(inline).toMatch(/^Model[0-9a-f]{8}$/)
    expect((await client.send(new GetModelCommand({ restApiId, modelName: inline }))).contentType).toBe(
      'application/json',
    )

    const orders = await client.send(
      new ImportRestApiCommand({ body: bodyOf(loadDefinition('orders-lambda-proxy.oas30.yaml')) }),
    )
    const ordersId = orders.id as string
    const orderIds = await resourceIds(client, ordersId)
    const create = await client.send(
      new GetMethodCommand({ restApiId: ordersId, resourceId: orderIds['/orders'], httpMethod: 'POST' }),
    )
    const validators = [...(emu.state.restApis.get(ordersId)?.requestValidators.values() ?? [])]
    expect(create).toMatchObject({
      authorizationType: 'COGNITO_USER_POOLS',
      authorizationScopes: ['orders/write'],
      operationName: 'CreateOrder',
      requestModels: { 'application/json': 'NewOrder' },
      requestValidatorId: validators.find((v) => v.name === 'body-and-params')?.id,
    })
    const integration = await client.send(
      new GetIntegrationCommand({ restApiId: ordersId, resourceId: orderIds['/orders'], httpMethod: 'POST' }),
    )
    expect(integration).toMatchObject({ type: 'AWS_PROXY', httpMethod: 'POST', connectionType: 'INTERNET' })
    const order = await client.send(new GetModelCommand({ restApiId: ordersId, modelName: 'Order' }))
    expect(JSON.parse(order.schema ?? '{}').properties.total).toEqual({
      $ref: `https://apigateway.amazonaws.com/restapis/${ordersId}/models/Money`,
    })
  })

  it('tags REST APIs by ARN: TagResource, GetTags, UntagResource, GetRestApi(s); gone with the API', async () => {
    const { id } = await importApi('tagged', { endpointConfigurationTypes: 'REGIONAL' })
    const resourceArn = `arn:aws:apigateway:us-east-1::/restapis/${id}`
    await client.send(new TagResourceCommand({ resourceArn, tags: { repository: 'o/r', 'pull-request': '12' } }))
    await client.send(new TagResourceCommand({ resourceArn, tags: { managedBy: 'apigateway-stage-action' } }))
    await client.send(new UntagResourceCommand({ resourceArn, tagKeys: ['pull-request'] }))
    const tags = { repository: 'o/r', managedBy: 'apigateway-stage-action' }
    expect((await client.send(new GetTagsCommand({ resourceArn }))).tags).toEqual(tags)
    expect((await client.send(new GetRestApiCommand({ restApiId: id }))).tags).toEqual(tags)
    expect((await client.send(new GetRestApisCommand({}))).items?.find((a) => a.id === id)?.tags).toEqual(tags)
    await client.send(new DeleteRestApiCommand({ restApiId: id }))
    expect(emu.state.tags.has(resourceArn)).toBe(false)
    expect(await failure(client.send(new GetTagsCommand({ resourceArn })))).toMatchObject({ status: 404 })
  })

  it('DeleteRestApi is refused while a base path mapping of any domain points at the API', async () => {
    const { id } = await importApi('mapped', { endpointConfigurationTypes: 'REGIONAL' })
    await client.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'pr-12' }))
    for (const domainName of ['api.example.com', 'preview.example.com']) {
      await client.send(
        new CreateDomainNameCommand({
          domainName,
          regionalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
          endpointConfiguration: { types: ['REGIONAL'] },
        }),
      )
      await client.send(
        new CreateBasePathMappingCommand({ domainName, restApiId: id, basePath: 'pr-12', stage: 'pr-12' }),
      )
    }
    expect(await failure(client.send(new DeleteRestApiCommand({ restApiId: id })))).toEqual({
      name: 'BadRequestException',
      status: 400,
      message: `Deleting RestApi ${id} failed. Please remove all base path mappings related to the RestApi in your domains: api.example.com, preview.example.com`,
    })
    for (const domainName of ['api.example.com', 'preview.example.com']) {
      await client.send(new DeleteBasePathMappingCommand({ domainName, basePath: 'pr-12' }))
    }
    await expect(client.send(new DeleteRestApiCommand({ restApiId: id }))).resolves.toMatchObject({
      $metadata: { httpStatusCode: 202 },
    })
  })
})
