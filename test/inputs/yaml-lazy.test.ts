// The YAML parser stays out of the start-up bundle (issue 15): main.ts loads it before reading inputs only when an
// input flagged `yaml` in the table is given. This file runs in a fresh module graph where it has not been loaded, so
// every parser that may read YAML must be flagged, or a run would stop on an internal error.
import { describe, expect, it } from 'vitest'
import { prepareInputs } from '../../src/inputs/read.js'
import { INPUT_NAMES, INPUTS } from '../../src/inputs/table.js'
import { loadYamlParser } from '../../src/inputs/yaml-document.js'

const YAML_TEXT = 'lambdaAlias: live\n"*/*":\n  metricsEnabled: "true"\n'
const NOT_LOADED = /before loadYamlParser/

describe('the YAML parser, loaded on demand', () => {
  it('is needed by exactly the inputs flagged yaml (checked before it is loaded)', () => {
    const needing = INPUT_NAMES.filter((name) => {
      try {
        INPUTS[name].parse(YAML_TEXT)
        return false
      } catch (err) {
        expect(String(err)).toMatch(NOT_LOADED)
        return true
      }
    })
    expect(needing.sort()).toEqual(INPUT_NAMES.filter((name) => INPUTS[name].yaml).sort())
    expect(needing.length).toBeGreaterThanOrEqual(5)
  })

  it('is not loaded by prepareInputs when no such input is given, and is when one is', async () => {
    await prepareInputs((name) => (name === 'stage' ? 'prod' : name === 'remove-variables' ? 'a' : ''))
    expect(() => INPUTS.variables.parse('a: b')).toThrow(NOT_LOADED)
    await prepareInputs((name) => (name === 'variables' ? 'a=b' : ''))
    expect(INPUTS.variables.parse('a: b')).toMatchObject({ ok: true })
  })

  it('then parses what it could not before', async () => {
    await loadYamlParser()
    for (const name of INPUT_NAMES.filter((n) => INPUTS[n].yaml))
      expect(() => INPUTS[name].parse(YAML_TEXT)).not.toThrow()
  })
})
