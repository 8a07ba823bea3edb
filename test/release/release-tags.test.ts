// The floating tags vX and vX.Y (scripts/release-tags.mjs), as the release workflow moves them: in a scratch
// repository that pushes to a local bare remote, release after release, then the rollback of a bad release.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// @ts-expect-error plain ESM script without type declarations
import { compareVersions, parseVersion, releaseMoves } from '../../scripts/release-tags.mjs'

type Version = { tag: string }
const parse = parseVersion as (tag: string) => Version | undefined
const compare = compareVersions as (a: Version, b: Version) => number
const movesFor = releaseMoves as (tag: string, tags: string[]) => { tag: string; to: string }[]

const SCRIPT = fileURLToPath(new URL('../../scripts/release-tags.mjs', import.meta.url))
// Git without the machine's own configuration, with an identity for the scratch commits.
const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release-test@example.com',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release-test@example.com',
}

let dir: string
let work: string
let remote: string
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim()
const tagsScript = (...args: string[]) =>
  spawnSync(process.execPath, [SCRIPT, ...args], { cwd: work, env: GIT_ENV, encoding: 'utf8' })

/** A new commit tagged `tag` (annotated when asked), pushed with its tag, then released with --push. */
function release(tag: string, { annotated = false } = {}) {
  git(work, 'commit', '--allow-empty', '--quiet', '-m', `release ${tag}`)
  if (annotated) git(work, 'tag', '-a', tag, '-m', tag)
  else git(work, 'tag', tag)
  git(work, 'push', '--quiet', 'origin', 'main', tag)
  const run = tagsScript('release', tag, '--push')
  expect(run.status, run.stderr).toBe(0)
  return run.stdout
}

/** Which release each floating tag points at on the remote: the tag naming the same commit. */
function remoteFloatingTags(): Record<string, string> {
  const lines = git(remote, 'for-each-ref', '--format=%(refname:short) %(objectname) %(*objectname)', 'refs/tags')
  const commits = lines.split('\n').map((line) => {
    const [name = '', object, peeled] = line.split(' ')
    return [name, peeled || object] as const
  })
  const releaseAt = (commit: string | undefined) =>
    commits.find(([name, c]) => c === commit && parse(name) !== undefined)?.[0] ?? '(no release)'
  return Object.fromEntries(commits.filter(([name]) => !parse(name)).map(([name, c]) => [name, releaseAt(c)]))
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'release-tags-'))
  remote = join(dir, 'remote.git')
  work = join(dir, 'work')
  git(dir, 'init', '--quiet', '--bare', remote)
  git(dir, 'init', '--quiet', '-b', 'main', work)
  git(work, 'remote', 'add', 'origin', remote)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('versions', () => {
  it('sort by semver precedence, pre-releases before their release', () => {
    const tags = ['v1.0.0', 'v1.0.0-rc.10', 'v0.9.9', 'v1.0.0-alpha', 'v1.0.0-rc.2', 'v1.0.0-beta.2', 'v1.0.0-rc.1']
    const sorted = tags.map((t) => parse(t) as Version).sort(compare)
    expect(sorted.map((v) => v.tag)).toEqual([
      'v0.9.9',
      'v1.0.0-alpha',
      'v1.0.0-beta.2',
      'v1.0.0-rc.1',
      'v1.0.0-rc.2',
      'v1.0.0-rc.10',
      'v1.0.0',
    ])
  })

  it('are vX.Y.Z tags only: floating tags and other names are not', () => {
    expect(['v1', 'v1.2', '1.2.3', 'v01.2.3', 'release-1'].map(parse)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ])
  })

  it('a backported patch moves its minor tag, not the major that a later minor holds', () => {
    expect(movesFor('v1.2.4', ['v1.2.3', 'v1.3.0', 'v1.2.4'])).toEqual([{ tag: 'v1.2', to: 'v1.2.4' }])
  })
})

describe('release-tags.mjs in a repository with a remote', () => {
  it('each release moves vX and vX.Y to itself when it is the newest of the line', () => {
    expect(release('v1.0.0')).toContain('v1: (new) ->')
    release('v1.1.0', { annotated: true })
    expect(remoteFloatingTags()).toEqual({ v1: 'v1.1.0', 'v1.0': 'v1.0.0', 'v1.1': 'v1.1.0' })
  })

  it('a pre-release moves nothing; the next major gets its own tags and leaves v1 alone', () => {
    expect(release('v2.0.0-rc.1')).toContain('No floating tag to move.')
    release('v2.0.0')
    expect(remoteFloatingTags()).toMatchObject({ v1: 'v1.1.0', v2: 'v2.0.0', 'v2.0': 'v2.0.0' })
  })

  it('a backport to an older minor moves that minor only', () => {
    release('v1.0.1')
    expect(remoteFloatingTags()).toMatchObject({ v1: 'v1.1.0', 'v1.0': 'v1.0.1', 'v1.1': 'v1.1.0' })
  })

  it('rollback moves the major tag, and the minor tag that holds the bad release, back to an earlier release', () => {
    release('v1.1.1', { annotated: true })
    expect(remoteFloatingTags()).toMatchObject({ v1: 'v1.1.1', 'v1.1': 'v1.1.1' })
    const run = tagsScript('rollback', 'v1.1.0', '--major', 'v1', '--push')
    expect(run.status, run.stderr).toBe(0)
    expect(remoteFloatingTags()).toEqual({
      v1: 'v1.1.0',
      'v1.0': 'v1.0.1',
      'v1.1': 'v1.1.0',
      v2: 'v2.0.0',
      'v2.0': 'v2.0.0',
    })
    expect(tagsScript('rollback', 'v1.1.0', '--major', 'v1', '--push').stdout).toContain('No floating tag to move.')
  })

  it('rollback refuses to cross majors, to move forward, and releases that do not exist', () => {
    const refused = (args: string[], message: string) => {
      const run = tagsScript(...args)
      expect(run.status).toBe(1)
      expect(run.stderr).toContain(message)
    }
    refused(['rollback', 'v1.1.0', '--major', 'v2'], 'refusing to move v2 to v1.1.0: a major tag only points at')
    refused(
      ['rollback', 'v1.1.1', '--major', 'v1'],
      'v1 points at v1.1.0, older than v1.1.1: a rollback only moves back',
    )
    refused(['rollback', 'v1.4.0', '--major', 'v1'], 'v1.4.0 is not a tag of this repository')
    refused(['rollback', 'v2.0.0-rc.1', '--major', 'v2'], 'v2.0.0-rc.1 is not a release like v1.2.3')
    refused(['release', 'v3.0.0'], 'v3.0.0 is not a tag of this repository')
    expect(remoteFloatingTags()).toMatchObject({ v1: 'v1.1.0', v2: 'v2.0.0' })
  })
})
