import { describe, expect, it } from 'vitest'
import { defaultDescription, readEventPayload, repoRef, runContext } from '../src/runner/context.js'

describe('run context', () => {
  it('builds the run URL (with the attempt after the first) and a description naming commit, ref and run', () => {
    const ctx = runContext({
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_RUN_ID: '7',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_SHA: 'abcdef0123456789',
      GITHUB_REF_NAME: 'main',
    })
    expect(ctx.runUrl).toBe('https://github.com/o/r/actions/runs/7/attempts/2')
    expect(defaultDescription(ctx)).toBe(
      'Deployed by GitHub Actions: o/r@abcdef012345, ref main, run https://github.com/o/r/actions/runs/7/attempts/2',
    )
    expect(defaultDescription(runContext({}))).toBe('Deployed by apigw-stage-action')
  })

  it('reads the event payload and the repository safely', () => {
    expect(readEventPayload('/e.json', () => '{"number":3}')).toEqual({ number: 3 })
    expect(readEventPayload('/e.json', () => 'not json')).toEqual({})
    expect(readEventPayload(undefined, () => '{}')).toEqual({})
    expect(repoRef('o/r')).toEqual({ owner: 'o', repo: 'r' })
    expect(repoRef('')).toBeUndefined()
  })
})
