// Moves the plain floating tags vX and vX.Y that users pin (`uses: OWNER/apigateway-stage-action@v1`). They are
// never releases: with immutable releases a release's own tag can never move, so only vX.Y.Z is a release.
//
//   node scripts/release-tags.mjs release v1.2.3 [--push]            after releasing v1.2.3
//   node scripts/release-tags.mjs rollback v1.2.2 --major v1 [--push] v1 back to v1.2.2 (the rollback of a bad release)
//
// `release` moves vX and vX.Y to the release, each only when the release is the newest of its line (a backported
// v1.2.4 after v1.3.0 moves v1.2, not v1); a pre-release moves nothing. `rollback` moves vX (and vX.Y when it points
// at a later release) back to an earlier release of the same major, and refuses anything else. Runs in the current
// git repository; --push force-pushes the moved tags to --remote (default origin).
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const VERSION = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/

/** `v1.2.3` or `v1.2.3-rc.1` as numbers; undefined for anything else (floating tags, other names). */
export function parseVersion(tag) {
  const m = VERSION.exec(tag)
  if (!m) return undefined
  return { tag, major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: m[4] }
}

/** Semver precedence of two parsed versions: negative when a comes first. */
export function compareVersions(a, b) {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch
  if (core !== 0) return core
  if (a.prerelease === b.prerelease) return 0
  if (a.prerelease === undefined) return 1
  if (b.prerelease === undefined) return -1
  return comparePrerelease(a.prerelease.split('.'), b.prerelease.split('.'))
}

function comparePrerelease(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === undefined) return -1
    if (b[i] === undefined) return 1
    const [x, y] = [a[i], b[i]]
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y)
    const order = numeric ? Number(x) - Number(y) : /^\d+$/.test(x) ? -1 : /^\d+$/.test(y) ? 1 : x.localeCompare(y)
    if (order !== 0) return order
  }
  return 0
}

const majorTag = (v) => `v${v.major}`
const minorTag = (v) => `v${v.major}.${v.minor}`

/** The floating tags releasing `tag` moves, given every release tag of the repository (itself included). */
export function releaseMoves(tag, releaseTags) {
  const release = parseVersion(tag)
  if (!release) throw new Error(`${tag} is not a release tag like v1.2.3`)
  if (release.prerelease !== undefined) return []
  const finals = releaseTags.map(parseVersion).filter((v) => v !== undefined && v.prerelease === undefined)
  const newestOf = (line) => finals.filter(line).every((other) => compareVersions(other, release) <= 0)
  const moves = []
  if (newestOf((v) => v.major === release.major)) moves.push({ tag: majorTag(release), to: tag })
  if (newestOf((v) => v.major === release.major && v.minor === release.minor)) {
    moves.push({ tag: minorTag(release), to: tag })
  }
  return moves
}

/**
 * The tags a rollback of `major` to `version` moves. `current` maps each floating tag that exists to the release it
 * points at now (a parsed version), or to null when no release tag names its commit. Throws when the move would
 * cross majors, go forward, name no release, or when the major tag does not exist yet.
 */
export function rollbackMoves({ version, major, releaseTags, current }) {
  const target = parseVersion(version)
  if (!target || target.prerelease !== undefined) throw new Error(`${version} is not a release like v1.2.3`)
  if (major !== majorTag(target)) {
    throw new Error(`refusing to move ${major} to ${version}: a major tag only points at releases of its own major`)
  }
  if (!releaseTags.includes(version)) throw new Error(`${version} is not a tag of this repository`)
  if (!current.has(major)) throw new Error(`${major} does not exist yet: there is nothing to roll back`)
  const now = current.get(major)
  if (now && compareVersions(now, target) < 0) {
    throw new Error(
      `${major} points at ${now.tag}, older than ${version}: a rollback only moves back. ` +
        `To move forward, re-run the release workflow of ${version}.`,
    )
  }
  return [major, minorTag(target)]
    .filter((tag) => current.has(tag))
    .filter((tag) => current.get(tag) === null || compareVersions(current.get(tag), target) > 0)
    .map((tag) => ({ tag, to: version }))
}

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim()

/** Every tag of the repository with the commit it names (annotated tags peeled). */
function tagCommits() {
  const lines = git('for-each-ref', '--format=%(refname:short) %(objectname) %(*objectname)', 'refs/tags')
  return new Map(
    lines
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name, object, peeled] = line.split(' ')
        return [name, peeled || object]
      }),
  )
}

/** What each existing floating tag of `target`'s line points at: the newest release of that major at its commit. */
function floatingTargets(tags, target) {
  const current = new Map()
  for (const floating of [majorTag(target), minorTag(target)]) {
    if (!tags.has(floating)) continue
    const there = [...tags]
      .filter(([name, commit]) => commit === tags.get(floating) && parseVersion(name)?.major === target.major)
      .map(([name]) => parseVersion(name))
      .sort(compareVersions)
    current.set(floating, there.at(-1) ?? null)
  }
  return current
}

function moveTags(moves, tags, { push, remote }) {
  if (moves.length === 0) {
    console.log('No floating tag to move.')
    return
  }
  for (const { tag, to } of moves) {
    const from = tags.get(tag)?.slice(0, 7) ?? '(new)'
    console.log(`${tag}: ${from} -> ${tags.get(to).slice(0, 7)} (${to})`)
    git('tag', '--force', tag, tags.get(to))
  }
  if (push) git('push', '--force', remote, ...moves.map(({ tag }) => `refs/tags/${tag}`))
}

function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      major: { type: 'string' },
      push: { type: 'boolean', default: false },
      remote: { type: 'string', default: 'origin' },
    },
  })
  const [command, version] = positionals
  const tags = tagCommits()
  const releaseTags = [...tags.keys()].filter((name) => parseVersion(name))
  if (command === 'release' && version) {
    if (!tags.has(version)) throw new Error(`${version} is not a tag of this repository`)
    return moveTags(releaseMoves(version, releaseTags), tags, values)
  }
  if (command === 'rollback' && version && values.major) {
    const target = parseVersion(version)
    const current = target ? floatingTargets(tags, target) : new Map()
    return moveTags(rollbackMoves({ version, major: values.major, releaseTags, current }), tags, values)
  }
  throw new Error('usage: release-tags.mjs release <vX.Y.Z> [--push] | rollback <vX.Y.Z> --major <vX> [--push]')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main()
  } catch (error) {
    console.error(error.message)
    process.exit(1)
  }
}
