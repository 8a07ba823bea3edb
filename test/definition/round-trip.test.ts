// The served form proved by round trips. Every corpus definition is imported (PutRestApi overwrite, substituted, as
// the action sends it), deployed and exported the way the action reads a stage (src/apigateway/definitions.ts);
// the API diff of that export against servedDefinition(file) must be empty. One edit to a file must then give
// exactly that edit. Last, the served form of the two files real AWS imported in the recorded export tests must be
// what AWS exported.
import { readFileSync } from 'node:fs'
import {
  type APIGatewayClient,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  type EndpointType,
  PutRestApiCommand,
} from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDefinition } from '../../src/apigateway/definitions.js'
import { parseDefinitionText } from '../../src/definition/document.js'
import type { DefinitionDocument } from '../../src/definition/json.js'
import { type LoadedDefinition, loadDefinition } from '../../src/definition/load.js'
import type { BasePathMode } from '../../src/definition/options.js'
import { servedDefinition } from '../../src/definition/served.js'
import { type ApiDiff, diffApiDefinitions } from '../../src/diff/api-diff.js'
import { startEmulator } from '../emulator/index.js'
import { DEFINITIONS, readDefinitionFile, SUBSTITUTIONS } from '../fixtures/definitions/index.js'
import { type Emulator, sdkClient } from '../support/emulator.js'

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are edited freely in these cases
type Doc = Record<string, any>

const STAGE = 'dev'
const ENDPOINT_TYPES = new Map(DEFINITIONS.map((d) => [d.file, d.endpointType]))

let emu: Emulator
let client: APIGatewayClient

beforeAll(async () => {
  emu = await startEmulator()
  client = sdkClient(emu)
})
afterAll(async () => {
  await emu.stop()
})

/** The corpus file as the action loads it: only the substitution keys it uses (an unused key is an error). */
async function load(file: string, options: { text?: string; basePath?: BasePathMode } = {}): Promise<LoadedDefinition> {
  const text = options.text ?? readDefinitionFile(file)
  const substitutions = Object.fromEntries(Object.entries(SUBSTITUTIONS).filter(([key]) => text.includes(`\${${key}}`)))
  const loaded = await loadDefinition({ file, text, substitutions, basePath: options.basePath ?? 'ignore' })
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'))
  return loaded.value
}

/** Imports the definition into a new API of the file's endpoint type, deploys it and exports the stage. */
async function deployAndExport(file: string, text: string, basePath: BasePathMode = 'ignore'): Promise<object> {
  const types = [ENDPOINT_TYPES.get(file) ?? 'REGIONAL'] as EndpointType[]
  const api = await client.send(new CreateRestApiCommand({ name: file, endpointConfiguration: { types } }))
  const restApiId = api.id as string
  const put = await client.send(
    new PutRestApiCommand({
      restApiId,
      mode: 'overwrite',
      failOnWarnings: true,
      parameters: { basepath: basePath },
      body: new TextEncoder().encode(text),
    }),
  )
  expect(put.warnings ?? []).toEqual([])
  await client.send(new CreateDeploymentCommand({ restApiId, stageName: STAGE }))
  const exported = await readDefinition({ client, restApiId }, { kind: 'stage', stageName: STAGE })
  if (exported === undefined) throw new Error(`no export for ${file}`)
  return exported
}

const deployed = new Map<string, Promise<{ loaded: LoadedDefinition; exported: object }>>()

/** Each corpus file is deployed once; its export is the "before" of every case on that file. */
function deployedCorpusFile(file: string): Promise<{ loaded: LoadedDefinition; exported: object }> {
  let entry = deployed.get(file)
  if (entry === undefined) {
    entry = load(file).then(async (loaded) => ({ loaded, exported: await deployAndExport(file, loaded.text) }))
    deployed.set(file, entry)
  }
  return entry
}

/** Every finding of a diff on one line: what, where, how severe, which kind. */
function findings(diff: ApiDiff): string[] {
  return [
    ...diff.added.map((op) => `added ${op.method} ${op.path}`),
    ...diff.removed.map((op) => `removed ${op.method} ${op.path}`),
    ...diff.changed.map((op) => {
      const kinds = [...new Set(op.changes.map((c) => c.kind))].sort().join('+')
      return `changed ${op.method} ${op.path}: ${op.classification} ${kinds}`
    }),
    ...diff.apiLevel.map((c) => `api ${c.classification} ${c.kind}: ${c.description}`),
  ]
}

