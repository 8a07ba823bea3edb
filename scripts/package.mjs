// Builds dist/ from src/ with ncc: a clean directory every time, so removed chunks do not linger. The bundled
// packages' licences go to dist/licenses.txt from the build's stats (ncc's own --license keeps only one chunk's).
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { prepareStatsDir, STATS_FILE, writeBundleLicenses } from './bundle-licenses.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true })
prepareStatsDir(root)
execFileSync(
  process.execPath,
  [
    'node_modules/@vercel/ncc/dist/ncc/cli.js',
    'build',
    'src/index.ts',
    '-o',
    'dist',
    '--minify',
    '--stats-out',
    STATS_FILE,
    '--quiet',
  ],
  { cwd: root, stdio: 'inherit' },
)
writeBundleLicenses(root)
