// Edge cases of the golden corpus: each reaches one rule of the API diff (path-level parameters, ANY, authorization,
// authorizers, API-level extensions, integrations, Swagger 2.0 shapes, apiSummary maps, the fallback when the diff
// library throws, inputs that are not definitions).

import { petsApiSummary, petsOas30, petsSwagger } from '../../fixtures/openapi/pets-api.js'
import { changed, type Doc, type GoldenCase, pair, petsChange } from './case.js'

const LONG_URI = `https://backend.example.com/${'segment/'.repeat(20)}items`

function pathLevelParameterCases(): GoldenCase[] {
  const header = { name: 'X-Trace', in: 'header', required: true, schema: { type: 'string' } }
  return [
    petsChange('path-level parameter overridden by an operation', (d) => {
      d.paths['/pets/{petId}'].parameters = [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer' } }]
    }),
    pair(
      'path-level parameter changed',
      changed(petsOas30, (d) => {
        d.paths['/pets'].parameters = [header]
      }),
      changed(petsOas30, (d) => {
        d.paths['/pets'].parameters = [
          { ...header, schema: { type: 'integer' } },
          { name: 'v', in: 'query', schema: {} },
        ]
      }),
    ),
    pair(
      'path-level parameter removed',
      changed(petsOas30, (d) => {
        d.paths['/pets'].parameters = [header]
      }),
      petsOas30,
    ),
    pair(
      'path-level parameter moved into the operations',
      changed(petsOas30, (d) => {
        d.paths['/pets/{petId}'].parameters = [
          { name: 'petId', in: 'path', required: true, schema: { type: 'string' } },
        ]
        for (const op of Object.values(d.paths['/pets/{petId}']) as Doc[]) if (!Array.isArray(op)) delete op.parameters
      }),
      petsOas30,
    ),
    pair(
      'path-level parameter in swagger',
      petsSwagger,
      changed(petsSwagger, (d) => {
        d.paths['/pets'].parameters = [{ name: 'X-Trace', in: 'header', required: true, type: 'string' }]
      }),
    ),
    petsChange('path item summary, servers and extensions', (d) => {
      d.paths['/pets'].summary = 'Pets'
      d.paths['/pets'].description = 'All pets'
      d.paths['/pets'].servers = [{ url: 'https://x.example.com' }]
      d.paths['/pets']['x-note'] = { a: 1 }
    }),
    petsChange('path with parameters and no operation', (d) => {
      d.paths['/empty'] = { parameters: [header] }
    }),
  ]
}

function methodCases(): GoldenCase[] {
  return [
    pair(
      'ANY method removed beside other methods',
      changed(petsOas30, (d) => {
        d.paths['/pets']['x-amazon-apigateway-any-method'] = {
          responses: {},
          'x-amazon-apigateway-integration': { type: 'mock' },
        }
      }),
      petsOas30,
    ),
    pair(
      'TRACE and upper-case method keys',
      changed(petsOas30, (d) => {
        d.paths['/pets'].trace = { responses: {} }
      }),
      changed(petsOas30, (d) => {
        d.paths['/pets'].GET = d.paths['/pets'].get
        delete d.paths['/pets'].get
      }),
    ),
    pair(
      'whole path items added and removed',
      changed(petsOas30, (d) => {
        d.paths['/old'] = { get: { responses: {} }, post: { responses: {} }, delete: { responses: {} } }
      }),
      changed(petsOas30, (d) => {
        d.paths['/new'] = {
          get: { responses: {} },
          put: { responses: {} },
          'x-amazon-apigateway-any-method': { responses: {} },
        }
      }),
    ),
    petsChange('path parameter renamed in the path', (d) => {
      const item = d.paths['/pets/{petId}']
      delete d.paths['/pets/{petId}']
      for (const op of Object.values(item) as Doc[]) for (const p of op.parameters ?? []) p.name = 'id'
      d.paths['/pets/{id}'] = item
    }),
    petsChange('operation contract details', (d) => {
      const list = d.paths['/pets'].get
      list.description = 'Lists pets'
      list.summary = 'List'
      list.operationId = 'ListAllPets'
      list.tags = ['pets']
      list.deprecated = true
      list.servers = [{ url: 'https://other.example.com' }]
      list['x-amazon-apigateway-request-validator'] = 'params'
      const create = d.paths['/pets'].post
      create.requestBody.required = false
      create.requestBody.content['application/xml'] = create.requestBody.content['application/json']
      delete create.requestBody.content['application/json']
      d.paths['/pets'].options.responses['200'].headers['X-New'] = { schema: { type: 'string' } }
      delete d.paths['/pets'].options.responses['200'].headers['Access-Control-Allow-Origin']
      d.components.schemas.NewPet.properties.type.enum = ['dog', 'cat']
      d.paths['/'].get.responses['200'].content = { 'text/html': {} }
    }),
  ]
}

function authorizationCases(): GoldenCase[] {
  const noSchemes = changed(petsOas30, (d) => {
    delete d.components.securitySchemes
  })
  const noComponents = changed(petsOas30, (d) => {
    delete d.components
  })
  const authorizerChanges: Array<[string, (schemes: Doc) => void]> = [
    ['identity source changed', (s) => (s.PetsUserPool['x-amazon-apigateway-authorizer'].identitySource = 'x')],
    ['type changed', (s) => (s.api_key.type = 'http')],
    ['in changed', (s) => (s.api_key.in = 'query')],
    ['description only', (s) => (s.sigv4.description = 'IAM')],
    ['added', (s) => (s.Lambda = { type: 'apiKey', name: 'Authorization', in: 'header' })],
    ['removed', (s) => delete s.api_key],
    ['extension field added', (s) => (s.PetsUserPool['x-amazon-apigateway-authorizer'].ttl = 300)],
  ]
  return [
    pair(
      'security requirements: empty list, reordered alternatives, two alternatives',
      changed(petsOas30, (d) => {
        d.paths['/pets'].post.security = [{ PetsUserPool: [] }, { sigv4: [] }]
      }),
      changed(petsOas30, (d) => {
        d.paths['/'].get.security = []
        d.paths['/pets'].post.security = [{ sigv4: [] }, { PetsUserPool: [] }]
        d.paths['/pets/{petId}'].get.security = [{ sigv4: [] }, { api_key: [], PetsUserPool: [] }]
        d.paths['/pets/{petId}'].delete.security = [{ sigv4: ['scope'] }]
      }),
    ),
    ...authorizerChanges.map(([name, change]) =>
      petsChange(`authorizer ${name}`, (d) => change(d.components.securitySchemes)),
    ),
    petsChange('authorizer renamed', (d) => {
      d.components.securitySchemes.Pool = d.components.securitySchemes.PetsUserPool
      delete d.components.securitySchemes.PetsUserPool
      d.paths['/pets'].post.security = [{ Pool: [] }]
    }),
    pair('all security schemes removed', petsOas30, noSchemes),
    pair('all security schemes added', noSchemes, petsOas30),
    pair('components removed', petsOas30, noComponents),
    pair('components added', noComponents, petsOas30),
    petsChange('global security added', (d) => {
      d.security = [{ sigv4: [] }]
    }),
  ]
}

function apiLevelCases(): GoldenCase[] {
  const withExtensions = changed(petsOas30, (d) => {
    d['x-amazon-apigateway-binary-media-types'] = ['image/png', 'image/jpg']
    d['x-amazon-apigateway-policy'] = { Version: '2012-10-17', Statement: [{ Effect: 'Allow' }] }
    d['x-amazon-apigateway-api-key-source'] = 'HEADER'
    d['x-amazon-apigateway-request-validators'] = { all: { validateRequestBody: true } }
  })
  return [
    pair('API-level extensions removed', withExtensions, petsOas30),
    pair(
      'API-level extensions changed',
      withExtensions,
      changed(withExtensions, (d) => {
        d['x-amazon-apigateway-binary-media-types'] = ['image/png']
        d['x-amazon-apigateway-policy'].Statement[0].Effect = 'Deny'
        d['x-amazon-apigateway-api-key-source'] = 'AUTHORIZER'
        d['x-amazon-apigateway-request-validators'].all.validateRequestParameters = true
        d['x-amazon-apigateway-gateway-responses'] = { DEFAULT_4XX: { statusCode: 400 } }
        d['x-amazon-apigateway-minimum-compression-size'] = 1024
      }),
    ),
    petsChange('tags, externalDocs and referenced components', (d) => {
      d.tags = [{ name: 'pets' }]
      d.externalDocs = { url: 'https://docs.example.com' }
      d.components.parameters = { Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } }
      d.components.responses = { NotFound: { description: 'nope' } }
      d.components.requestBodies = { Pet: { content: {} } }
      d.components['x-amazon-apigateway-extra'] = { a: 1 }
      d.components.schemas.Unused = { type: 'string' }
    }),
  ]
}

