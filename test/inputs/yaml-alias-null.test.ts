// Issue 12, point 15: YAML anchors in method-settings, and YAML nulls in stage variables.
import { describe, expect, it } from 'vitest'
import { parseStageVariables } from '../../src/inputs/key-values.js'
import { parseMethodSettings } from '../../src/inputs/method-settings.js'
import { loadYamlParser } from '../../src/inputs/yaml-document.js'

// The parsers read YAML with the parser main.ts loads only when needed (inputs/read.ts prepareInputs).
await loadYamlParser()

function error<T>(p: { ok: true; value: T } | { ok: false; error: string }): string {
  if (p.ok) throw new Error(`expected a failure, got ${JSON.stringify(p.value)}`)
  return p.error
}

describe('method-settings with YAML anchors and aliases', () => {
  it('resolves an alias to an anchored map of settings', () => {
    const parsed = parseMethodSettings(
      'GET /pets:\n  &common\n  caching-enabled: true\n  cache-ttl: 60\nGET /pets/{id}: *common\n',
    )
    expect(parsed).toEqual({
      ok: true,
      value: [
        { httpMethod: 'GET', resourcePath: '/pets', settings: { cachingEnabled: true, cacheTtlInSeconds: 60 } },
        { httpMethod: 'GET', resourcePath: '/pets/{id}', settings: { cachingEnabled: true, cacheTtlInSeconds: 60 } },
      ],
    })
  })

  it('resolves an alias used as a single setting value', () => {
    const parsed = parseMethodSettings('GET /a:\n  cache-ttl: &ttl 30\nGET /b:\n  cache-ttl: *ttl\n')
    expect(parsed.ok && parsed.value.map((o) => o.settings.cacheTtlInSeconds)).toEqual([30, 30])
  })

  it('refuses an alias to an undefined anchor, naming the problem', () => {
    expect(error(parseMethodSettings('GET /a: *missing\n'))).toMatch(/alias|anchor/i)
  })

  it('bounds alias expansion (billion laughs) with a message about aliases', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i)
      const cur = String.fromCharCode(97 + i)
      levels.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(', ')}]`)
    }
    const raw = `${levels.join('\n')}\nGET /x: *i\n`
    const started = Date.now()
    const message = error(parseMethodSettings(raw))
    expect(Date.now() - started).toBeLessThan(2000)
    expect(message).toContain('alias')
  })
})

describe('YAML nulls in stage variables', () => {
  for (const [label, raw] of [
    ['~', 'api_key: ~\n'],
    ['null', 'api_key: null\n'],
    ['Null', 'api_key: Null\n'],
    ['nothing after the colon', 'api_key:\n'],
    ['!!null', 'api_key: !!null\n'],
  ] as const) {
    it(`refuses ${label}, naming the key and suggesting remove-variables`, () => {
      const message = error(parseStageVariables(`other: s3cret\n${raw}`))
      expect(message).toContain("'api_key'")
      expect(message).toContain('null')
      expect(message).toContain('remove-variables')
      expect(message).not.toContain('s3cret')
    })
  }

  it('keeps a quoted "null" or "~" as text', () => {
    expect(parseStageVariables('a: "null"\nb: \'~\'\n')).toEqual({ ok: true, value: { a: 'null', b: '~' } })
  })

  it('gives the same message for ~ and an empty value', () => {
    const tilde = error(parseStageVariables('k: ~\n'))
    const empty = error(parseStageVariables('k:\n'))
    expect(empty).toBe(tilde)
  })
})

describe('YAML nulls in canary-variables', () => {
  it('points to remove-canary-variables', async () => {
    const { parseCanaryVariables } = await import('../../src/inputs/key-values.js')
    const message = error(parseCanaryVariables('flag: ~\n'))
    expect(message).toContain("'flag'")
    expect(message).toContain('remove-canary-variables')
  })
})
