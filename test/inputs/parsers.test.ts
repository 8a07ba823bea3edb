// The parsers of input texts, the vocabularies they check against, and the errors they feed.
import { describe, expect, it } from 'vitest'
import {
  isStageName,
  isVariableName,
  parseRegion,
  parseRestApiId,
  parseRestApiName,
  parseShortId,
  parseStageName,
  variableValueProblem,
} from '../../src/inputs/identifiers.js'
import { parseKeyValueText, parseSdkParameters, parseStageVariables } from '../../src/inputs/key-values.js'
import { parseExportExtensions, parseUsagePlanIds, parseVariableNameList } from '../../src/inputs/lists.js'
import { parseBasePath, parseDomainName, parseOutputFile, parseSmokeTestPath } from '../../src/inputs/locations.js'
import {
  METHOD_SETTING_NAMES,
  parseMethodSetting,
  parseMethodSettingKey,
  parseMethodSettings,
  parseResourcePath,
} from '../../src/inputs/method-settings.js'
import {
  parseAccessLogDestinationArn,
  parseAccessLogFormat,
  parseCacheClusterSize,
} from '../../src/inputs/stage-settings.js'
import { loadYamlParser } from '../../src/inputs/yaml-document.js'
import { errorMessage, InputError } from '../../src/lib/errors.js'
import { type Parsed, parseBoolean, parseDecimal, parseEnum, parseInteger, parseList } from '../../src/lib/parse.js'
import { hasControlCharacters, shorten } from '../../src/lib/text.js'
import {
  compileStagePattern,
  DEFAULT_DELETE_STAGE_PATTERN,
  stageMatchesPattern,
} from '../../src/model/stage-pattern.js'
import { ANY_EXPANSION, SDK_REQUIRED_PARAMETERS } from '../../src/model/vocabulary.js'

// The parsers read YAML with the parser main.ts loads only when needed (inputs/read.ts prepareInputs).
await loadYamlParser()

function value<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`expected ok, got error: ${parsed.error}`)
  return parsed.value
}

function error<T>(parsed: Parsed<T>): string {
  if (parsed.ok) throw new Error(`expected an error, got ${JSON.stringify(parsed.value)}`)
  return parsed.error
}

describe('scalars', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['False', false],
  ])('parseBoolean(%s)', (raw, expected) => {
    expect(value(parseBoolean(raw))).toBe(expected)
  })

  it.each(['yes', 'no', '1', '0', 'on', '', 't'])('parseBoolean rejects %o', (raw) => {
    expect(error(parseBoolean(raw))).toBe("must be 'true' or 'false'")
  })

  it('parseInteger accepts whole numbers in range only', () => {
    expect(value(parseInteger('0', { min: 0, max: 10 }))).toBe(0)
    expect(value(parseInteger('010', { min: 0, max: 10 }))).toBe(10)
    for (const bad of ['-1', '11', '1.0', '1e1', '0x1', ' 1', '+1', '', 'NaN', '99999999999999999999']) {
      expect(error(parseInteger(bad, { min: 0, max: 10 })), bad).toBe('must be a whole number from 0 to 10')
    }
    expect(error(parseInteger('0', { min: 1, max: Number.MAX_SAFE_INTEGER }))).toBe(
      'must be a whole number of at least 1',
    )
  })

  it('parseDecimal accepts decimals, honours an exclusive minimum', () => {
    const percent = { min: 0, max: 100, minExclusive: true }
    expect(value(parseDecimal('10.5', percent))).toBe(10.5)
    expect(value(parseDecimal('.25', percent))).toBe(0.25)
    expect(value(parseDecimal('100', percent))).toBe(100)
    expect(error(parseDecimal('0', percent))).toBe('must be a number greater than 0 and at most 100')
    expect(error(parseDecimal('0.0', percent))).toContain('greater than 0')
    for (const bad of ['100.01', '-5', '5.', '1e2', 'Infinity', '5 %', '']) {
      expect(parseDecimal(bad, percent).ok, bad).toBe(false)
    }
  })

  it('parseEnum is case-insensitive and returns the canonical spelling', () => {
    expect(value(parseEnum('info', ['OFF', 'ERROR', 'INFO'] as const))).toBe('INFO')
    expect(error(parseEnum('debug', ['OFF', 'ERROR', 'INFO'] as const))).toBe("must be one of 'OFF', 'ERROR', 'INFO'")
  })
})