function integrationCases(): GoldenCase[] {
  return [
    petsChange('integration removed', (d) => {
      delete d.paths['/pets/{petId}'].get['x-amazon-apigateway-integration']
      delete d.paths['/'].get['x-amazon-apigateway-integration']
    }),
    petsChange('integration fields: nested, long, ARNs, type', (d) => {
      const owners = d.paths['/owners/{ownerId}/pets'].get['x-amazon-apigateway-integration']
      owners.uri = LONG_URI
      owners.requestParameters['integration.request.header.x'] = "'1'"
      owners.connectionType = 'VPC_LINK'
      owners.connectionId = 'abc123'
      const create = d.paths['/pets'].post['x-amazon-apigateway-integration']
      create.credentials = 'arn:aws:iam::123456789012:role/apigw'
      create.type = 'aws'
      delete create.contentHandling
      d.paths['/pets'].options['x-amazon-apigateway-integration'].responses.default.statusCode = '204'
      d.paths['/pets/{petId}'].get['x-amazon-apigateway-integration'] = { type: 'http_proxy', uri: { odd: true } }
    }),
    petsChange('integration replaced by a non-object', (d) => {
      d.paths['/pets'].get['x-amazon-apigateway-integration'] = 'none'
    }),
  ]
}

function swaggerCases(): GoldenCase[] {
  const upload = (note: Doc, global: string[]) =>
    changed(petsSwagger, (d) => {
      d.consumes = global
      d.produces = ['application/json']
      d.parameters = {
        Limit: { name: 'limit', in: 'query', type: 'integer', maximum: 50 },
        Body: { in: 'body', name: 'b' },
      }
      d.responses = { NotFound: { description: 'not found', schema: { $ref: '#/definitions/Error' } } }
      d.paths['/upload'] = {
        post: {
          parameters: [
            { name: 'file', in: 'formData', type: 'file', required: true },
            note,
            { $ref: '#/parameters/Limit' },
          ],
          responses: {
            '200': { description: 'ok', headers: { 'X-Id': { type: 'string', description: 'id' } }, 'x-note': 1 },
            '404': { $ref: '#/responses/NotFound' },
          },
        },
        put: {
          parameters: [{ in: 'body', name: 'b', schema: { type: 'object' } }],
          responses: { '200': { description: 'ok', schema: { type: 'string' } } },
        },
      }
    })
  return [
    pair(
      'swagger formData, body, global consumes and components',
      upload({ name: 'note', in: 'formData', type: 'string' }, ['application/json']),
      upload({ name: 'note', in: 'formData', type: 'string', required: true }, ['multipart/form-data']),
    ),
    pair(
      'swagger body schema and response extension',
      petsSwagger,
      changed(petsSwagger, (d) => {
        d.paths['/pets'].post.parameters[0].schema = { $ref: '#/definitions/Pet' }
        d.paths['/pets'].get.responses['200']['x-amazon-apigateway-note'] = 'x'
        d.paths['/pets'].get.produces = ['application/xml']
        d.definitions.Error.properties.code = { type: 'integer' }
      }),
    ),
  ]
}

