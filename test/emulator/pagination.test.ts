// `position` / `limit` paging (default 25, max 500) on the list operations, through the SDK and its paginators.
import {
  CreateDeploymentCommand,
  CreateRestApiCommand,
  GetDeploymentsCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  paginateGetDeployments,
  paginateGetResources,
  paginateGetRestApis,
} from '@aws-sdk/client-api-gateway'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from './index.js'
import { clientFor } from './support.js'

describe('pagination', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator()
  })
  afterAll(async () => {
    await emu.stop()
  })

  it('GetRestApis pages 25 at a time by default and follows `position` to the end', async () => {
    const client = clientFor(emu)
    for (let i = 0; i < 30; i++) await client.send(new CreateRestApiCommand({ name: `api-${i}` }))
    const first = await client.send(new GetRestApisCommand({}))
    expect(first.items).toHaveLength(25)
    expect(first.position).toEqual(expect.any(String))
    const second = await client.send(new GetRestApisCommand({ position: first.position }))
    expect(second.items).toHaveLength(5)
    expect(second.position).toBeUndefined()
    const names: string[] = []
    for await (const page of paginateGetRestApis({ client, pageSize: 7 }, {})) {
      names.push(...(page.items ?? []).map((a) => a.name as string))
    }
    expect(names).toEqual(Array.from({ length: 30 }, (_, i) => `api-${i}`))
  })

  it('GetResources pages a 300-resource API, limit capped at 500, with embed=methods', async () => {
    const client = clientFor(emu)
    const api = await client.send(new CreateRestApiCommand({ name: 'big' }))
    const restApiId = api.id as string
    emu.defineApi(restApiId, Object.fromEntries(Array.from({ length: 299 }, (_, i) => [`GET /r${i}`, {}])))
    const capped = await client.send(new GetResourcesCommand({ restApiId, limit: 1000 }))
    expect(capped.items).toHaveLength(300)
    expect(capped.position).toBeUndefined()
    const pages: number[] = []
    for await (const page of paginateGetResources({ client }, { restApiId, embed: ['methods'] })) {
      pages.push(page.items?.length ?? 0)
      for (const item of page.items ?? []) {
        if (item.path !== '/') expect(item.resourceMethods?.GET?.methodIntegration?.type).toBe('MOCK')
      }
    }
    expect(pages).toEqual([...Array(12).fill(25)])
    const plain = await client.send(new GetResourcesCommand({ restApiId, limit: 2 }))
    expect(plain.items?.[1]?.resourceMethods).toEqual({ GET: {} })
  })

  it('GetDeployments pages with limit and position; a bad position is a 400', async () => {
    const client = clientFor(emu)
    const { restApiId } = emu.seedSampleApi()
    for (let i = 0; i < 5; i++) await client.send(new CreateDeploymentCommand({ restApiId, description: `d${i}` }))
    const descriptions: string[] = []
    for await (const page of paginateGetDeployments({ client, pageSize: 2 }, { restApiId })) {
      expect((page.items ?? []).length).toBeLessThanOrEqual(2)
      descriptions.push(...(page.items ?? []).map((d) => d.description as string))
    }
    expect(descriptions).toEqual(['d0', 'd1', 'd2', 'd3', 'd4'])
    await expect(client.send(new GetDeploymentsCommand({ restApiId, position: '!!' }))).rejects.toMatchObject({
      name: 'BadRequestException',
    })
  })
})
