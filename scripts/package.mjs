// Builds dist/ from src/ with ncc: a clean directory every time, so removed chunks do not linger.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true })
execFileSync(
  process.execPath,
  [
    'node_modules/@vercel/ncc/dist/ncc/cli.js',
    'build',
    'src/index.ts',
    '-o',
    'dist',
    '--minify',
    '--license',
    'licenses.txt',
    '--quiet',
  ],
  { cwd: root, stdio: 'inherit' },
)
