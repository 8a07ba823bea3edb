// Issue 12, point 15: messages that name the fix that works, quotes that balance, GitHub's production flag.
import { describe, expect, it } from 'vitest'
import { isProductionEnvironment } from '../../src/github/deployments.js'
import { githubTokenWhenNeeded } from '../../src/inputs/rules/github.js'
import type { RuleContext } from '../../src/inputs/rules/rule.js'
import type { InputValues } from '../../src/inputs/table.js'
import { quoteShort } from '../../src/lib/text.js'

function context(values: Partial<InputValues>): RuleContext {
  return {
    values: values as InputValues,
    operation: 'deploy',
    given: (name) => values[name] !== undefined,
    invalid: () => false,
  }
}

describe('messages', () => {
  it('an empty github-token with environment does not suggest comment: false alone', () => {
    const [problem] = githubTokenWhenNeeded(context({ comment: 'false', environment: 'staging' }))
    expect(problem?.message).toContain("remove 'environment'")
    expect(problem?.message).not.toContain('comment: false')
    const [both] = githubTokenWhenNeeded(context({ comment: 'auto', environment: 'staging' }))
    expect(both?.message).toContain("remove 'environment' and set comment: false")
  })

  it('a long name keeps its quotes balanced', () => {
    const quoted = quoteShort('n'.repeat(65))
    expect(quoted).toMatch(/^'n+…' \(65 characters\)$/)
    expect(quoted.split("'").length - 1).toBe(2)
  })

  it('GitHub deployments are production only for production environments', () => {
    for (const env of ['dev', 'staging', 'pr-42', 'preview']) expect(isProductionEnvironment(env)).toBe(false)
    for (const env of ['prod', 'production', 'Production', 'prod-eu', 'live'])
      expect(isProductionEnvironment(env)).toBe(true)
  })
})
