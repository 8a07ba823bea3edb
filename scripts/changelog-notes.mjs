// Prints the release notes of one version: the body of its `## [X.Y.Z] - YYYY-MM-DD` section in CHANGELOG.md
// (Keep a Changelog 1.1.0), without the heading. The release workflow passes them to the GitHub release:
//   node scripts/changelog-notes.mjs v1.2.3 > notes.md
// Fails when the section is missing, undated or empty, so a release never goes out without its notes.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const HEADING = /^## \[([^\]]+)\](.*)$/
const DATED = /^ - \d{4}-\d{2}-\d{2}$/
/** Keep a Changelog ends with link definitions (`[1.0.0]: https://…`); they belong to no section. */
const LINK_DEFINITION = /^\[[^\]]+\]:\s/

/** The notes of `version` (with or without its leading v) from the changelog's text. Throws when there are none. */
export function releaseNotes(changelog, version) {
  const wanted = version.replace(/^v/, '')
  const lines = changelog.split(/\r?\n/)
  const start = lines.findIndex((line) => HEADING.exec(line)?.[1] === wanted)
  if (start === -1) throw new Error(`CHANGELOG.md has no section "## [${wanted}] - YYYY-MM-DD"`)
  const rest = HEADING.exec(lines[start])?.[2] ?? ''
  if (!DATED.test(rest)) {
    throw new Error(`CHANGELOG.md's section [${wanted}] has no release date: write "## [${wanted}] - YYYY-MM-DD"`)
  }
  const body = []
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ') || LINK_DEFINITION.test(line)) break
    body.push(line)
  }
  const notes = body.join('\n').trim()
  if (notes === '') throw new Error(`CHANGELOG.md's section [${wanted}] is empty`)
  return `${notes}\n`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [version] = process.argv.slice(2)
  if (!version) {
    console.error('usage: node scripts/changelog-notes.mjs <version, e.g. v1.2.3>')
    process.exit(2)
  }
  try {
    const changelog = readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8')
    process.stdout.write(releaseNotes(changelog, version))
  } catch (error) {
    console.error(error.message)
    process.exit(1)
  }
}
