// The GetMetricData queries of one interval and the figures read from the answer. One datapoint per query: the
// period is the whole window. Pure.
import type { MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch'
import type { SeriesFigures } from '../model/canary-metrics.js'

type Series = 'c' | 'b'
/** Count as SampleCount (how AWS documents it), 5XXError as Sum (the error count), Latency as p99. */
const METRICS = [
  { key: 'requests', metric: 'Count', stat: 'SampleCount' },
  { key: 'errors', metric: '5XXError', stat: 'Sum' },
  { key: 'p99Ms', metric: 'Latency', stat: 'p99' },
] as const

export function metricQueries(q: {
  apiName: string
  stage: string
  canaryStage: string
  period: number
  latency: boolean
}): MetricDataQuery[] {
  const series: Array<[Series, string]> = [
    ['c', q.canaryStage],
    ['b', q.stage],
  ]
  return series.flatMap(([id, stage]) =>
    METRICS.filter((m) => q.latency || m.key !== 'p99Ms').map((m) => ({
      Id: `${id}_${m.key.toLowerCase()}`,
      Label: `${stage} ${m.metric} ${m.stat}`,
      ReturnData: true,
      MetricStat: {
        Metric: {
          Namespace: 'AWS/ApiGateway',
          MetricName: m.metric,
          Dimensions: [
            { Name: 'ApiName', Value: q.apiName },
            { Name: 'Stage', Value: stage },
          ],
        },
        Period: q.period,
        Stat: m.stat,
      },
    })),
  )
}

/**
 * The canary's and the baseline's figures; a query with no datapoint leaves its figure undefined. With
 * `stage-minus-canary` the canary's requests and errors are taken out of the stage's (for accounts where the stage
 * series counts canary requests too); its p99 cannot be, so the baseline then has none.
 */
export function figuresOf(
  results: readonly MetricDataResult[],
  baseline: 'stage' | 'stage-minus-canary',
): { canary: SeriesFigures; baseline: SeriesFigures } {
  const read = (id: Series): SeriesFigures => {
    const out: SeriesFigures = {}
    for (const m of METRICS) {
      const values = results.find((r) => r.Id === `${id}_${m.key.toLowerCase()}`)?.Values ?? []
      if (!values.length) continue
      out[m.key] = m.key === 'p99Ms' ? Math.round(Math.max(...values) * 10) / 10 : values.reduce((a, b) => a + b, 0)
    }
    return out
  }
  const canary = read('c')
  const stage = read('b')
  if (baseline === 'stage') return { canary, baseline: stage }
  const minus = (a?: number, b?: number) => (a === undefined ? undefined : Math.max(0, a - (b ?? 0)))
  const requests = minus(stage.requests, canary.requests)
  const errors = minus(stage.errors, canary.errors)
  return {
    canary,
    baseline: { ...(requests !== undefined ? { requests } : {}), ...(errors !== undefined ? { errors } : {}) },
  }
}
