import { describe, expect, it } from 'vitest'
import type { ActionInputs } from '../../src/inputs/types.js'
import type { MethodSettingValues, ReadState } from '../../src/model/state.js'
import { basePathMappingCalls, usagePlanCalls, withConfiguration } from '../../src/plan/configure.js'
import { PlanRefusal, plan } from '../../src/plan/index.js'
import type { Plan } from '../../src/plan/types.js'
import { NEW_DEPLOYMENT_ID } from '../../src/plan/types.js'
import { actionInputs, stageState } from '../fixtures/action-inputs.js'
import { configuredState, manyResources, mapping, petStoreResources, usagePlan } from '../fixtures/resources.js'

const description = 'd'
const API = 'a1b2c3d4e5'
const run = (inputs: Partial<ActionInputs>, state: ReadState): Plan =>
  plan({ inputs: actionInputs(inputs), state, description })
const metrics = { settings: { defaults: { metricsEnabled: true } } }
const metricsOp = { op: 'replace', path: '/*/*/metrics/enabled', value: 'true' }
const domain = { name: 'api.example.com', basePath: 'v1', repoint: false }

describe('withConfiguration: stage settings in the plan', () => {
  it('leaves a plan untouched when no configuration input is set', () => {
    const ctx = { inputs: actionInputs(), state: configuredState(stageState()), description }
    const base: Plan = {
      operation: 'deploy',
      restApiId: API,
      stageName: 'staging',
      calls: [{ action: 'CreateDeployment', restApiId: API, stageName: 'staging', description }],
      expected: { variables: {}, absentVariables: [] },
      notes: ['x'],
    }
    expect(withConfiguration(base, ctx)).toEqual(base)
  })

  it('new stage: a settings UpdateStage follows the CreateDeployment that creates the stage', () => {
    const p = run(metrics, configuredState(undefined))
    expect(p.calls).toEqual([
      { action: 'CreateDeployment', restApiId: API, stageName: 'staging', description },
      { action: 'UpdateStage', restApiId: API, stageName: 'staging', patchOperations: [metricsOp] },
    ])
  })

  it("merges into the deploy's own UpdateStage, whose operations stay first", () => {
    const p = run({ ...metrics, variables: { a: '1' } }, configuredState(stageState()))
    expect(p.calls.map((c) => c.action)).toEqual(['CreateDeployment', 'UpdateStage', 'TagResource'])
    expect(p.calls[1]).toEqual({
      action: 'UpdateStage',
      restApiId: API,
      stageName: 'staging',
      patchOperations: [
        { op: 'replace', path: '/deploymentId', value: NEW_DEPLOYMENT_ID },
        { op: 'replace', path: '/variables/a', value: '1' },
        metricsOp,
      ],
    })
  })

  it('existing stage, no variable change: the settings UpdateStage comes after the deployment and its tag', () => {
    const p = run(metrics, configuredState(stageState()))
    expect(p.calls.map((c) => c.action)).toEqual(['CreateDeployment', 'TagResource', 'UpdateStage'])
  })

  it('canary deploy: settings go in their own UpdateStage after the canary CreateDeployment', () => {
    const p = run(
      { ...metrics, canary: { percent: 10, variables: {}, removeVariables: [] } },
      configuredState(stageState()),
    )
    expect(p.calls.map((c) => c.action)).toEqual(['CreateDeployment', 'UpdateStage'])
  })

  it('promote-canary: settings join the promotion UpdateStage after its operations', () => {
    const canary = { deploymentId: 'dep2', percentTraffic: 10, stageVariableOverrides: {}, useStageCache: false }
    const p = run({ ...metrics, operation: 'promote-canary' }, configuredState(stageState({ canary })))
    // The promotion's tags come first, then its one UpdateStage, which the settings join.
    expect(p.calls.map((c) => c.action)).toEqual(['TagResource', 'UpdateStage'])
    const update = p.calls[1]
    if (update?.action !== 'UpdateStage') throw new Error('expected UpdateStage')
    expect(update.patchOperations.at(-1)).toEqual(metricsOp)
    expect(update.patchOperations[0]).toEqual({ op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' })
  })

  it('a merged UpdateStage stays within 80 operations; the rest follow in further calls', () => {
    const resources = manyResources(20)
    const all: MethodSettingValues = {
      metricsEnabled: true,
      loggingLevel: 'INFO',
      dataTraceEnabled: true,
      throttlingBurstLimit: 1,
      throttlingRateLimit: 1,
      cachingEnabled: true,
      cacheTtlInSeconds: 1,
      cacheDataEncrypted: true,
      requireAuthorizationForCacheControl: false,
      unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403',
    }
    const p = run(
      {
        variables: { a: '1' },
        methodSettings: resources.map((r) => ({ httpMethod: 'GET', resourcePath: r.path, settings: all })),
      },
      configuredState(stageState(), { resources }),
    )
    expect(p.calls.map((c) => (c.action === 'UpdateStage' ? c.patchOperations.length : c.action))).toEqual([
      'CreateDeployment',
      80,
      'TagResource',
      80,
      42,
    ])
  })

  it.each(['delete', 'rollback-canary'] as const)('%s: configuration inputs are ignored, with a note', (operation) => {
    const canary = { deploymentId: 'dep2', percentTraffic: 10, stageVariableOverrides: {}, useStageCache: false }
    const p = run(
      { ...metrics, operation, domain, usagePlanIds: ['p1'] },
      configuredState(stageState({ stageName: 'pr-1', canary }), { domain: { exists: false } }),
    )
    expect(p.calls.map((c) => c.action)).toEqual([operation === 'delete' ? 'DeleteStage' : 'UpdateStage'])
    expect(p.notes.at(-1)).toContain(`ignored by operation '${operation}'`)
  })
})

describe('withConfiguration: base path mapping', () => {
  it('refuses a custom domain that does not exist, before any call', () => {
    expect(() => run({ domain }, configuredState(stageState(), { domain: { exists: false } }))).toThrow(
      "Input 'domain-name': custom domain 'api.example.com' does not exist in region us-east-1 of this account.",
    )
  })

  it('creates a missing mapping after the stage calls', () => {
    const p = run({ ...metrics, domain }, configuredState(undefined, { domain: { exists: true } }))
    expect(p.calls.map((c) => c.action)).toEqual(['CreateDeployment', 'UpdateStage', 'CreateBasePathMapping'])
    expect(p.calls[2]).toEqual({
      action: 'CreateBasePathMapping',
      domainName: 'api.example.com',
      basePath: 'v1',
      restApiId: API,
      stageName: 'staging',
    })
  })

  it('does nothing when the mapping already points at this stage', () => {
    const p = run(
      { domain, operation: 'promote' },
      configuredState(stageState(), { domain: { exists: true, mapping: mapping() } }),
    )
    expect(p.calls).toEqual([])
    expect(p.notes.join(' ')).toContain('already maps to this stage')
  })

  it('refuses to re-point a mapping that belongs to another API or stage', () => {
    const state = configuredState(stageState(), {
      domain: { exists: true, mapping: mapping({ restApiId: 'other12345', stage: 'prod' }) },
    })
    expect(() => run({ domain }, state)).toThrow(PlanRefusal)
    expect(() => run({ domain }, state)).toThrow(
      "Input 'base-path': the custom domain 'api.example.com' base path 'v1' already maps to API other12345 stage 'prod', " +
        "not to API a1b2c3d4e5 stage 'staging'.",
    )
    // It names the input that does it, and does not claim who created the mapping (issue 12).
    expect(() => run({ domain }, state)).toThrow("set 'repoint-base-path: true'")
    expect(() => run({ domain }, state)).not.toThrow('did not create')
  })

  it('re-points only the fields that differ when allowed', () => {
    const state = configuredState(stageState(), { domain: { exists: true, mapping: mapping({ stage: 'prod' }) } })
    expect(basePathMappingCalls({ ...domain, repoint: true }, state, API, 'staging').calls).toEqual([
      {
        action: 'UpdateBasePathMapping',
        domainName: 'api.example.com',
        basePath: 'v1',
        restApiId: API,
        stageName: 'staging',
        patchOperations: [{ op: 'replace', path: '/stage', value: 'staging' }],
      },
    ])
    const other = configuredState(stageState(), {
      domain: { exists: true, mapping: mapping({ restApiId: 'other12345', stage: 'prod' }) },
    })
    expect(basePathMappingCalls({ ...domain, repoint: true }, other, API, 'staging').calls[0]).toMatchObject({
      patchOperations: [
        { op: 'replace', path: '/restapiId', value: API },
        { op: 'replace', path: '/stage', value: 'staging' },
      ],
    })
  })

  it('maps the empty base path as (none)', () => {
    const p = run(
      { domain: { name: 'api.example.com', basePath: '(none)', repoint: false }, operation: 'promote' },
      configuredState(stageState(), { domain: { exists: true } }),
    )
    expect(p.calls).toEqual([
      {
        action: 'CreateBasePathMapping',
        domainName: 'api.example.com',
        basePath: '(none)',
        restApiId: API,
        stageName: 'staging',
      },
    ])
  })
})

describe('withConfiguration: usage plans', () => {
  it('refuses unknown plan ids before any write, naming them', () => {
    const state = configuredState(stageState(), { usagePlans: [usagePlan('p1')] })
    expect(() => run({ ...metrics, usagePlanIds: ['p1', 'nope', 'gone'] }, state)).toThrow(
      "Input 'usage-plan-ids': no usage plan 'nope', 'gone' in region us-east-1 of this account",
    )
  })

  it('adds the stage only to the plans that lack it, one call per plan, leaving other stages alone', () => {
    const state = configuredState(stageState(), {
      usagePlans: [
        usagePlan('p1', [{ apiId: 'other', stage: 'prod' }]),
        usagePlan('p2', [{ apiId: API, stage: 'staging' }]),
        usagePlan('p3', [{ apiId: API, stage: 'prod' }]),
      ],
    })
    const p = run({ usagePlanIds: ['p1', 'p2', 'p3', 'p1'], operation: 'promote' }, state)
    expect(p.calls).toEqual([
      {
        action: 'UpdateUsagePlan',
        usagePlanId: 'p1',
        restApiId: API,
        stageName: 'staging',
        patchOperations: [{ op: 'add', path: '/apiStages', value: `${API}:staging` }],
      },
      {
        action: 'UpdateUsagePlan',
        usagePlanId: 'p3',
        restApiId: API,
        stageName: 'staging',
        patchOperations: [{ op: 'add', path: '/apiStages', value: `${API}:staging` }],
      },
    ])
    expect(p.notes.join(' ')).toContain('already includes this stage')
    expect(p.notes.join(' ')).toContain('1 UpdateUsagePlan per 20 seconds')
  })

  it('usage plan calls come last, after the stage exists and the mapping', () => {
    const p = run(
      { ...metrics, domain, usagePlanIds: ['p1'] },
      configuredState(undefined, { domain: { exists: true }, usagePlans: [usagePlan('p1')] }),
    )
    expect(p.calls.map((c) => c.action)).toEqual([
      'CreateDeployment',
      'UpdateStage',
      'CreateBasePathMapping',
      'UpdateUsagePlan',
    ])
  })

  it('usagePlanCalls plans nothing for no ids', () => {
    expect(usagePlanCalls([], configuredState(stageState()), API, 'staging')).toEqual({ calls: [], notes: [] })
  })
})

describe('withConfiguration: a re-run converges', () => {
  it('the second run adds no UpdateStage, mapping or usage plan call', () => {
    const inputs: Partial<ActionInputs> = {
      operation: 'promote',
      settings: { defaults: { throttlingBurstLimit: 100 }, tracingEnabled: true },
      methodSettings: [{ httpMethod: 'GET', resourcePath: '/pets/{petId}', settings: { cacheTtlInSeconds: 30 } }],
      domain,
      usagePlanIds: ['p1'],
    }
    const first = run(
      inputs,
      configuredState(stageState(), {
        resources: petStoreResources,
        domain: { exists: true },
        usagePlans: [usagePlan('p1')],
      }),
    )
    expect(first.calls.map((c) => c.action)).toEqual(['UpdateStage', 'CreateBasePathMapping', 'UpdateUsagePlan'])
    const after = stageState({
      tracingEnabled: true,
      methodSettings: {
        '*/*': { throttlingBurstLimit: 100, throttlingRateLimit: 10000, cacheTtlInSeconds: 300 },
        '~1pets~1{petId}/GET': { throttlingBurstLimit: 100, cacheTtlInSeconds: 30 },
      },
    })
    const second = run(
      inputs,
      configuredState(after, {
        resources: petStoreResources,
        domain: { exists: true, mapping: mapping() },
        usagePlans: [usagePlan('p1', [{ apiId: API, stage: 'staging' }])],
      }),
    )
    expect(second.calls).toEqual([])
  })
})
