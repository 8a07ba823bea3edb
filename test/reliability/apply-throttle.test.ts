// The apply step's own retries of throttled calls, with an injected clock, sleep and random source. A quota-bound call
// (CreateDeployment 1 per 5 s, …) waits for the quota's slots with no round limit, within a time budget; a call
// without a quota gets max-retries rounds of backoff after the SDK's own retries. Either failure names the quota.
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import { describe, expect, it } from 'vitest'
import { ApplyError, runCalls } from '../../src/apigateway/apply.js'
import type { Plan, PlannedCall } from '../../src/plan/types.js'

const API = 'a1b2c3d4e5'

function planOf(...calls: PlannedCall[]): Plan {
  return {
    operation: 'deploy',
    restApiId: API,
    stageName: 'pr-1',
    calls,
    expected: { variables: {}, absentVariables: [] },
    notes: [],
  }
}

const deploy = planOf({ action: 'CreateDeployment', restApiId: API, stageName: 'pr-1', description: 'd' })
const updateStage = planOf({ action: 'UpdateStage', restApiId: API, stageName: 'pr-1', patchOperations: [] })

function throttled(retryAfterSeconds?: string): Error {
  return Object.assign(new Error('Too Many Requests'), {
    name: 'TooManyRequestsException',
    $metadata: { httpStatusCode: 429 },
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  })
}

/** A client whose send() answers from the list, in order (the last answer repeats); max-retries = maxAttempts - 1. */
function fakeClient(answers: Array<Error | { id: string }>, maxAttempts = 6) {
  let sent = 0
  const client = {
    config: { maxAttempts: async () => maxAttempts },
    send: async () => {
      const answer = answers[Math.min(sent++, answers.length - 1)]
      if (answer instanceof Error) throw answer
      return answer
    },
  }
  return { client: client as unknown as APIGatewayClient, sent: () => sent }
}

/** A clock that only sleeps move, and the waits it was asked for. */
function fakeTime() {
  let t = 1_000_000
  const waits: number[] = []
  const sleep = async (ms: number) => {
    waits.push(ms)
    t += ms
  }
  return { waits, now: () => t, sleep }
}

describe('a throttled quota-bound call (CreateDeployment)', () => {
  it('comes back as a slot opens, skipping more slots as it loses races, then succeeds', async () => {
    const { client, sent } = fakeClient([throttled('4'), throttled('5'), throttled('2'), { id: 'dep123' }])
    const time = fakeTime()
    const logged: Array<[number, number, number | undefined]> = []
    const id = await runCalls(client, deploy, {
      ...time,
      random: () => 0.5,
      onThrottled: (_, waitMs, round, rounds) => logged.push([waitMs, round, rounds]),
    })
    expect(id).toBe('dep123')
    expect(sent()).toBe(4)
    expect(time.waits).toEqual([
      4_000 + 1 * 5_200 + 100, // first throttling: the next opening plus ⌊0.5 × 2⌋ slots, 100 ms of jitter
      5_000 + 2 * 5_200 + 100, // a lost race: ⌊0.5 × 4⌋ slots
      2_000 + 100, // arrived between slots: re-aligned with the next opening, nothing skipped
    ])
    // Bounded by time, not rounds: the log gets no round count.
    expect(logged).toEqual(time.waits.map((w, i) => [w, i + 1, undefined]))
  })

  it('is not limited by max-retries', async () => {
    const answers = [...Array.from({ length: 8 }, () => throttled('5')), { id: 'dep123' }]
    const { client, sent } = fakeClient(answers, 2)
    const time = fakeTime()
    await expect(runCalls(client, deploy, { ...time, random: () => 0 })).resolves.toBe('dep123')
    expect(sent()).toBe(9)
    expect(time.waits).toEqual(Array.from({ length: 8 }, () => 5_000))
  })

  it('waits at most 10 minutes by default, then fails with a message that names the quota', async () => {
    const { client, sent } = fakeClient([throttled('5')])
    const time = fakeTime()
    const error = await runCalls(client, deploy, { ...time, random: () => 0 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApplyError)
    // 120 waits of 5 s fill the 10 minutes; the 121st would exceed them.
    expect(time.waits).toHaveLength(120)
    expect(sent()).toBe(121)
    const message = (error as ApplyError).message
    expect(message).toContain('CreateDeployment on API a1b2c3d4e5 stage')
    expect(message).toContain('TooManyRequestsException')
    expect(message).toContain('AWS allows 1 CreateDeployment per 5 seconds per account, shared by every run')
    expect(message).toContain('It was retried 120 more time(s) over 600 s, and waits at most 10 minutes.')
    expect(message).toContain('let fewer runs call it at once')
    expect((error as ApplyError).completed).toEqual([])
  })

  it('stops when the next wait would exceed the budget', async () => {
    const { client, sent } = fakeClient([throttled('30'), throttled('30'), { id: 'never' }])
    const time = fakeTime()
    const error = await runCalls(client, deploy, { ...time, random: () => 0, throttleBudgetMs: 45_000 }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ApplyError)
    expect(time.waits).toEqual([30_000])
    expect(sent()).toBe(2)
  })

  it("spaces a run's own calls of a quota by the injected clock", async () => {
    const plan = (n: number): PlannedCall => ({
      action: 'UpdateUsagePlan',
      usagePlanId: `plan-${n}`,
      restApiId: API,
      stageName: 'pr-1',
      patchOperations: [],
    })
    const { client, sent } = fakeClient([{ id: 'x' }])
    const time = fakeTime()
    await runCalls(client, planOf(plan(1), plan(2)), time)
    expect(sent()).toBe(2)
    expect(time.waits).toEqual([20_000])
  })
})

describe('a throttled call without a quota (UpdateStage), after the SDK gave up', () => {
  it('gets max-retries rounds of backoff, then fails with a message about the account rate', async () => {
    const { client, sent } = fakeClient([throttled('1')], 3)
    const time = fakeTime()
    const rounds: Array<number | undefined> = []
    const error = await runCalls(client, updateStage, {
      ...time,
      random: () => 0,
      onThrottled: (_, __, ___, max) => rounds.push(max),
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApplyError)
    expect(sent()).toBe(3) // the first attempt, then max-retries (2) rounds
    expect(time.waits).toEqual([1_000, 1_000])
    expect(rounds).toEqual([2, 2])
    const message = (error as ApplyError).message
    expect(message).toContain("AWS throttled the account's API Gateway control-plane calls (10 per second).")
    expect(message).toContain('It was retried 2 more time(s) over 2 s. Re-run later, or raise max-retries.')
  })

  it('honours Retry-After plus jitter over 1 s doubled each round, then succeeds', async () => {
    const { client } = fakeClient([throttled('7'), throttled('3'), { id: 'ok' }])
    const time = fakeTime()
    await runCalls(client, updateStage, { ...time, random: () => 0.5 })
    expect(time.waits).toEqual([7_000 + 500, 3_000 + 1_000])
  })
})

describe('other failures', () => {
  it('does not retry other client errors', async () => {
    const badRequest = Object.assign(new Error('Invalid stage'), {
      name: 'BadRequestException',
      $metadata: { httpStatusCode: 400 },
    })
    const { client, sent } = fakeClient([badRequest, { id: 'never' }])
    const time = fakeTime()
    await expect(runCalls(client, deploy, time)).rejects.toBeInstanceOf(ApplyError)
    expect(sent()).toBe(1)
    expect(time.waits).toEqual([])
  })
})
