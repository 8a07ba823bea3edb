// The release notes the release workflow takes from CHANGELOG.md (scripts/changelog-notes.mjs).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
// @ts-expect-error plain ESM script without type declarations
import { releaseNotes } from '../../scripts/changelog-notes.mjs'

const notesOf = releaseNotes as (changelog: string, version: string) => string

const CHANGELOG = `# Changelog

All notable changes to this project are documented in this file.

## [Unreleased]

### Fixed
- Something not released yet.

## [1.1.0] - 2026-12-01

### Added
- Canary steps.

### [Sub-heading] with brackets stays in the notes

## [1.0.0] - 2026-11-29

### Added
- Everything.

[Unreleased]: https://github.com/OWNER/apigateway-stage-action/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/OWNER/apigateway-stage-action/compare/v1.0.0...v1.1.0
[1.0.0]: https://github.com/OWNER/apigateway-stage-action/releases/tag/v1.0.0
`

describe('releaseNotes', () => {
  it('is the body of the version section, up to the next release heading', () => {
    expect(notesOf(CHANGELOG, 'v1.1.0')).toBe(
      '### Added\n- Canary steps.\n\n### [Sub-heading] with brackets stays in the notes\n',
    )
  })

  it('stops at the link definitions after the last section, and takes the version with or without v', () => {
    expect(notesOf(CHANGELOG, '1.0.0')).toBe('### Added\n- Everything.\n')
    expect(notesOf(CHANGELOG, 'v1.0.0')).toBe(notesOf(CHANGELOG, '1.0.0'))
  })

  it('refuses a version without a section, an undated section and an empty one', () => {
    expect(() => notesOf(CHANGELOG, 'v2.0.0')).toThrow('CHANGELOG.md has no section "## [2.0.0] - YYYY-MM-DD"')
    expect(() => notesOf(CHANGELOG, 'Unreleased')).toThrow('has no release date')
    expect(() => notesOf('## [1.0.0] - 2026-11-29\n\n## [0.9.0] - 2026-10-01\n- x\n', '1.0.0')).toThrow(
      "CHANGELOG.md's section [1.0.0] is empty",
    )
  })

  it("the repository's CHANGELOG.md starts with [Unreleased], and every release section has notes", () => {
    const changelog = readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8')
    const versions = [...changelog.matchAll(/^## \[([^\]]+)\]/gm)].map((m) => m[1] ?? '')
    expect(versions[0]).toBe('Unreleased')
    expect(versions.length).toBeGreaterThan(1)
    for (const version of versions.slice(1)) {
      expect(notesOf(changelog, version)).toMatch(/^### (Added|Changed|Deprecated|Removed|Fixed|Security)$/m)
    }
  })

  it('the command prints the notes, and fails with the reason on stderr', () => {
    const script = new URL('../../scripts/changelog-notes.mjs', import.meta.url).pathname
    const changelog = readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8')
    const first = /^## \[(\d[^\]]*)\]/m.exec(changelog)?.[1] ?? ''
    expect(execFileSync(process.execPath, [script, `v${first}`], { encoding: 'utf8' })).toBe(notesOf(changelog, first))
    expect(() => execFileSync(process.execPath, [script, 'v99.0.0'], { stdio: 'pipe' })).toThrow(
      'CHANGELOG.md has no section',
    )
  })
})
