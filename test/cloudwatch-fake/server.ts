// A CloudWatch fake on 127.0.0.1 for the rollout scenarios. It speaks what @aws-sdk/client-cloudwatch 3.x sends:
// AWS JSON 1.0 (POST /, `X-Amz-Target: GraniteServiceVersion20100801.<Operation>`, `x-amzn-query-mode: true`,
// timestamps as epoch seconds), errors with `__type` and the query-compatible `x-amzn-query-error` header.
// It answers GetMetricData, ListMetrics and DescribeAlarms from a script: one scripted interval per GetMetricData
// call, in order (the last one repeats), with faults (throttle, 500) and a log of every call.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

const TARGET_PREFIX = 'GraniteServiceVersion20100801.'

/** One series' figures over an interval; count 0 or undefined means no traffic: no datapoints at all. */
interface FakeSeries {
  count?: number
  errors?: number
  p99?: number
}

type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'

/** What one GetMetricData call is answered with, by Stage dimension value; alarms change as of this interval. */
export interface FakeInterval {
  series: Record<string, FakeSeries>
  alarms?: Record<string, AlarmState>
}

interface FakeCloudWatchCall {
  operation: string
  body: Record<string, unknown>
  headers: Record<string, string | string[] | undefined>
  /** The HTTP status answered. */
  status: number
}

type FaultKind = 'throttle' | '500'

export interface CloudWatchFake {
  url: string
  calls: FakeCloudWatchCall[]
  /** ListMetrics answers these (Namespace AWS/ApiGateway, MetricName Count), filtered by the request's dimensions. */
  metrics: Array<{ ApiName: string; Stage: string }>
  intervals: FakeInterval[]
  alarms: Record<string, AlarmState>
  /** The next `times` calls of `operation` fail this way. */
  fail(operation: string, kind: FaultKind, times?: number): void
  /** Operation names of the calls so far. */
  operations(): string[]
  /** Forgets the calls, faults, alarms and scripted intervals (the next GetMetricData gets the first again). */
  reset(): void
  stop(): Promise<void>
}

export async function startCloudWatchFake(): Promise<CloudWatchFake> {
  const faults: Array<{ operation: string; kind: FaultKind; left: number }> = []
  let served = 0
  const fake: Omit<CloudWatchFake, 'url' | 'stop'> = {
    calls: [],
    metrics: [],
    intervals: [],
    alarms: {},
    fail(operation, kind, times = Number.POSITIVE_INFINITY) {
      faults.push({ operation, kind, left: times })
    },
    operations: () => fake.calls.map((c) => c.operation),
    reset() {
      fake.calls.length = 0
      fake.intervals = []
      fake.alarms = {}
      faults.length = 0
      served = 0
    },
  }

  const answer = (operation: string, body: Record<string, unknown>): [number, unknown, string?] => {
    const fault = faults.find((f) => f.operation === operation && f.left > 0)
    if (fault) {
      fault.left--
      return fault.kind === 'throttle'
        ? [400, { __type: 'Throttling', message: 'Rate exceeded' }, 'Throttling;Sender']
        : [500, { __type: 'InternalServiceFault', message: 'Internal service error' }, 'InternalServiceError;Receiver']
    }
    switch (operation) {
      case 'GetMetricData': {
        const interval = fake.intervals[Math.min(served, fake.intervals.length - 1)]
        served++
        if (interval?.alarms) Object.assign(fake.alarms, interval.alarms)
        return [200, getMetricData(body, interval)]
      }
      case 'ListMetrics':
        return [200, listMetrics(body, fake.metrics)]
      case 'DescribeAlarms':
        return [200, describeAlarms(body, fake.alarms)]
      default:
        return [
          400,
          { __type: 'InvalidAction', message: `The fake does not know ${operation}` },
          'InvalidAction;Sender',
        ]
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '')
      const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : `(no target: ${target})`
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {}
      const [status, payload, queryError] = answer(operation, body)
      fake.calls.push({ operation, body, headers: req.headers, status })
      res.writeHead(status, {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-requestid': `fake-${fake.calls.length}`,
        ...(queryError ? { 'x-amzn-query-error': queryError } : {}),
      })
      res.end(JSON.stringify(payload))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}

interface Query {
  Id: string
  Label?: string
  MetricStat?: { Metric: { MetricName: string; Dimensions: Array<{ Name: string; Value: string }> }; Stat: string }
}

function getMetricData(body: Record<string, unknown>, interval: FakeInterval | undefined): unknown {
  const end = Number(body.EndTime)
  const results = ((body.MetricDataQueries ?? []) as Query[]).map((q) => {
    const stage = q.MetricStat?.Metric.Dimensions.find((d) => d.Name === 'Stage')?.Value ?? ''
    const series = interval?.series[stage]
    const value = series?.count ? figure(series, q.MetricStat?.Metric.MetricName, q.MetricStat?.Stat) : undefined
    return {
      Id: q.Id,
      Label: q.Label ?? q.Id,
      StatusCode: 'Complete',
      Timestamps: value === undefined ? [] : [end - 60],
      Values: value === undefined ? [] : [value],
    }
  })
  return { MetricDataResults: results, Messages: [] }
}

function figure(series: FakeSeries, metric: string | undefined, stat: string | undefined): number | undefined {
  if (metric === 'Count' && stat === 'SampleCount') return series.count
  if (metric === '5XXError' && stat === 'Sum') return series.errors ?? 0
  if (metric === 'Latency' && stat === 'p99') return series.p99
  return undefined
}

function listMetrics(body: Record<string, unknown>, metrics: CloudWatchFake['metrics']): unknown {
  const wanted = (body.Dimensions ?? []) as Array<{ Name: string; Value?: string }>
  const matches = metrics.filter((m) =>
    wanted.every((d) => d.Value === undefined || (m as Record<string, string>)[d.Name] === d.Value),
  )
  return {
    Metrics: matches.map((m) => ({
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Count',
      Dimensions: [
        { Name: 'ApiName', Value: m.ApiName },
        { Name: 'Stage', Value: m.Stage },
      ],
    })),
  }
}

function describeAlarms(body: Record<string, unknown>, alarms: Record<string, AlarmState>): unknown {
  const names = (body.AlarmNames ?? Object.keys(alarms)) as string[]
  const found = names.filter((n) => alarms[n] !== undefined)
  return {
    MetricAlarms: found.map((name) => ({ AlarmName: name, StateValue: alarms[name], StateReason: 'scripted' })),
    CompositeAlarms: [],
  }
}
