// .github/ as `npm run lint:workflows` checks it (scripts/lint-workflows.mjs): the repository's files pass, and each
// check fails on a file that breaks it. Also the token permissions each workflow's jobs get, and one pin per action.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
// @ts-expect-error plain ESM script without type declarations
import { dependabotProblems } from '../../scripts/lint-workflows.mjs'

const dependabot = dependabotProblems as (content: string) => string[]
const SCRIPT = fileURLToPath(new URL('../../scripts/lint-workflows.mjs', import.meta.url))

/**
 * The problems `npm run lint:workflows` reports for a .github directory, run the same way: under tsx, because the
 * workflow parser imports its JSON schema without an import attribute, which Node (and so vitest) refuses.
 */
function lint(dir: string): string[] {
  const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, dir], { encoding: 'utf8' })
  const problems = run.stderr.split('\n').filter(Boolean)
  expect(run.status).toBe(problems.length > 0 ? 1 : 0)
  return problems
}

const GITHUB_DIR = fileURLToPath(new URL('../../.github', import.meta.url))
const WORKFLOWS = join(GITHUB_DIR, 'workflows')
const workflowFiles = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml'))
const scratch = mkdtempSync(join(tmpdir(), 'lint-workflows-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1'
const GOOD_DEPENDABOT =
  'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n'

/** A .github directory holding one workflow and a dependabot.yml. */
function githubDir(name: string, workflow: string, dependabotYml = GOOD_DEPENDABOT): string {
  const dir = join(scratch, name)
  mkdirSync(join(dir, 'workflows'), { recursive: true })
  writeFileSync(join(dir, 'workflows', 'w.yml'), workflow)
  writeFileSync(join(dir, 'dependabot.yml'), dependabotYml)
  return dir
}

const lines = (...text: string[]) => `${text.join('\n')}\n`

describe('lint:workflows', () => {
  it("passes the repository's workflows and dependabot.yml", () => {
    expect(lint(GITHUB_DIR)).toEqual([])
  })

  it("reports what GitHub's grammar rejects: unknown keys and values, unclosed or unknown expressions", () => {
    const workflow = lines(
      'on:',
      '  pul_request:',
      'permissions:',
      '  contents: reed',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a JS template
      '      - run: echo ${{ steps.x.outputs.y }',
      '      - run: echo hi',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a JS template
      '        if: ${{ foo.bar }}',
    )
    const problems = lint(githubDir('grammar', workflow))
    expect(problems).toEqual([
      "w.yml (Line: 2, Col: 3): Unexpected value 'pul_request'",
      "w.yml (Line: 4, Col: 13): Unexpected value 'reed'",
      expect.stringContaining('w.yml (Line: 9, Col: 14): The expression is not closed.'),
      "w.yml (Line: 11, Col: 13): Unrecognized named-value: 'foo'",
    ])
  })

  it('reports actions not pinned to a full SHA with a version comment, and jobs without permissions', () => {
    const workflow = lines(
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    permissions:',
      '      contents: read',
      '    steps:',
      '      - uses: actions/checkout@v7',
      `      - uses: ${CHECKOUT}`,
      `      - uses: '${CHECKOUT}' # v7.0.1`,
      '      - uses: ./',
      '  b:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo',
    )
    expect(lint(githubDir('pins', workflow))).toEqual([
      'w.yml:8: actions/checkout@v7 is not pinned to a full commit SHA',
      `w.yml:9: ${CHECKOUT} has no "# vX.Y.Z" comment naming its version`,
      'w.yml: job b has no permissions: (nor has the workflow)',
    ])
  })

  it('reports dependabot.yml keys and values that GitHub does not document', () => {
    const broken = lines(
      'version: 1',
      'update:',
      '  - package-ecosystem: npm',
      'updates:',
      '  - package-ecosystem: github_actions',
      '    schedule:',
      '      interval: fortnightly',
      '    groups:',
      '      all:',
      '        pattern: ["*"]',
      '        dependency-type: production',
    )
    expect(dependabot(broken)).toEqual([
      'dependabot.yml: unknown key update',
      'dependabot.yml: version must be 2',
      'dependabot.yml: updates[0]: unknown package-ecosystem github_actions',
      'dependabot.yml: updates[0]: directory or directories is required',
      expect.stringContaining('dependabot.yml: updates[0]: schedule.interval fortnightly is not one of'),
      'dependabot.yml: updates[0].groups.all: unknown key pattern',
      'dependabot.yml: updates[0].groups.all: dependency-type is not supported for github_actions',
    ])
  })
})

describe('the workflows', () => {
  const permissions = (file: string) => {
    const workflow = parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as {
      permissions?: unknown
      jobs: Record<string, { permissions?: unknown }>
    }
    return {
      workflow: workflow.permissions,
      ...Object.fromEntries(Object.entries(workflow.jobs).map(([id, job]) => [id, job.permissions])),
    }
  }

  it('give each job the least token permissions it needs', () => {
    expect(permissions('ci.yml')).toEqual({ workflow: { contents: 'read' }, test: undefined, demo: undefined })
    expect(permissions('self-test.yml')).toEqual({ workflow: { contents: 'read' }, 'self-test': undefined })
    expect(permissions('check-dist.yml')).toEqual({
      workflow: { contents: 'read' },
      'check-dist': undefined,
      'rebuild-dist-for-dependabot': { contents: 'write' },
    })
    expect(permissions('release.yml')).toEqual({
      workflow: {},
      verify: { contents: 'read', actions: 'read' },
      release: { contents: 'write' },
      rollback: { contents: 'write' },
    })
  })

  it('pin each action to one commit and version everywhere, so an update moves them all', () => {
    const pins = new Map<string, Set<string>>()
    for (const file of workflowFiles) {
      const text = readFileSync(join(WORKFLOWS, file), 'utf8')
      for (const [, action = '', pin = ''] of text.matchAll(/uses: ([\w.-]+\/[\w.-]+)@([0-9a-f]{40} # v[\d.]+)/g)) {
        pins.set(action, (pins.get(action) ?? new Set()).add(pin))
      }
    }
    expect(pins.size).toBeGreaterThan(0)
    for (const [action, versions] of pins) expect([action, versions.size]).toEqual([action, 1])
  })
})
