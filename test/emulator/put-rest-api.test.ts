// PutRestApi: merge vs overwrite (resources, methods, API-level literals, ids kept), recorded AWS facts,
// atomic errors, warnings and failonwarnings, the body limit, the basepath parameter.
import {
  type APIGatewayClient,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  GetMethodCommand,
  GetModelsCommand,
  GetRestApiCommand,
  GetStageCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
  type PutRestApiCommandInput,
} from '@aws-sdk/client-api-gateway'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadDefinition } from '../fixtures/definitions/index.js'
import { bodyOf, type Doc, failure, methodsByPath, mockOperation, oas30, resourceIds } from './definition-support.js'
import { MAX_DEFINITION_BYTES } from './import/document.js'
import { type Emulator, startEmulator } from './index.js'
import { clientFor, loadFixtureText } from './support.js'

const POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }],
}

/** The API as it is before each update: every API-level literal set, three resources, an authorizer. */
const BASE = oas30(
  'shop',
  {
    '/a': { get: mockOperation('200', { security: [{ tok: [] }] }), post: mockOperation('201') },
    '/a/b': { get: mockOperation() },
    '/old': { get: mockOperation() },
  },
  {
    info: { title: 'shop', description: 'first', version: '1' },
    components: {
      schemas: { Thing: { type: 'object' } },
      securitySchemes: {
        tok: {
          type: 'apiKey',
          name: 'Authorization',
          in: 'header',
          'x-amazon-apigateway-authorizer': {
            type: 'token',
            authorizerUri:
              'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations',
          },
        },
      },
    },
    'x-amazon-apigateway-binary-media-types': ['image/heif'],
    'x-amazon-apigateway-api-key-source': 'AUTHORIZER',
    'x-amazon-apigateway-minimum-compression-size': 100,
    'x-amazon-apigateway-policy': POLICY,
    'x-amazon-apigateway-endpoint-configuration': { disableExecuteApiEndpoint: true },
    'x-amazon-apigateway-request-validators': { all: { validateRequestBody: true, validateRequestParameters: true } },
    'x-amazon-apigateway-gateway-responses': { DEFAULT_4XX: { statusCode: 400 } },
  },
)

/** The update: /a GET changes, /new appears, nothing else is named. */
const UPDATE = oas30(
  'shop-v2',
  { '/a': { get: mockOperation('202') }, '/new': { put: mockOperation() } },
  { info: { title: 'shop-v2', version: '2' }, 'x-amazon-apigateway-binary-media-types': ['image/png'] },
)

