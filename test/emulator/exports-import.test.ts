// GetExport of imported APIs: what `integrations,authorizers` and `apigateway` render (validators, gateway
// responses, policy, endpoint settings, every authorizer kind, VPC links), always from the deployed snapshot.
import {
  type APIGatewayClient,
  CreateDeploymentCommand,
  GetExportCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
} from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDefinition, SUBSTITUTIONS } from '../fixtures/definitions/index.js'
import { bodyOf, type Doc, mockOperation, oas30 } from './definition-support.js'
import { type Emulator, startEmulator } from './index.js'
import { clientFor } from './support.js'

const FUNCTIONS = `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions`

describe('GetExport of imported definitions', () => {
  let emu: Emulator
  let client: APIGatewayClient

  beforeAll(async () => {
    emu = await startEmulator()
    client = clientFor(emu)
  })
  afterAll(async () => {
    await emu.stop()
  })

  async function deployed(file: string, endpointConfigurationTypes = 'REGIONAL'): Promise<string> {
    const api = await client.send(
      new ImportRestApiCommand({ body: bodyOf(loadDefinition(file)), parameters: { endpointConfigurationTypes } }),
    )
    await client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' }))
    return api.id as string
  }

  async function exportOf(restApiId: string, exportType: 'swagger' | 'oas30', extensions: string): Promise<Doc> {
    const result = await client.send(
      new GetExportCommand({ restApiId, stageName: 'prod', exportType, parameters: { extensions } }),
    )
    return JSON.parse(new TextDecoder().decode(result.body)) as Doc
  }

  it('apigateway: API-level settings, request validators, TOKEN authorizer details, API keys', async () => {
    const restApiId = await deployed('payments-token-authorizer.swagger.yaml')
    const doc = await exportOf(restApiId, 'swagger', 'apigateway')
    expect(doc['x-amazon-apigateway-request-validators']).toEqual({
      full: { validateRequestBody: true, validateRequestParameters: true },
    })
    const create = doc.paths['/payments'].post
    expect(create['x-amazon-apigateway-request-validator']).toBe('full')
    expect(create.security).toEqual([{ PaymentsToken: [] }, { api_key: [] }])
    expect(create.parameters[0]).toEqual({ name: 'Idempotency-Key', in: 'header', required: true, type: 'string' })
    expect(create['x-amazon-apigateway-integration'].responses).toEqual({
      default: { statusCode: '201' },
      '.*"declined".*': {
        statusCode: '402',
        responseTemplates: { 'application/json': `{"reason": $input.json('$.errorMessage')}` },
      },
    })
    expect(doc.securityDefinitions.PaymentsToken).toEqual({
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'oauth2',
      'x-amazon-apigateway-authorizer': {
        type: 'token',
        authorizerUri: `${FUNCTIONS}/arn:aws:lambda:us-east-1:123456789012:function:payments-authorizer/invocations`,
        authorizerCredentials: SUBSTITUTIONS.AUTHORIZER_ROLE_ARN,
        identityValidationExpression: '^Bearer [-0-9a-zA-Z\\._]*$',
        authorizerResultTtlInSeconds: 60,
      },
    })
  })

  it('integrations,authorizers: no API-level extensions and no validators', async () => {
    const restApiId = await deployed('payments-token-authorizer.swagger.yaml')
    const doc = await exportOf(restApiId, 'oas30', 'integrations,authorizers')
    expect(Object.keys(doc).filter((k) => k.startsWith('x-amazon-apigateway'))).toEqual([])
    expect(JSON.stringify(doc)).not.toContain('x-amazon-apigateway-request-validator')
    expect(doc.components.securitySchemes.PaymentsToken['x-amazon-apigateway-authorizer'].type).toBe('token')
    expect(doc.paths['/payments/{paymentId}'].get['x-amazon-apigateway-integration'].type).toBe('aws')
  })

  it('REQUEST authorizer with several identity sources is named Unused; VPC links, policy, endpoint settings', async () => {
    const restApiId = await deployed('inventory-vpc-link.oas30.yaml', 'PRIVATE')
    const doc = await exportOf(restApiId, 'oas30', 'apigateway')
    expect(doc.components.securitySchemes.WarehouseAuthorizer).toMatchObject({
      name: 'Unused',
      in: 'header',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'request',
        identitySource: 'method.request.header.X-Warehouse-Token, method.request.querystring.warehouse',
        authorizerResultTtlInSeconds: 300,
      },
    })
    expect(doc.paths['/items'].get['x-amazon-apigateway-integration']).toMatchObject({
      type: 'http_proxy',
      connectionType: 'VPC_LINK',
      connectionId: SUBSTITUTIONS.VPC_LINK_ID,
    })
    expect(doc['x-amazon-apigateway-api-key-source']).toBe('AUTHORIZER')
    expect(doc['x-amazon-apigateway-endpoint-configuration']).toEqual({
      vpcEndpointIds: [SUBSTITUTIONS.VPCE_ID],
      disableExecuteApiEndpoint: false,
    })
    expect(doc['x-amazon-apigateway-policy'].Statement[1].Condition).toEqual({
      StringNotEquals: { 'aws:sourceVpce': SUBSTITUTIONS.VPCE_ID },
    })
  })

  it('gateway responses (numeric status codes as numbers), compression size, Cognito scopes, sigv4, TLS', async () => {
    const status = await exportOf(await deployed('status-mock.swagger.yaml'), 'swagger', 'apigateway')
    expect(status['x-amazon-apigateway-minimum-compression-size']).toBe(1024)
    expect(status['x-amazon-apigateway-gateway-responses'].MISSING_AUTHENTICATION_TOKEN).toEqual({
      statusCode: 404,
      responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
      responseTemplates: { 'application/json': '{"message": "Not found: $context.path"}' },
    })
    const orders = await exportOf(await deployed('orders-lambda-proxy.oas30.yaml'), 'oas30', 'authorizers')
    expect(orders.paths['/orders'].post.security).toEqual([{ ShopUsers: ['orders/write'] }])
    expect(orders.components.securitySchemes.ShopUsers['x-amazon-apigateway-authorizer']).toEqual({
      type: 'cognito_user_pools',
      providerARNs: [SUBSTITUTIONS.USER_POOL_ARN],
    })
    const notifications = await exportOf(await deployed('notifications-sqs.swagger.json'), 'swagger', 'authorizers')
    expect(notifications.paths['/notifications'].post.security).toEqual([{ sigv4: [] }])
    const webhooks = await exportOf(await deployed('webhooks-any-method.oas30.json'), 'oas30', 'integrations')
    expect(webhooks.paths['/partners/{partner}/events'].post['x-amazon-apigateway-integration'].tlsConfig).toEqual({
      insecureSkipVerification: true,
    })
    expect(
      webhooks.paths['/']['x-amazon-apigateway-any-method']['x-amazon-apigateway-integration'].timeoutInMillis,
    ).toBe(15000)
  })

  it('reflects the deployment a stage points at, not the working copy changed by PutRestApi', async () => {
    const restApiId = await deployed('status-mock.swagger.yaml')
    const replacement = oas30('status-api', { '/v2/health': { get: mockOperation() } })
    await client.send(new PutRestApiCommand({ restApiId, body: bodyOf(replacement), mode: 'overwrite' }))
    const before = await exportOf(restApiId, 'swagger', 'apigateway')
    expect(Object.keys(before.paths)).toEqual(['/', '/health'])
    expect(before['x-amazon-apigateway-gateway-responses']).toBeDefined()
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    const after = await exportOf(restApiId, 'swagger', 'apigateway')
    expect(Object.keys(after.paths)).toEqual(['/v2/health'])
    expect(after['x-amazon-apigateway-gateway-responses']).toBeUndefined()
    expect(after['x-amazon-apigateway-minimum-compression-size']).toBeUndefined()
  })
})
