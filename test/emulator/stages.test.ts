// Stage, deployment and canary behaviour beyond the recordings (reference sections 1–3, 8 and 10).
import {
  type APIGatewayClient,
  CreateDeploymentCommand,
  type CreateDeploymentCommandInput,
  CreateStageCommand,
  DeleteDeploymentCommand,
  DeleteStageCommand,
  FlushStageCacheCommand,
  GetDeploymentCommand,
  GetStageCommand,
  GetStagesCommand,
  type PatchOperation,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator } from './index.js'
import { clientFor } from './support.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('stages, deployments and canaries', () => {
  let emu: Emulator
  let client: APIGatewayClient
  let restApiId: string

  const deploy = async (input: Partial<CreateDeploymentCommandInput> = {}) =>
    (await client.send(new CreateDeploymentCommand({ restApiId, ...input }))).id as string
  const getStage = (stageName = 'prod') => client.send(new GetStageCommand({ restApiId, stageName }))
  const patch = (stageName: string, ...patchOperations: PatchOperation[]) =>
    client.send(new UpdateStageCommand({ restApiId, stageName, patchOperations }))

  beforeEach(async () => {
    emu = await startEmulator()
    client = clientFor(emu)
    restApiId = emu.seedSampleApi().restApiId
  })
  afterEach(async () => {
    await emu.stop()
  })

  describe('CreateDeployment', () => {
    it('without stageName creates a detached deployment', async () => {
      const id = await deploy({ description: 'detached' })
      expect((await client.send(new GetStagesCommand({ restApiId }))).item).toEqual([])
      await expect(client.send(new GetDeploymentCommand({ restApiId, deploymentId: id }))).resolves.toMatchObject({
        id,
        description: 'detached',
      })
    })

    it('creates a missing stage with the stage fields of the request', async () => {
      const id = await deploy({
        stageName: 'prod',
        stageDescription: 'production',
        variables: { backend: 'v1' },
        tracingEnabled: true,
        cacheClusterEnabled: true,
      })
      expect(await getStage()).toMatchObject({
        deploymentId: id,
        description: 'production',
        variables: { backend: 'v1' },
        tracingEnabled: true,
        cacheClusterEnabled: true,
        cacheClusterSize: '0.5',
        cacheClusterStatus: 'AVAILABLE',
      })
    })

    it('re-points an existing stage, updates lastUpdatedDate, and frees the old deployment', async () => {
      const first = await deploy({ stageName: 'prod' })
      const before = await getStage()
      await sleep(5)
      const second = await deploy({ stageName: 'prod' })
      const after = await getStage()
      expect(after.deploymentId).toBe(second)
      expect(after.createdDate).toEqual(before.createdDate)
      expect(after.lastUpdatedDate?.getTime()).toBeGreaterThan(before.lastUpdatedDate?.getTime() ?? 0)
      await expect(client.send(new DeleteDeploymentCommand({ restApiId, deploymentId: first }))).resolves.toMatchObject(
        {
          $metadata: { httpStatusCode: 202 },
        },
      )
    })

    it('merges `variables` into an existing stage by default', async () => {
      await deploy({ stageName: 'prod', variables: { a: '1', b: '2' } })
      await deploy({ stageName: 'prod', variables: { b: '3', c: '4' } })
      expect((await getStage()).variables).toEqual({ a: '1', b: '3', c: '4' })
    })

    it("replaces them with deploymentVariables: 'replace'", async () => {
      const other = await startEmulator({ deploymentVariables: 'replace' })
      try {
        const otherClient = clientFor(other)
        const id = other.seedSampleApi().restApiId
        await otherClient.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'prod', variables: { a: '1' } }))
        await otherClient.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'prod', variables: { c: '4' } }))
        const stage = await otherClient.send(new GetStageCommand({ restApiId: id, stageName: 'prod' }))
        expect(stage.variables).toEqual({ c: '4' })
      } finally {
        await other.stop()
      }
    })

    it('refuses a plain deployment to a stage that has a canary, with the real AWS text', async () => {
      await deploy({ stageName: 'v1' })
      await deploy({ stageName: 'v1', canarySettings: { percentTraffic: 10 } })
      await expect(deploy({ stageName: 'v1' })).rejects.toMatchObject({
        name: 'BadRequestException',
        message:
          'Invalid deployment content specified.Non canary deployment not supported on stage v1 because Canary is enabled. Provide CanarySettings in deploymentInput.',
      })
      expect(emu.state.restApis.get(restApiId)?.deployments.size).toBe(2)
    })

    it('re-points a canary, taking the new percent and overrides and dropping absent override keys', async () => {
      const prod = await deploy({ stageName: 'prod', variables: { v: 'x' } })
      await deploy({
        stageName: 'prod',
        canarySettings: { percentTraffic: 10, stageVariableOverrides: { a: '1', b: '2' } },
      })
      const second = await deploy({
        stageName: 'prod',
        canarySettings: { percentTraffic: 25, stageVariableOverrides: { a: '9' }, useStageCache: true },
      })
      const stage = await getStage()
      expect(stage.deploymentId).toBe(prod)
      expect(stage.variables).toEqual({ v: 'x' })
      expect(stage.canarySettings).toEqual({
        deploymentId: second,
        percentTraffic: 25,
        stageVariableOverrides: { a: '9' },
        useStageCache: true,
      })
    })

    it('validates canary percentTraffic and refuses an API without methods', async () => {
      await deploy({ stageName: 'prod' })
      await expect(deploy({ stageName: 'prod', canarySettings: { percentTraffic: 101 } })).rejects.toMatchObject({
        name: 'BadRequestException',
      })
      emu.defineApi(restApiId, {})
      await expect(deploy()).rejects.toMatchObject({ message: "The REST API doesn't contain any methods" })
    })

    it('GetDeployment embed=apisummary lists path → method → auth type and api key flag', async () => {
      const id = await deploy()
      const deployment = await client.send(
        new GetDeploymentCommand({ restApiId, deploymentId: id, embed: ['apisummary'] }),
      )
      expect(deployment.apiSummary).toEqual({
        '/orders': { ANY: { authorizationType: 'AWS_IAM', apiKeyRequired: false } },
        '/pets': {
          GET: { authorizationType: 'NONE', apiKeyRequired: false },
          POST: { authorizationType: 'NONE', apiKeyRequired: false },
        },
        '/pets/{petId}': {
          GET: { authorizationType: 'NONE', apiKeyRequired: false },
          DELETE: { authorizationType: 'NONE', apiKeyRequired: true },
        },
      })
      const plain = await client.send(new GetDeploymentCommand({ restApiId, deploymentId: id }))
      expect(plain.apiSummary).toBeUndefined()
    })
  })

  describe('DeleteDeployment', () => {
    it('refuses while a canary points at the deployment', async () => {
      await deploy({ stageName: 'prod' })
      const canaryId = await deploy({ stageName: 'prod', canarySettings: { percentTraffic: 5 } })
      await expect(
        client.send(new DeleteDeploymentCommand({ restApiId, deploymentId: canaryId })),
      ).rejects.toMatchObject({
        message: 'Active stages with canary settings pointing to this deployment must be moved or deleted',
      })
      await patch('prod', { op: 'remove', path: '/canarySettings' })
      await client.send(new DeleteDeploymentCommand({ restApiId, deploymentId: canaryId }))
      await expect(client.send(new GetDeploymentCommand({ restApiId, deploymentId: canaryId }))).rejects.toMatchObject({
        name: 'NotFoundException',
        message: 'Invalid Deployment identifier specified',
      })
    })
  })

  describe('CreateStage / GetStage / DeleteStage', () => {
    it('409 on a duplicate, 404 on an unknown stage', async () => {
      const id = await deploy({ stageName: 'prod' })
      await expect(
        client.send(new CreateStageCommand({ restApiId, stageName: 'prod', deploymentId: id })),
      ).rejects.toMatchObject({
        name: 'ConflictException',
        message: 'Stage already exists',
      })
      for (const call of [
        () => getStage('nope'),
        () => patch('nope', { op: 'replace', path: '/description', value: 'x' }),
        () => client.send(new DeleteStageCommand({ restApiId, stageName: 'nope' })),
      ]) {
        await expect(call()).rejects.toMatchObject({
          name: 'NotFoundException',
          message: 'Invalid Stage identifier specified',
        })
      }
    })

    it('validates stage names and variables', async () => {
      const id = await deploy()
      await expect(
        client.send(new CreateStageCommand({ restApiId, stageName: 'bad.name', deploymentId: id })),
      ).rejects.toMatchObject({
        message: 'Stage name only allows a-zA-Z0-9_',
      })
      await client.send(new CreateStageCommand({ restApiId, stageName: 'pr-123', deploymentId: id }))
      await expect(
        client.send(new CreateStageCommand({ restApiId, stageName: 's2', deploymentId: id, variables: { ok: 'a b' } })),
      ).rejects.toMatchObject({
        name: 'BadRequestException',
        message: expect.stringMatching(/^Invalid stage variable value: a b\./),
      })
      await expect(patch('pr-123', { op: 'replace', path: '/variables/bad-name', value: 'x' })).rejects.toMatchObject({
        name: 'BadRequestException',
      })
    })

    it('enforces 10 stages per API on CreateStage and CreateDeployment (400 BadRequestException)', async () => {
      const id = await deploy()
      for (let i = 0; i < 10; i++)
        await client.send(new CreateStageCommand({ restApiId, stageName: `s${i}`, deploymentId: id }))
      await expect(
        client.send(new CreateStageCommand({ restApiId, stageName: 's10', deploymentId: id })),
      ).rejects.toMatchObject({
        name: 'BadRequestException',
        message: expect.stringContaining('Maximum number of stages'),
      })
      await expect(deploy({ stageName: 's10' })).rejects.toMatchObject({ name: 'BadRequestException' })
      await deploy({ stageName: 's3' })
    })

    it('FlushStageCache answers 202', async () => {
      await deploy({ stageName: 'prod' })
      const result = await client.send(new FlushStageCacheCommand({ restApiId, stageName: 'prod' }))
      expect(result.$metadata.httpStatusCode).toBe(202)
      expect(emu.state.restApis.get(restApiId)?.stages.get('prod')?.cacheFlushes).toBe(1)
    })
  })

  describe('UpdateStage', () => {
    beforeEach(async () => {
      await deploy({ stageName: 'prod' })
    })

    it('builds ~1-escaped method-setting keys from AWS defaults, copying */* into new entries only', async () => {
      await patch(
        'prod',
        { op: 'replace', path: '/~1pets~1{petId}/GET/logging/loglevel', value: 'INFO' },
        { op: 'replace', path: '/*/*/throttling/rateLimit', value: '100.000000' },
        { op: 'replace', path: '/~1/GET/caching/ttlInSeconds', value: '60' },
      )
      const stage = await patch('prod', { op: 'replace', path: '/*/*/metrics/enabled', value: 'true' })
      expect(stage.methodSettings?.['~1pets~1{petId}/GET']).toEqual({
        metricsEnabled: false,
        loggingLevel: 'INFO',
        dataTraceEnabled: false,
        throttlingBurstLimit: 5000,
        throttlingRateLimit: 10000,
        cachingEnabled: false,
        cacheTtlInSeconds: 300,
        cacheDataEncrypted: false,
        requireAuthorizationForCacheControl: true,
        unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
      })
      expect(stage.methodSettings?.['~1/GET']).toMatchObject({ throttlingRateLimit: 100, cacheTtlInSeconds: 60 })
      expect(stage.methodSettings?.['*/*']).toMatchObject({ throttlingRateLimit: 100, metricsEnabled: true })
      expect(stage.methodSettings?.['~1/GET']?.metricsEnabled).toBe(false)
    })

    it('rejects ANY as a method-setting method and bad values; removes entries and leaves', async () => {
      await expect(
        patch('prod', { op: 'replace', path: '/~1orders/ANY/caching/enabled', value: 'true' }),
      ).rejects.toMatchObject({
        message: expect.stringMatching(
          /^Invalid method setting path: \/~1orders\/ANY\/caching\/enabled\. Must be one of: \[/,
        ),
      })
      await expect(
        patch('prod', { op: 'replace', path: '/*/*/logging/loglevel', value: 'LOUD' }),
      ).rejects.toMatchObject({
        name: 'BadRequestException',
      })
      await expect(
        patch('prod', { op: 'replace', path: '/*/*/caching/ttlInSeconds', value: '3601' }),
      ).rejects.toMatchObject({
        name: 'BadRequestException',
      })
      await patch('prod', { op: 'replace', path: '/~1pets/GET/throttling/burstLimit', value: '7' })
      let stage = await patch('prod', { op: 'remove', path: '/~1pets/GET/throttling/burstLimit' })
      expect(stage.methodSettings?.['~1pets/GET']?.throttlingBurstLimit).toBe(5000)
      stage = await patch('prod', { op: 'remove', path: '/~1pets/GET' })
      expect(stage.methodSettings).toEqual({})
      await expect(patch('prod', { op: 'remove', path: '/~1pets/GET' })).rejects.toMatchObject({
        message: 'Cannot remove method setting ~1pets/GET because there is no method setting for this method ',
      })
    })

    it('applies operations in order and atomically; updates lastUpdatedDate', async () => {
      const before = await getStage()
      await expect(
        patch(
          'prod',
          { op: 'replace', path: '/description', value: 'changed' },
          { op: 'replace', path: '/deploymentId', value: 'nope' },
        ),
      ).rejects.toMatchObject({ message: 'Deployment id does not exist' })
      expect((await getStage()).description).toBeUndefined()
      await sleep(5)
      const after = await patch(
        'prod',
        { op: 'replace', path: '/variables/a', value: '1' },
        { op: 'replace', path: '/variables/a', value: '2' },
        { op: 'replace', path: '/cacheClusterEnabled', value: 'true' },
        { op: 'replace', path: '/cacheClusterSize', value: '6.1' },
        { op: 'replace', path: '/clientCertificateId', value: 'cert1' },
      )
      expect(after).toMatchObject({
        variables: { a: '2' },
        cacheClusterEnabled: true,
        cacheClusterSize: '6.1',
        cacheClusterStatus: 'AVAILABLE',
        clientCertificateId: 'cert1',
      })
      expect(after.lastUpdatedDate?.getTime()).toBeGreaterThan(before.lastUpdatedDate?.getTime() ?? 0)
      const removed = await patch('prod', { op: 'remove', path: '/variables/a' })
      expect(removed.variables).toBeUndefined()
      await expect(patch('prod', { op: 'replace', path: '/cacheClusterSize', value: '2' })).rejects.toMatchObject({
        name: 'BadRequestException',
      })
    })

    it('promotes a canary with the documented recipe, then a plain deploy works after removing it', async () => {
      await patch('prod', { op: 'replace', path: '/variables/backend', value: 'blue' })
      const canaryId = await deploy({
        stageName: 'prod',
        canarySettings: { percentTraffic: 10, stageVariableOverrides: { backend: 'green', extra: 'x' } },
      })
      await patch(
        'prod',
        { op: 'replace', path: '/canarySettings/percentTraffic', value: '25.5' },
        { op: 'replace', path: '/canarySettings/useStageCache', value: 'true' },
        { op: 'remove', path: '/canarySettings/stageVariableOverrides/extra' },
      )
      const promoted = await patch(
        'prod',
        { op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' },
        { op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' },
        { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
      )
      expect(promoted).toMatchObject({
        deploymentId: canaryId,
        variables: { backend: 'green' },
        canarySettings: {
          deploymentId: canaryId,
          percentTraffic: 0,
          stageVariableOverrides: { backend: 'green' },
          useStageCache: true,
        },
      })
      await expect(deploy({ stageName: 'prod' })).rejects.toMatchObject({ name: 'BadRequestException' })
      const done = await patch('prod', { op: 'remove', path: '/canarySettings' })
      expect(done.canarySettings).toBeUndefined()
      await deploy({ stageName: 'prod' })
    })
  })

  describe('snapshots', () => {
    it('a stage keeps serving its deployment snapshot while the API changes, until re-pointed', async () => {
      const v1 = await deploy({ stageName: 'prod' })
      emu.defineApi(restApiId, { 'GET /v2/items': { lambda: 'items' } })
      const v2 = await deploy({ stageName: 'staging' })
      const paths = (id: string) =>
        emu.state.restApis
          .get(restApiId)
          ?.deployments.get(id)
          ?.snapshot.resources.filter((r) => Object.keys(r.methods).length > 0)
          .map((r) => r.path)
      expect(paths(v1)).toEqual(['/pets', '/pets/{petId}', '/orders'])
      expect(paths(v2)).toEqual(['/v2/items'])
      const promoted = await patch('prod', { op: 'replace', path: '/deploymentId', value: v2 })
      expect(promoted.deploymentId).toBe(v2)
    })
  })
})
