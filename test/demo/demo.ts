// `npm run demo`: the whole flow on this machine. Starts the local API Gateway emulator with two APIs, then runs the
// committed dist/index.js exactly as the GitHub runner would: three runs on a sample API as it is in API Gateway, then
// four with an OpenAPI file from the repository (deploy main's file, plan a pull request's change, deploy it, re-run).
import { existsSync } from 'node:fs'
import { startEmulator } from '../emulator/index.js'
import { readDefinitionFile, SUBSTITUTIONS } from '../fixtures/definitions/index.js'
import { DIST_ENTRY, runDist } from '../support/run-dist.js'

type Step = [title: string, inputs: Record<string, string>, files?: Record<string, string>]

const FILE = 'api/openapi.yaml'
const MAIN_FILE = readDefinitionFile('orders-lambda-proxy.oas30.yaml')
/** The pull request makes the `status` filter of GET /orders required: a breaking change for callers. */
const PR_FILE = MAIN_FILE.replace(
  '        - name: status\n          in: query\n',
  '        - name: status\n          in: query\n          required: true\n',
)
const definition = {
  'rest-api-name': 'orders-api',
  definition: FILE,
  'definition-substitutions': ['REGION', 'ACCOUNT_ID', 'ORDERS_FUNCTION_ARN', 'USER_POOL_ARN']
    .map((key) => `${key}=${SUBSTITUTIONS[key]}`)
    .join('\n'),
}

const STEPS: Step[] = [
  ['1. Deploy to a new stage "dev" with two variables', { stage: 'dev', variables: 'lambdaAlias=dev\nlogLevel=debug' }],
  ['2. Change one variable and redeploy (the other is kept)', { stage: 'dev', variables: 'logLevel=info' }],
  [
    '3. Dry run of a promotion of "dev" to "prod"',
    { stage: 'prod', operation: 'promote', 'promote-from': 'dev', 'dry-run': 'true' },
  ],
  [
    '4. Deploy main\'s api/openapi.yaml to "staging" (imported, then deployed)',
    { ...definition, stage: 'staging' },
    { [FILE]: MAIN_FILE },
  ],
  [
    "5. A pull request's api/openapi.yaml, planned against staging (dry run: no AWS write)",
    { ...definition, stage: 'pr-7', 'diff-against': 'staging', 'dry-run': 'true' },
    { [FILE]: PR_FILE },
  ],
  [
    '6. The same file deployed to the preview stage "pr-7"',
    { ...definition, stage: 'pr-7', 'diff-against': 'staging' },
    { [FILE]: PR_FILE },
  ],
  [
    '7. The same run again: the stage already runs this file, nothing to do',
    { ...definition, stage: 'pr-7' },
    { [FILE]: PR_FILE },
  ],
]

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)

async function main(): Promise<void> {
  if (!existsSync(DIST_ENTRY)) throw new Error('dist/index.js is missing: run `npm run package` first')
  const emu = await startEmulator()
  try {
    const { restApiId } = emu.seedSampleApi({ name: 'pets-api' })
    console.log(`Local API Gateway emulator at ${emu.url}, sample REST API 'pets-api' = ${restApiId}`)
    const orders = emu.importDefinition(
      MAIN_FILE.replace(/\$\{(\w+)\}/g, (whole, key: string) => SUBSTITUTIONS[key] ?? whole),
    )
    console.log(`and REST API 'orders-api' = ${orders.restApiId}, imported from its OpenAPI file\n`)
    for (const [title, given, files] of STEPS) {
      const inputs = { 'rest-api-name': 'pets-api', ...given }
      console.log(bold(`=== ${title}`))
      console.log(`inputs: ${JSON.stringify(inputs)}`)
      emu.clearCalls()
      const run = await runDist({ endpoint: emu.url, inputs, ...(files ? { files } : {}) })
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
