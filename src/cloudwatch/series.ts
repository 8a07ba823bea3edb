// Which Stage dimension value holds the canary's metrics. AWS documents that a canary gets its own metrics but not
// the dimension value they carry (`prod/Canary` is a guess from the log group names), so the series is chosen among
// those ListMetrics returns for the API, never assumed. Pure.

/** The canary's Stage value among `values` (the API's Stage dimension values), or why none could be chosen. */
export function findCanaryStage(
  values: readonly string[],
  stage: string,
  apiName: string,
): string | { problem: string } {
  const others = [...new Set(values)].filter((v) => v !== stage).sort()
  const candidates = others.filter((v) => v.startsWith(`${stage}/`))
  const loose = candidates.length ? candidates : others.filter((v) => v.includes(stage))
  const preferred = loose.find((v) => v.toLowerCase() === `${stage}/canary`.toLowerCase())
  if (preferred) return preferred
  if (loose.length === 1) return loose[0] as string
  const seen = others.length ? `Stage values seen: ${others.slice(0, 10).join(', ')}` : 'no other Stage values seen'
  return {
    problem:
      loose.length === 0
        ? `no canary metric series found for ApiName '${apiName}' and stage '${stage}' (${seen}); a canary without traffic has none yet, or name it with canary-metric-stage`
        : `several series could be the canary's for stage '${stage}' (${loose.join(', ')}): name one with canary-metric-stage`,
  }
}
