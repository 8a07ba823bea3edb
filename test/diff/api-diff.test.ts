import { describe, expect, it } from 'vitest'
import { diffApiDefinitions, normalizeDefinition, redactAccountIds } from '../../src/diff/api-diff.js'
import { LARGE_METHODS, largeApi, largeApiEverythingChanged } from '../fixtures/openapi/large-api.js'
import {
  petsApiSummary,
  petsOas30,
  petsOas30Breaking,
  petsOas30RouteChanges,
  petsSwagger,
  petsSwaggerBreaking,
  petsSwaggerRouteChanges,
} from '../fixtures/openapi/pets-api.js'

const refs = (list: Array<{ method: string; path: string }>) => list.map((r) => `${r.method} ${r.path}`)

describe('diffApiDefinitions', () => {
  it('finds nothing between two exports of the same deployment on different stages', () => {
    const diff = diffApiDefinitions(petsOas30('prod'), petsOas30('pr-42'))
    expect(diff.identical).toBe(true)
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 0, breaking: 0, nonBreaking: 0, annotation: 0 })
    expect(diff.engine).toBe('api-smart-diff')
  })

  it('ignores info.version, servers and key order', () => {
    const after = petsOas30()
    after.info.version = '2030-01-01T00:00:00Z'
    after.servers[0].url = 'https://other.example.com/{basePath}'
    const reordered = Object.fromEntries(Object.entries(after.paths).reverse())
    expect(diffApiDefinitions(petsOas30(), { ...after, paths: reordered }).identical).toBe(true)
  })

  it('reports every operation as added on a first deploy', () => {
    const diff = diffApiDefinitions(undefined, petsOas30())
    expect(diff.format).toEqual({ before: 'none', after: 'oas30' })
    expect(refs(diff.added)).toEqual([
      'GET /',
      'GET /owners/{ownerId}/pets',
      'GET /pets',
      'POST /pets',
      'OPTIONS /pets',
      'GET /pets/{petId}',
      'DELETE /pets/{petId}',
      'OPTIONS /pets/{petId}',
    ])
    expect(diff.counts.breaking).toBe(0)
    expect(diff.changed).toEqual([])
  })

  it('reports every operation as removed when the stage is gone', () => {
    const diff = diffApiDefinitions(petsOas30(), undefined)
    expect(diff.removed).toHaveLength(8)
    expect(diff.apiLevel.map((c) => c.description)).toEqual([
      'Authorizer `PetsUserPool` removed',
      'Authorizer `api_key` removed',
      'Authorizer `sigv4` removed',
    ])
    expect(diff.counts.breaking).toBe(11)
  })

  it('classifies added, removed and changed routes with integration changes (oas30)', () => {
    const diff = diffApiDefinitions(petsOas30(), petsOas30RouteChanges())
    expect(refs(diff.added)).toEqual(['POST /pets/{petId}/photos'])
    expect(refs(diff.removed)).toEqual(['GET /owners/{ownerId}/pets'])
    expect(diff.changed).toEqual([
      {
        method: 'GET',
        path: '/pets',
        classification: 'non-breaking',
        changes: [
          { classification: 'non-breaking', kind: 'contract', description: 'Added query parameter `sort`' },
          {
            classification: 'non-breaking',
            kind: 'integration',
            description:
              'Integration changed: uri `arn:aws:lambda:us-east-1:{account}:function:pets-list` → `arn:aws:lambda:us-east-1:{account}:function:pets-list-v2`',
          },
        ],
      },
      {
        method: 'DELETE',
        path: '/pets/{petId}',
        classification: 'non-breaking',
        changes: [{ classification: 'non-breaking', kind: 'contract', description: 'Added Response 404' }],
      },
    ])
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 2, breaking: 1, nonBreaking: 4, annotation: 0 })
  })

  it('classifies breaking changes: required parameter, auth, removed response, required body field, removed operation', () => {
    const diff = diffApiDefinitions(petsOas30(), petsOas30Breaking())
    expect(refs(diff.removed)).toEqual(['DELETE /pets/{petId}'])
    const byOp = Object.fromEntries(diff.changed.map((c) => [`${c.method} ${c.path}`, c]))
    expect(byOp['GET /pets']?.changes).toContainEqual({
      classification: 'breaking',
      kind: 'contract',
      description: 'Added required query parameter `limit`',
    })
    expect(byOp['GET /pets/{petId}']?.changes).toEqual([
      { classification: 'breaking', kind: 'auth', description: 'Authorization `none` → `sigv4`' },
      { classification: 'breaking', kind: 'contract', description: 'Removed Response 404' },
    ])
    expect(byOp['POST /pets']?.classification).toBe('breaking')
    expect(byOp['POST /pets']?.changes[0]?.description).toMatch(/required status to `price`/)
    expect(diff.counts.breaking).toBe(5)
    // Breaking changes sort first inside an operation.
    for (const op of diff.changed) expect(op.changes[0]?.classification).toBe(op.classification)
  })

  it('gives the same operations for swagger exports as for oas30 exports', () => {
    const cases = [
      [petsOas30RouteChanges(), petsSwaggerRouteChanges()],
      [petsOas30Breaking(), petsSwaggerBreaking()],
    ] as const
    for (const [oas, swagger] of cases) {
      const a = diffApiDefinitions(petsOas30(), oas)
      const b = diffApiDefinitions(petsSwagger(), swagger)
      expect(b.format).toEqual({ before: 'swagger', after: 'swagger' })
      expect(refs(b.added)).toEqual(refs(a.added))
      expect(refs(b.removed)).toEqual(refs(a.removed))
      expect(b.changed.map((c) => [c.method, c.path, c.classification])).toEqual(
        a.changed.map((c) => [c.method, c.path, c.classification]),
      )
      expect(b.counts.breaking).toBe(a.counts.breaking)
    }
    expect(diffApiDefinitions(petsSwagger('prod'), petsSwagger('pr-1')).identical).toBe(true)
  })

  it('compares a swagger export with an oas30 export of the same API as identical', () => {
    expect(diffApiDefinitions(petsSwagger(), petsOas30()).identical).toBe(true)
  })

  it('reports an integration change alone as a non-breaking integration change', () => {
    const after = petsOas30()
    after.paths['/owners/{ownerId}/pets'].get['x-amazon-apigateway-integration'].uri =
      'https://owners-v2.internal.example.com/owners/{ownerId}/pets'
    after.paths['/pets'].post['x-amazon-apigateway-integration'].timeoutInMillis = 10000
    after.paths['/'].get['x-amazon-apigateway-integration'].requestTemplates = {
      'application/json': '{"statusCode": 201}',
    }
    const diff = diffApiDefinitions(petsOas30(), after)
    expect(diff.changed.map((c) => [`${c.method} ${c.path}`, c.changes])).toEqual([
      [
        'GET /',
        [{ classification: 'non-breaking', kind: 'integration', description: 'Integration changed: requestTemplates' }],
      ],
      [
        'GET /owners/{ownerId}/pets',
        [
          {
            classification: 'non-breaking',
            kind: 'integration',
            description:
              'Integration changed: uri `https://owners.internal.example.com/owners/{ownerId}/pets` → `https://owners-v2.internal.example.com/owners/{ownerId}/pets`',
          },
        ],
      ],
      [
        'POST /pets',
        [
          {
            classification: 'non-breaking',
            kind: 'integration',
            description: 'Integration changed: timeoutInMillis `29000` → `10000`',
          },
        ],
      ],
    ])
    expect(diff.counts.breaking).toBe(0)
  })

  it('reports an integration that appears (export with extensions vs. without) once per operation', () => {
    const plain = petsOas30()
    delete plain.paths['/pets'].get['x-amazon-apigateway-integration']
    const diff = diffApiDefinitions(plain, petsOas30())
    expect(diff.changed).toHaveLength(1)
    expect(diff.changed[0]?.changes[0]?.description).toBe(
      'Integration added (`aws_proxy` `arn:aws:lambda:us-east-1:{account}:function:pets-list`)',
    )
  })

  it("handles API Gateway's ANY method", () => {
    const before = petsOas30()
    const after = petsOas30()
    after.paths['/{proxy+}'] = {
      'x-amazon-apigateway-any-method': {
        parameters: [{ name: 'proxy', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {},
        'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: 'arn:aws:x' },
      },
    }
    before.paths['/pets'][`x-amazon-apigateway-any-method`] = { responses: {} }
    after.paths['/pets'][`x-amazon-apigateway-any-method`] = { responses: {}, security: [{ sigv4: [] }] }
    const diff = diffApiDefinitions(before, after)
    expect(refs(diff.added)).toEqual(['ANY /{proxy+}'])
    expect(diff.changed).toEqual([
      {
        method: 'ANY',
        path: '/pets',
        classification: 'breaking',
        changes: [{ classification: 'breaking', kind: 'auth', description: 'Authorization `none` → `sigv4`' }],
      },
    ])
  })

  it('treats any authorization change as breaking, including removal', () => {
    const after = petsOas30()
    delete after.paths['/pets'].post.security
    after.paths['/owners/{ownerId}/pets'].get.security = [{ api_key: [], sigv4: [] }]
    const diff = diffApiDefinitions(petsOas30(), after)
    expect(diff.changed.map((c) => [`${c.method} ${c.path}`, c.changes[0]?.description])).toEqual([
      ['GET /owners/{ownerId}/pets', 'Authorization `api_key` → `api_key + sigv4`'],
      ['POST /pets', 'Authorization `PetsUserPool` → `none`'],
    ])
    expect(diff.counts.breaking).toBe(2)
  })

  it('reports API-level changes: authorizers, binary media types, resource policy', () => {
    const after = petsOas30()
    after.components.securitySchemes.PetsUserPool['x-amazon-apigateway-authorizer'].providerARNs = [
      'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_New',
    ]
    after.components.securitySchemes.sigv4.name = 'X-Authorization'
    after['x-amazon-apigateway-binary-media-types'] = ['image/png']
    after['x-amazon-apigateway-policy'] = { Version: '2012-10-17', Statement: [] }
    const diff = diffApiDefinitions(petsOas30(), after)
    expect(diff.apiLevel.map((c) => [c.classification, c.kind, c.description])).toEqual([
      ['breaking', 'auth', 'Authorizer `sigv4` changed: `name`'],
      ['non-breaking', 'auth', 'Authorizer `PetsUserPool` changed: `x-amazon-apigateway-authorizer.providerARNs.0`'],
      ['non-breaking', 'gateway', 'Resource policy added'],
      ['non-breaking', 'gateway', '`x-amazon-apigateway-binary-media-types` added'],
    ])
    expect(diff.changed).toEqual([])
  })

  it('attributes a shared schema change to every operation that uses it', () => {
    const after = petsOas30()
    after.components.schemas.Pet.properties.name = { type: 'string' }
    const diff = diffApiDefinitions(petsOas30(), after)
    expect(refs(diff.changed)).toEqual(['GET /owners/{ownerId}/pets', 'GET /pets', 'POST /pets', 'GET /pets/{petId}'])
    expect(diff.apiLevel).toEqual([])
    expect(diff.counts.breaking).toBe(0)
  })

  it('merges path-level parameters into each operation', () => {
    const before = petsOas30()
    const after = petsOas30()
    after.paths['/pets'].parameters = [{ name: 'X-Trace', in: 'header', required: true, schema: { type: 'string' } }]
    const diff = diffApiDefinitions(before, after)
    expect(refs(diff.changed)).toEqual(['GET /pets', 'POST /pets', 'OPTIONS /pets'])
    expect(diff.changed[0]?.changes[0]?.description).toBe('Added required header parameter `X-Trace`')
  })

  it('compares deployment apiSummary maps (canary vs production)', () => {
    const canary = petsApiSummary()
    canary['/pets/{petId}'] = {
      ...canary['/pets/{petId}'],
      GET: { authorizationType: 'AWS_IAM', apiKeyRequired: false },
    }
    canary['/health'] = { GET: { authorizationType: 'NONE', apiKeyRequired: false } }
    delete canary['/owners/{ownerId}/pets']
    const diff = diffApiDefinitions(
      { id: 'prod1', apiSummary: petsApiSummary() },
      { id: 'canary1', apiSummary: canary },
    )
    expect(diff.format).toEqual({ before: 'apisummary', after: 'apisummary' })
    expect(refs(diff.added)).toEqual(['GET /health'])
    expect(refs(diff.removed)).toEqual(['GET /owners/{ownerId}/pets'])
    expect(diff.changed).toEqual([
      {
        method: 'GET',
        path: '/pets/{petId}',
        classification: 'breaking',
        changes: [{ classification: 'breaking', kind: 'auth', description: 'Authorization `none` → `AWS_IAM`' }],
      },
    ])
  })

  it('rejects something that is not an API definition', () => {
    expect(() => diffApiDefinitions({ hello: 'world' }, petsOas30())).toThrow(/Not an API definition/)
  })

  it('is deterministic and does not mutate its inputs', () => {
    const before = petsOas30()
    const after = petsOas30RouteChanges()
    const snapshot = JSON.stringify([before, after])
    const first = diffApiDefinitions(before, after)
    expect(JSON.stringify([before, after])).toBe(snapshot)
    expect(diffApiDefinitions(petsOas30(), petsOas30RouteChanges())).toEqual(first)
  })

  it('diffs a 300-resource × 7-method API with everything changed in reasonable time', () => {
    const started = performance.now()
    const diff = diffApiDefinitions(largeApi(), largeApiEverythingChanged())
    const elapsed = performance.now() - started
    const renamed = 30 * LARGE_METHODS.length
    expect(diff.counts.added).toBe(renamed)
    expect(diff.counts.removed).toBe(renamed)
    expect(diff.counts.changed).toBe(300 * LARGE_METHODS.length - renamed)
    expect(diff.changed.every((c) => c.classification === 'breaking')).toBe(true)
    expect(diff.changed.every((c) => c.changes.some((x) => x.kind === 'integration'))).toBe(true)
    expect(elapsed).toBeLessThan(15_000)
  })
})