function summaryCases(): GoldenCase[] {
  const summary = (change: (s: Doc) => void) => () => {
    const s: Doc = petsApiSummary()
    change(s)
    return s
  }
  return [
    pair(
      'apiSummary maps without the deployment wrapper, ANY and API keys',
      summary((s) => {
        s['/{proxy+}'] = { ANY: { authorizationType: 'NONE', apiKeyRequired: false } }
      }),
      summary((s) => {
        s['/{proxy+}'] = { ANY: { authorizationType: 'CUSTOM', apiKeyRequired: true } }
        s['/pets'].GET.apiKeyRequired = true
        s['/pets'].POST = { authorizationType: 'NONE', apiKeyRequired: false }
      }),
    ),
    pair(
      'apiSummary of no resources',
      () => ({ apiSummary: {} }),
      () => ({ apiSummary: petsApiSummary() }),
    ),
    pair('apiSummary vs oas30', () => ({ apiSummary: petsApiSummary() }), petsOas30),
    pair('oas30 vs apiSummary', petsOas30, () => ({ apiSummary: petsApiSummary() })),
  ]
}

/** An enum written as an object makes api-smart-diff throw, so the diff falls back to presence and equality. */
function fallbackCases(): GoldenCase[] {
  const objectEnum = (value: Doc, change: (d: Doc) => void = () => {}) =>
    changed(petsOas30, (d) => {
      d.components.schemas.Pet.properties.type.enum = value
      change(d)
    })
  const query = (schema: Doc) => ({ get: { parameters: [{ name: 'q', in: 'query', schema }] } })
  return [
    pair(
      'library throws: operations added, removed, changed',
      objectEnum({ dog: 1 }),
      objectEnum({ cat: 1 }, (d) => {
        d.paths['/pets'].get.parameters.push({ name: 'sort', in: 'query', schema: { type: 'string' } })
        d.paths['/pets'].post['x-amazon-apigateway-integration'].timeoutInMillis = 1000
        d.paths['/'].get['x-amazon-apigateway-integration'].type = 'http'
        d.paths['/'].get.description = 'root'
        delete d.paths['/owners/{ownerId}/pets']
        d.paths['/new'] = { get: { responses: {} } }
      }),
    ),
    pair(
      'library throws after comparing earlier operations',
      changed(petsOas30, (d) => {
        d.paths['/pets'].get.deprecated = false
        d.paths['/zz'] = query({ enum: { a: 1 } })
      }),
      changed(petsOas30, (d) => {
        d.paths['/pets'].post.tags = ['pets']
        d.paths['/zz'] = query({ enum: { b: 1 } })
      }),
    ),
    pair('library throws: nothing else changed', objectEnum({ dog: 1 }), objectEnum({ cat: 1 })),
  ]
}

function inputCases(): GoldenCase[] {
  return [
    pair(
      'nothing before and after',
      () => undefined,
      () => undefined,
    ),
    pair('after is not a definition', petsOas30, () => ({ paths: {} })),
    pair('before is an array', () => [1, 2], petsOas30),
    pair(
      'paths missing and odd items',
      () => ({ openapi: '3.0.1' }),
      () => ({
        openapi: '3.0.1',
        paths: { '/a': 'x', '/b': { get: 'y', post: { responses: {} } } },
      }),
    ),
    pair('swagger without paths', () => ({ swagger: '2.0' }), petsSwagger),
  ]
}

export function edgeCases(): GoldenCase[] {
  return [
    ...pathLevelParameterCases(),
    ...methodCases(),
    ...authorizationCases(),
    ...apiLevelCases(),
    ...integrationCases(),
    ...swaggerCases(),
    ...summaryCases(),
    ...fallbackCases(),
    ...inputCases(),
  ]
}