describe('PutRestApi', () => {
  let emu: Emulator
  let client: APIGatewayClient
  let restApiId: string

  beforeEach(async () => {
    emu = await startEmulator()
    client = clientFor(emu)
    restApiId = (await client.send(new ImportRestApiCommand({ body: bodyOf(BASE) }))).id as string
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod', variables: { backend: 'b1' } }))
  })
  afterEach(async () => {
    await emu.stop()
  })

  const put = (definition: Doc | string, input: Partial<PutRestApiCommandInput> = {}) =>
    client.send(new PutRestApiCommand({ restApiId, body: bodyOf(definition), ...input }))

  it('merge (the default): keeps what the file does not name, the file wins per method, ids stay', async () => {
    const ids = await resourceIds(client, restApiId)
    const api = await put(UPDATE)
    expect(api).toMatchObject({
      name: 'shop-v2',
      version: '2',
      description: 'first',
      binaryMediaTypes: ['image/heif', 'image/png'],
      apiKeySource: 'AUTHORIZER',
      minimumCompressionSize: 100,
      policy: JSON.stringify(POLICY),
      disableExecuteApiEndpoint: true,
      tags: {},
      $metadata: { httpStatusCode: 200 },
    })
    expect(api.warnings).toBeUndefined()
    expect(await methodsByPath(client, restApiId)).toEqual({
      '/': [],
      '/a': ['GET', 'POST'],
      '/a/b': ['GET'],
      '/old': ['GET'],
      '/new': ['PUT'],
    })
    const after = await resourceIds(client, restApiId)
    for (const path of ['/', '/a', '/a/b', '/old']) expect(after[path]).toBe(ids[path])
    const get = await client.send(new GetMethodCommand({ restApiId, resourceId: after['/a'], httpMethod: 'GET' }))
    expect(Object.keys(get.methodResponses ?? {})).toEqual(['202'])
    expect(get.authorizationType).toBe('NONE')
    const state = emu.state.restApis.get(restApiId)
    expect([...(state?.models.keys() ?? [])]).toEqual(['Thing'])
    expect(state?.authorizers.size).toBe(1)
    expect(state?.requestValidators.size).toBe(1)
    expect(state?.gatewayResponses.size).toBe(1)
  })

  it('overwrite: deletes what the file does not define, API-level literals included; ids of kept paths stay', async () => {
    const ids = await resourceIds(client, restApiId)
    const api = await put(UPDATE, { mode: 'overwrite' })
    expect(api).toMatchObject({
      name: 'shop-v2',
      version: '2',
      binaryMediaTypes: ['image/png'],
      apiKeySource: 'HEADER',
    })
    for (const key of ['description', 'minimumCompressionSize', 'policy'] as const) expect(api[key]).toBeUndefined()
    expect(api.disableExecuteApiEndpoint).toBe(false)
    expect(await methodsByPath(client, restApiId)).toEqual({ '/': [], '/a': ['GET'], '/new': ['PUT'] })
    const after = await resourceIds(client, restApiId)
    expect(after['/a']).toBe(ids['/a'])
    expect(after['/']).toBe(ids['/'])
    expect((await client.send(new GetModelsCommand({ restApiId }))).items).toEqual([])
    const state = emu.state.restApis.get(restApiId)
    expect([state?.authorizers.size, state?.requestValidators.size, state?.gatewayResponses.size]).toEqual([0, 0, 0])
  })

  it('leaves stages, stage variables and deployments alone in both modes', async () => {
    const stage = await client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))
    for (const mode of ['merge', 'overwrite'] as const) {
      await put(UPDATE, { mode })
      const now = await client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))
      expect(now).toMatchObject({ deploymentId: stage.deploymentId, variables: { backend: 'b1' } })
      expect(emu.state.restApis.get(restApiId)?.deployments.size).toBe(1)
    }
  })

  it.each([
    ['merge', ['image/heif', 'image/png', 'image/jpg']],
    ['overwrite', ['image/png', 'image/jpg']],
  ] as const)('%s: binaryMediaTypes, name and version as AWS recorded them (2025-07-02)', async (mode, types) => {
    const created = await client.send(new CreateRestApiCommand({ name: 'base', binaryMediaTypes: ['image/heif'] }))
    expect(created.tags).toBeUndefined()
    expect((await client.send(new GetRestApiCommand({ restApiId: created.id }))).tags).toEqual({})
    const api = await client.send(
      new PutRestApiCommand({ restApiId: created.id, body: bodyOf(loadFixtureText('pets.json')), mode }),
    )
    expect(api).toMatchObject({
      name: 'Simple PetStore (Swagger)',
      version: '1.0.0',
      binaryMediaTypes: types,
      tags: {},
    })
  })

  it('reads YAML as well as JSON; the call log keeps a JSON body parsed and a YAML body as text', async () => {
    const yaml = loadDefinition('status-mock.swagger.yaml')
    await put(yaml, { mode: 'overwrite' })
    await put(UPDATE)
    const [yamlCall, jsonCall] = emu.writes().filter((c) => c.operation === 'PutRestApi')
    expect(yamlCall).toMatchObject({ body: yaml, query: { mode: 'overwrite' } })
    expect(jsonCall?.body).toEqual(UPDATE)
    expect(await methodsByPath(client, restApiId)).toMatchObject({ '/': ['GET'], '/health': ['GET', 'OPTIONS'] })
  })

  it('errors are atomic: 400 naming each problem, nothing changed', async () => {
    const before = await methodsByPath(client, restApiId)
    const bad = oas30('broken', {
      '/fine': { get: mockOperation() },
      '/not ok': { get: mockOperation() },
      '/lambda': {
        post: {
          responses: {},
          'x-amazon-apigateway-integration': {
            type: 'aws_proxy',
            httpMethod: 'POST',
            // biome-ignore lint/suspicious/noTemplateCurlyInString: a placeholder nobody substituted
            uri: 'arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/fn/invocations',
          },
        },
      },
    })
    const error = await failure(put(bad, { mode: 'overwrite' }))
    expect(error).toMatchObject({ name: 'BadRequestException', status: 400 })
    expect(error.message.split('\n')).toEqual([
      'Errors found during import:',
      "\tUnable to create resource at path '/not ok': Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
      "\tUnable to put integration on 'POST' for resource at path '/lambda': Invalid ARN specified in the request",
    ])
    expect(await methodsByPath(client, restApiId)).toEqual(before)
    expect((await client.send(new GetRestApiCommand({ restApiId }))).name).toBe('shop')
  })

  it('an unparseable body is "Invalid OpenAPI input." before the API id is looked up (recorded 2025-11-18)', async () => {
    const badYaml = 'test:\n    value:\n        - "value ... "escaped": $var, "dt": $(var +"%a")}"\n        '
    const badJson = "{'key:value}"
    for (const body of [badYaml, badJson, '', '{}', 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths: {}']) {
      for (const id of [restApiId, 'nope123456']) {
        expect(await failure(put(body, { restApiId: id }))).toEqual({
          name: 'BadRequestException',
          status: 400,
          message: 'Invalid OpenAPI input.',
        })
      }
      const imported = client.send(new ImportRestApiCommand({ body: bodyOf(body) }))
      expect(await failure(imported)).toMatchObject({ status: 400, message: 'Invalid OpenAPI input.' })
    }
    expect(await failure(put(UPDATE, { restApiId: 'nope123456' }))).toEqual({
      name: 'NotFoundException',
      status: 404,
      message: 'Invalid API identifier specified 123456789012:nope123456',
    })
    expect(await failure(put(UPDATE, { mode: 'replace' as 'merge' }))).toMatchObject({ status: 400 })
  })

  it('warnings come back in RestApi.warnings; the import proceeds without the offending parts', async () => {
    const withWarnings = oas30(
      'warned',
      {
        '/test': {
          get: mockOperation('200', {
            'x-amazon-apigateway-integration': {
              type: 'mock',
              requestParameters: {
                'integration.request.header.X-Amz-Invocation-Type': "'Event'",
                'integration.request.header.nothing': true,
              },
              requestTemplates: { 'application/json': '{"statusCode": 200}' },
            },
          }),
        },
        '/pets': {
          post: mockOperation('200', {
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
          }),
        },
      },
      {
        components: {
          schemas: {
            Pet: {
              type: 'object',
              discriminator: { propertyName: 'kind' },
              properties: { kind: { type: 'string' }, discriminator: { type: 'string' } },
            },
          },
        },
      },
    )
    const api = await put(withWarnings)
    expect(api.warnings).toEqual([
      "Unsupported schema keyword 'discriminator' in model 'Pet' was ignored",
      "Invalid format for 'requestParameters'. Expected type string for property 'integration.request.header.nothing' of resource '/test' and method 'GET' but got 'true'",
    ])
    const ids = await resourceIds(client, restApiId)
    const method = await client.send(new GetMethodCommand({ restApiId, resourceId: ids['/test'], httpMethod: 'GET' }))
    expect(method.methodIntegration?.requestParameters).toEqual({
      'integration.request.header.X-Amz-Invocation-Type': "'Event'",
    })
    const pet = (await client.send(new GetModelsCommand({ restApiId }))).items?.find((m) => m.name === 'Pet')
    expect(JSON.parse(pet?.schema ?? '{}')).toEqual({
      type: 'object',
      properties: { kind: { type: 'string' }, discriminator: { type: 'string' } },
    })
  })

  it('failonwarnings=true rolls the update back and fails with the warnings', async () => {
    const before = await methodsByPath(client, restApiId)
    const warned = oas30('warned', { '/x': { get: mockOperation('200', { security: [{ oauth: [] }] }) } })
    warned.components = { securitySchemes: { oauth: { type: 'oauth2', flows: {} } } }
    const error = await failure(put(warned, { mode: 'overwrite', failOnWarnings: true }))
    expect(error).toEqual({
      name: 'BadRequestException',
      status: 400,
      message: [
        'Warnings found during import:',
        "\tUnsupported security definition type 'oauth2' for 'oauth', ignoring.",
        "\tSecurity requirement 'oauth' of method 'GET' on resource '/x' names no security definition and was ignored",
      ].join('\n'),
    })
    expect(await methodsByPath(client, restApiId)).toEqual(before)
    expect((await put(warned, { mode: 'overwrite' })).warnings).toHaveLength(2)
  })

  it('an operation without x-amazon-apigateway-integration imports without a warning; the deployment fails', async () => {
    const api = await put(oas30('bare', { '/bare': { get: { responses: { '200': { description: 'ok' } } } } }))
    expect(api.warnings).toBeUndefined()
    expect(await failure(client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' })))).toMatchObject({
      status: 400,
      message: 'No integration defined for method',
    })
  })

  it('refuses a body over 6 MB with 413 and changes nothing; 6 MB itself is accepted', async () => {
    const padded = (size: number) => {
      const doc = JSON.stringify(oas30('big', { '/big': { get: mockOperation() } }))
      return `${doc.slice(0, -1)},"x-padding":"${'x'.repeat(size - doc.length - 15)}"}`
    }
    const over = padded(MAX_DEFINITION_BYTES + 1)
    expect(Buffer.byteLength(over)).toBeGreaterThan(MAX_DEFINITION_BYTES)
    expect(await failure(put(over))).toMatchObject({ status: 413, name: 'RequestEntityTooLargeException' })
    expect(await failure(client.send(new ImportRestApiCommand({ body: bodyOf(over) })))).toMatchObject({ status: 413 })
    expect((await methodsByPath(client, restApiId))['/big']).toBeUndefined()
    const limit = padded(MAX_DEFINITION_BYTES)
    expect(Buffer.byteLength(limit)).toBeLessThanOrEqual(MAX_DEFINITION_BYTES)
    await put(limit)
    expect((await methodsByPath(client, restApiId))['/big']).toEqual(['GET'])
  })

  it.each([
    ['ignore', ['/', '/test'], '/test'],
    ['prepend', ['/', '/base-url', '/base-url/part', '/base-url/part/test'], '/base-url/part/test'],
    ['split', ['/', '/part', '/part/test'], '/part/test'],
  ] as const)(
    'basepath=%s takes the OpenAPI 3 server path as AWS recorded it (2025-07-02)',
    async (basepath, paths, at) => {
      const definition = oas30(
        'test-import-oas',
        { '/test': mockOperation('200') },
        { servers: [{ url: 'https://testdomain.com/base-url/part/' }] },
      )
      definition.paths['/test'] = {
        get: mockOperation('200', {
          'x-amazon-apigateway-integration': {
            type: 'mock',
            requestParameters: { 'integration.request.header.nothing': true },
          },
        }),
      }
      const api = await put(definition, { mode: 'overwrite', parameters: { basepath } })
      expect(Object.keys(await resourceIds(client, restApiId)).sort()).toEqual([...paths].sort())
      expect(api.warnings).toEqual([
        `Invalid format for 'requestParameters'. Expected type string for property 'integration.request.header.nothing' of resource '${at}' and method 'GET' but got 'true'`,
      ])
    },
  )

  it.each([
    ['ignore', '/daily'],
    ['prepend', '/reports/daily'],
    ['split', '/daily'],
  ] as const)('basepath=%s with a Swagger basePath', async (basepath, path) => {
    await put(loadDefinition('reports-minimal.swagger.json'), { mode: 'overwrite', parameters: { basepath } })
    expect(Object.keys(await methodsByPath(client, restApiId))).toContain(path)
  })
})