describe('names and identifiers', () => {
  it('stage names: [A-Za-z0-9_-]{1,128}', () => {
    for (const ok of ['a', 'pr-1', 'Prod_1', 'x'.repeat(128)]) expect(isStageName(ok), ok).toBe(true)
    for (const bad of ['', 'pr 1', 'pr.1', 'pr/1', 'x'.repeat(129), 'é']) expect(isStageName(bad), bad).toBe(false)
    expect(error(parseStageName('a b'))).toContain('[A-Za-z0-9_-]{1,128}')
  })

  it('variable names: [A-Za-z0-9_]{1,64}', () => {
    for (const ok of ['A', 'a_b', '_', 'x'.repeat(64), '__proto__']) expect(isVariableName(ok), ok).toBe(true)
    for (const bad of ['', 'a-b', 'a.b', 'x'.repeat(65)]) expect(isVariableName(bad), bad).toBe(false)
  })

  it('variable values: non-empty, AWS charset, at most 512, problems never repeat the value', () => {
    expect(variableValueProblem('https://a.example.com/x?y=1&z=2#f,~:.-_')).toBeUndefined()
    expect(variableValueProblem('v'.repeat(512))).toBeUndefined()
    expect(variableValueProblem('')).toContain('empty')
    expect(variableValueProblem('v'.repeat(513))).toBe('is 513 characters long (at most 512)')
    expect(variableValueProblem('secret value')).toContain('whitespace')
    expect(variableValueProblem('secret"value')).toContain('a character outside')
    expect(variableValueProblem('secret"value')).not.toContain('secret')
  })

  it('REST API ids are 10 lowercase letters and digits', () => {
    expect(value(parseRestApiId('a1b2c3d4e5'))).toBe('a1b2c3d4e5')
    for (const bad of ['A1B2C3D4E5', 'a1b2c3d4e', 'a1b2c3d4e5f', 'a1b2c3d4e-']) {
      expect(parseRestApiId(bad).ok, bad).toBe(false)
    }
  })

  it('REST API names are one line', () => {
    expect(value(parseRestApiName('Orders API (v2) — prod'))).toBe('Orders API (v2) — prod')
    expect(parseRestApiName('a\nb').ok).toBe(false)
    expect(parseRestApiName('x'.repeat(1025)).ok).toBe(false)
  })

  it('short ids (deployments, usage plans, certificates) are 6 to 10 lowercase letters and digits', () => {
    expect(value(parseShortId('dep111', 'a deployment id'))).toBe('dep111')
    expect(value(parseShortId('a1b2c3d4e5', 'a deployment id'))).toBe('a1b2c3d4e5')
    expect(error(parseShortId('abc', 'a deployment id'))).toContain('must be a deployment id')
    for (const bad of ['ABC123', 'abc12', 'abc123abc12', 'abc-12']) expect(parseShortId(bad, 'x').ok, bad).toBe(false)
  })

  it('regions', () => {
    for (const ok of [
      'us-east-1',
      'eu-central-2',
      'us-gov-west-1',
      'cn-northwest-1',
      'us-isob-east-1',
      'il-central-1',
    ]) {
      expect(parseRegion(ok).ok, ok).toBe(true)
    }
    for (const bad of ['us-east', 'US-EAST-1', 'useast1', 'us-east-1a', 'us-east-123', '']) {
      expect(parseRegion(bad).ok, bad).toBe(false)
    }
  })

  it('domain names: host only, lower-cased, no wildcard', () => {
    expect(value(parseDomainName('API.Example.COM'))).toBe('api.example.com')
    expect(value(parseDomainName('a-b.c.example.co.uk'))).toBe('a-b.c.example.co.uk')
    expect(error(parseDomainName('https://api.example.com'))).toContain('without https://')
    expect(error(parseDomainName('api.example.com/v1'))).toContain('without https://')
    expect(error(parseDomainName('*.example.com'))).toContain('wildcard')
    for (const bad of ['localhost', '-a.example.com', 'a_b.example.com', 'a..b.com', `${'a'.repeat(64)}.com`]) {
      expect(parseDomainName(bad).ok, bad).toBe(false)
    }
  })

  it("base paths: (none) or one segment of $-_.+!*'()", () => {
    expect(value(parseBasePath(''))).toBe('(none)')
    expect(value(parseBasePath('(none)'))).toBe('(none)')
    expect(value(parseBasePath("v1_$-.+!*'()"))).toBe("v1_$-.+!*'()")
    expect(value(parseBasePath('x'.repeat(300)))).toHaveLength(300)
    expect(error(parseBasePath('v1/'))).toBe("must not contain '/': write 'v1'")
    expect(error(parseBasePath('a/b'))).toContain('apigatewayv2')
    for (const bad of ['v 1', 'v%201', 'x'.repeat(301), 'a?b']) expect(parseBasePath(bad).ok, bad).toBe(false)
  })

  it('cache cluster sizes', () => {
    expect(value(parseCacheClusterSize('237'))).toBe('237')
    expect(value(parseCacheClusterSize('DISABLED'))).toBe('disabled')
    for (const bad of ['0.50', '1', '500', 'off']) expect(parseCacheClusterSize(bad).ok, bad).toBe(false)
  })
})

