// action.yml is the contract: it declares exactly the inputs of the input table, with the same defaults.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { OUTPUT_NAMES } from '../../src/runner/outputs.js'

vi.mock('@actions/core', () => import('./core-mock.js'))

import { INPUT_NAMES, INPUTS } from '../../src/inputs/table.js'
import { readActionYml, TOKEN_EXPRESSION } from '../support/action-yml.js'
import { calls, INPUT_DEFAULTS, REQUIRED_INPUTS, read } from './read-inputs.js'

beforeEach(() => {
  vi.clearAllMocks()
})

describe('action.yml', () => {
  const yml = readActionYml()
  const ymlInputs = Object.keys(yml.inputs)

  it('runs on node24 from dist/index.js and has branding', () => {
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(yml.name).toBeTruthy()
    expect(yml.description).toBeTruthy()
    expect(yml.author).toBeTruthy()
    expect(yml.branding?.icon).toBeTruthy()
    expect(yml.branding?.color).toBeTruthy()
  })

  it('declares exactly the inputs inputs.ts reads, and inputs.ts reads them all', () => {
    read()
    expect(new Set(calls)).toEqual(new Set(ymlInputs))
    expect(new Set(ymlInputs)).toEqual(new Set([...REQUIRED_INPUTS, ...Object.keys(INPUT_DEFAULTS)]))
  })

  it('gives every optional input an explicit string default equal to the one in code, and required ones none', () => {
    for (const [name, spec] of Object.entries(yml.inputs)) {
      expect(spec.description, name).toBeTruthy()
      if ((REQUIRED_INPUTS as readonly string[]).includes(name)) {
        expect(spec.required, name).toBe(true)
        expect(spec.default, name).toBeUndefined()
      } else {
        expect(spec.required ?? false, name).toBe(false)
        expect(typeof spec.default, name).toBe('string')
        expect(spec.default, name).toBe(INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS])
      }
    }
  })

  it('keeps the contract defaults', () => {
    expect(yml.inputs.operation?.default).toBe('deploy')
    expect(yml.inputs.comment?.default).toBe('auto')
    expect(yml.inputs['diff-against']?.default).toBe('previous')
    expect(yml.inputs['delete-stage-pattern']?.default).toBe('^pr-[0-9]+$')
    expect(yml.inputs['github-token']?.default).toBe(TOKEN_EXPRESSION)
    expect(yml.inputs['show-variable-values']?.default).toBe('false')
    expect(yml.inputs['max-retries']?.default).toBe('5')
    expect(yml.inputs['wait-for-cache']).toBeUndefined()
  })

  it('declares and describes every output of the contract', () => {
    const contract = [
      'base-url',
      'custom-url',
      'stage',
      'rest-api-id',
      'deployment-id',
      'previous-deployment-id',
      'canary-deployment-id',
      'canary-percent',
      'operation',
      'changed',
      'breaking-changes',
      'diff-markdown',
      'diff-json',
      'comment-url',
      'export-file',
      'sdk-file',
      'console-url',
    ]
    expect(Object.keys(yml.outputs)).toEqual(expect.arrayContaining(contract))
    // action.yml declares exactly what outputs.ts can set.
    expect(Object.keys(yml.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
    for (const [name, spec] of Object.entries(yml.outputs)) expect(spec.description, name).toBeTruthy()
  })
})

describe('action.yml and the input table', () => {
  const declared = readActionYml().inputs

  it('declares every input of the table, with its default and required flag', () => {
    for (const name of INPUT_NAMES) {
      const spec = declared[name]
      expect(spec, `'${name}' is in src/inputs/table.ts but not in action.yml`).toBeDefined()
      expect(spec?.required ?? false, name).toBe(INPUTS[name].required)
      expect(spec?.default, name).toBe(INPUTS[name].required ? undefined : INPUTS[name].default)
    }
  })

  it('has no input the table lacks', () => {
    const inTable = new Set<string>(INPUT_NAMES)
    expect(Object.keys(declared).filter((name) => !inTable.has(name))).toEqual([])
  })
})
