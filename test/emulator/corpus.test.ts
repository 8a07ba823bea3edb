// Every definition of the corpus (test/fixtures/definitions/) goes through ImportRestApi, PutRestApi overwrite,
// CreateDeployment and GetExport; each export is imported into a fresh API and exported again: the two exports
// must agree, and the first must contain every operation and integration of the file.
import { readdirSync } from 'node:fs'
import {
  type APIGatewayClient,
  CreateDeploymentCommand,
  GetExportCommand,
  GetResourcesCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
} from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { DEFINITIONS, loadDefinition, readDefinitionFile } from '../fixtures/definitions/index.js'
import { type Emulator, startEmulator } from './index.js'
import { clientFor } from './support.js'

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are walked freely in assertions
type Doc = Record<string, any>

const VERBS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'x-amazon-apigateway-any-method']
const EXPORTS = [
  { exportType: 'oas30', extensions: 'integrations,authorizers' },
  { exportType: 'swagger', extensions: 'integrations,authorizers' },
  { exportType: 'swagger', extensions: 'apigateway' },
  { exportType: 'oas30', extensions: 'apigateway' },
] as const

const encode = (text: string) => new TextEncoder().encode(text)

describe('the definition corpus', () => {
  let emu: Emulator
  let client: APIGatewayClient

  beforeAll(async () => {
    emu = await startEmulator()
    client = clientFor(emu)
  })
  afterAll(async () => {
    await emu.stop()
  })

  async function importAndDeploy(text: string, endpointType: string): Promise<string> {
    const api = await client.send(
      new ImportRestApiCommand({
        body: encode(text),
        failOnWarnings: true,
        parameters: { endpointConfigurationTypes: endpointType },
      }),
    )
    expect(api.warnings).toBeUndefined()
    await client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' }))
    return api.id as string
  }

  async function exportOf(restApiId: string, exportType: string, extensions: string): Promise<Doc> {
    const result = await client.send(
      new GetExportCommand({ restApiId, stageName: 'prod', exportType, parameters: { extensions } }),
    )
    return JSON.parse(new TextDecoder().decode(result.body)) as Doc
  }

  it('lists every file of the folder, and every placeholder has a value', () => {
    const files = readdirSync(new URL('../fixtures/definitions/', import.meta.url)).filter((f) =>
      /\.(json|yaml)$/.test(f),
    )
    expect(DEFINITIONS.map((d) => d.file).sort()).toEqual(files.sort())
    for (const { file } of DEFINITIONS) {
      expect(loadDefinition(file).match(/\$\{(?!stageVariables\.)[^}]*\}/g), file).toBeNull()
    }
    const formats = DEFINITIONS.map(({ file }) => {
      const doc = parseYaml(readDefinitionFile(file)) as Doc
      return `${doc.swagger ? 'swagger' : 'oas30'}.${file.split('.').pop()}`
    })
    expect(new Set(formats)).toEqual(new Set(['swagger.json', 'swagger.yaml', 'oas30.json', 'oas30.yaml']))
  })

  it.each(DEFINITIONS.map((d) => [d.file, d.endpointType] as const))('%s', async (file, endpointType) => {
    const text = loadDefinition(file)
    const restApiId = await importAndDeploy(text, endpointType)
    const before = await client.send(new GetResourcesCommand({ restApiId, limit: 500 }))
    const put = await client.send(
      new PutRestApiCommand({ restApiId, body: encode(text), mode: 'overwrite', failOnWarnings: true }),
    )
    expect(put.warnings).toBeUndefined()
    const after = await client.send(new GetResourcesCommand({ restApiId, limit: 500 }))
    expect(after.items).toEqual(before.items)
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))

    const source = parseYaml(text) as Doc
    for (const { exportType, extensions } of EXPORTS) {
      const first = await exportOf(restApiId, exportType, extensions)
      expectEveryOperation(source, first, `${file} as ${exportType} with ${extensions}`)
      const copy = await importAndDeploy(JSON.stringify(first), endpointType)
      const second = await exportOf(copy, exportType, extensions)
      expect(withoutHost(second), `${file} as ${exportType} with ${extensions}`).toEqual(withoutHost(first))
    }
  })
})

/** The API's own host is the only thing that differs between two APIs imported from the same document. */
function withoutHost(doc: Doc): Doc {
  const { host: _host, servers: _servers, ...rest } = doc
  return rest
}

/** Each operation of the file is in the export, with the file's integration type, method, URI and VPC link. */
function expectEveryOperation(source: Doc, exported: Doc, label: string): void {
  for (const [path, item] of Object.entries<Doc>(source.paths)) {
    for (const verb of VERBS.filter((v) => item[v])) {
      const operation = exported.paths[path]?.[verb]
      expect(operation, `${label}: ${verb} ${path}`).toBeDefined()
      const want = item[verb]['x-amazon-apigateway-integration']
      const got = operation['x-amazon-apigateway-integration']
      expect(got, `${label}: integration of ${verb} ${path}`).toMatchObject({
        type: want.type.toLowerCase(),
        ...(want.uri ? { uri: want.uri } : {}),
        ...(want.httpMethod ? { httpMethod: want.httpMethod.toUpperCase() } : {}),
        ...(want.connectionId ? { connectionType: 'VPC_LINK', connectionId: want.connectionId } : {}),
      })
    }
  }
}
