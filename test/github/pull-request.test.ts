import { describe, expect, it } from 'vitest'
import { resolvePullRequestNumber } from '../../src/github/pull-request.js'

describe('resolvePullRequestNumber', () => {
  it.each([
    ['pull_request', { pull_request: { number: 7 } }],
    ['pull_request_target', { pull_request: { number: 7 }, repository: {} }],
  ])('%s → the pull request of the event', (eventName, payload) => {
    expect(resolvePullRequestNumber({ eventName, payload })).toEqual({ number: 7, source: 'pull_request' })
  })

  it('push with an explicit pr-number input', () => {
    expect(resolvePullRequestNumber({ eventName: 'push', payload: { ref: 'refs/heads/main' } }, 12)).toEqual({
      number: 12,
      source: 'input',
    })
  })

  it('an explicit input wins over the event', () => {
    expect(
      resolvePullRequestNumber({ eventName: 'pull_request', payload: { pull_request: { number: 7 } } }, 9),
    ).toEqual({
      number: 9,
      source: 'input',
    })
  })

  it('issue_comment on a pull request', () => {
    const payload = { issue: { number: 5, pull_request: { url: 'https://api.github.com/repos/o/r/pulls/5' } } }
    expect(resolvePullRequestNumber({ eventName: 'issue_comment', payload })).toEqual({
      number: 5,
      source: 'issue_comment',
    })
  })

  it('issue_comment on a plain issue has no pull request', () => {
    const result = resolvePullRequestNumber({ eventName: 'issue_comment', payload: { issue: { number: 5 } } })
    expect(result.number).toBeUndefined()
  })

  it('workflow_run triggered by exactly one pull request', () => {
    const payload = { workflow_run: { pull_requests: [{ number: 3 }] } }
    expect(resolvePullRequestNumber({ eventName: 'workflow_run', payload })).toEqual({
      number: 3,
      source: 'workflow_run',
    })
    const ambiguous = { workflow_run: { pull_requests: [{ number: 3 }, { number: 4 }] } }
    expect(resolvePullRequestNumber({ eventName: 'workflow_run', payload: ambiguous }).number).toBeUndefined()
  })

  it('push without input explains how to get a comment', () => {
    expect(resolvePullRequestNumber({ eventName: 'push', payload: {} })).toEqual({
      number: undefined,
      reason: 'the push event has no pull request; set pr-number to comment on one',
    })
  })

  it('rejects a non-positive input', () => {
    expect(resolvePullRequestNumber({ eventName: 'push', payload: {} }, 0).number).toBeUndefined()
    expect(resolvePullRequestNumber({ eventName: 'push', payload: {} }, 1.5).number).toBeUndefined()
  })

  it('tolerates a missing or odd payload', () => {
    expect(resolvePullRequestNumber({ eventName: 'workflow_dispatch', payload: undefined }).number).toBeUndefined()
    expect(
      resolvePullRequestNumber({ eventName: 'pull_request', payload: { pull_request: { number: '7' } } }).number,
    ).toBeUndefined()
  })
})
