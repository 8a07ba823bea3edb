// Definition pairs whose diff results are kept as a golden fixture (test/fixtures/diff-golden/api-diff.json), so a
// change of src/diff/ that alters any result shows up: every pair the diff and report tests use, the recorded AWS
// exports in both forms, the large generated API (300 resources × 7 methods = 2,100 operations) with no change, one
// operation added and every operation changed, and edge cases reaching each rule of the diff.
// Each case builds fresh documents, so a diff that mutated its inputs would not leak into the next case.

import { readFileSync } from 'node:fs'
import { largeApi, largeApiEverythingChanged } from '../../fixtures/openapi/large-api.js'
import {
  lambdaUri,
  petsApiSummary,
  petsOas30,
  petsOas30Breaking,
  petsOas30RouteChanges,
  petsSwagger,
  petsSwaggerBreaking,
  petsSwaggerRouteChanges,
} from '../../fixtures/openapi/pets-api.js'
import { changed, type Doc, type GoldenCase, pair } from './case.js'
import { edgeCases } from './edge-cases.js'
import { toSwagger } from './swagger-form.js'

/** The cases of test/diff/api-diff.test.ts, test/report/render.test.ts and test/github/client.test.ts. */
function testCases(): GoldenCase[] {
  return [
    pair(
      'test: same deployment on two stages',
      () => petsOas30('prod'),
      () => petsOas30('pr-42'),
    ),
    pair(
      'test: info.version, servers and key order',
      petsOas30,
      changed(petsOas30, (after) => {
        after.info.version = '2030-01-01T00:00:00Z'
        after.servers[0].url = 'https://other.example.com/{basePath}'
        after.paths = Object.fromEntries(Object.entries(after.paths).reverse())
      }),
    ),
    pair('test: first deploy', () => undefined, petsOas30),
    pair('test: stage gone', petsOas30, () => undefined),
    pair('test: route changes (oas30)', petsOas30, petsOas30RouteChanges),
    pair('test: breaking changes (oas30)', petsOas30, petsOas30Breaking),
    pair('test: route changes (swagger)', petsSwagger, petsSwaggerRouteChanges),
    pair('test: breaking changes (swagger)', petsSwagger, petsSwaggerBreaking),
    pair(
      'test: swagger on two stages',
      () => petsSwagger('prod'),
      () => petsSwagger('pr-1'),
    ),
    pair('test: swagger vs oas30 of the same API', petsSwagger, petsOas30),
    pair(
      'test: integration changes alone',
      petsOas30,
      changed(petsOas30, (after) => {
        after.paths['/owners/{ownerId}/pets'].get['x-amazon-apigateway-integration'].uri =
          'https://owners-v2.internal.example.com/owners/{ownerId}/pets'
        after.paths['/pets'].post['x-amazon-apigateway-integration'].timeoutInMillis = 10000
        after.paths['/'].get['x-amazon-apigateway-integration'].requestTemplates = {
          'application/json': '{"statusCode": 201}',
        }
      }),
    ),
    pair(
      'test: integration appears',
      changed(petsOas30, (plain) => {
        delete plain.paths['/pets'].get['x-amazon-apigateway-integration']
      }),
      petsOas30,
    ),
    pair(
      'test: ANY method',
      changed(petsOas30, (before) => {
        before.paths['/pets']['x-amazon-apigateway-any-method'] = { responses: {} }
      }),
      changed(petsOas30, (after) => {
        after.paths['/{proxy+}'] = {
          'x-amazon-apigateway-any-method': {
            parameters: [{ name: 'proxy', in: 'path', required: true, schema: { type: 'string' } }],
            responses: {},
            'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: 'arn:aws:x' },
          },
        }
        after.paths['/pets']['x-amazon-apigateway-any-method'] = { responses: {}, security: [{ sigv4: [] }] }
      }),
    ),
    pair(
      'test: authorization changes including removal',
      petsOas30,
      changed(petsOas30, (after) => {
        delete after.paths['/pets'].post.security
        after.paths['/owners/{ownerId}/pets'].get.security = [{ api_key: [], sigv4: [] }]
      }),
    ),
    pair(
      'test: API-level changes',
      petsOas30,
      changed(petsOas30, (after) => {
        after.components.securitySchemes.PetsUserPool['x-amazon-apigateway-authorizer'].providerARNs = [
          'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_New',
        ]
        after.components.securitySchemes.sigv4.name = 'X-Authorization'
        after['x-amazon-apigateway-binary-media-types'] = ['image/png']
        after['x-amazon-apigateway-policy'] = { Version: '2012-10-17', Statement: [] }
      }),
    ),
    pair(
      'test: shared schema change',
      petsOas30,
      changed(petsOas30, (after) => {
        after.components.schemas.Pet.properties.name = { type: 'string' }
      }),
    ),
    pair(
      'test: path-level parameters',
      petsOas30,
      changed(petsOas30, (after) => {
        after.paths['/pets'].parameters = [
          { name: 'X-Trace', in: 'header', required: true, schema: { type: 'string' } },
        ]
      }),
    ),
    pair(
      'test: apiSummary canary vs production',
      () => ({ id: 'prod1', apiSummary: petsApiSummary() }),
      () => {
        const canary: Doc = petsApiSummary()
        canary['/pets/{petId}'] = {
          ...canary['/pets/{petId}'],
          GET: { authorizationType: 'AWS_IAM', apiKeyRequired: false },
        }
        canary['/health'] = { GET: { authorizationType: 'NONE', apiKeyRequired: false } }
        delete canary['/owners/{ownerId}/pets']
        return { id: 'canary1', apiSummary: canary }
      },
    ),
    pair('test: not an API definition', () => ({ hello: 'world' }), petsOas30),
    pair(
      'report test: hostile names',
      petsOas30,
      changed(petsOas30, (after) => {
        const hostile = { name: '</code>|@admin', in: 'query', required: true, schema: { type: 'string' } }
        after.paths['/pets'].get.parameters.push(hostile)
        after.paths['/x</details>|y'] = { get: { responses: { '200': { description: 'ok' } } } }
      }),
    ),
  ]
}