describe('a deployed definition compared with its own served form', () => {
  it.each(DEFINITIONS.map((d) => d.file))('%s: no change', async (file) => {
    const { loaded, exported } = await deployedCorpusFile(file)
    const diff = diffApiDefinitions(exported, servedDefinition(loaded.parsed))
    expect(findings(diff)).toEqual([])
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 0, breaking: 0, nonBreaking: 0, annotation: 0 })
  })

  it.each([
    { file: 'reports-minimal.swagger.json', basePath: 'prepend' as const, basePathInFile: undefined },
    { file: 'catalog-http-proxy.oas30.json', basePath: 'prepend' as const, basePathInFile: undefined },
    { file: 'reports-minimal.swagger.json', basePath: 'split' as const, basePathInFile: '/v1/reports' },
  ])('$file imported with basepath=$basePath: no change, and the routes the plan names', async (c) => {
    const original = readDefinitionFile(c.file)
    const text = c.basePathInFile ? original.replace('"/reports"', `"${c.basePathInFile}"`) : original
    const loaded = await load(c.file, { text, basePath: c.basePath })
    const exported = await deployAndExport(c.file, loaded.text, c.basePath)
    const served = servedDefinition(loaded.parsed, c.basePath)
    expect(findings(diffApiDefinitions(exported, served))).toEqual([])
    const routes = Object.entries(served.paths as Doc).flatMap(([path, item]) =>
      Object.keys(item).map((key) => `${key === 'x-amazon-apigateway-any-method' ? 'ANY' : key.toUpperCase()} ${path}`),
    )
    expect(routes.sort()).toEqual(loaded.routes)
  })
})

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function'
const lambdaProxy = (functionArn: string) => ({
  type: 'aws_proxy',
  httpMethod: 'POST',
  uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionArn}/invocations`,
  passthroughBehavior: 'when_no_match',
})

interface EditCase {
  name: string
  file: string
  edit: (doc: Doc) => void
  expected: string[]
}

const EDITS: EditCase[] = [
  {
    name: 'an operation added',
    file: 'orders-lambda-proxy.oas30.yaml',
    edit: (doc) => {
      doc.paths['/orders/{orderId}'].put = {
        operationId: 'ReplaceOrder',
        responses: { '200': { description: 'Replaced' } },
        'x-amazon-apigateway-integration': lambdaProxy(`${LAMBDA}:orders-api`),
      }
    },
    expected: ['added PUT /orders/{orderId}'],
  },
  {
    name: 'an operation removed',
    file: 'petstore-http.swagger.json',
    edit: (doc) => {
      delete doc.paths['/pets'].post
    },
    expected: ['removed POST /pets'],
  },
  {
    name: "an integration's Lambda ARN changed",
    file: 'orders-lambda-proxy.oas30.yaml',
    edit: (doc) => {
      const target = doc.paths['/orders/{orderId}'].get['x-amazon-apigateway-integration']
      target.uri = target.uri.replace(':function:orders-get/', ':function:orders-get-v2/')
    },
    expected: ['changed GET /orders/{orderId}: non-breaking integration'],
  },
  {
    name: "an integration's type changed",
    file: 'catalog-http-proxy.oas30.json',
    edit: (doc) => {
      doc.paths['/products'].get['x-amazon-apigateway-integration'].type = 'http'
    },
    expected: ['changed GET /products: non-breaking integration'],
  },
  {
    name: 'a query parameter made required',
    file: 'users-cognito.swagger.yaml',
    edit: (doc) => {
      const size = doc.paths['/users/{userId}/avatar'].get.parameters.find((p: Doc) => p.name === 'size')
      size.required = true
    },
    expected: ['changed GET /users/{userId}/avatar: breaking contract'],
  },
  {
    name: 'a response code changed',
    file: 'reports-minimal.swagger.json',
    edit: (doc) => {
      const responses = doc.paths['/daily'].get.responses
      responses['203'] = responses['200']
      delete responses['200']
    },
    expected: ['changed GET /daily: breaking contract'],
  },
  {
    name: 'a request model changed',
    file: 'orders-lambda-proxy.oas30.yaml',
    edit: (doc) => {
      doc.components.schemas.NewOrder.required.push('note')
    },
    expected: ['changed POST /orders: breaking contract'],
  },
  {
    name: "an authorizer's Lambda changed",
    file: 'payments-token-authorizer.swagger.yaml',
    edit: (doc) => {
      const authorizer = doc.securityDefinitions.PaymentsToken['x-amazon-apigateway-authorizer']
      authorizer.authorizerUri = authorizer.authorizerUri.replace(':payments-authorizer/', ':payments-authorizer-v2/')
    },
    expected: [
      'api non-breaking auth: Authorizer `PaymentsToken` changed: `x-amazon-apigateway-authorizer.authorizerUri`',
    ],
  },
  {
    name: "an authorizer's identity source changed",
    file: 'tenants-request-authorizer.oas30.json',
    edit: (doc) => {
      const authorizer = doc.components.securitySchemes.TenantAuthorizer['x-amazon-apigateway-authorizer']
      authorizer.identitySource = authorizer.identitySource.replace('X-Tenant-Token', 'X-Tenant-Key')
    },
    expected: [
      'api breaking auth: Authorizer `TenantAuthorizer` changed: `x-amazon-apigateway-authorizer.identitySource`',
    ],
  },
  {
    name: "an operation's authorizer removed",
    file: 'users-cognito.swagger.yaml',
    edit: (doc) => {
      doc.paths['/users/me'].get.security = []
    },
    expected: ['changed GET /users/me: breaking auth'],
  },
]

describe('one edit to a deployed definition', () => {
  it.each(EDITS)('$name ($file) gives exactly that change', async ({ file, edit, expected }) => {
    const { loaded, exported } = await deployedCorpusFile(file)
    const document = structuredClone(loaded.parsed.document) as Doc
    edit(document)
    const edited: DefinitionDocument = { ...loaded.parsed, document }
    expect(findings(diffApiDefinitions(exported, servedDefinition(edited)))).toEqual(expected)
  })
})

describe('the served form of files real AWS imported', () => {
  // The project's copy of AWS's recorded exports (LocalStack's AWS-validated snapshots): GetExport oas30 with
  // `extensions=apigateway` after ImportRestApi of these two Swagger files, region and ids replaced by placeholders.
  const recorded = JSON.parse(
    readFileSync(new URL('../fixtures/aws-recorded/stages-deployments-exports.json', import.meta.url), 'utf8'),
  ) as Doc

  it.each([
    ['petstore-swagger.json', 'TEST_IMPORT_PETSTORE_SWAGGER'],
    ['pets.json', 'TEST_IMPORT_PETS'],
  ])('%s is what AWS exported for it', (file, test) => {
    const text = readFileSync(new URL(`../fixtures/aws-recorded/${file}`, import.meta.url), 'utf8')
    const parsed = parseDefinitionText(text)
    if (!parsed.ok) throw new Error(parsed.error)
    const body = recorded[`test_export_oas30_openapi[${test}]`]['recorded-content']['get-export-with-extensions'].body
    // The recording replaced the file's region with a placeholder.
    const exported = JSON.parse(JSON.stringify(body).replaceAll('<region>', 'eu-west-1')) as Doc
    const served = servedDefinition(parsed.value)
    expect(comparable(served)).toEqual(comparable(exported))
    expect(findings(diffApiDefinitions(comparable(exported), served))).toEqual([])
  })
})

/**
 * An export without what the file cannot know (the stage's URL, the deployment date AWS uses as version when the file
 * has none) and without the API-level settings only `extensions=apigateway` adds.
 */
function comparable(doc: Doc): Doc {
  const { servers: _url, info, ...rest } = doc
  const { version: _version, ...named } = info as Doc
  const kept = Object.entries(rest).filter(([key]) => !key.startsWith('x-amazon-apigateway-'))
  return { ...Object.fromEntries(kept), info: named }
}
