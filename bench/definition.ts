// Section 5 of `npm run bench`: a deploy with `definition` of a 300-resource API (2,100 operations). The stage already
// runs version 1 (deployed by the action from the file); the pull request's file adds one operation. Measured: the
// plan's diff alone (the file as API Gateway will serve it against the stage's export, in this process), and the
// whole dry run through the bundle (spawn → exit: file checks, reads, plan, diff, report; no AWS write).
import { GetExportCommand } from '@aws-sdk/client-api-gateway'
import { loadDefinition } from '../src/definition/load.js'
import { diffApiDefinitions } from '../src/diff/api-diff.js'
import { type Emulator, startEmulator } from '../test/emulator/index.js'
import { largeApi } from '../test/fixtures/openapi/large-api.js'
import { sdkClient } from '../test/support/emulator.js'
import { runDist } from '../test/support/run-dist.js'
import { median, ms, table } from './measure.js'

const RUNS = 5
const FILE = 'api/openapi.json'

/** Version 1 of the large API as a repository file, and version 2 with one more operation. */
function files(): { v1: string; v2: string } {
  const doc = largeApi(300) as { paths: Record<string, Record<string, unknown>> }
  const v1 = JSON.stringify(doc)
  const [path, item] = Object.entries(doc.paths)[0] as [string, Record<string, unknown>]
  const added = { ...doc, paths: { ...doc.paths, [path.replace('/items/', '/extras/')]: { get: item.get } } }
  return { v1, v2: JSON.stringify(added) }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await work()
  return { ms: performance.now() - start, value }
}

async function exportOf(emu: Emulator, restApiId: string, stageName: string): Promise<object> {
  const out = await sdkClient(emu).send(
    new GetExportCommand({
      restApiId,
      stageName,
      exportType: 'oas30',
      accepts: 'application/json',
      parameters: { extensions: 'integrations,authorizers' },
    }),
  )
  return JSON.parse(new TextDecoder().decode(out.body)) as object
}

export async function definitionSection(): Promise<string> {
  const { v1, v2 } = files()
  const emu = await startEmulator()
  try {
    const { restApiId } = emu.importDefinition(v1)
    const inputs = { 'rest-api-id': restApiId, stage: 'pr-42', definition: FILE, comment: 'false' }
    const first = await runDist({ endpoint: emu.url, inputs, files: { [FILE]: v1 }, timeoutMs: 180_000 })
    if (first.code !== 0) throw new Error(`the first deploy failed: ${first.errors.join('; ')}`)
    const exported = await exportOf(emu, restApiId, 'pr-42')

    const load: number[] = []
    const diff: number[] = []
    let counts = ''
    for (let i = 0; i < RUNS; i++) {
      const loaded = await timed(() => loadDefinition({ file: FILE, text: v2, substitutions: {}, basePath: 'ignore' }))
      if (!loaded.value.ok) throw new Error(loaded.value.problems[0]?.message)
      const served = loaded.value.value.served
      const compared = await timed(async () => diffApiDefinitions(exported, served))
      load.push(loaded.ms)
      diff.push(compared.ms)
      const c = compared.value.counts
      counts = `${c.added} added, ${c.removed} removed, ${c.changed} changed`
    }

    const dryRuns: number[] = []
    emu.clearCalls()
    for (let i = 0; i < RUNS; i++) {
      const run = await timed(() =>
        runDist({
          endpoint: emu.url,
          inputs: { ...inputs, 'dry-run': 'true' },
          files: { [FILE]: v2 },
          timeoutMs: 180_000,
        }),
      )
      if (run.value.code !== 0) throw new Error(`the dry run failed: ${run.value.errors.join('; ')}`)
      dryRuns.push(run.ms)
    }
    const writes = emu.writes().length
    return table(
      `5. Deploy with definition: 300 resources × 7 methods, the file adds one operation (median of ${RUNS})`,
      [
        [`file size`, `${(v2.length / 1024 / 1024).toFixed(2)} MB`],
        ['load the file: substitute, parse, validate, check, served form', ms(median(load))],
        [`plan diff: served form against the stage's export (${counts})`, ms(median(diff))],
        ['whole dry run through dist/, spawn → exit', ms(median(dryRuns))],
        [`AWS writes during the ${RUNS} dry runs`, String(writes)],
      ],
    )
  } finally {
    await emu.stop()
  }
}
