// The rollout's pure parts: judging an interval, the state in stage tags, the decisions, the CloudWatch queries and
// the canary series choice, the input parsers, and the report section.
import { describe, expect, it } from 'vitest'
import { metricApiName } from '../../src/cloudwatch/metrics.js'
import { figuresOf, metricQueries } from '../../src/cloudwatch/queries.js'
import { findCanaryStage } from '../../src/cloudwatch/series.js'
import { parseAlarmNames, parseCanarySteps, parseDuration, parseRate } from '../../src/inputs/rollout.js'
import type { MetricsReading } from '../../src/model/canary-metrics.js'
import { rolloutBlock } from '../../src/report/sections/rollout.js'
import type { ReportInput } from '../../src/report/types.js'
import { judgeInterval } from '../../src/rollout/analysis.js'
import { decide, intervalWindow } from '../../src/rollout/decide.js'
import { parseRolloutState, type RolloutState, rolloutTags } from '../../src/rollout/state.js'

const rules = { maxErrorRate: 0.01, maxErrorRateIncrease: 0.005, minRequests: 50, maxLatencyP99Ms: 500 }
const reading = (r: Partial<MetricsReading>): MetricsReading => ({
  canary: {},
  baseline: {},
  alarms: [],
  problems: [],
  ...r,
})

describe('judgeInterval', () => {
  it('healthy only with enough requests and every threshold met, saying what it checked', () => {
    const j = judgeInterval(
      0,
      reading({ canary: { requests: 400, errors: 2, p99Ms: 300 }, baseline: { requests: 4000, errors: 10 } }),
      rules,
    )
    expect(j.verdict).toBe('healthy')
    expect(j.reasons).toEqual([
      'canary 5XX rate 0.50% (2 of 400) ≤ 1.00%',
      "canary 5XX rate is 0.25% above the baseline's 0.25%",
      'canary p99 latency 300 ms ≤ 500 ms',
    ])
  })

  it('missing data is inconclusive, never healthy: no traffic, no datapoints, a failed read', () => {
    expect(judgeInterval(0, reading({}), rules)).toMatchObject({
      verdict: 'inconclusive',
      reasons: ['canary had 0 request(s), fewer than min-requests 50'],
    })
    expect(judgeInterval(0, reading({ canary: { requests: 60, errors: 0 } }), rules).reasons).toEqual([
      'no Latency p99 datapoint for the canary',
    ])
    const failed = reading({
      canary: { requests: 500, errors: 0, p99Ms: 1 },
      problems: ['CloudWatch metrics could not be read: Rate exceeded'],
    })
    expect(judgeInterval(0, failed, rules).verdict).toBe('inconclusive')
  })

  it('unhealthy wins over inconclusive, with the numbers', () => {
    const alarm = reading({ alarms: [{ name: 'p99', state: 'ALARM' }] })
    expect(judgeInterval(1, alarm, rules)).toMatchObject({ verdict: 'unhealthy', reasons: ["alarm 'p99' is in ALARM"] })
    const rise = judgeInterval(
      1,
      reading({ canary: { requests: 1000, errors: 9, p99Ms: 1 }, baseline: { requests: 1000, errors: 1 } }),
      rules,
    )
    expect(rise.reasons).toEqual([
      "canary 5XX rate is 0.80% above the baseline's 0.10%, more than max-error-rate-increase 0.50%",
    ])
  })

  it('a baseline without enough traffic (100 %) is not compared; the absolute limit still applies', () => {
    const j = judgeInterval(2, reading({ canary: { requests: 1000, errors: 5, p99Ms: 1 }, baseline: {} }), rules)
    expect(j.verdict).toBe('healthy')
    expect(j.reasons).toContain('baseline had 0 request(s): increase not compared')
  })
})

const running: RolloutState = {
  status: 'running',
  steps: [10, 50, 100],
  step: 0,
  canaryDeploymentId: 'abc123',
  startedMs: 1_700_000_000_000,
  intervalStartedMs: 1_700_000_030_000,
  inconclusive: 0,
  judged: 0,
  intervals: [],
}

