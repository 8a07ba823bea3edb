import { describe, expect, it } from 'vitest'
import type { ActionInputs } from '../../src/inputs/types.js'
import type { Plan } from '../../src/plan/types.js'
import { reportStatus } from '../../src/report/build.js'
import { boundedDiffJson } from '../../src/report/diff-json-output.js'
import { diffSources, stageToPrefetch } from '../../src/report/diff-sources.js'
import { actionInputs, readState, stageState } from '../fixtures/action-inputs.js'

const planWith = (n: number): Plan => ({
  operation: 'deploy',
  restApiId: 'a1b2c3d4e5',
  stageName: 'staging',
  calls: Array.from({ length: n }, () => ({ action: 'DeleteStage', restApiId: 'a', stageName: 's' }) as const),
  expected: { variables: {}, absentVariables: [] },
  notes: [],
})

describe('what the API diff compares', () => {
  it('a deploy compares the stage before and after; unchanged runs read it once', () => {
    const state = readState(stageState({ deploymentId: 'dep1' }))
    expect(diffSources(actionInputs(), state, planWith(2))).toEqual({
      kind: 'diff',
      baseline: { kind: 'previous', deploymentId: 'dep1' },
      before: { kind: 'stage', stageName: 'staging' },
      after: { kind: 'stage', stageName: 'staging' },
    })
    expect(diffSources(actionInputs(), state, planWith(0))).not.toHaveProperty('after')
    expect(stageToPrefetch(actionInputs())).toBe('staging')
  })

  it('diff-against compares with another stage', () => {
    const inputs = actionInputs({ stage: 'pr-1', diffAgainst: { kind: 'stage', stage: 'staging' } })
    expect(diffSources(inputs, readState(), planWith(1))).toMatchObject({
      baseline: { kind: 'stage', stageName: 'staging' },
      before: { kind: 'stage', stageName: 'staging' },
      after: { kind: 'stage', stageName: 'pr-1' },
    })
    expect(stageToPrefetch(inputs)).toBe('staging')
  })

  it('a canary compares its deployment with production by route summary', () => {
    const inputs = actionInputs({ canary: { percent: 10, variables: {}, removeVariables: [] } })
    expect(diffSources(inputs, readState(stageState({ deploymentId: 'dep1' })), planWith(1))).toEqual({
      kind: 'diff',
      baseline: { kind: 'production', deploymentId: 'dep1' },
      before: { kind: 'deployment', deploymentId: 'dep1' },
      after: 'canary',
    })
    expect(stageToPrefetch(inputs)).toBeUndefined()
  })

  it('a dry-run promotion compares with the source stage; other dry runs and deletes have no diff', () => {
    const promote = actionInputs({ operation: 'promote', promoteFrom: 'staging', dryRun: true, stage: 'prod' })
    expect(diffSources(promote, readState(stageState({ stageName: 'prod' })), planWith(1))).toMatchObject({
      after: { kind: 'stage', stageName: 'staging' },
    })
    expect(diffSources(actionInputs({ dryRun: true }), readState(), planWith(1)).kind).toBe('unavailable')
    expect(diffSources(actionInputs({ operation: 'delete' }), readState(), planWith(1)).kind).toBe('unavailable')
  })
})

describe('report status', () => {
  const status = (inputs: Partial<ActionInputs>, calls = 1, failed = false) =>
    reportStatus(actionInputs(inputs), planWith(calls), failed)
  it.each([
    [{}, 'deployed'],
    [{ canary: { percent: 5, variables: {}, removeVariables: [] } }, 'canary'],
    [{ operation: 'promote', promoteFrom: 'staging' }, 'promoted'],
    [{ operation: 'promote' }, 'updated'],
    [{ operation: 'promote-canary' }, 'promoted'],
    [{ operation: 'rollback' }, 'rolled-back'],
    [{ operation: 'delete' }, 'deleted'],
    [{ dryRun: true }, 'planned'],
  ] as Array<[Partial<ActionInputs>, string]>)('%o → %s', (inputs, expected) => {
    expect(status(inputs)).toBe(expected)
  })
  it('no calls is unchanged, a failure is failed', () => {
    expect(status({}, 0)).toBe('unchanged')
    expect(status({}, 1, true)).toBe('failed')
  })
})

describe('diff-json output', () => {
  it('drops the operation lists above 256 KB and says so', () => {
    const op = { method: 'GET', path: `/${'x'.repeat(200)}` }
    const json = {
      apiChanges: {
        available: true,
        baseline: { kind: 'previous' },
        counts: {},
        added: Array.from({ length: 2000 }, () => op),
        removed: [],
        changed: [],
        apiLevel: [],
      },
    } as unknown as Parameters<typeof boundedDiffJson>[0]
    const out = JSON.parse(boundedDiffJson(json)) as { apiChanges: { added: unknown[]; truncated: string } }
    expect(out.apiChanges.added).toEqual([])
    expect(out.apiChanges.truncated).toContain('2000 added')
    const small = { ...json, apiChanges: { ...json.apiChanges, added: [op] } } as typeof json
    expect(boundedDiffJson(small)).toBe(JSON.stringify(small))
  })
})
