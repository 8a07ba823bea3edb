// The import rules in .dependency-cruiser.cjs (`npm run lint:layers`): each one fails on a fixture that breaks it,
// and the real src/ passes them all.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectTsconfig, repoRoot, runTool, type ToolRun, useFixtureProject } from './fixture-project.js'

const DEPCRUISE = 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'

const lines = (...text: string[]) => `${text.join('\n')}\n`

// One or two files per rule; the comment after each import says which rule it breaks, if any.
const FIXTURE = {
  'tsconfig.json': projectTsconfig(),
  'package.json': JSON.stringify({
    type: 'module',
    dependencies: { '@actions/core': '*', '@actions/github': '*', '@aws-sdk/client-api-gateway': '*' },
  }),
  // The repository's rules, with node_modules seen through the fixture's symlink as in a real checkout.
  '.dependency-cruiser.cjs': `module.exports = {
    extends: ${JSON.stringify(join(repoRoot, '.dependency-cruiser.cjs'))},
    options: { preserveSymlinks: true },
  }`,
  'src/index.ts': lines(`import { main } from './main.js'`, `main()`),
  'src/main.ts': lines(
    `import { runSteps } from './steps/run.js'`,
    `import { shout } from './helpers.js' // import-of-module-outside-layers`,
    `export function main() { runSteps(); shout() }`,
  ),
  'src/helpers.ts': lines(
    `import { text } from './lib/text.js' // module-outside-layers`,
    `export const shout = () => text`,
  ),
  'src/steps/run.ts': lines(
    `import * as core from '../runner/actions-core.js'`,
    `import { callApi } from '../apigateway/call.js'`,
    `import { render } from '../report/render.js'`,
    `import { readInput } from '../inputs/read.js'`,
    `import { stageState } from '../model/state.js'`,
    `import { client } from '../github/client.js'`,
    `import { env } from '../runner/env.js'`,
    `import { a } from '../diff/a.js'`,
    `export function runSteps() { core.info(String([callApi, render, readInput, stageState, client, env, a])) }`,
  ),
  'src/apigateway/call.ts': lines(
    `import { APIGatewayClient } from '@aws-sdk/client-api-gateway'`,
    `import { plan } from '../plan/plan.js'`,
    `export const callApi = () => [new APIGatewayClient({}), plan]`,
  ),
  'src/plan/plan.ts': lines(
    `import * as core from '@actions/core' // actions-core-only-at-the-edges`,
    `export const plan = core.info`,
  ),
  'src/lib/text.ts': lines(`import { plan } from '../plan/plan.js' // layer-lib`, `export const text = String(plan)`),
  'src/lib/orphan.ts': lines(`export const nothing = 1 // no-orphans`),
  'src/model/state.ts': lines(
    `import type { Stage } from '@aws-sdk/client-api-gateway' // only-apigateway-imports-aws-sdk`,
    `export const stageState = (stage: Stage) => stage`,
  ),
  'src/github/client.ts': lines(
    `import { getOctokit } from '@actions/github'`,
    `import { stageState } from '../model/state.js' // layer-github`,
    `export const client = [getOctokit, stageState]`,
  ),
  'src/report/render.ts': lines(
    `import { context } from '@actions/github' // only-github-imports-actions-github`,
    `export const render = context`,
  ),
  'src/diff/a.ts': lines(`import { b } from './b.js' // no-circular`, `export const a = () => b`),
  'src/diff/b.ts': lines(`import { a } from './a.js' // no-circular`, `export const b = () => a`),
  'src/runner/env.ts': lines(
    `import { fixture } from '../../test/fixture.js' // src-not-to-test-or-bench`,
    `export const env = fixture`,
  ),
  'src/inputs/read.ts': lines(
    `import * as core from '../runner/actions-core.js'`,
    `import { missing } from './missing.js' // not-to-unresolvable`,
    `import { parse } from './parse.js'`,
    `export const readInput = () => core.getInput(String([missing, parse]))`,
  ),
  'src/inputs/parse.ts': lines(
    `import { info } from '../runner/actions-core.js' // only-runner-steps-inputs-log`,
    `export const parse = info`,
  ),
  'src/runner/actions-core.ts': lines(
    `import * as core from '@actions/core'`,
    `export const getInput = core.getInput`,
    `export const info = core.info`,
  ),
  'test/fixture.ts': `export const fixture = 1\n`,
}

/** Every violation as `rule: from → to`, sorted; a package is named by its folder, not the file it resolves to. */
function violations(run: ToolRun): string[] {
  const result = JSON.parse(run.stdout) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[] }
  }
  const packageFolder = (path: string) => path.replace(/^(node_modules\/(@[^/]+\/)?[^/]+)\/.*$/, '$1')
  return result.summary.violations.map(({ rule, from, to }) => `${rule.name}: ${from} → ${packageFolder(to)}`).sort()
}

describe('layer rules on a fixture that breaks each of them', () => {
  const fixtureDir = useFixtureProject(FIXTURE)

  it('reports exactly the planted violations, and nothing for the allowed imports', () => {
    // The JSON output lists every violation but exits 0; the exit code is checked on CI's output type below.
    const run = runTool(DEPCRUISE, ['src', '--output-type', 'json'], fixtureDir())
    expect(run.stderr).toBe('')
    expect(violations(run)).toEqual([
      'actions-core-only-at-the-edges: src/plan/plan.ts → node_modules/@actions/core',
      'import-of-module-outside-layers: src/main.ts → src/helpers.ts',
      'layer-github: src/github/client.ts → src/model/state.ts',
      'layer-lib: src/lib/text.ts → src/plan/plan.ts',
      'module-outside-layers: src/helpers.ts → src/lib/text.ts',
      'no-circular: src/diff/a.ts → src/diff/b.ts',
      'no-orphans: src/lib/orphan.ts → src/lib/orphan.ts',
      'not-to-unresolvable: src/inputs/read.ts → ./missing.js',
      'only-apigateway-imports-aws-sdk: src/model/state.ts → node_modules/@aws-sdk/client-api-gateway',
      'only-github-imports-actions-github: src/report/render.ts → node_modules/@actions/github',
      'only-runner-steps-inputs-log: src/inputs/parse.ts → src/runner/actions-core.ts',
      'src-not-to-test-or-bench: src/runner/env.ts → test/fixture.ts',
    ])
  })

  it('fails the way CI prints it: a non-zero exit, the rule, the import and why', () => {
    const run = runTool(DEPCRUISE, ['src', '--output-type', 'err-long'], fixtureDir())
    expect(run.status).not.toBe(0)
    expect(run.stdout).toContain('error layer-lib: src/lib/text.ts → src/plan/plan.ts')
    expect(run.stdout).toContain('src/lib/ may import only from src/lib/.')
  })
})

describe('layer rules on the real src/', () => {
  it('passes', () => {
    const run = runTool(
      DEPCRUISE,
      ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err-long'],
      repoRoot,
    )
    expect(run.stdout + run.stderr).not.toMatch(/error /)
    expect(run.status).toBe(0)
  })
})
