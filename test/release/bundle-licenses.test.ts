// dist/licenses.txt carries the licence of every package bundled into dist/ (scripts/bundle-licenses.mjs).
// Which packages are bundled comes from the build itself: ncc's webpack stats (build/ncc-stats.json, written by
// `npm run package`) list every module of every chunk, with its path under node_modules. The minified bundle keeps
// no module paths, so the stats are the only exact source. After a build (check-dist runs one in CI first), the
// committed file must equal what the generator makes from those stats; without a build, each entry is checked
// against node_modules.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
// @ts-expect-error plain ESM script without type declarations
import { bundledPackageDirs, renderLicenses, SEPARATOR, STATS_FILE } from '../../scripts/bundle-licenses.mjs'

interface Stats {
  modules: { name: string; chunks?: number[]; modules?: { name: string }[] }[]
}
const packageDirs = bundledPackageDirs as (stats: Stats) => string[]
const render = renderLicenses as (root: string, dirs: string[]) => string

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'bundle-licenses-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A package under the scratch root: its manifest and, when given, its licence file. */
function addPackage(dir: string, manifest: { name: string; license: string }, licenseFile?: [string, string]) {
  mkdirSync(join(scratch, dir), { recursive: true })
  writeFileSync(join(scratch, dir, 'package.json'), JSON.stringify({ version: '1.0.0', ...manifest }))
  if (licenseFile) writeFileSync(join(scratch, dir, licenseFile[0]), licenseFile[1])
}

/** The entries of a licences file: title, where the text is, and the text. */
function entries(text: string) {
  return text
    .split(`${SEPARATOR}\n`)
    .slice(1)
    .map((entry) => {
      const [title = '', source = '', , ...body] = entry.split('\n')
      return { title, source, text: body.join('\n').trim() }
    })
}

describe('bundled packages from the build stats', () => {
  it("are the packages of every chunk's modules and of the modules concatenated into them", () => {
    const stats: Stats = {
      modules: [
        { name: './src/index.ts', chunks: [1] },
        {
          name: './src/main.ts + 2 modules',
          chunks: [1],
          modules: [{ name: './src/main.ts' }, { name: './node_modules/alpha/lib/a.js' }],
        },
        // Concatenated modules are listed again on their own, in no chunk: not a package of their own.
        { name: './node_modules/alpha/lib/a.js', chunks: [] },
        { name: './node_modules/only-in-a-dropped-module/index.js', chunks: [] },
        { name: './node_modules/@scope/with-file/dist/index.js', chunks: [2] },
        { name: './node_modules/alpha/node_modules/gamma/index.js', chunks: [2] },
        { name: 'external "node:fs"', chunks: [1] },
      ],
    }
    expect(packageDirs(stats)).toEqual([
      'node_modules/@scope/with-file',
      'node_modules/alpha',
      'node_modules/alpha/node_modules/gamma',
    ])
  })
})

describe('the licences file', () => {
  addPackage('node_modules/alpha', { name: 'alpha', license: 'MIT' }, ['LICENSE', 'MIT text\r\nline two   \r\n'])
  addPackage('node_modules/beta', { name: 'beta', license: 'MIT' }, ['LICENSE.md', 'MIT text\nline two\n'])
  addPackage('node_modules/alpha/node_modules/gamma', { name: 'gamma', license: 'ISC' }, ['COPYING', 'ISC text'])
  addPackage('node_modules/@scope/with-file', { name: '@scope/with-file', license: 'Apache-2.0' }, ['LICENSE', 'AL2'])
  addPackage('node_modules/@scope/no-file', { name: '@scope/no-file', license: 'Apache-2.0' })
  addPackage('node_modules/lonely', { name: 'lonely', license: 'MIT' })

  it("has each package's licence text once, in order; a package without a file takes its scope's", () => {
    const dirs = [
      'node_modules/@scope/no-file',
      'node_modules/@scope/with-file',
      'node_modules/alpha',
      'node_modules/alpha/node_modules/gamma',
      'node_modules/beta',
    ]
    expect(entries(render(scratch, dirs))).toEqual([
      {
        title: '@scope/no-file 1.0.0 (Apache-2.0)',
        source: 'Licence text: node_modules/@scope/with-file/LICENSE',
        text: 'AL2',
      },
      {
        title: '@scope/with-file 1.0.0 (Apache-2.0)',
        source: 'Licence text: the same as @scope/no-file 1.0.0 (Apache-2.0) above.',
        text: '',
      },
      { title: 'alpha 1.0.0 (MIT)', source: 'Licence text: node_modules/alpha/LICENSE', text: 'MIT text\nline two' },
      {
        title: 'gamma 1.0.0 (ISC)',
        source: 'Licence text: node_modules/alpha/node_modules/gamma/COPYING',
        text: 'ISC text',
      },
      { title: 'beta 1.0.0 (MIT)', source: 'Licence text: the same as alpha 1.0.0 (MIT) above.', text: '' },
    ])
  })

  it('refuses a bundled package with no licence file and none to borrow', () => {
    expect(() => render(scratch, ['node_modules/lonely'])).toThrow(
      'lonely (node_modules/lonely) is bundled but ships no licence file',
    )
  })
})

describe('dist/licenses.txt', () => {
  const committed = readFileSync(join(ROOT, 'dist', 'licenses.txt'), 'utf8')
  const statsFile = join(ROOT, STATS_FILE as string)

  it('gives every licence text it names exactly as node_modules has it, and points back only to earlier entries', () => {
    const seen: string[] = []
    for (const entry of entries(committed)) {
      const pointer = /^Licence text: the same as (.+) above\.$/.exec(entry.source)
      if (pointer) expect(seen).toContain(pointer[1])
      else {
        const file = join(ROOT, entry.source.replace(/^Licence text: /, ''))
        expect(entry.text).toBe(
          readFileSync(file, 'utf8')
            .replace(/\r\n?/g, '\n')
            .replace(/[ \t]+$/gm, '')
            .trim(),
        )
      }
      seen.push(entry.title)
    }
    expect(seen.length).toBeGreaterThan(0)
  })

  it.skipIf(!existsSync(statsFile))('names every package the last build bundled (run `npm run package` first)', () => {
    const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as Stats
    const dirs = packageDirs(stats)
    expect(dirs).toContain('node_modules/@aws-sdk/client-api-gateway')
    expect(committed).toBe(render(ROOT, dirs))
  })
})