describe('rollout state in stage tags', () => {
  it('round-trips, within AWS tag value rules', () => {
    const state: RolloutState = {
      ...running,
      judged: 2,
      intervals: [
        {
          step: 0,
          canary: { requests: 400, errors: 1, p99Ms: 212.5 },
          baseline: { requests: 3600, errors: 7 },
          verdict: 'healthy',
        },
        { step: 1, canary: {}, baseline: { requests: 3 }, verdict: 'inconclusive' },
      ],
    }
    const tags = rolloutTags(state)
    for (const value of Object.values(tags)) {
      expect(value.length).toBeLessThanOrEqual(256)
      expect(value).toMatch(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u)
    }
    expect(parseRolloutState(tags)).toEqual(state)
  })

  it('keeps the newest intervals that fit in two tags, and counts the others', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      step: 0,
      canary: { requests: 100_000 + i, errors: 10_000, p99Ms: 1234.5 },
      baseline: { requests: 900_000, errors: 90_000 },
      verdict: 'inconclusive' as const,
    }))
    const parsed = parseRolloutState(rolloutTags({ ...running, judged: 40, intervals: many }))
    expect(parsed?.intervals.length).toBeGreaterThan(8)
    expect(parsed?.intervals.at(-1)).toEqual(many.at(-1))
  })

  it('ignores what it cannot read', () => {
    expect(parseRolloutState({})).toBeUndefined()
    expect(parseRolloutState({ 'apigw-stage-action:rollout': 'running steps=10 step=3 canary=a' })).toBeUndefined()
  })
})

describe('decide', () => {
  const options = {
    rules: { maxInconclusive: 1, onInconclusive: 'rollback' as const, intervalMs: 300_000 },
    now: 1_700_000_900_000,
  }
  const judged = (verdict: 'healthy' | 'unhealthy' | 'inconclusive') => ({
    step: 0,
    canary: {},
    baseline: {},
    verdict,
    reasons: [],
  })

  it('healthy steps up (baking from now), then promotes after the last step', () => {
    const next = decide(running, judged('healthy'), options)
    expect(next.action).toEqual({ kind: 'advance', step: 1 })
    expect(next.next).toMatchObject({ step: 1, intervalStartedMs: options.now, judged: 1 })
    expect(decide({ ...running, step: 2 }, judged('healthy'), options).action).toEqual({ kind: 'promote' })
  })

  it('inconclusive bakes the next window, then applies the policy', () => {
    const once = decide(running, judged('inconclusive'), options)
    expect(once.action).toEqual({ kind: 'again' })
    expect(once.next.intervalStartedMs).toBe(intervalWindow(running.intervalStartedMs, 300_000).endMs)
    expect(decide(once.next, judged('inconclusive'), options).action).toEqual({ kind: 'rollback' })
    const hold = { ...options, rules: { ...options.rules, onInconclusive: 'hold' as const } }
    expect(decide(once.next, judged('inconclusive'), hold).next.status).toBe('held')
  })

  it('judges whole minutes after the step change', () => {
    expect(intervalWindow(Date.UTC(2026, 0, 1, 9, 0, 20), 90_000)).toEqual({
      startMs: Date.UTC(2026, 0, 1, 9, 1),
      endMs: Date.UTC(2026, 0, 1, 9, 3),
    })
  })
})

