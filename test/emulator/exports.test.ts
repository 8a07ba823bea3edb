// GetExport beyond the recordings: YAML, each `extensions` value and combinations, security, snapshots.
import { type APIGatewayClient, CreateDeploymentCommand, GetExportCommand } from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { type Emulator, startEmulator } from './index.js'
import { clientFor } from './support.js'

// biome-ignore lint/suspicious/noExplicitAny: exported documents are walked freely in assertions
type Doc = Record<string, any>

describe('GetExport', () => {
  let emu: Emulator
  let client: APIGatewayClient
  let restApiId: string

  const exportDoc = async (exportType: 'swagger' | 'oas30', extensions?: string, accepts?: string) => {
    const result = await client.send(
      new GetExportCommand({
        restApiId,
        stageName: 'prod',
        exportType,
        ...(extensions ? { parameters: { extensions } } : {}),
        ...(accepts ? { accepts } : {}),
      }),
    )
    const text = new TextDecoder().decode(result.body)
    return { result, text, doc: (accepts?.includes('yaml') ? parseYaml(text) : JSON.parse(text)) as Doc }
  }

  beforeAll(async () => {
    emu = await startEmulator()
    client = clientFor(emu)
    restApiId = emu.seedSampleApi().restApiId
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
  })
  afterAll(async () => {
    await emu.stop()
  })

  it('swagger: host, basePath, headers, parameters, models actually used, security; no extensions', async () => {
    const { result, doc } = await exportDoc('swagger')
    expect(result.contentType).toBe('application/octet-stream')
    expect(result.contentDisposition).toMatch(/^attachment; filename="swagger_\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\.json"$/)
    expect(doc).toMatchObject({
      swagger: '2.0',
      info: { title: 'pets-api', description: 'Sample pets API seeded by the emulator' },
      host: `${restApiId}.execute-api.us-east-1.amazonaws.com`,
      basePath: '/prod',
      schemes: ['https'],
    })
    expect(Object.keys(doc.paths)).toEqual(['/orders', '/pets', '/pets/{petId}'])
    expect(doc.paths['/pets'].get).toEqual({
      operationId: 'ListPets',
      produces: ['application/json'],
      parameters: [
        { name: 'type', in: 'query', required: false, type: 'string' },
        { name: 'page', in: 'query', required: false, type: 'string' },
      ],
      responses: {
        '200': {
          description: '200 response',
          schema: { $ref: '#/definitions/Pets' },
          headers: { 'Access-Control-Allow-Origin': { type: 'string' } },
        },
      },
    })
    expect(doc.paths['/pets'].post.parameters).toEqual([
      { in: 'body', name: 'NewPet', required: true, schema: { $ref: '#/definitions/NewPet' } },
    ])
    expect(doc.paths['/pets/{petId}'].delete.security).toEqual([{ api_key: [] }])
    expect(doc.paths['/orders']['x-amazon-apigateway-any-method'].security).toEqual([{ sigv4: [] }])
    expect(doc.securityDefinitions).toEqual({
      sigv4: { type: 'apiKey', name: 'Authorization', in: 'header' },
      api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
    })
    expect(Object.keys(doc.definitions).sort()).toEqual(['Error', 'NewPet', 'Pet', 'Pets'])
    expect(doc.definitions.Pets).toEqual({ type: 'array', items: { $ref: '#/definitions/Pet' } })
    expect(doc.definitions.Error).toEqual({
      title: 'Error Schema',
      type: 'object',
      properties: { message: { type: 'string' } },
    })
    expect(JSON.stringify(doc)).not.toContain('x-amazon-apigateway-integration')
  })

  it('oas30 in YAML: servers with the basePath variable, components, requestBody', async () => {
    const { result, text, doc } = await exportDoc('oas30', undefined, 'application/yaml')
    expect(result.contentDisposition).toMatch(/filename="oas30_.+\.yaml"$/)
    expect(text.startsWith('---\nopenapi: 3.0.1\n')).toBe(true)
    expect(doc.servers).toEqual([
      {
        url: `https://${restApiId}.execute-api.us-east-1.amazonaws.com/{basePath}`,
        variables: { basePath: { default: 'prod' } },
      },
    ])
    expect(doc.paths['/pets'].post.requestBody).toEqual({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/NewPet' } } },
      required: true,
    })
    expect(doc.paths['/pets/{petId}'].get.parameters).toEqual([
      { name: 'petId', in: 'path', required: true, schema: { type: 'string' } },
    ])
    expect(doc.paths['/pets/{petId}'].delete.responses).toEqual({ '204': { description: '204 response', content: {} } })
    expect(doc.components.schemas.Pets.items).toEqual({ $ref: '#/components/schemas/Pet' })
    expect(doc.components.securitySchemes.api_key).toEqual({ type: 'apiKey', name: 'x-api-key', in: 'header' })
  })

  it.each([
    ['integrations', true, false],
    ['apigateway', true, true],
    ['authorizers', false, true],
    ['postman', false, false],
    ['integrations,postman', true, false],
    ['authorizers,integrations', true, true],
  ])('extensions=%s → integrations %s, authorizer extensions %s', async (extensions, integrations, authtypes) => {
    for (const type of ['swagger', 'oas30'] as const) {
      const { doc } = await exportDoc(type, extensions)
      const text = JSON.stringify(doc)
      expect(text.includes('x-amazon-apigateway-integration')).toBe(integrations)
      expect(text.includes('x-amazon-apigateway-authtype')).toBe(authtypes)
      if (integrations) {
        expect(doc.paths['/pets'].get['x-amazon-apigateway-integration']).toEqual({
          type: 'aws_proxy',
          httpMethod: 'POST',
          uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets-api-list-pets/invocations',
          passthroughBehavior: 'when_no_match',
        })
        expect(doc.paths['/pets/{petId}'].get['x-amazon-apigateway-integration']).toMatchObject({
          type: 'http_proxy',
          requestParameters: { 'integration.request.path.petId': 'method.request.path.petId' },
        })
      }
    }
  })

  it('refuses unknown extensions, export types and Accept values; 404 for an unknown stage', async () => {
    await expect(exportDoc('swagger', 'graphql')).rejects.toMatchObject({ name: 'BadRequestException' })
    await expect(exportDoc('swagger', undefined, 'application/xml')).rejects.toMatchObject({
      name: 'BadRequestException',
    })
    await expect(
      client.send(new GetExportCommand({ restApiId, stageName: 'prod', exportType: 'raml' })),
    ).rejects.toMatchObject({ name: 'BadRequestException' })
    await expect(
      client.send(new GetExportCommand({ restApiId, stageName: 'nope', exportType: 'oas30' })),
    ).rejects.toMatchObject({ name: 'NotFoundException', message: 'Invalid Stage identifier specified' })
  })

  it('exports the deployed snapshot, not the working API, and Lambda authorizers with extensions', async () => {
    emu.defineApi(
      restApiId,
      { 'GET /v2/things': { lambda: 'things', authorizer: 'jwt' } },
      {
        authorizers: {
          jwt: {
            type: 'TOKEN',
            authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/fn/invocations',
            identitySource: 'method.request.header.X-Token',
          },
        },
      },
    )
    expect(Object.keys((await exportDoc('oas30')).doc.paths)).toEqual(['/orders', '/pets', '/pets/{petId}'])
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    const plain = (await exportDoc('swagger')).doc
    expect(Object.keys(plain.paths)).toEqual(['/v2/things'])
    expect(plain.securityDefinitions).toEqual({ jwt: { type: 'apiKey', name: 'X-Token', in: 'header' } })
    const extended = (await exportDoc('swagger', 'authorizers')).doc
    expect(extended.securityDefinitions.jwt).toEqual({
      type: 'apiKey',
      name: 'X-Token',
      in: 'header',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'token',
        authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/fn/invocations',
      },
    })
    expect(extended.paths['/v2/things'].get.security).toEqual([{ jwt: [] }])
  })
})
