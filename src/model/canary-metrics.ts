// What CloudWatch says about a canary over one interval, as the rollout analysis sees it. A figure is undefined
// when CloudWatch returned no datapoint: with no traffic there are no datapoints, not zeros.

export interface SeriesFigures {
  /** `Count` (SampleCount) over the window. */
  requests?: number
  /** `5XXError` (Sum) over the window. */
  errors?: number
  /** `Latency` p99 over the window, in ms; read only when a threshold asks for it. */
  p99Ms?: number
}

export interface AlarmReading {
  name: string
  /** CloudWatch's StateValue, or NOT_FOUND when DescribeAlarms did not return the alarm. */
  state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA' | 'NOT_FOUND'
}

/** One read of the window: the figures and the alarms, or why CloudWatch could not say. */
export interface MetricsReading {
  /** The canary's Stage dimension value used; undefined when none was found. */
  canaryStage?: string
  canary: SeriesFigures
  baseline: SeriesFigures
  alarms: readonly AlarmReading[]
  /** The metrics or alarms could not be read (throttled, failed, series not found): never healthy. */
  problems: readonly string[]
}
