import { describe, expect, it } from 'vitest'
import { definitionSha256 } from '../../src/definition/fingerprint.js'
import { loadDefinition } from '../../src/definition/load.js'
import { substitute } from '../../src/definition/substitute.js'
import { BAD_DEFINITIONS, GOOD_YAML } from './bad-definitions.js'

const ACCOUNT = { ACCOUNT: '123456789012' }

describe('loadDefinition', () => {
  it('loads a valid definition: substituted text, sha256 of that text, routes and title', async () => {
    const loaded = await loadDefinition({
      file: 'api.yaml',
      text: GOOD_YAML,
      substitutions: ACCOUNT,
      basePath: 'ignore',
    })
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems))
    expect(loaded.value.text).toContain('functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations')
    expect(loaded.value.text).not.toContain('${ACCOUNT}')
    expect(loaded.value.sha256).toBe(definitionSha256(loaded.value.text))
    expect(loaded.value.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(loaded.value.routes).toEqual(['GET /health', 'GET /orders'])
    expect(loaded.value.title).toBe('orders-api')
    expect(loaded.value.parsed.version).toBe('3.0')
  })

  it.each(BAD_DEFINITIONS)('refuses $name, naming $input', async (c) => {
    const loaded = await loadDefinition({
      file: 'api/openapi.yaml',
      text: c.text,
      substitutions: c.substitutions ?? {},
      basePath: 'ignore',
    })
    expect(loaded.ok).toBe(false)
    if (loaded.ok) return
    expect(loaded.problems).toHaveLength(1)
    const [problem] = loaded.problems
    expect(problem?.input).toBe(c.input)
    expect(problem?.message).toContain(`Input '${c.input}'`)
    for (const words of c.mentions) expect(problem?.message).toContain(words)
  })

  it('has at least 20 bad cases', () => {
    expect(BAD_DEFINITIONS.length).toBeGreaterThanOrEqual(20)
  })

  it('lists every problem of one file in one message', async () => {
    const text = GOOD_YAML.replace('  /health:\n    get:', '  /health/:\n    trace:')
    const loaded = await loadDefinition({ file: 'a.yaml', text, substitutions: ACCOUNT, basePath: 'ignore' })
    expect(loaded.ok).toBe(false)
    if (loaded.ok) return
    expect(loaded.problems[0]?.message).toMatch(/has 2 problems:\n- It path '\/health\/'.*\n- It TRACE \/health/)
  })

  it('applies the basepath import parameter to the routes', async () => {
    const text = GOOD_YAML.replace('paths:', 'servers:\n  - url: https://example.com/v1/orders-svc\npaths:')
    const routes = async (basePath: 'ignore' | 'prepend' | 'split') => {
      const loaded = await loadDefinition({ file: 'a.yaml', text, substitutions: ACCOUNT, basePath })
      return loaded.ok ? loaded.value.routes : loaded.problems
    }
    expect(await routes('ignore')).toEqual(['GET /health', 'GET /orders'])
    expect(await routes('prepend')).toEqual(['GET /v1/orders-svc/health', 'GET /v1/orders-svc/orders'])
    expect(await routes('split')).toEqual(['GET /orders-svc/health', 'GET /orders-svc/orders'])
  })
})

describe('substitute', () => {
  it("replaces only listed keys and leaves API Gateway's own variables alone", () => {
    const text = 'a ${A} ${stageVariables.backend} $context.requestId ${B} ${A}'
    const result = substitute(text, { A: 'x' })
    expect(result).toEqual({
      ok: true,
      value: { text: 'a x ${stageVariables.backend} $context.requestId ${B} x', replaced: { A: 2 } },
    })
  })

  it('never expands a placeholder that a value brings in', () => {
    const result = substitute('${A} ${B}', { A: '${B}', B: 'b' })
    expect(result.ok && result.value.text).toBe('${B} b')
  })
})
