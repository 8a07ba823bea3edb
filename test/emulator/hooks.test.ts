// Hooks: a foreign change injected right after a successful call (in process, or through the control surface),
// e.g. another pipeline's import between this run's PutRestApi and its CreateDeployment.
import {
  type APIGatewayClient,
  CreateDeploymentCommand,
  GetExportCommand,
  PutRestApiCommand,
} from '@aws-sdk/client-api-gateway'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bodyOf, type Doc, failure, mockOperation, oas30 } from './definition-support.js'
import { type Emulator, startEmulator } from './index.js'
import { clientFor } from './support.js'

const MINE = oas30('shop', { '/mine': { get: mockOperation() } })
const FOREIGN = oas30('shop', { '/theirs': { get: mockOperation() } })

describe('hooks', () => {
  let emu: Emulator
  let client: APIGatewayClient
  let restApiId: string

  beforeEach(async () => {
    emu = await startEmulator()
    client = clientFor(emu)
    restApiId = emu.importDefinition(oas30('shop', { '/start': { get: mockOperation() } })).restApiId
  })
  afterEach(async () => {
    await emu.stop()
  })

  const put = (definition: Doc) =>
    client.send(new PutRestApiCommand({ restApiId, body: bodyOf(definition), mode: 'overwrite' }))
  /** Imports MINE and deploys it, as one run of the action would; returns the deployed paths. */
  async function importAndDeploy(): Promise<string[]> {
    await put(MINE)
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    const exported = await client.send(new GetExportCommand({ restApiId, stageName: 'prod', exportType: 'oas30' }))
    return Object.keys(JSON.parse(new TextDecoder().decode(exported.body)).paths)
  }

  it('after(PutRestApi): a foreign import lands before this run deploys, once; it is not logged', async () => {
    emu.hooks.after('PutRestApi', () => emu.putDefinition(restApiId, FOREIGN, { mode: 'overwrite' }), { times: 1 })
    expect(emu.hooks.pending()).toEqual([{ operation: 'PutRestApi', times: 1 }])
    expect(await importAndDeploy()).toEqual(['/theirs'])
    expect(emu.hooks.pending()).toEqual([])
    expect(emu.writes().map((c) => c.operation)).toEqual(['PutRestApi', 'CreateDeployment'])
    expect(await importAndDeploy()).toEqual(['/mine'])
  })

  it('fires only after a successful call and gets the state and the call', async () => {
    const seen: string[] = []
    emu.hooks.after('PutRestApi', (state, call) => seen.push(`${call.status} ${state.restApis.get(restApiId)?.name}`))
    expect(await failure(put({ swagger: '1.0' }))).toMatchObject({ status: 400 })
    expect(seen).toEqual([])
    await put(oas30('renamed', { '/mine': { get: mockOperation() } }))
    expect(seen).toEqual(['200 renamed'])
  })

  it('a hook that throws is recorded; the call it followed still succeeds', async () => {
    emu.hooks.after('PutRestApi', () => {
      throw new Error('hook broke')
    })
    await expect(put(MINE)).resolves.toMatchObject({ name: 'shop' })
    expect(emu.hooks.failures().map((e) => e.message)).toEqual(['hook broke'])
    emu.hooks.after('PutRestApi', () => undefined, { times: Number.POSITIVE_INFINITY })
    emu.hooks.clear()
    expect(emu.hooks.pending()).toEqual([])
  })

  it('control surface: POST /__emulator/hooks imports a definition into the API the call named', async () => {
    const control = `${emu.url}/__emulator/hooks`
    const spec = { after: 'PutRestApi', times: -1, putRestApi: { body: JSON.stringify(FOREIGN), mode: 'overwrite' } }
    expect((await fetch(control, { method: 'POST', body: JSON.stringify(spec) })).status).toBe(204)
    expect(await (await fetch(control)).json()).toEqual({ hooks: [{ operation: 'PutRestApi', times: -1 }] })
    expect(await importAndDeploy()).toEqual(['/theirs'])
    expect(await importAndDeploy()).toEqual(['/theirs'])
    expect((await fetch(control, { method: 'DELETE' })).status).toBe(204)
    expect(await importAndDeploy()).toEqual(['/mine'])
  })
})
