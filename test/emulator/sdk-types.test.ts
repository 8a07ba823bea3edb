// GetSdkTypes and GetSdkType: the catalog the action reads to check sdk-parameters before any write.
import {
  type APIGatewayClient,
  CreateDeploymentCommand,
  GetSdkCommand,
  GetSdkTypeCommand,
  GetSdkTypesCommand,
} from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from './index.js'
import { clientFor } from './support.js'

/** Required configuration properties per SDK type, as the service model documents them (reference section 6). */
const REQUIRED: Record<string, string[]> = {
  android: ['groupId', 'artifactId', 'artifactVersion', 'invokerPackage'],
  java: ['serviceName', 'javaPackageName'],
  javascript: [],
  objectivec: ['classPrefix'],
  ruby: [],
  swift: ['classPrefix'],
}

describe('SDK types', () => {
  let emu: Emulator
  let client: APIGatewayClient
  let restApiId: string

  beforeAll(async () => {
    emu = await startEmulator()
    client = clientFor(emu)
    restApiId = emu.seedSampleApi().restApiId
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
  })
  afterAll(async () => {
    await emu.stop()
  })

  it('GetSdkTypes lists the six types', async () => {
    const all = await client.send(new GetSdkTypesCommand({}))
    expect(all.$metadata.httpStatusCode).toBe(200)
    expect(all.items?.map((t) => t.id)).toEqual(['android', 'java', 'javascript', 'objectivec', 'ruby', 'swift'])
    for (const type of all.items ?? []) {
      expect(type.friendlyName).toEqual(expect.any(String))
      expect(type.description).toEqual(expect.any(String))
      expect(Array.isArray(type.configurationProperties)).toBe(true)
    }
    // `limit` is honoured; the SDK's SdkTypes output has no `position` member, so six types fit the default page.
    const first = await client.send(new GetSdkTypesCommand({ limit: 4 }))
    expect(first.items?.map((t) => t.id)).toEqual(['android', 'java', 'javascript', 'objectivec'])
  })

  it.each(Object.entries(REQUIRED))('GetSdkType %s marks %j required', async (id, required) => {
    const type = await client.send(new GetSdkTypeCommand({ id }))
    expect(type.id).toBe(id)
    const props = type.configurationProperties ?? []
    expect(props.filter((p) => p.required).map((p) => p.name)).toEqual(required)
    for (const p of props) {
      expect(p).toMatchObject({
        name: expect.any(String),
        friendlyName: expect.any(String),
        required: expect.any(Boolean),
      })
    }
  })

  it('ruby documents its optional properties; java its build settings', async () => {
    const ruby = await client.send(new GetSdkTypeCommand({ id: 'ruby' }))
    expect(ruby.configurationProperties?.map((p) => p.name)).toEqual([
      'service.name',
      'ruby.gem-name',
      'ruby.gem-version',
    ])
    const java = await client.send(new GetSdkTypeCommand({ id: 'java' }))
    expect(java.configurationProperties?.find((p) => p.name === 'javaBuildSystem')).toMatchObject({
      required: false,
      defaultValue: 'maven',
    })
  })

  it('an unknown SDK type is a 404', async () => {
    await expect(client.send(new GetSdkTypeCommand({ id: 'cobol' }))).rejects.toMatchObject({
      name: 'NotFoundException',
      $metadata: { httpStatusCode: 404 },
    })
  })

  it('GetSdk insists on exactly the properties GetSdkType marks required', async () => {
    for (const [sdkType, required] of Object.entries(REQUIRED)) {
      const parameters = Object.fromEntries(required.map((name) => [name, 'x']))
      await expect(
        client.send(new GetSdkCommand({ restApiId, stageName: 'prod', sdkType, parameters })),
      ).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } })
      const [first, ...rest] = required
      if (first === undefined) continue
      await expect(
        client.send(
          new GetSdkCommand({
            restApiId,
            stageName: 'prod',
            sdkType,
            parameters: Object.fromEntries(rest.map((name) => [name, 'x'])),
          }),
        ),
      ).rejects.toMatchObject({ name: 'BadRequestException', message: expect.stringContaining(first) })
    }
  })
})
