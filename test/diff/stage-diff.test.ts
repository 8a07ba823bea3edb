import { describe, expect, it } from 'vitest'
import { diffStages, diffVariables, methodSettingLabel } from '../../src/diff/stage-diff.js'
import { stageState } from '../fixtures/report-fixtures.js'

describe('diffStages', () => {
  it('reports nothing for identical stages', () => {
    const diff = diffStages(stageState(), stageState())
    expect(diff).toEqual({
      stageName: 'pr-42',
      change: 'unchanged',
      canary: { change: 'none', overrides: { added: [], removed: [], changed: [] } },
      variables: { added: [], removed: [], changed: [] },
      settings: [],
      changed: false,
    })
  })

  it('ignores lastUpdatedDate, createdDate, tags and cache cluster status', () => {
    const after = stageState({
      lastUpdatedDate: '2030-01-01T00:00:00Z',
      createdDate: '2030-01-01T00:00:00Z',
      tags: { team: 'pets' },
      cacheClusterStatus: 'AVAILABLE',
    })
    expect(diffStages(stageState(), after).changed).toBe(false)
  })

  it('reports a created stage with its deployment and variables', () => {
    const diff = diffStages(undefined, stageState())
    expect(diff.change).toBe('created')
    expect(diff.changed).toBe(true)
    expect(diff.deploymentId).toEqual({ after: 'dep111' })
    expect(diff.variables.added.map((v) => v.name)).toEqual(['backendAlias', 'logLevel'])
    expect(diff.settings).toEqual([])
  })

  it('reports a deleted stage', () => {
    const diff = diffStages(stageState(), undefined)
    expect(diff.change).toBe('deleted')
    expect(diff.deploymentId).toEqual({ before: 'dep111' })
    expect(diff.variables.removed.map((v) => v.name)).toEqual(['backendAlias', 'logLevel'])
  })

  it('reports the deployment id change', () => {
    const diff = diffStages(stageState(), stageState({ deploymentId: 'dep222' }))
    expect(diff.change).toBe('updated')
    expect(diff.deploymentId).toEqual({ before: 'dep111', after: 'dep222' })
  })

  it('reports variables added, removed and changed, sorted, keeping values for the renderer', () => {
    const diff = diffVariables(
      { b: '1', a: '1', gone: 'x', same: 's' },
      { same: 's', a: '2', zz: 'new', b: '1', aa: 'new' },
    )
    expect(diff).toEqual({
      added: [
        { name: 'aa', after: 'new' },
        { name: 'zz', after: 'new' },
      ],
      removed: [{ name: 'gone', before: 'x' }],
      changed: [{ name: 'a', before: '1', after: '2' }],
    })
  })

  it('treats an empty value as a value', () => {
    expect(diffVariables({ a: '' }, { a: 'x' }).changed).toEqual([{ name: 'a', before: '', after: 'x' }])
    expect(diffVariables({}, { a: '' }).added).toEqual([{ name: 'a', after: '' }])
  })

  it('reports a canary added, with its override names', () => {
    const after = stageState({
      canary: {
        deploymentId: 'dep333',
        percentTraffic: 10,
        stageVariableOverrides: { backendAlias: 'canary' },
        useStageCache: false,
      },
    })
    const diff = diffStages(stageState(), after)
    expect(diff.canary).toEqual({
      change: 'added',
      after: { deploymentId: 'dep333', percentTraffic: 10, useStageCache: false },
      overrides: { added: [{ name: 'backendAlias', after: 'canary' }], removed: [], changed: [] },
    })
    expect(diff.deploymentId).toBeUndefined()
    expect(diff.changed).toBe(true)
  })

  it('reports a canary ramp and re-point', () => {
    const canary = {
      deploymentId: 'dep333',
      percentTraffic: 10,
      stageVariableOverrides: { a: '1' },
      useStageCache: false,
    }
    const diff = diffStages(
      stageState({ canary }),
      stageState({ canary: { ...canary, deploymentId: 'dep444', percentTraffic: 50, useStageCache: true } }),
    )
    expect(diff.canary.change).toBe('changed')
    expect(diff.canary.percentTraffic).toEqual({ before: 10, after: 50 })
    expect(diff.canary.deploymentId).toEqual({ before: 'dep333', after: 'dep444' })
    expect(diff.canary.useStageCache).toEqual({ before: false, after: true })
  })

  it('reports a canary removed (promote or rollback)', () => {
    const canary = { deploymentId: 'dep333', percentTraffic: 10, stageVariableOverrides: {}, useStageCache: false }
    const diff = diffStages(stageState({ canary }), stageState({ deploymentId: 'dep333' }))
    expect(diff.canary.change).toBe('removed')
    expect(diff.canary.before).toEqual({ deploymentId: 'dep333', percentTraffic: 10, useStageCache: false })
    expect(diff.deploymentId).toEqual({ before: 'dep111', after: 'dep333' })
  })

  it('reports settings per method-settings key and stage-level settings, in a stable order', () => {
    const before = stageState({
      methodSettings: {
        '~1pets/GET': { cachingEnabled: false },
        '*/*': { metricsEnabled: true, loggingLevel: 'ERROR', throttlingRateLimit: 100, throttlingBurstLimit: 50 },
      },
    })
    const after = stageState({
      description: 'new description',
      cacheClusterEnabled: true,
      cacheClusterSize: '0.5',
      tracingEnabled: true,
      clientCertificateId: 'cert1',
      accessLogSettings: {
        destinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:api',
        format: '$context.requestId',
      },
      methodSettings: {
        '*/*': { metricsEnabled: true, loggingLevel: 'INFO', throttlingRateLimit: 200, throttlingBurstLimit: 50 },
        '~1pets~1{petId}/DELETE': { throttlingRateLimit: 1 },
        '~1pets/GET': { cachingEnabled: true, cacheTtlInSeconds: 60 },
      },
    })
    const diff = diffStages(before, after)
    expect(diff.settings).toEqual([
      { scope: 'stage', setting: 'description', before: 'pr-42 preview', after: 'new description' },
      { scope: 'stage', setting: 'cacheClusterEnabled', before: false, after: true },
      { scope: 'stage', setting: 'cacheClusterSize', after: '0.5' },
      { scope: 'stage', setting: 'tracingEnabled', before: false, after: true },
      { scope: 'stage', setting: 'clientCertificateId', after: 'cert1' },
      {
        scope: 'stage',
        setting: 'accessLogSettings.destinationArn',
        after: 'arn:aws:logs:us-east-1:123456789012:log-group:api',
      },
      { scope: 'stage', setting: 'accessLogSettings.format', after: '$context.requestId' },
      { scope: '*/*', setting: 'throttlingRateLimit', before: 100, after: 200 },
      { scope: '*/*', setting: 'loggingLevel', before: 'ERROR', after: 'INFO' },
      { scope: '~1pets/GET', setting: 'cachingEnabled', before: false, after: true },
      { scope: '~1pets/GET', setting: 'cacheTtlInSeconds', after: 60 },
      { scope: '~1pets~1{petId}/DELETE', setting: 'throttlingRateLimit', after: 1 },
    ])
    expect(diff.change).toBe('updated')
  })
})

describe('methodSettingLabel', () => {
  it.each([
    ['*/*', 'all methods'],
    ['stage', 'stage'],
    ['~1pets/GET', 'GET /pets'],
    ['~1pets~1{petId}/DELETE', 'DELETE /pets/{petId}'],
    ['~1a~0b/*', 'all methods /a~b'],
  ])('%s → %s', (key, label) => {
    expect(methodSettingLabel(key)).toBe(label)
  })
})
