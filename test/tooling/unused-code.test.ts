// The unused-code check in knip.jsonc (`npm run lint:unused`): it fails on a fixture with an unused file, export,
// type and dependency, and leaves alone what the configuration allows (names the service fakes export for later).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectTsconfig, repoRoot, runTool, type ToolRun, useFixtureProject } from './fixture-project.js'

const KNIP = 'node_modules/knip/bin/knip.js'
const KNIP_ARGS = ['--config', join(repoRoot, 'knip.jsonc'), '--no-progress', '--no-config-hints']

const FIXTURE = {
  'tsconfig.json': projectTsconfig(),
  'package.json': JSON.stringify({ name: 'fixture', type: 'module', dependencies: { yaml: '*' } }),
  'src/index.ts': `import { used } from './lib/text.js'\nconsole.log(used)\n`,
  'src/lib/text.ts': ['export const used = 1', 'export const unusedExport = 2', 'export type UnusedType = string'].join(
    '\n',
  ),
  'src/lib/leftover.ts': 'export const leftover = 1\n',
  'test/text.test.ts': [
    `import { used } from '../src/lib/text.js'`,
    `import { helper } from './support/helper.js'`,
    `import { EMULATED } from './emulator/api.js'`,
    'console.log(used, helper, EMULATED)',
  ].join('\n'),
  // A shared test helper is held to the same rule as src/; the emulator may export names no test uses yet.
  'test/support/helper.ts': 'export const helper = 1\nexport const unusedHelper = 2\n',
  'test/emulator/api.ts': 'export const EMULATED = 1\nexport const NOT_USED_YET = 2\n',
}

/** knip's JSON report: per file, a list of findings under each kind of issue. */
interface KnipReport {
  issues: { file: string; [issueType: string]: unknown }[]
}

/** Every finding as `kind: file name` (an unused file is just `files: file`), sorted. */
function findings(run: ToolRun): string[] {
  const report = JSON.parse(run.stdout) as KnipReport
  return report.issues
    .flatMap(({ file, ...byType }) =>
      Object.entries(byType).flatMap(([type, items]) =>
        Array.isArray(items)
          ? items.map((item: { name: string }) =>
              type === 'files' ? `files: ${file}` : `${type}: ${file} ${item.name}`,
            )
          : [],
      ),
    )
    .sort()
}

describe('unused-code check on a fixture with unused code', () => {
  const fixtureDir = useFixtureProject(FIXTURE)

  it('reports the unused file, export, type, test helper and dependency, and not the emulator', () => {
    const run = runTool(KNIP, [...KNIP_ARGS, '--reporter', 'json'], fixtureDir())
    expect(findings(run)).toEqual([
      'dependencies: package.json yaml',
      'exports: src/lib/text.ts unusedExport',
      'exports: test/support/helper.ts unusedHelper',
      'files: src/lib/leftover.ts',
      'types: src/lib/text.ts UnusedType',
    ])
    expect(run.status).not.toBe(0)
  })

  it('fails the way CI prints it: a non-zero exit and a list per kind of finding', () => {
    const run = runTool(KNIP, KNIP_ARGS, fixtureDir())
    expect(run.status).not.toBe(0)
    expect(run.stdout).toMatch(/Unused exports \(2\)[\s\S]*unusedExport[\s\S]*src\/lib\/text\.ts/)
  })
})