describe('CloudWatch queries', () => {
  it('one query per series and metric, the whole window as the period', () => {
    const queries = metricQueries({
      apiName: 'orders',
      stage: 'prod',
      canaryStage: 'prod/Canary',
      period: 300,
      latency: false,
    })
    expect(queries.map((q) => `${q.Id} ${q.MetricStat?.Metric?.MetricName} ${q.MetricStat?.Stat}`)).toEqual([
      'c_requests Count SampleCount',
      'c_errors 5XXError Sum',
      'b_requests Count SampleCount',
      'b_errors 5XXError Sum',
    ])
    expect(queries[0]?.MetricStat?.Metric?.Dimensions).toEqual([
      { Name: 'ApiName', Value: 'orders' },
      { Name: 'Stage', Value: 'prod/Canary' },
    ])
  })

  it('reads figures; no datapoint stays undefined; stage-minus-canary subtracts', () => {
    const results = [
      { Id: 'c_requests', Values: [100] },
      { Id: 'c_errors', Values: [2] },
      { Id: 'b_requests', Values: [1000] },
      { Id: 'b_errors', Values: [5] },
      { Id: 'c_p99ms', Values: [] },
    ]
    expect(figuresOf(results, 'stage').canary).toEqual({ requests: 100, errors: 2 })
    expect(figuresOf(results, 'stage-minus-canary').baseline).toEqual({ requests: 900, errors: 3 })
  })

  it('finds the canary series among the Stage values, never guesses between several', () => {
    expect(findCanaryStage(['prod', 'prod/Canary', 'dev'], 'prod', 'orders')).toBe('prod/Canary')
    expect(findCanaryStage(['prod', 'prod-canary'], 'prod', 'orders')).toBe('prod-canary')
    expect(findCanaryStage(['prod'], 'prod', 'orders')).toMatchObject({
      problem: expect.stringContaining('no canary metric series'),
    })
    expect(findCanaryStage(['prod', 'prod/a', 'prod/b'], 'prod', 'orders')).toMatchObject({
      problem: expect.stringContaining('canary-metric-stage'),
    })
    expect(metricApiName('Bestellungen-ÄÖ', 'a1')).toBe('Bestellungen-')
    expect(metricApiName('注文', 'a1')).toBe('a1')
  })
})

describe('rollout inputs', () => {
  it('parses steps, durations, rates and alarms, refusing the ambiguous', () => {
    expect(parseCanarySteps('10, 50%,100')).toEqual({ ok: true, value: [10, 50, 100] })
    expect(parseCanarySteps('10,10')).toMatchObject({ ok: false, error: 'must list strictly increasing percentages' })
    expect(parseCanarySteps('0,50').ok).toBe(false)
    expect(parseCanarySteps('50,101').ok).toBe(false)
    expect(parseDuration('90s')).toEqual({ ok: true, value: 90_000 })
    expect(parseDuration('1h')).toEqual({ ok: true, value: 3_600_000 })
    expect(parseDuration('5').ok).toBe(false)
    expect(parseDuration('25h').ok).toBe(false)
    expect(parseRate('0.5%')).toEqual({ ok: true, value: 0.005 })
    expect(parseRate('0.01').ok).toBe(false)
    expect(parseAlarmNames('a, b\nb')).toEqual({ ok: true, value: ['a', 'b'] })
  })
})

describe('report section', () => {
  it('verdict first, a row per interval and a Mermaid chart of both error rates', () => {
    const md = rolloutBlock({
      rollout: {
        result: 'rolled-back',
        steps: [10, 50],
        step: 1,
        canaryDeploymentId: 'abc123',
        intervals: [
          {
            step: 0,
            canary: { requests: 400, errors: 1 },
            baseline: { requests: 3600, errors: 7 },
            verdict: 'healthy',
          },
          {
            step: 1,
            canary: { requests: 900, errors: 63 },
            baseline: { requests: 900, errors: 2 },
            verdict: 'unhealthy',
            reasons: ['canary 5XX rate 7.00% (63 of 900) is above max-error-rate 1.00%'],
          },
        ],
        notKept: 0,
        summary: 'The canary was unhealthy at 50%.',
      },
    } as unknown as ReportInput)
    expect(md.split('\n')[0]).toBe('❌ **Rollout rolled back** at step 2 of 2: The canary was unhealthy at 50%.')
    expect(md).toContain('| 2 | 50% | 900 | 63 | 7.00% | 900 | 0.22% | – | ❌ unhealthy |')
    expect(md).toContain('| 1 | 10% | 400 | 1 | 0.25% | 3600 | 0.19% | – | ✅ healthy | _(earlier run)_ |')
    expect(md).toContain('  bar [0.25, 7]\n  line [0.194, 0.222]')
  })
})
