// The CloudWatch adapter: the one module that talks to CloudWatch (GetMetricData, ListMetrics, DescribeAlarms).
// Loaded with a dynamic import by the rollout step only, so other operations never load the SDK. A failed or
// throttled read is returned as a problem, never thrown: the analysis makes it "inconclusive", never "healthy".
// The SDK itself honours AWS_ENDPOINT_URL_CLOUDWATCH (and AWS_ENDPOINT_URL).
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  ListMetricsCommand,
} from '@aws-sdk/client-cloudwatch'
import { errorMessage } from '../lib/errors.js'
import type { AlarmReading, MetricsReading, SeriesFigures } from '../model/canary-metrics.js'
import { figuresOf, metricQueries } from './queries.js'
import { findCanaryStage } from './series.js'

export interface MetricsClientOptions {
  region: string
  maxAttempts: number
  userAgent: string
}

/** One interval to read: the API's series, the window, and what the analysis needs. */
export interface WindowRead {
  /** The ApiName dimension value (metricApiName). */
  apiName: string
  stage: string
  /** The canary's Stage dimension value from the input; undefined: found with ListMetrics. */
  canaryStage?: string
  startMs: number
  endMs: number
  latency: boolean
  baseline: 'stage' | 'stage-minus-canary'
  alarms: readonly string[]
}

/**
 * REST API metrics are keyed by the API's name, with non-ASCII characters stripped; a name with none left falls
 * back to the API id (API Gateway's documented behaviour).
 */
export function metricApiName(name: string, id: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  const ascii = name.replace(/[^\x00-\x7f]/g, '')
  return ascii === '' ? id : ascii
}

export class CanaryMetrics {
  private canaryStage: string | undefined

  private constructor(private readonly client: CloudWatchClient) {}

  static create(options: MetricsClientOptions): CanaryMetrics {
    const [name, version] = options.userAgent.split('/')
    return new CanaryMetrics(
      new CloudWatchClient({
        region: options.region,
        maxAttempts: options.maxAttempts,
        retryMode: 'standard',
        customUserAgent: [[name ?? 'apigw-stage-action', version ?? '0']],
      }),
    )
  }

  /** Alarm names DescribeAlarms does not know; throws when it cannot be called (checked before anything changes). */
  async unknownAlarms(names: readonly string[]): Promise<string[]> {
    if (!names.length) return []
    const found = await this.alarmStates(names)
    return found.filter((a) => a.state === 'NOT_FOUND').map((a) => a.name)
  }

  /** The canary's and the baseline's figures over the window, and the alarms' states. */
  async read(q: WindowRead): Promise<MetricsReading> {
    const problems: string[] = []
    // One after the other: the alarms' state is read as of the end of the metrics read.
    const figures = await this.figures(q).catch((err: unknown) => {
      problems.push(`CloudWatch metrics could not be read: ${errorMessage(err)}`)
      return undefined
    })
    const alarms = await this.alarmStates(q.alarms).catch((err: unknown) => {
      problems.push(`CloudWatch alarms could not be read: ${errorMessage(err)}`)
      return [] as AlarmReading[]
    })
    if (figures?.problem) problems.push(figures.problem)
    return {
      ...(figures?.canaryStage ? { canaryStage: figures.canaryStage } : {}),
      canary: figures?.canary ?? {},
      baseline: figures?.baseline ?? {},
      alarms,
      problems,
    }
  }

  private async figures(
    q: WindowRead,
  ): Promise<{ canaryStage?: string; canary: SeriesFigures; baseline: SeriesFigures; problem?: string }> {
    const canaryStage = q.canaryStage ?? this.canaryStage ?? (await this.discover(q.apiName, q.stage))
    if (typeof canaryStage !== 'string') return { canary: {}, baseline: {}, problem: canaryStage.problem }
    // Found once, kept for the rest of the run.
    if (!q.canaryStage) this.canaryStage = canaryStage
    const period = Math.max(60, Math.round((q.endMs - q.startMs) / 1000))
    const out = await this.client.send(
      new GetMetricDataCommand({
        StartTime: new Date(q.startMs),
        EndTime: new Date(q.endMs),
        ScanBy: 'TimestampAscending',
        MetricDataQueries: metricQueries({
          apiName: q.apiName,
          stage: q.stage,
          canaryStage,
          period,
          latency: q.latency,
        }),
      }),
    )
    const { canary, baseline } = figuresOf(out.MetricDataResults ?? [], q.baseline)
    return { canaryStage, canary, baseline }
  }

  private async discover(apiName: string, stage: string): Promise<string | { problem: string }> {
    const values: string[] = []
    let token: string | undefined
    do {
      const page = await this.client.send(
        new ListMetricsCommand({
          Namespace: 'AWS/ApiGateway',
          MetricName: 'Count',
          Dimensions: [{ Name: 'ApiName', Value: apiName }],
          ...(token ? { NextToken: token } : {}),
        }),
      )
      for (const metric of page.Metrics ?? []) {
        const dims = metric.Dimensions ?? []
        const value = dims.find((d) => d.Name === 'Stage')?.Value
        if (dims.length === 2 && value !== undefined) values.push(value)
      }
      token = page.NextToken
    } while (token)
    return findCanaryStage(values, stage, apiName)
  }

  private async alarmStates(names: readonly string[]): Promise<AlarmReading[]> {
    if (!names.length) return []
    const states = new Map<string, AlarmReading['state']>()
    let token: string | undefined
    do {
      const page = await this.client.send(
        new DescribeAlarmsCommand({
          AlarmNames: [...names],
          AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
          ...(token ? { NextToken: token } : {}),
        }),
      )
      for (const a of [...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? [])]) {
        if (a.AlarmName && a.StateValue) states.set(a.AlarmName, a.StateValue)
      }
      token = page.NextToken
    } while (token)
    return names.map((name) => ({ name, state: states.get(name) ?? 'NOT_FOUND' }))
  }
}