describe('access logs', () => {
  it.each([
    'arn:aws:logs:us-east-1:123456789012:log-group:my-logs',
    'arn:aws:logs:us-east-1:123456789012:log-group:/aws/api-gateway/x:*',
    'arn:aws-cn:logs:cn-north-1:123456789012:log-group:x',
    'arn:aws:firehose:eu-west-1:123456789012:deliverystream/amazon-apigateway-logs',
  ])('accepts %s', (arn) => {
    expect(value(parseAccessLogDestinationArn(arn))).toBe(arn)
  })

  it.each([
    'arn:aws:logs:us-east-1:12345:log-group:x',
    'arn:aws:logs:us-east-1:123456789012:log-stream:x',
    'arn:aws:s3:::bucket',
    'my-log-group',
    'arn:aws:logs:us-east-1:123456789012:log-group:',
  ])('rejects %s', (arn) => {
    expect(error(parseAccessLogDestinationArn(arn))).toContain('log group ARN')
  })

  it('requires the Firehose stream name to start with amazon-apigateway-', () => {
    expect(
      error(parseAccessLogDestinationArn('arn:aws:firehose:eu-west-1:123456789012:deliverystream/api-logs')),
    ).toContain("'amazon-apigateway-'")
  })

  it('requires $context.requestId in the format', () => {
    expect(parseAccessLogFormat('$context.requestId').ok).toBe(true)
    expect(parseAccessLogFormat('{"id":"$context.requestId"}').ok).toBe(true)
    expect(parseAccessLogFormat('$context.extendedRequestId').ok).toBe(false)
    expect(parseAccessLogFormat('$context.requestIdX').ok).toBe(false)
    expect(parseAccessLogFormat('$context.requestid').ok).toBe(false)
  })
})

describe('paths and files', () => {
  it('smoke test paths start with one slash and have no whitespace', () => {
    for (const ok of ['/', '/health', '/pets?limit=1#x']) expect(parseSmokeTestPath(ok).ok, ok).toBe(true)
    for (const bad of ['health', '//evil.example.com', '/a b', '/a\tb', 'https://x/y']) {
      expect(parseSmokeTestPath(bad).ok, bad).toBe(false)
    }
  })

  it('output files are one-line paths, not directories', () => {
    expect(value(parseOutputFile('out/api.json'))).toBe('out/api.json')
    for (const bad of ['out/', '.', '..', 'a\nb']) expect(parseOutputFile(bad).ok, bad).toBe(false)
  })

  it('detects control characters, with exceptions', () => {
    expect(hasControlCharacters('plain text')).toBe(false)
    expect(hasControlCharacters('a\nb')).toBe(true)
    expect(hasControlCharacters('a\nb', '\n')).toBe(false)
    expect(hasControlCharacters('a\u007fb')).toBe(true)
  })
})

