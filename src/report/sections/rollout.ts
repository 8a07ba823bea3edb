// A rollout's report: the verdict first, a table of every interval kept (requests, errors, error rate canary vs
// baseline, p99, decision) and a Mermaid xychart of both error rates, which GitHub renders in summaries and
// comments. Self-contained: it reads only `input.rollout`.
import { errorRate } from '../../rollout/analysis.js'
import type { RolloutReport } from '../../rollout/outcome.js'
import { code, escapeText } from '../safe-text.js'
import type { ReportInput } from '../types.js'

const HEADLINE: Record<RolloutReport['result'], string> = {
  promoted: '✅ **Rollout promoted**',
  'rolled-back': '❌ **Rollout rolled back**',
  held: '⏸️ **Rollout held**',
  'in-progress': '⏳ **Rollout in progress**',
}
const DECISION = { healthy: '✅ healthy', unhealthy: '❌ unhealthy', inconclusive: '❔ inconclusive' } as const

const pct = (rate: number | undefined): string => (rate === undefined ? '–' : `${(rate * 100).toFixed(2)}%`)
const n = (value: number | undefined): string => (value === undefined ? '–' : String(value))

export function rolloutBlock(input: ReportInput): string {
  const r = input.rollout
  if (r === undefined) return ''
  const steps = r.steps.map((p, i) => (i === r.step ? `**${p}%**` : `${p}%`)).join(' → ')
  const lines = [
    `${HEADLINE[r.result]} at step ${r.step + 1} of ${r.steps.length}: ${escapeText(r.summary, 1000)}`,
    '',
    `Steps: ${steps} · canary deployment ${code(r.canaryDeploymentId)}` +
      (r.canaryStage ? ` · canary metrics: Stage ${code(r.canaryStage)}` : '') +
      (r.nextJudgement ? ` · next judgement after ${r.nextJudgement}` : ''),
  ]
  if (!r.intervals.length) return lines.join('\n')
  lines.push('', ...intervalTable(r), '', ...errorRateChart(r))
  if (r.notKept > 0) lines.push('', `_${r.notKept} earlier interval(s) are not kept in the stage tags._`)
  return lines.join('\n')
}

function intervalTable(r: RolloutReport): string[] {
  const rows = r.intervals.map((i, k) => {
    const why =
      i.reasons === undefined ? '_(earlier run)_' : escapeText(i.reasons.join('; '), 400).replace(/\|/g, '\\|')
    return (
      `| ${k + 1 + r.notKept} | ${r.steps[i.step]}% | ${n(i.canary.requests)} | ${n(i.canary.errors)} | ` +
      `${pct(errorRate(i.canary))} | ${n(i.baseline.requests)} | ${pct(errorRate(i.baseline))} | ` +
      `${i.canary.p99Ms === undefined ? '–' : `${i.canary.p99Ms} ms`} | ${DECISION[i.verdict]} | ${why} |`
    )
  })
  return [
    '| # | Traffic | Canary requests | Canary 5XX | Canary 5XX rate | Baseline requests | Baseline 5XX rate | Canary p99 | Decision | Why |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
    ...rows,
  ]
}

/** Bars: the canary's 5XX rate; line: the baseline's. An interval without data is drawn at 0 (the table says –). */
function errorRateChart(r: RolloutReport): string[] {
  const value = (rate: number | undefined) => Number(((rate ?? 0) * 100).toFixed(3))
  const canary = r.intervals.map((i) => value(errorRate(i.canary)))
  const baseline = r.intervals.map((i) => value(errorRate(i.baseline)))
  const top = Math.max(1, ...canary, ...baseline)
  const labels = r.intervals.map((i, k) => `"${k + 1 + r.notKept} · ${r.steps[i.step]}%"`)
  return [
    '```mermaid',
    'xychart-beta',
    '  title "5XX error rate per interval (%): bars canary, line baseline"',
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "5XX rate (%)" 0 --> ${Number((top * 1.2).toFixed(2))}`,
    `  bar [${canary.join(', ')}]`,
    `  line [${baseline.join(', ')}]`,
    '```',
  ]
}
