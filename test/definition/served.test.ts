// The rules of servedDefinition one by one, on small documents: what the import keeps, drops and fills in, and how
// the export writes it. round-trip.test.ts proves them together against the emulator and AWS's recorded exports.
import { describe, expect, it } from 'vitest'
import type { DefinitionDocument, JsonObject, OpenApiVersion } from '../../src/definition/json.js'
import { servedDefinition } from '../../src/definition/served.js'

// biome-ignore lint/suspicious/noExplicitAny: served documents are read freely in assertions
type Doc = Record<string, any>

const INTEGRATION = 'x-amazon-apigateway-integration'
const MOCK = { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' } }

function definition(document: JsonObject, version: OpenApiVersion = '3.0'): DefinitionDocument {
  const versionText = version === '3.0' ? '3.0.3' : '2.0'
  return { format: 'json', version, versionText, document, locate: () => undefined }
}

function oas3(paths: JsonObject, rest: JsonObject = {}): DefinitionDocument {
  return definition({ openapi: '3.0.3', info: { title: 'shop', version: '1' }, paths, ...rest })
}

const served = (doc: DefinitionDocument): Doc => servedDefinition(doc) as Doc

describe('servedDefinition', () => {
  it('keeps what a method stores and drops the documentation around it', () => {
    const doc = oas3(
      {
        '/items/{id}': {
          summary: 'One item',
          get: {
            operationId: 'GetItem',
            summary: 'Read it',
            description: 'Reads one item',
            tags: ['items'],
            deprecated: true,
            parameters: [
              { name: 'fields', in: 'query', description: 'Which fields', schema: { type: 'integer' } },
              { name: 'session', in: 'cookie', schema: { type: 'string' } },
              { name: 'X-Trace', in: 'header', required: true, schema: { type: 'string', format: 'uuid' } },
            ],
            responses: {
              '200': { description: 'The item', headers: { ETag: { description: 'Version', schema: {} } } },
              default: { description: 'Anything else' },
            },
            'x-amazon-apigateway-request-validator': 'all',
            [INTEGRATION]: MOCK,
          },
        },
      },
      {
        servers: [{ url: 'https://api.example.com/v1' }],
        tags: [{ name: 'items' }],
        'x-amazon-apigateway-binary-media-types': ['image/png'],
        'x-amazon-apigateway-request-validators': { all: { validateRequestBody: true } },
      },
    )
    const out = served(doc)
    expect(Object.keys(out).sort()).toEqual(['components', 'info', 'openapi', 'paths'])
    expect(out.paths['/items/{id}'].get).toEqual({
      operationId: 'GetItem',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'fields', in: 'query', schema: { type: 'string' } },
        { name: 'X-Trace', in: 'header', required: true, schema: { type: 'string' } },
      ],
      responses: {
        '200': { description: '200 response', headers: { ETag: { schema: { type: 'string' } } }, content: {} },
      },
      [INTEGRATION]: { type: 'mock', requestTemplates: MOCK.requestTemplates, passthroughBehavior: 'when_no_match' },
    })
  })

  it('writes authorization the way API Gateway stores it', () => {
    const doc = oas3(
      {
        '/a': { get: { responses: {}, [INTEGRATION]: MOCK } },
        '/b': { get: { security: [], responses: {}, [INTEGRATION]: MOCK } },
        '/c': { get: { security: [{ Partner: [] }, { Users: ['read'] }], responses: {}, [INTEGRATION]: MOCK } },
        '/d': { get: { 'x-amazon-apigateway-auth': { type: 'AWS_IAM' }, responses: {}, [INTEGRATION]: MOCK } },
        '/e': { get: { security: [{ OAuth: [] }], responses: {}, [INTEGRATION]: MOCK } },
      },
      {
        security: [{ Partner: [] }],
        components: {
          securitySchemes: {
            Partner: { type: 'apiKey', name: 'x-partner-key', in: 'header', description: 'Partner key' },
            Users: {
              type: 'apiKey',
              name: 'Authorization',
              in: 'header',
              'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: ['arn:pool'] },
            },
            Unused: { type: 'apiKey', name: 'X', in: 'header', 'x-amazon-apigateway-authorizer': { type: 'token' } },
            OAuth: { type: 'oauth2', flows: {} },
          },
        },
      },
    )
    const out = served(doc)
    const security = (path: string) => out.paths[path].get.security
    // The document's requirement applies where an operation has none; `security: []` opts out.
    expect(security('/a')).toEqual([{ api_key: [] }])
    expect(security('/b')).toBeUndefined()
    // One authorizer and one "API key required" flag per method, written as separate requirement objects.
    expect(security('/c')).toEqual([{ Users: ['read'] }, { api_key: [] }])
    // x-amazon-apigateway-auth sets the type; the document's API key requirement still applies.
    expect(security('/d')).toEqual([{ sigv4: [] }, { api_key: [] }])
    // OAuth2 schemes are ignored by the import.
    expect(security('/e')).toBeUndefined()
    expect(out.components.securitySchemes).toEqual({
      api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
      Users: {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'cognito_user_pools',
        'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: ['arn:pool'] },
      },
      sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' },
    })
  })

  it('names the REQUEST authorizer header as the export does', () => {
    const authorizer = (identitySource: string) => ({
      type: 'apiKey',
      name: 'ignored',
      in: 'header',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': { type: 'request', authorizerUri: 'arn:fn', identitySource },
    })
    const doc = oas3(
      {
        '/a': { get: { security: [{ One: [] }], responses: {}, [INTEGRATION]: MOCK } },
        '/b': { get: { security: [{ Two: [] }], responses: {}, [INTEGRATION]: MOCK } },
      },
      {
        components: {
          securitySchemes: {
            One: authorizer('method.request.header.X-Token'),
            Two: authorizer('method.request.header.X-Token, method.request.querystring.tenant'),
          },
        },
      },
    )
    const schemes = served(doc).components.securitySchemes
    expect(schemes.One.name).toBe('X-Token')
    expect(schemes.Two.name).toBe('Unused')
  })

  it('gives every schema a model, keeps its content and follows its references', () => {
    const doc = definition(
      {
        swagger: '2.0',
        info: { title: 'shop', version: '1' },
        consumes: ['application/json'],
        paths: {
          '/pets': {
            post: {
              parameters: [{ in: 'body', name: 'Pet', schema: { $ref: '#/definitions/Pet' } }],
              produces: ['application/json', 'application/xml'],
              responses: {
                '200': { description: 'ok', schema: { type: 'object', properties: { ok: { type: 'boolean' } } } },
              },
              [INTEGRATION]: MOCK,
            },
          },
        },
        definitions: {
          Pet: {
            $schema: 'http://json-schema.org/draft-04/schema#',
            type: 'object',
            discriminator: 'kind',
            properties: {
              kind: { type: 'string' },
              discriminator: { type: 'string' },
              owner: { $ref: '#/definitions/Owner' },
            },
          },
          Owner: { type: 'object', properties: { name: { type: 'string' } } },
          NotUsed: { type: 'string' },
        },
      },
      '2.0',
    )
    const out = served(doc)
    const post = out.paths['/pets'].post
    expect(post.requestBody).toEqual({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
      required: true,
    })
    const responseRef = post.responses['200'].content['application/json'].schema.$ref as string
    expect(post.responses['200'].content['application/xml'].schema.$ref).toBe(responseRef)
    const inline = responseRef.replace('#/components/schemas/', '')
    expect(out.components.schemas).toEqual({
      Pet: {
        type: 'object',
        properties: {
          kind: { type: 'string' },
          discriminator: { type: 'string' },
          owner: { $ref: '#/components/schemas/Owner' },
        },
      },
      Owner: { type: 'object', properties: { name: { type: 'string' } } },
      [inline]: { type: 'object', properties: { ok: { type: 'boolean' } } },
    })
  })

  it('writes integrations without the defaults AWS fills in', () => {
    const integration = {
      type: 'HTTP',
      httpMethod: 'get',
      uri: 'https://backend.example.com/a',
      connectionType: 'INTERNET',
      timeoutInMillis: 29000,
      passthroughBehavior: 'WHEN_NO_TEMPLATES',
      cacheNamespace: 'abc',
      requestParameters: {
        'integration.request.header.x': 'method.request.header.x',
        'integration.request.header.y': true,
      },
      responses: {
        default: { statusCode: 200 },
        '4\\d{2}': { statusCode: '400' },
        'Not found.*': { statusCode: '400', responseTemplates: { 'application/json': '{}' } },
      },
      payloadFormatVersion: '1.0',
    }
    const out = served(oas3({ '/a': { get: { responses: {}, [INTEGRATION]: integration } } }))
    expect(out.paths['/a'].get[INTEGRATION]).toEqual({
      type: 'http',
      httpMethod: 'GET',
      uri: 'https://backend.example.com/a',
      responses: {
        default: { statusCode: '200' },
        // Integration responses are kept by status code: the later pattern for 400 replaces the earlier.
        'Not found.*': { statusCode: '400', responseTemplates: { 'application/json': '{}' } },
      },
      requestParameters: { 'integration.request.header.x': 'method.request.header.x' },
      passthroughBehavior: 'when_no_templates',
    })
  })
})
