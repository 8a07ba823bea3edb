// Regenerates the README's inputs and outputs tables from action.yml and the input table (`npm run docs`):
// action.yml gives the descriptions, src/inputs/table.ts which operations use each input. Refuses to write
// when the two disagree on an input's name, default or required flag.
// test/readme.test.ts fails when the README differs from what this script writes.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { tsImport } from 'tsx/esm/api'
import { parse } from 'yaml'

const root = fileURLToPath(new URL('..', import.meta.url))
const { INPUTS } = await tsImport('../src/inputs/table.ts', import.meta.url)
const { OPERATIONS } = await tsImport('../src/inputs/types.ts', import.meta.url)

const cell = (text) => String(text).replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')
const code = (names) => names.map((name) => `\`${name}\``).join(', ')

/** Where action.yml and the input table disagree: names missing on either side, defaults, required flags. */
function tableMismatches(action) {
  const declared = action.inputs ?? {}
  const problems = Object.keys(declared)
    .filter((name) => !Object.hasOwn(INPUTS, name))
    .map((name) => `${name}: in action.yml, not in src/inputs/table.ts`)
  for (const [name, input] of Object.entries(INPUTS)) {
    const spec = declared[name]
    if (spec === undefined) problems.push(`${name}: in src/inputs/table.ts, not in action.yml`)
    else if ((spec.required ?? false) !== input.required) problems.push(`${name}: required differs`)
    else if (!input.required && spec.default !== input.default) problems.push(`${name}: default differs`)
  }
  return problems
}

/** The operations that use an input: all, all but a few, or the list. */
function operationsCell(accepts) {
  if (accepts === undefined) return 'all'
  const others = OPERATIONS.filter((operation) => !accepts.operations.includes(operation))
  return others.length < accepts.operations.length ? `all but ${code(others)}` : code(accepts.operations)
}

function renderTables(actionYml) {
  const action = parse(actionYml)
  const mismatches = tableMismatches(action)
  if (mismatches.length > 0) throw new Error(`action.yml and the input table disagree:\n${mismatches.join('\n')}`)
  const inputs = Object.entries(action.inputs).map(([name, spec]) => {
    const def = spec.required ? '**required**' : spec.default === '' ? '' : `\`${cell(spec.default)}\``
    return `| \`${name}\` | ${def} | ${operationsCell(INPUTS[name].accepts)} | ${cell(spec.description)} |`
  })
  const outputs = Object.entries(action.outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`)
  return {
    inputs: ['| Input | Default | Operations | Description |', '| --- | --- | --- | --- |', ...inputs].join('\n'),
    outputs: ['| Output | Description |', '| --- | --- |', ...outputs].join('\n'),
  }
}

function replaceSection(readme, name, body) {
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
