// The apply step's own retry for throttled calls, after the SDK's retries are used up: bounded rounds, waits that
// honour Retry-After plus jitter over the quota interval, an overall budget, and a message naming the quota.
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import { describe, expect, it } from 'vitest'
import { ApplyError, runCalls } from '../../src/apigateway/apply.js'
import { retryAfterMs, throttleWaitMs } from '../../src/apigateway/write-policy.js'
import type { Plan } from '../../src/plan/types.js'

const plan: Plan = {
  operation: 'deploy',
  restApiId: 'a1b2c3d4e5',
  stageName: 'pr-1',
  calls: [{ action: 'CreateDeployment', restApiId: 'a1b2c3d4e5', stageName: 'pr-1', description: 'd' }],
  expected: { variables: {}, absentVariables: [] },
  notes: [],
}

function throttled(retryAfterSeconds?: string): Error {
  return Object.assign(new Error('Too Many Requests'), {
    name: 'TooManyRequestsException',
    $metadata: { httpStatusCode: 429 },
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  })
}

/** A client whose send() answers from the list, in order; the SDK's max-retries comes from maxAttempts. */
function fakeClient(answers: Array<Error | { id: string }>, maxAttempts = 6) {
  let sent = 0
  const client = {
    config: { maxAttempts: async () => maxAttempts },
    send: async () => {
      const answer = answers[sent++]
      if (answer instanceof Error) throw answer
      return answer
    },
  }
  return { client: client as unknown as APIGatewayClient, sent: () => sent }
}

function recordingSleep() {
  const waits: number[] = []
  return { waits, sleep: async (ms: number) => void waits.push(ms) }
}

describe('throttled calls in the apply step', () => {
  it('waits out Retry-After plus jitter over the quota interval, then succeeds', async () => {
    const { client, sent } = fakeClient([throttled('7'), throttled('3'), { id: 'dep123' }])
    const { waits, sleep } = recordingSleep()
    const id = await runCalls(client, plan, { sleep, random: () => 0.5 })
    expect(id).toBe('dep123')
    expect(sent()).toBe(3)
    // Round 1: 7 s + half of 5 s; round 2: 3 s + half of 10 s.
    expect(waits).toEqual([9_500, 8_000])
  })

  it('gives up after max-retries rounds with a message that names the quota', async () => {
    const { client, sent } = fakeClient([throttled('1'), throttled('1'), throttled('1'), throttled('1')], 3)
    const { waits, sleep } = recordingSleep()
    const error = await runCalls(client, plan, { sleep, random: () => 0 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApplyError)
    expect(sent()).toBe(3) // the first attempt, then max-retries (2) rounds
    expect(waits).toEqual([1_000, 1_000])
    expect((error as ApplyError).message).toContain('AWS allows 1 CreateDeployment per 5 seconds per account')
    expect((error as ApplyError).message).toContain('retried 2 more time(s) over 2 s')
    expect((error as ApplyError).completed).toEqual([])
  })

  it('stops when the next wait would exceed the budget', async () => {
    const { client, sent } = fakeClient([throttled('30'), throttled('30'), { id: 'never' }])
    const { waits, sleep } = recordingSleep()
    const error = await runCalls(client, plan, { sleep, random: () => 0, throttleBudgetMs: 45_000 }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ApplyError)
    expect(waits).toEqual([30_000])
    expect(sent()).toBe(2)
  })

  it('does not retry other client errors', async () => {
    const badRequest = Object.assign(new Error('Invalid stage'), {
      name: 'BadRequestException',
      $metadata: { httpStatusCode: 400 },
    })
    const { client, sent } = fakeClient([badRequest, { id: 'never' }])
    const { waits, sleep } = recordingSleep()
    await expect(runCalls(client, plan, { sleep })).rejects.toBeInstanceOf(ApplyError)
    expect(sent()).toBe(1)
    expect(waits).toEqual([])
  })

  it('reads Retry-After from the exception or the header, in seconds or as a date', () => {
    expect(retryAfterMs({ retryAfterSeconds: '4' })).toBe(4_000)
    expect(retryAfterMs({ $response: { headers: { 'retry-after': '2' } } })).toBe(2_000)
    expect(
      retryAfterMs(
        { $response: { headers: { 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' } } },
        Date.UTC(2026, 0, 1),
      ),
    ).toBe(10_000)
    expect(retryAfterMs({})).toBeUndefined()
  })

  it('spreads waits over the quota interval, doubling per round up to a minute', () => {
    expect(throttleWaitMs('CreateDeployment', 0, undefined, () => 0.999)).toBe(1_000 + 4_995)
    expect(throttleWaitMs('CreateDeployment', 3, 2_000, () => 0.5)).toBe(2_000 + 20_000)
    expect(throttleWaitMs('UpdateUsagePlan', 5, 0, () => 0.5)).toBe(1_000 + 30_000)
    expect(throttleWaitMs('UpdateStage', 0, 500, () => 0.5)).toBe(1_000 + 500)
  })
})
