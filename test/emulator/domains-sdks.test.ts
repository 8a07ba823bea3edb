// Custom domains with base path mappings, and GetSdk.
import { crc32 } from 'node:zlib'
import {
  type APIGatewayClient,
  CreateBasePathMappingCommand,
  CreateDeploymentCommand,
  CreateDomainNameCommand,
  DeleteBasePathMappingCommand,
  GetBasePathMappingCommand,
  GetBasePathMappingsCommand,
  GetDomainNameCommand,
  GetSdkCommand,
  UpdateBasePathMappingCommand,
} from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from './index.js'
import { clientFor } from './support.js'

/** Reads the stored entries of a ZIP and checks each CRC. */
function unzip(buffer: Buffer): Record<string, string> {
  const files: Record<string, string> = {}
  let offset = 0
  while (buffer.readUInt32LE(offset) === 0x04034b50) {
    const size = buffer.readUInt32LE(offset + 18)
    const nameLength = buffer.readUInt16LE(offset + 26)
    const name = buffer.subarray(offset + 30, offset + 30 + nameLength).toString()
    const data = buffer.subarray(offset + 30 + nameLength, offset + 30 + nameLength + size)
    expect(crc32(data)).toBe(buffer.readUInt32LE(offset + 14))
    files[name] = data.toString()
    offset += 30 + nameLength + size
  }
  expect(buffer.readUInt32LE(buffer.length - 22)).toBe(0x06054b50)
  return files
}

describe('custom domains and SDKs', () => {
  let emu: Emulator
  let client: APIGatewayClient
  let restApiId: string

  beforeAll(async () => {
    emu = await startEmulator()
    client = clientFor(emu)
    restApiId = emu.seedSampleApi().restApiId
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'staging' }))
  })
  afterAll(async () => {
    await emu.stop()
  })

  it('creates a domain and maps base paths, `(none)` for the empty one', async () => {
    const domain = await client.send(
      new CreateDomainNameCommand({ domainName: 'api.example.com', endpointConfiguration: { types: ['REGIONAL'] } }),
    )
    expect(domain).toMatchObject({
      domainName: 'api.example.com',
      regionalDomainName: expect.stringMatching(/^d-[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com$/),
      regionalHostedZoneId: 'Z1UJRXOUMOOFQ8',
      domainNameStatus: 'AVAILABLE',
      $metadata: { httpStatusCode: 201 },
    })
    const domainName = 'api.example.com'
    await expect(
      client.send(new CreateBasePathMappingCommand({ domainName, restApiId, stage: 'prod' })),
    ).resolves.toMatchObject({ basePath: '(none)', restApiId, stage: 'prod' })
    await client.send(new CreateBasePathMappingCommand({ domainName, restApiId, stage: 'staging', basePath: 'beta' }))
    await expect(
      client.send(new CreateBasePathMappingCommand({ domainName, restApiId, stage: 'prod', basePath: 'beta' })),
    ).rejects.toMatchObject({ name: 'ConflictException' })
    await expect(
      client.send(new CreateBasePathMappingCommand({ domainName, restApiId, stage: 'nope', basePath: 'x' })),
    ).rejects.toMatchObject({ name: 'BadRequestException' })
    const list = await client.send(new GetBasePathMappingsCommand({ domainName }))
    expect(list.items).toEqual([
      { basePath: '(none)', restApiId, stage: 'prod' },
      { basePath: 'beta', restApiId, stage: 'staging' },
    ])
    const moved = await client.send(
      new UpdateBasePathMappingCommand({
        domainName,
        basePath: 'beta',
        patchOperations: [
          { op: 'replace', path: '/stage', value: 'prod' },
          { op: 'replace', path: '/basePath', value: 'v2' },
        ],
      }),
    )
    expect(moved).toEqual(expect.objectContaining({ basePath: 'v2', stage: 'prod' }))
    await expect(
      client.send(
        new UpdateBasePathMappingCommand({
          domainName,
          basePath: 'v2',
          patchOperations: [{ op: 'replace', path: '/restApiId', value: restApiId }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'BadRequestException' })
    await client.send(new DeleteBasePathMappingCommand({ domainName, basePath: 'v2' }))
    await expect(client.send(new GetBasePathMappingCommand({ domainName, basePath: 'v2' }))).rejects.toMatchObject({
      name: 'NotFoundException',
    })
    await expect(client.send(new GetBasePathMappingCommand({ domainName, basePath: '(none)' }))).resolves.toMatchObject(
      {
        stage: 'prod',
      },
    )
    await expect(client.send(new GetDomainNameCommand({ domainName: 'nope.example.com' }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid domain name identifier specified',
    })
  })

  it('GetSdk returns a ZIP of the deployed API and checks required parameters', async () => {
    const sdk = await client.send(new GetSdkCommand({ restApiId, stageName: 'prod', sdkType: 'javascript' }))
    expect(sdk.contentType).toBe('application/octet-stream')
    expect(sdk.contentDisposition).toMatch(/^attachment; filename="javascript_\d{4}-\d\d-\d\d_\d\d-\d\dZ\.zip"$/)
    const files = unzip(Buffer.from(sdk.body as Uint8Array))
    expect(Object.keys(files)).toEqual(['javascript-sdk/README.md', 'javascript-sdk/operations.json'])
    expect(JSON.parse(files['javascript-sdk/operations.json'] as string).operations).toContain('GET /pets/{petId}')
    await expect(
      client.send(
        new GetSdkCommand({ restApiId, stageName: 'prod', sdkType: 'android', parameters: { groupId: 'g' } }),
      ),
    ).rejects.toMatchObject({ name: 'BadRequestException', message: expect.stringContaining('artifactId') })
    await expect(
      client.send(
        new GetSdkCommand({
          restApiId,
          stageName: 'prod',
          sdkType: 'java',
          parameters: { serviceName: 's', javaPackageName: 'p' },
        }),
      ),
    ).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } })
    await expect(
      client.send(new GetSdkCommand({ restApiId, stageName: 'prod', sdkType: 'cobol' })),
    ).rejects.toMatchObject({
      name: 'BadRequestException',
    })
  })
})
