import { describe, expect, it } from 'vitest'
import { plan } from '../../src/plan/index.js'
import { actionInputs, readState, stageState } from '../fixtures/action-inputs.js'

const now = Date.parse('2026-06-30T00:00:00Z')
const mapping = (basePath: string, stage: string, restApiId = 'a1b2c3d4e5') => ({
  domainName: 'api.example.com',
  basePath,
  restApiId,
  stage,
})

describe('delete', () => {
  it('removes only the mappings that point at the stage, then the stage', () => {
    const state = {
      ...readState(stageState({ stageName: 'pr-3' })),
      stageMappings: [mapping('pr-3', 'pr-3'), mapping('docs', 'pr-3', 'other0000a')],
    }
    const p = plan({ inputs: actionInputs({ stage: 'pr-3', operation: 'delete' }), state, description: '', now })
    expect(p.calls).toEqual([
      { action: 'DeleteBasePathMapping', domainName: 'api.example.com', basePath: 'pr-3' },
      { action: 'DeleteStage', restApiId: 'a1b2c3d4e5', stageName: 'pr-3' },
    ])
    expect(p.expected.deleted).toBe(true)
  })

  it('is a no-op for a stage that is already gone', () => {
    const p = plan({
      inputs: actionInputs({ stage: 'pr-3', operation: 'delete' }),
      state: readState(),
      description: '',
      now,
    })
    expect(p.calls).toEqual([])
  })
})

describe('prune-previews-older-than', () => {
  it('deletes idle previews (and their mappings) before the deploy, never the target', () => {
    const old = '2026-05-01T00:00:00Z'
    const recent = '2026-06-29T00:00:00Z'
    const state = {
      ...readState(stageState({ stageName: 'pr-9', lastUpdatedDate: old })),
      previewStages: [
        stageState({ stageName: 'pr-1', lastUpdatedDate: old }),
        stageState({ stageName: 'pr-2', lastUpdatedDate: recent }),
        stageState({ stageName: 'pr-9', lastUpdatedDate: old }),
      ],
      stageMappings: [mapping('pr-1', 'pr-1')],
    }
    const p = plan({
      inputs: actionInputs({ stage: 'pr-9', prunePreviewsOlderThanDays: 14 }),
      state,
      description: 'd',
      now,
    })
    expect(p.calls.slice(0, 2)).toEqual([
      { action: 'DeleteBasePathMapping', domainName: 'api.example.com', basePath: 'pr-1' },
      { action: 'DeleteStage', restApiId: 'a1b2c3d4e5', stageName: 'pr-1' },
    ])
    expect(p.calls[2]).toMatchObject({ action: 'CreateDeployment', stageName: 'pr-9' })
    expect(p.notes[0]).toContain('pr-1 (last updated 2026-05-01)')
  })
})
