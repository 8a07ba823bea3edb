// Regenerates the README's inputs and outputs tables from action.yml (`npm run docs`).
// test/readme.test.ts fails when the README differs from what this script writes.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = fileURLToPath(new URL('..', import.meta.url))

const cell = (text) => String(text).replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')

export function renderTables(actionYml) {
  const action = parse(actionYml)
  const inputs = Object.entries(action.inputs).map(([name, spec]) => {
    const def = spec.required ? '**required**' : spec.default === '' ? '' : `\`${cell(spec.default)}\``
    return `| \`${name}\` | ${def} | ${cell(spec.description)} |`
  })
  const outputs = Object.entries(action.outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`)
  return {
    inputs: ['| Input | Default | Description |', '| --- | --- | --- |', ...inputs].join('\n'),
    outputs: ['| Output | Description |', '| --- | --- |', ...outputs].join('\n'),
  }
}

export function replaceSection(readme, name, body) {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const i = readme.indexOf(start)
  const j = readme.indexOf(end)
  if (i < 0 || j < i) throw new Error(`README has no ${start} … ${end} section`)
  return `${readme.slice(0, i + start.length)}\n${body}\n${readme.slice(j)}`
}

export function renderReadme(readme, actionYml) {
  const tables = renderTables(actionYml)
  return replaceSection(replaceSection(readme, 'inputs', tables.inputs), 'outputs', tables.outputs)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readmePath = `${root}README.md`
  const next = renderReadme(readFileSync(readmePath, 'utf8'), readFileSync(`${root}action.yml`, 'utf8'))
  writeFileSync(readmePath, next)
}
