// Rules for the smoke test and the rollback it can trigger.
import type { InputProblem } from '../../lib/errors.js'
import { problem, type Rule, type RuleContext } from './rule.js'

/** Needs only which inputs are given, so it can run while the inputs are read. */
export const smokeTestBaseUrlNeedsPath = ({ given }: Pick<RuleContext, 'given'>): InputProblem[] =>
  given('smoke-test-base-url') && !given('smoke-test-path')
    ? [
        problem(
          'smoke-test-base-url',
          "Input 'smoke-test-base-url' is set but 'smoke-test-path' is not: there is no smoke test to run.",
        ),
      ]
    : []

export const rollbackOnFailureNeedsSmokeTest: Rule = ({ values, given }) =>
  values['rollback-on-failure'] && !given('smoke-test-path')
    ? [
        problem(
          'rollback-on-failure',
          "Input 'rollback-on-failure' is 'true' but 'smoke-test-path' is not set: the rollback is triggered by a failing smoke test.",
        ),
      ]
    : []
