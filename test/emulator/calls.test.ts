// The call log (`emu.calls`, `writes()`, `clearCalls()`), latency, unknown routes and the wire format.
import { CreateDeploymentCommand, GetStageCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway'
import { afterEach, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from './index.js'
import { clientFor } from './support.js'

describe('call log', () => {
  let emu: Emulator | undefined
  afterEach(async () => {
    await emu?.stop()
    emu = undefined
  })

  it('records operation, method, path, query, parsed body, status, write flag and arrival time', async () => {
    emu = await startEmulator()
    const { restApiId } = emu.seedSampleApi()
    const client = clientFor(emu)
    const before = Date.now()
    await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'dev', description: 'first' }))
    await client.send(new GetStageCommand({ restApiId, stageName: 'dev' }))
    await client
      .send(
        new UpdateStageCommand({
          restApiId,
          stageName: 'dev',
          patchOperations: [{ op: 'replace', path: '/nope', value: 'x' }],
        }),
      )
      .catch(() => undefined)
    expect(emu.calls).toEqual([
      {
        operation: 'CreateDeployment',
        method: 'POST',
        path: `/restapis/${restApiId}/deployments`,
        query: {},
        body: { stageName: 'dev', description: 'first' },
        status: 201,
        write: true,
        at: expect.any(Number),
      },
      expect.objectContaining({ operation: 'GetStage', method: 'GET', status: 200, write: false, body: undefined }),
      expect.objectContaining({
        operation: 'UpdateStage',
        method: 'PATCH',
        status: 400,
        write: true,
        body: { patchOperations: [{ op: 'replace', path: '/nope', value: 'x' }] },
      }),
    ])
    expect(emu.calls[0]?.at).toBeGreaterThanOrEqual(before)
    expect(emu.writes().map((c) => c.operation)).toEqual(['CreateDeployment', 'UpdateStage'])
    emu.clearCalls()
    expect(emu.calls).toEqual([])
  })

  it('records query parameters', async () => {
    emu = await startEmulator()
    const { restApiId } = emu.seedSampleApi()
    await fetch(`${emu.url}/restapis/${restApiId}/resources?limit=2&embed=methods`)
    expect(emu.calls[0]).toMatchObject({ operation: 'GetResources', query: { limit: '2', embed: 'methods' } })
  })

  it('latencyMs delays every response', async () => {
    emu = await startEmulator({ latencyMs: 120 })
    const started = Date.now()
    await fetch(`${emu.url}/restapis`)
    expect(Date.now() - started).toBeGreaterThanOrEqual(110)
  })

  it('answers AWS-shaped errors: status, x-amzn-errortype and {"message"}', async () => {
    emu = await startEmulator()
    const response = await fetch(`${emu.url}/restapis/abc123`)
    expect(response.status).toBe(404)
    expect(response.headers.get('x-amzn-errortype')).toBe('NotFoundException')
    expect(await response.json()).toEqual({ message: 'Invalid API identifier specified 123456789012:abc123' })
  })

  it('logs and refuses routes it does not serve', async () => {
    emu = await startEmulator()
    const response = await fetch(`${emu.url}/vpclinks`, { method: 'POST', body: '{}' })
    expect(response.status).toBe(404)
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException')
    expect(emu.calls[0]).toMatchObject({ operation: 'Unknown', status: 404, write: true })
  })
})