describe('stage pattern', () => {
  it('matches the whole stage name', () => {
    expect(stageMatchesPattern(DEFAULT_DELETE_STAGE_PATTERN, 'pr-12')).toBe(true)
    expect(stageMatchesPattern(DEFAULT_DELETE_STAGE_PATTERN, 'pr-12a')).toBe(false)
    expect(stageMatchesPattern(DEFAULT_DELETE_STAGE_PATTERN, 'prod')).toBe(false)
    expect(stageMatchesPattern('pr-[0-9]+', 'xpr-1')).toBe(false)
    expect(stageMatchesPattern('pr-[0-9]+', 'pr-1')).toBe(true)
    expect(stageMatchesPattern('a|b', 'ab')).toBe(false)
    expect(stageMatchesPattern('a|b', 'b')).toBe(true)
  })

  it('refuses patterns that do not compile, are empty or carry /…/ delimiters', () => {
    expect(error(compileStagePattern('('))).toBe('must be a valid JavaScript regular expression (Unterminated group)')
    expect(compileStagePattern('').ok).toBe(false)
    expect(error(compileStagePattern('/^pr-\\d+$/i'))).toContain('delimiters')
    expect(stageMatchesPattern('(', 'pr-1')).toBe(false)
  })
})

describe('lists', () => {
  it('splits on newlines and commas, trims and drops blanks', () => {
    expect(parseList(' a ,b\r\n\n c,, ')).toEqual(['a', 'b', 'c'])
    expect(parseList('')).toEqual([])
  })

  it('variable name lists', () => {
    expect(value(parseVariableNameList('a,b'))).toEqual(['a', 'b'])
    expect(error(parseVariableNameList('a,b-c,d e'))).toContain("'b-c', 'd e'")
    expect(error(parseVariableNameList('a\na'))).toBe("lists 'a' more than once")
    expect(error(parseVariableNameList(Array.from({ length: 101 }, (_, i) => `v${i}`).join(',')))).toContain('100')
  })

  it('usage plan ids', () => {
    expect(value(parseUsagePlanIds('abc123,def456'))).toEqual(['abc123', 'def456'])
    expect(parseUsagePlanIds('abc').ok).toBe(false)
    expect(parseUsagePlanIds('abc123,abc123').ok).toBe(false)
  })

  it('export extensions', () => {
    expect(value(parseExportExtensions('Integrations, postman'))).toEqual(['integrations', 'postman'])
    expect(error(parseExportExtensions('swagger'))).toContain("'swagger'")
    expect(parseExportExtensions('postman,POSTMAN').ok).toBe(false)
  })
})

describe('KEY=VALUE text and YAML maps', () => {
  it('chooses KEY=VALUE when the first content line is one', () => {
    expect(value(parseKeyValueText('# c\n\nA=1\nB = x=y:z\n'))).toEqual([
      ['A', '1'],
      ['B', 'x=y:z'],
    ])
  })

  it('chooses YAML otherwise, keeping scalars as text', () => {
    expect(value(parseKeyValueText('---\nA: 1.0\nB: ~\nC: "q"\n'))).toEqual([
      ['A', '1.0'],
      ['B', '~'],
      ['C', 'q'],
    ])
  })

  it('reads YAML values that contain = and KEY=VALUE values that contain :', () => {
    expect(value(parseKeyValueText('url: https://x.example.com/?a=b\n'))).toEqual([
      ['url', 'https://x.example.com/?a=b'],
    ])
    expect(value(parseKeyValueText('url=https://x.example.com:8443/\r\nb=2'))).toEqual([
      ['url', 'https://x.example.com:8443/'],
      ['b', '2'],
    ])
  })

  it('returns no entries for blank or comment-only text', () => {
    expect(value(parseKeyValueText(''))).toEqual([])
    expect(value(parseKeyValueText('# nothing\n'))).toEqual([])
  })

  it('reports duplicates, bad lines and bad YAML by key or line, never by value', () => {
    expect(error(parseKeyValueText('A=s3cret\nA=s3cret2'))).toBe("key 'A' is given more than once (line 2)")
    expect(error(parseKeyValueText('A=s3cret\nB s3cret'))).toContain('line 2 is not KEY=VALUE')
    expect(error(parseKeyValueText('A: s3cret\nA: s3cret'))).toContain('a key is repeated at line 2')
    expect(error(parseKeyValueText('A: "s3cret'))).toContain('not valid YAML')
    expect(error(parseKeyValueText('A:\n  B: s3cret'))).toContain("key 'A' must have a single text value")
    for (const text of ['A=s3cret\nA=s3cret2', 'A: s3cret\nA: s3cret', 'A: "s3cret', 'A:\n  B: s3cret']) {
      expect(error(parseKeyValueText(text))).not.toContain('s3cret')
    }
  })

  it('validates stage variables without repeating values', () => {
    expect(value(parseStageVariables('A=1\nB=https://x.example.com'))).toEqual({ A: '1', B: 'https://x.example.com' })
    const message = error(parseStageVariables(`bad-name=s3cret\nGOOD=s3cret value\nEMPTY=\nLONG=${'v'.repeat(513)}`))
    expect(message).toContain("name 'bad-name' is not valid")
    expect(message).toContain("the value of 'GOOD' contains whitespace")
    expect(message).toContain("the value of 'EMPTY' is empty")
    expect(message).toContain("the value of 'LONG' is 513 characters long")
    expect(message).not.toContain('s3cret')
    expect(error(parseStageVariables('A: [1'))).toMatch(/^is invalid: not valid YAML/)
  })

  it('validates SDK parameters', () => {
    expect(value(parseSdkParameters('classPrefix: PET\nruby.gem-name: pets'))).toEqual({
      classPrefix: 'PET',
      'ruby.gem-name': 'pets',
    })
    expect(parseSdkParameters('a/b=c').ok).toBe(false)
    expect(error(parseSdkParameters('a='))).toContain("the value of 'a' must be non-empty")
  })
})

