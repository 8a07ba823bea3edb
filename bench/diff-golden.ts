// The API diff over the golden corpus (test/diff/golden/): results and timings, to show that a change of src/diff/
// keeps every result and to compare its speed. Run under Node 24 with tsx:
//
//   node scripts/with-node24.mjs --import tsx bench/diff-golden.ts run RUNS OUT.json=MODULE [OUT2.json=MODULE2 …]
//       diffs every case RUNS times with each MODULE's diffApiDefinitions (e.g. src/diff/api-diff.ts and a copy of
//       the previous version), the modules taking turns so that the machine's load weighs on each alike; writes each
//       module's results and times (the median and every run, in ms) to its OUT.json
//   node scripts/with-node24.mjs --import tsx bench/diff-golden.ts compare BEFORE.json AFTER.json
//       fails unless every result is deep-equal; prints the times side by side
//   node scripts/with-node24.mjs --import tsx bench/diff-golden.ts fixture [MODULE]
//       rewrites test/fixtures/diff-golden/api-diff.json, which test/diff/api-diff-golden.test.ts compares with
import { readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import type { GoldenCase } from '../test/diff/golden/case.js'
import { goldenCases } from '../test/diff/golden/corpus.js'
import { type CaseOutcome, type DiffFunction, goldenRecord, runCase } from '../test/diff/golden/record.js'
import { median } from './measure.js'

const FIXTURE = new URL('../test/fixtures/diff-golden/api-diff.json', import.meta.url)

interface TimedOutcome extends CaseOutcome {
  large: boolean
  /** Every run's wall-clock and CPU times; `ms` and `cpuMs` are their medians. */
  runsMs: number[]
  runsCpuMs: number[]
}

async function loadDiff(module: string): Promise<DiffFunction> {
  const loaded = (await import(pathToFileURL(module).href)) as { diffApiDefinitions: DiffFunction }
  return loaded.diffApiDefinitions
}

async function run(runs: number, targets: string[]): Promise<void> {
  const modules = await Promise.all(
    targets.map(async (target) => {
      const [out = '', module = 'src/diff/api-diff.ts'] = target.split('=')
      return { out, module, diff: await loadDiff(module), outcomes: [] as TimedOutcome[] }
    }),
  )
  for (const c of goldenCases()) {
    const samples = modules.map(() => [] as CaseOutcome[])
    for (let i = 0; i < runs; i++) {
      // Each module in turn, starting with a different one on each run.
      for (let j = 0; j < modules.length; j++) {
        const k = (i + j) % modules.length
        const module = modules[k]
        if (module !== undefined) samples[k]?.push(runCase(module.diff, c))
      }
    }
    const timed = samples.map((list) => summarise(c, list))
    for (const [k, m] of modules.entries()) m.outcomes.push(timed[k] as TimedOutcome)
    if (c.large) process.stderr.write(`${c.name}: CPU ${timed.map((t) => t.cpuMs.toFixed(0)).join(' / ')} ms\n`)
  }
  for (const m of modules) {
    writeFileSync(m.out, JSON.stringify({ module: m.module, node: process.version, runs, cases: m.outcomes }))
    process.stderr.write(`${m.outcomes.length} cases → ${m.out}\n`)
  }
}

/** The first run's result, with the medians and every run's times. */
function summarise(c: GoldenCase, samples: CaseOutcome[]): TimedOutcome {
  const runsMs = samples.map((s) => s.ms)
  const runsCpuMs = samples.map((s) => s.cpuMs)
  const first = samples[0] as CaseOutcome
  return { ...first, ms: median(runsMs), cpuMs: median(runsCpuMs), runsMs, runsCpuMs, large: c.large === true }
}

function compare(beforeFile: string, afterFile: string): void {
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { cases: TimedOutcome[] }
  const before = read(beforeFile).cases
  const after = new Map(read(afterFile).cases.map((c) => [c.name, c]))
  let different = 0
  for (const b of before) {
    const a = after.get(b.name)
    const same = a !== undefined && isDeepStrictEqual(a.result, b.result) && a.error === b.error
    if (!same) {
      different++
      process.stdout.write(`DIFFERENT: ${b.name}\n`)
    }
  }
  if (after.size !== before.length) different++
  process.stdout.write(`${before.length} cases, ${different === 0 ? 'all deep-equal' : `${different} different`}\n\n`)
  process.stdout.write('Medians in ms, wall clock (CPU time)\n\n| case | before | after |\n|---|---:|---:|\n')
  const cell = (list: Array<TimedOutcome | undefined>) => {
    const sum = (pick: (c: TimedOutcome) => number) => list.reduce((s, c) => s + (c ? pick(c) : 0), 0)
    return `${sum((c) => c.ms).toFixed(0)} (${sum((c) => c.cpuMs).toFixed(0)})`
  }
  for (const b of before.filter((c) => c.large)) {
    process.stdout.write(`| ${b.name} | ${cell([b])} | ${cell([after.get(b.name)])} |\n`)
  }
  const small = before.filter((c) => !c.large)
  const smallAfter = small.map((c) => after.get(c.name))
  process.stdout.write(`| the ${small.length} small cases (sum) | ${cell(small)} | ${cell(smallAfter)} |\n`)
  if (different > 0) process.exitCode = 1
}

async function fixture(module = 'src/diff/api-diff.ts'): Promise<void> {
  const diff = await loadDiff(module)
  const records = goldenCases()
    .filter((c) => c.timingOnly !== true)
    .map((c) => goldenRecord(c, runCase(diff, c)))
  writeFileSync(FIXTURE, `${JSON.stringify(records, null, 1)}\n`)
  process.stderr.write(`${records.length} cases → ${FIXTURE.pathname}\n`)
}

const [command, ...args] = process.argv.slice(2)
if (command === 'run' && args.length >= 2) await run(Number(args[0]), args.slice(1))
else if (command === 'compare' && args[0] !== undefined && args[1] !== undefined) compare(args[0], args[1])
else if (command === 'fixture') await fixture(args[0])
else
  throw new Error('usage: diff-golden.ts run RUNS OUT.json=MODULE… | compare BEFORE.json AFTER.json | fixture [MODULE]')