const RECORDED = new URL('../../fixtures/aws-recorded/', import.meta.url)

function recordedJson(file: string): Doc {
  return JSON.parse(readFileSync(new URL(file, RECORDED), 'utf8')) as Doc
}

/** GetExport bodies recorded against AWS: `form` swagger or oas30, of the petstore or pets import, ± extensions. */
function recordedExport(form: 'swagger' | 'oas30', api: 'PETSTORE_SWAGGER' | 'PETS', extensions: boolean): () => Doc {
  const test = `test_export_${form}_openapi[TEST_IMPORT_${api}]`
  const step = extensions ? 'get-export-with-extensions' : 'get-export'
  return () => recordedJson('stages-deployments-exports.json')[test]['recorded-content'][step].body
}

function recordedCases(): GoldenCase[] {
  const cases: GoldenCase[] = []
  const forms = ['swagger', 'oas30'] as const
  const apis = ['PETSTORE_SWAGGER', 'PETS'] as const
  for (const api of apis) {
    for (const form of forms) {
      for (const ext of [false, true]) {
        const label = `recorded ${api} ${form}${ext ? ' +ext' : ''}`
        cases.push(pair(`${label}: first deploy`, () => undefined, recordedExport(form, api, ext)))
        cases.push(pair(`${label}: removed`, recordedExport(form, api, ext), () => undefined))
        cases.push(pair(`${label}: unchanged`, recordedExport(form, api, ext), recordedExport(form, api, ext)))
      }
      const label = `recorded ${api} ${form}`
      cases.push(pair(`${label}: extensions appear`, recordedExport(form, api, false), recordedExport(form, api, true)))
    }
    for (const ext of [false, true]) {
      const label = `recorded ${api}${ext ? ' +ext' : ''}`
      cases.push(
        pair(`${label}: swagger → oas30`, recordedExport('swagger', api, ext), recordedExport('oas30', api, ext)),
      )
    }
    const source = api === 'PETS' ? 'pets.json' : 'petstore-swagger.json'
    cases.push(
      pair(`recorded ${api}: imported file → export`, () => recordedJson(source), recordedExport('oas30', api, true)),
    )
  }
  for (const form of forms) {
    cases.push(
      pair(
        `recorded ${form}: petstore → pets`,
        recordedExport(form, 'PETSTORE_SWAGGER', true),
        recordedExport(form, 'PETS', true),
      ),
    )
  }
  cases.push(
    pair(
      'recorded: petstore file → pets file',
      () => recordedJson('petstore-swagger.json'),
      () => recordedJson('pets.json'),
    ),
  )
  return cases
}

/** One operation added to the large API, as bench/diff-worker.ts does for its `added` variant. */
function largeApiOneAdded(): Doc {
  const after: Doc = largeApi()
  after.paths['/service-new/items/{id}'] = { get: Object.values(after.paths as Doc)[0].get }
  return after
}

function largeCases(): GoldenCase[] {
  const swaggerOf = (build: () => Doc) => () => toSwagger(build())
  const tested = (c: GoldenCase): GoldenCase => ({ ...c, large: true })
  const timed = (c: GoldenCase): GoldenCase => ({ ...c, large: true, timingOnly: true })
  return [
    tested(
      pair(
        'large oas30: every operation changed',
        () => largeApi(),
        () => largeApiEverythingChanged(),
      ),
    ),
    timed(pair('large oas30: one operation added', () => largeApi(), largeApiOneAdded)),
    timed(
      pair(
        'large oas30: no change',
        () => largeApi(),
        () => largeApi(),
      ),
    ),
    timed(
      pair(
        'large oas30: first deploy',
        () => undefined,
        () => largeApi(),
      ),
    ),
    tested(pair('large swagger: every operation changed', swaggerOf(largeApi), swaggerOf(largeApiEverythingChanged))),
    timed(pair('large swagger: one operation added', swaggerOf(largeApi), swaggerOf(largeApiOneAdded))),
    timed(pair('large swagger: no change', swaggerOf(largeApi), swaggerOf(largeApi))),
    timed(
      pair('large swagger → oas30: every operation changed', swaggerOf(largeApi), () => largeApiEverythingChanged()),
    ),
  ]
}

function formCases(): GoldenCase[] {
  const swaggerOf = (build: () => Doc) => () => toSwagger(build())
  return [
    pair('pets swagger form of oas30 vs oas30', swaggerOf(petsOas30), petsOas30),
    pair('pets swagger vs swagger form of oas30', petsSwagger, swaggerOf(petsOas30)),
    pair('pets route changes, swagger → oas30', petsSwagger, petsOas30RouteChanges),
    pair('pets breaking changes, oas30 → swagger', petsOas30, petsSwaggerBreaking),
    pair('pets first deploy (swagger)', () => undefined, petsSwagger),
    pair('pets removed (swagger)', petsSwagger, () => undefined),
    pair(
      'pets lambda uri in another region',
      petsOas30,
      changed(petsOas30, (d) => {
        d.paths['/pets'].get['x-amazon-apigateway-integration'].uri = lambdaUri('pets-list', 'eu-west-1')
      }),
    ),
  ]
}

export function goldenCases(): GoldenCase[] {
  return [...testCases(), ...recordedCases(), ...formCases(), ...edgeCases(), ...largeCases()]
}