describe('method settings', () => {
  it('parses every setting name into its MethodSetting field', () => {
    const raw: Record<(typeof METHOD_SETTING_NAMES)[number], string> = {
      'throttling-rate-limit': '12.5',
      'throttling-burst-limit': '20',
      'caching-enabled': 'true',
      'cache-ttl': '30',
      'cache-data-encrypted': 'false',
      'require-authorization-for-cache-control': 'TRUE',
      'unauthorized-cache-control-header-strategy': 'succeed_with_response_header',
      'logging-level': 'off',
      'data-trace': 'true',
      metrics: 'false',
    }
    const merged = Object.assign({}, ...METHOD_SETTING_NAMES.map((n) => value(parseMethodSetting(n, raw[n]))))
    expect(merged).toEqual({
      throttlingRateLimit: 12.5,
      throttlingBurstLimit: 20,
      cachingEnabled: true,
      cacheTtlInSeconds: 30,
      cacheDataEncrypted: false,
      requireAuthorizationForCacheControl: true,
      unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
      loggingLevel: 'OFF',
      dataTraceEnabled: true,
      metricsEnabled: false,
    })
  })

  it('enforces account-default throttling and TTL limits', () => {
    expect(error(parseMethodSetting('throttling-rate-limit', '10000.5'))).toBe('must be a number from 0 to 10000')
    expect(error(parseMethodSetting('throttling-burst-limit', '5001'))).toBe('must be a whole number from 0 to 5000')
    expect(error(parseMethodSetting('cache-ttl', '3601'))).toBe('must be a whole number from 0 to 3600')
  })

  it('resource paths', () => {
    for (const ok of ['/', '/pets', '/pets/{petId}', '/{proxy+}', '/a/{p}/b/{rest+}', '/v1.2/x-y_z', '/a:b']) {
      expect(value(parseResourcePath(ok)), ok).toBe(ok)
    }
    for (const bad of ['pets', '', '/pets/', '//pets', '/{proxy+}/x', '/a b', '/*', '/{a', '/%20']) {
      expect(parseResourcePath(bad).ok, bad).toBe(false)
    }
  })

  it('keys are METHOD /path with known verbs, upper-cased', () => {
    expect(value(parseMethodSettingKey('get /'))).toEqual({ httpMethod: 'GET', resourcePath: '/' })
    expect(value(parseMethodSettingKey('ANY /{proxy+}'))).toEqual({ httpMethod: 'ANY', resourcePath: '/{proxy+}' })
    expect(error(parseMethodSettingKey('TRACE /'))).toContain('ANY')
    expect(error(parseMethodSettingKey('*/*'))).toContain('stage-level inputs')
    expect(error(parseMethodSettingKey('GET'))).toContain("'METHOD /path'")
  })

  it('parses a YAML map, expanding nothing (the planner expands ANY)', () => {
    expect(value(parseMethodSettings('ANY /:\n  metrics: true\nPOST /pets:\n  cache-ttl: 0'))).toEqual([
      { httpMethod: 'ANY', resourcePath: '/', settings: { metricsEnabled: true } },
      { httpMethod: 'POST', resourcePath: '/pets', settings: { cacheTtlInSeconds: 0 } },
    ])
    expect(value(parseMethodSettings(''))).toEqual([])
    expect(ANY_EXPANSION).toEqual(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'])
  })

  it('reports every problem of the map', () => {
    const message = error(
      parseMethodSettings(
        'GET /a:\n  metrics: maybe\n  nope: 1\nget /a:\n  metrics: true\nPUT /b: 5\nANY /c:\n  metrics: true\nDELETE /c:\n  metrics: true',
      ),
    )
    expect(message).toContain("'GET /a': metrics must be 'true' or 'false', got 'maybe'")
    expect(message).toContain("'GET /a': unknown setting 'nope'")
    expect(message).toContain("'GET /a' and 'GET /a' both set GET /a")
    expect(message).toContain("'PUT /b' must map to settings")
    expect(message).toContain("'DELETE /c' and 'ANY /c' both set DELETE /c")
    expect(error(parseMethodSettings('GET /a:\n  metrics: true\nGET /a:\n  metrics: false'))).toContain('repeats a key')
    expect(error(parseMethodSettings('- GET /a'))).toContain('YAML map')
  })
})

describe('display', () => {
  it('quotes short values and cuts long ones', () => {
    expect(shorten('abc')).toBe("'abc'")
    expect(shorten('a\nb')).toBe("'a\\nb'")
    expect(shorten('x'.repeat(100), 10)).toBe("'xxxxxxxxxx…' (100 characters)")
  })
})

describe('SDK vocabulary', () => {
  it('lists the parameters API Gateway requires per SDK type', () => {
    expect(SDK_REQUIRED_PARAMETERS.android).toEqual(['groupId', 'artifactId', 'artifactVersion', 'invokerPackage'])
    expect(SDK_REQUIRED_PARAMETERS.javascript).toEqual([])
  })
})

describe('errors.ts', () => {
  it('InputError names the input and keeps its problems', () => {
    const err = new InputError('stage', "Input 'stage' is required.")
    expect(err).toBeInstanceOf(Error)
    expect(err.name).toBe('InputError')
    expect(err.input).toBe('stage')
    expect(err.problems).toEqual([{ input: 'stage', message: "Input 'stage' is required." }])
  })

  it('InputError.fromProblems lists several problems in one message', () => {
    const one = InputError.fromProblems([{ input: 'a', message: 'A is bad.' }])
    expect(one.message).toBe('A is bad.')
    const two = InputError.fromProblems([
      { input: 'a', message: 'A is bad.' },
      { input: 'b', message: 'B is bad.' },
    ])
    expect(two.input).toBe('a')
    expect(two.message).toBe('2 inputs are invalid:\n- A is bad.\n- B is bad.')
    expect(() => InputError.fromProblems([])).toThrow()
  })

  it('errorMessage handles anything thrown', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom')
    expect(errorMessage(new TypeError(''))).toBe('TypeError')
    expect(errorMessage('plain string')).toBe('plain string')
    expect(errorMessage('')).toContain('empty string')
    expect(errorMessage(undefined)).toBe('Unknown error (undefined thrown)')
    expect(errorMessage(null)).toBe('Unknown error (null thrown)')
    expect(errorMessage({ message: 'from object' })).toBe('from object')
    expect(errorMessage({ code: 42 })).toBe('{"code":42}')
    expect(errorMessage(42)).toBe('42')
    const circular: Record<string, unknown> = {}
    circular.self = circular
    expect(errorMessage(circular)).toBe('[object Object]')
    expect(errorMessage(new AggregateError([new Error('a'), 'b'], 'several'))).toBe('several: a; b')
  })
})
