// A throw-away project on disk for running the repository's lint tools against code that breaks their rules on purpose.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll } from 'vitest'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

export interface ToolRun {
  status: number | null
  stdout: string
  stderr: string
}

/**
 * For the enclosing describe block: writes `files` (path → content) into a new temporary directory that shares the
 * repository's node_modules, and removes it afterwards. Returns the directory's path once the block runs.
 */
export function useFixtureProject(files: Record<string, string>): () => string {
  let dir = ''
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tooling-fixture-'))
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), content)
    }
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return () => dir
}

/** The repository's own tsconfig.json, so a fixture resolves imports exactly as the project does. */
export function projectTsconfig(): string {
  return readFileSync(join(repoRoot, 'tsconfig.json'), 'utf8')
}

/** Runs a tool's CLI script (a path under the repository) with this Node, in `cwd`. */
export function runTool(script: string, args: string[], cwd: string): ToolRun {
  const result = spawnSync(process.execPath, [join(repoRoot, script), ...args], { cwd, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
