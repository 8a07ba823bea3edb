// Child process of the benchmark: diff and render of a 300-resource API (7 methods each, Lambda integrations), alone
// in a fresh process as in the action. `baseline` only loads the modules and builds the two definitions; `full` then
// diffs and renders them once (timed: cold, and measured for memory), then again for warm timings. Prints one JSON line.
//
// `diffCpuMs` is the main thread's CPU time for the diff (process.threadCpuUsage): unlike the wall clock, it leaves out
// the time other processes take on a busy machine, and the JIT and GC helper threads.
//
// Memory, of the first (cold) diff + render:
// - heap high-water: the most V8 heap in use at any point, from V8's own GC statistics (v8.GCProfiler: used heap
//   right before each collection, and at the end), minus the heap in use before the diff started (after a full GC).
//   It counts garbage not yet collected, so it is what the heap had to grow to, not the live data.
// - peak RSS: the process's resident-set high-water mark from getrusage (maxRSS), everything included.
import v8 from 'node:v8'
import { diffApiDefinitions } from '../src/diff/api-diff.js'
import { renderCommentBody, renderReport } from '../src/report/render.js'
import type { ReportInput } from '../src/report/types.js'
import { largeApi, largeApiEverythingChanged } from '../test/fixtures/openapi/large-api.js'
import { reportInput } from '../test/fixtures/report-fixtures.js'

const [mode = 'full', variant = 'everything', resourcesArg = '300', iterationsArg = '5'] = process.argv.slice(2)
const resources = Number(resourcesArg)
const iterations = Number(iterationsArg)

/** Before and after: every operation changed (the worst case for the report), or one operation added. */
function definitions(): { before: object; after: object } {
  const before = largeApi(resources)
  if (variant === 'everything') return { before, after: largeApiEverythingChanged(resources) }
  const after = largeApi(resources) as { paths: Record<string, Record<string, unknown>> }
  const first = Object.values(after.paths)[0] ?? {}
  after.paths['/service-new/items/{id}'] = { get: first.get }
  return { before, after }
}

const { before, after } = definitions()
const gc = (globalThis as { gc?: () => void }).gc
gc?.()
const heapBefore = process.memoryUsage().heapUsed

interface Timing {
  diffMs: number
  diffCpuMs: number
  renderMs: number
  commentChars: number
  summaryBytes: number
  operations: { added: number; removed: number; changed: number; breaking: number }
}

function once(): Timing {
  const cpu = process.threadCpuUsage()
  const t0 = performance.now()
  const diff = diffApiDefinitions(before, after)
  const t1 = performance.now()
  const { user, system } = process.threadCpuUsage(cpu)
  const input: ReportInput = reportInput({
    apiDiff: { kind: 'diff', baseline: { kind: 'previous', deploymentId: 'dep111' }, diff },
  })
  const { markdown, json } = renderReport(input)
  const comment = renderCommentBody(input, '<!-- apigw-stage-action:a1b2c3d4e5:pr-42 -->')
  JSON.stringify(json)
  const t2 = performance.now()
  return {
    diffMs: t1 - t0,
    diffCpuMs: (user + system) / 1000,
    renderMs: t2 - t1,
    commentChars: comment.length,
    summaryBytes: Buffer.byteLength(markdown),
    operations: {
      added: diff.counts.added,
      removed: diff.counts.removed,
      changed: diff.counts.changed,
      breaking: diff.counts.breaking,
    },
  }
}

const runs: Timing[] = []
let heapHighWaterBytes = 0
let maxRssBytes = process.resourceUsage().maxRSS * 1024
if (mode === 'full') {
  const profiler = new v8.GCProfiler()
  profiler.start()
  runs.push(once())
  const heapAtEnd = process.memoryUsage().heapUsed
  const { statistics } = profiler.stop()
  const beforeEachGc = statistics.map((s) => s.beforeGC.heapStatistics.usedHeapSize)
  heapHighWaterBytes = Math.max(heapAtEnd, ...beforeEachGc) - heapBefore
  maxRssBytes = process.resourceUsage().maxRSS * 1024
  for (let i = 1; i < iterations; i++) runs.push(once())
}
const operations = Object.keys((before as { paths: object }).paths).length * 7

process.stdout.write(`${JSON.stringify({ mode, variant, operations, runs, maxRssBytes, heapHighWaterBytes })}\n`)
