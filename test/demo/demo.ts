// `npm run demo`: the whole flow on this machine. Starts the local API Gateway emulator with a sample
// API, then runs the committed dist/index.js exactly as the GitHub runner would, three times.
import { existsSync } from 'node:fs'
import { startEmulator } from '../emulator/index.js'
import { DIST_ENTRY, runDist } from '../support/run-dist.js'

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)

async function main(): Promise<void> {
  if (!existsSync(DIST_ENTRY)) throw new Error('dist/index.js is missing: run `npm run package` first')
  const emu = await startEmulator()
  try {
    const { restApiId } = emu.seedSampleApi({ name: 'pets-api' })
    console.log(`Local API Gateway emulator at ${emu.url}, sample REST API 'pets-api' = ${restApiId}\n`)
    const steps: Array<[string, Record<string, string>]> = [
      [
        '1. Deploy to a new stage "dev" with two variables',
        { stage: 'dev', variables: 'lambdaAlias=dev\nlogLevel=debug' },
      ],
      ['2. Change one variable and redeploy (the other is kept)', { stage: 'dev', variables: 'logLevel=info' }],
      [
        '3. Dry run of a promotion of "dev" to "prod"',
        { stage: 'prod', operation: 'promote', 'promote-from': 'dev', 'dry-run': 'true' },
      ],
    ]
    for (const [title, inputs] of steps) {
      console.log(bold(`=== ${title}`))
      console.log(`inputs: ${JSON.stringify({ 'rest-api-name': 'pets-api', ...inputs })}`)
      emu.clearCalls()
      const run = await runDist({ endpoint: emu.url, inputs: { 'rest-api-name': 'pets-api', ...inputs } })
      const log = run.stdout
        .split('\n')
        // Runner directives the real runner consumes (masking, debug) are not shown.
        .filter((l) => l && !l.startsWith('::add-mask::') && !l.startsWith('::debug'))
        .join('\n')
      console.log(`--- action log (exit code ${run.code})\n${log}`)
      console.log('--- AWS calls received by the emulator')
      for (const c of emu.calls) console.log(`  ${c.method} ${c.path} → ${c.status} (${c.operation})`)
      console.log('--- step outputs')
      for (const [k, v] of Object.entries(run.outputs)) if (v && !k.startsWith('diff-')) console.log(`  ${k} = ${v}`)
      if (run.summary.trim()) console.log(`--- job summary\n${run.summary.trim()}`)
      console.log()
      if (run.code !== 0) throw new Error(`step failed: ${run.errors.join('; ')}`)
    }
    console.log(bold('Demo finished: every step ran the bundled action against the local emulator.'))
  } finally {
    await emu.stop()
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
