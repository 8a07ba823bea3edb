// The input table drives the refusals: every input that names the operations using it is refused, with its
// acceptance's message, when given with any other operation, and accepted by the operations it names.
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('@actions/core', () => import('./core-mock.js'))

import { getInputs } from '../../src/inputs/read.js'
import { INPUT_NAMES, INPUTS } from '../../src/inputs/table.js'
import { OPERATIONS } from '../../src/inputs/types.js'
import { EVERYTHING, MINIMAL } from '../fixtures/inputs.js'
import type { InputMap } from '../support/inputs.js'
import { readError, useInputs } from './read-inputs.js'

beforeEach(() => {
  vi.clearAllMocks()
})

/** A valid value of each input: EVERYTHING's, and those a canary deploy does not use. */
const VALID: InputMap = {
  ...EVERYTHING,
  'promote-from': 'staging',
  'rollback-to': 'abc123',
  'smoke-test-base-url': 'https://x.example/dev',
  definition: 'api/openapi.yaml',
  'definition-substitutions': 'ACCOUNT=123456789012',
  'canary-steps': '10,50,100',
  'canary-interval': '5m',
  'max-error-rate': '1%',
  'max-error-rate-increase': '0.5%',
  'max-latency-p99': '800',
  'min-requests': '50',
  alarms: 'orders-5xx',
  'on-inconclusive': 'hold',
  'max-inconclusive': '2',
  'rollout-mode': 'analyze',
  'canary-metric-stage': 'prod/Canary',
  'canary-baseline': 'stage',
  'metrics-delay': '2m',
}
/** Inputs another input needs to mean anything, given along with it. */
const COMPANIONS: InputMap = { 'smoke-test-path': '/health' }

const cases = INPUT_NAMES.flatMap((name) => {
  const accepts = INPUTS[name].accepts
  return accepts === undefined ? [] : OPERATIONS.map((operation) => ({ name, operation, accepts }))
})

describe('operations and the inputs they use', () => {
  it('has a valid value for every input that only some operations use', () => {
    expect(cases.filter((c) => VALID[c.name] === undefined)).toEqual([])
  })

  it.each(cases)('$name with operation $operation', ({ name, operation, accepts }) => {
    const given = { ...MINIMAL, ...COMPANIONS, operation, [name]: VALID[name] ?? '' }
    const refusal = accepts.refusal(name, operation)
    if (accepts.operations.includes(operation)) {
      useInputs(given)
      let messages: string[] = []
      try {
        getInputs()
      } catch (err) {
        messages = (err as { problems: Array<{ message: string }> }).problems.map((p) => p.message)
      }
      expect(messages).not.toContain(refusal)
    } else {
      const problem = readError(given).problems.find((p) => p.input === name)
      expect(problem?.message).toBe(refusal)
    }
  })
})