describe('normalizeDefinition', () => {
  it('converts swagger body, formData and response schemas to OpenAPI 3 shapes', () => {
    const { doc } = normalizeDefinition({
      swagger: '2.0',
      consumes: ['application/json'],
      produces: ['application/json'],
      paths: {
        '/upload': {
          post: {
            consumes: ['multipart/form-data'],
            parameters: [
              { name: 'file', in: 'formData', type: 'file', required: true },
              { name: 'note', in: 'formData', type: 'string' },
              { name: 'q', in: 'query', type: 'integer', format: 'int32', required: true },
            ],
            responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/R' } } },
          },
        },
      },
      definitions: { R: { type: 'object' } },
    })
    expect(doc.paths).toEqual({
      '/upload': {
        post: {
          parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'integer', format: 'int32' } }],
          requestBody: {
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: { file: { type: 'file' }, note: { type: 'string' } },
                  required: ['file'],
                },
              },
            },
            required: true,
          },
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/R' } } },
            },
          },
        },
      },
    })
  })
})

describe('redactAccountIds', () => {
  it('masks the account id in ARNs only', () => {
    expect(redactAccountIds('arn:aws:lambda:eu-west-1:123456789012:function:f and 123456789012')).toBe(
      'arn:aws:lambda:eu-west-1:{account}:function:f and 123456789012',
    )
    expect(redactAccountIds('arn:aws-cn:iam::123456789012:role/x')).toBe('arn:aws-cn:iam::{account}:role/x')
  })
})
