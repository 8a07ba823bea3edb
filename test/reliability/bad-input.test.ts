// Bad-input matrix through the bundle: every input given a value it does not allow (or a combination it does not
// allow). Each run must fail with an error annotation that names the input, before any AWS or GitHub call: no AWS
// write, no GitHub write (in fact no call at all), no secret value repeated.
import { describe, expect, it } from 'vitest'
import { startEmulator } from '../emulator/index.js'
import { startGitHubFake } from '../github-fake/index.js'
import { actionDefaults } from '../support/action-yml.js'
import { runAgainst } from '../support/harness.js'

interface Case {
  /** The input the error must name. */
  input: string
  /** What is wrong, for the test name. */
  why: string
  inputs: Record<string, string>
}

const SECRET = 'Sup3rS3cret-value'
const prEvent = { name: 'pull_request', payload: { action: 'synchronize', number: 5, pull_request: { number: 5 } } }

const CASES: Case[] = [
  // Which API and stage
  { input: 'rest-api-id', why: 'not an id', inputs: { 'rest-api-id': 'Orders API' } },
  { input: 'rest-api-id', why: 'both id and name', inputs: { 'rest-api-name': 'orders-api' } },
  { input: 'rest-api-id', why: 'neither id nor name', inputs: { 'rest-api-id': '' } },
  {
    input: 'rest-api-name',
    why: 'control character',
    inputs: { 'rest-api-id': '', 'rest-api-name': 'orders\u0007api' },
  },
  { input: 'region', why: 'not a region code', inputs: { region: 'Virginia' } },
  { input: 'stage', why: 'missing', inputs: { stage: '' } },
  { input: 'stage', why: 'invalid characters', inputs: { stage: 'pr 5!' } },
  { input: 'operation', why: 'unknown operation', inputs: { operation: 'redeploy' } },
  { input: 'description', why: 'control character', inputs: { description: 'release\u0001notes' } },
  // The definition file and its options
  { input: 'definition', why: 'a file that does not exist', inputs: { definition: 'api/missing.yaml' } },
  {
    input: 'definition',
    why: 'with a promotion',
    inputs: { operation: 'promote', 'promote-from': 'dev', definition: 'a.yaml' },
  },
  { input: 'definition-mode', why: 'unknown mode', inputs: { definition: 'a.yaml', 'definition-mode': 'replace' } },
  {
    input: 'definition-substitutions',
    why: 'a key with a dot',
    inputs: { definition: 'a.yaml', 'definition-substitutions': 'a.b=1' },
  },
  { input: 'fail-on-warnings', why: 'not a boolean', inputs: { definition: 'a.yaml', 'fail-on-warnings': 'maybe' } },
  {
    input: 'definition-base-path',
    why: 'unknown mode',
    inputs: { definition: 'a.yaml', 'definition-base-path': 'strip' },
  },
  { input: 'force-deploy', why: 'without a file', inputs: { 'force-deploy': 'true' } },
  { input: 'preview-isolation', why: 'api without a file', inputs: { 'preview-isolation': 'api' } },
  { input: 'preview-api-name', why: 'without api isolation', inputs: { 'preview-api-name': 'orders-pr' } },
  { input: 'endpoint-type', why: 'without api isolation', inputs: { 'endpoint-type': 'EDGE' } },
  // Health-gated rollout (operation rollout)
  ...(
    [
      ['canary-steps', '50,10'],
      ['canary-interval', 'soon'],
      ['max-error-rate', 'lots'],
      ['max-error-rate-increase', '-1%'],
      ['max-latency-p99', 'fast'],
      ['min-requests', '-5'],
      ['alarms', 'a\u0007b'],
      ['on-inconclusive', 'pause'],
      ['max-inconclusive', '21'],
      ['rollout-mode', 'judge'],
      ['canary-metric-stage', 'p'.repeat(256)],
      ['canary-baseline', 'production'],
      ['metrics-delay', '2'],
    ] as const
  ).map(([input, value]) => ({
    input,
    why: 'not allowed',
    inputs: { operation: 'rollout', 'canary-steps': '10,50,100', 'promote-from': 'dev', [input]: value },
  })),
  // Variables and canary
  { input: 'variables', why: 'invalid name', inputs: { variables: `bad-name=${SECRET}` } },
  { input: 'variables', why: 'value with whitespace', inputs: { variables: `token=${SECRET} x` } },
  { input: 'remove-variables', why: 'invalid name', inputs: { 'remove-variables': 'not a name' } },
  { input: 'remove-variables', why: 'also set', inputs: { variables: 'alias=v1', 'remove-variables': 'alias' } },
  { input: 'canary-percent', why: 'zero', inputs: { 'canary-percent': '0' } },
  { input: 'canary-percent', why: 'over 100', inputs: { 'canary-percent': '150' } },
  { input: 'canary-percent', why: 'not a number', inputs: { 'canary-percent': 'ten' } },
  { input: 'canary-variables', why: 'without canary-percent', inputs: { 'canary-variables': `alias=${SECRET}` } },
  {
    input: 'canary-variables',
    why: 'invalid value',
    inputs: { 'canary-percent': '10', 'canary-variables': `alias=${SECRET} !` },
  },
  {
    input: 'remove-canary-variables',
    why: 'with operation promote',
    inputs: { operation: 'promote', 'promote-from': 'staging', 'remove-canary-variables': 'alias' },
  },
  {
    input: 'canary-use-stage-cache',
    why: 'not a boolean',
    inputs: { 'canary-percent': '10', 'canary-use-stage-cache': 'yes' },
  },
  { input: 'promote-from', why: 'with operation deploy', inputs: { 'promote-from': 'staging' } },
  { input: 'promote-from', why: 'same as stage', inputs: { operation: 'promote', 'promote-from': 'pr-5' } },
  { input: 'promote-from', why: 'missing for promote', inputs: { operation: 'promote' } },
  { input: 'rollback-to', why: 'not a deployment id', inputs: { operation: 'rollback', 'rollback-to': 'v1.2.3' } },
  { input: 'rollback-to', why: 'with operation deploy', inputs: { 'rollback-to': 'a1b2c3' } },
  // Stage settings
  { input: 'throttling-rate-limit', why: 'negative', inputs: { 'throttling-rate-limit': '-1' } },
  { input: 'throttling-burst-limit', why: 'fraction', inputs: { 'throttling-burst-limit': '1.5' } },
  { input: 'cache-cluster-size', why: 'not a size', inputs: { 'cache-cluster-size': '2' } },
  { input: 'caching-enabled', why: 'not a boolean', inputs: { 'caching-enabled': 'on' } },
  {
    input: 'caching-enabled',
    why: 'with the cluster disabled',
    inputs: { 'caching-enabled': 'true', 'cache-cluster-size': 'disabled' },
  },
  { input: 'cache-ttl', why: 'over 3600', inputs: { 'cache-ttl': '4000' } },
  { input: 'cache-data-encrypted', why: 'not a boolean', inputs: { 'cache-data-encrypted': '1' } },
  {
    input: 'require-authorization-for-cache-control',
    why: 'not a boolean',
    inputs: { 'require-authorization-for-cache-control': 'always' },
  },
  {
    input: 'unauthorized-cache-control-header-strategy',
    why: 'unknown strategy',
    inputs: { 'unauthorized-cache-control-header-strategy': 'IGNORE' },
  },
  { input: 'logging-level', why: 'unknown level', inputs: { 'logging-level': 'DEBUG' } },
  { input: 'data-trace', why: 'not a boolean', inputs: { 'data-trace': 'full' } },
  { input: 'metrics', why: 'not a boolean', inputs: { metrics: 'enabled' } },
  { input: 'tracing', why: 'not a boolean', inputs: { tracing: 'xray' } },
  { input: 'client-certificate-id', why: 'not an id', inputs: { 'client-certificate-id': 'CERT-1' } },
  { input: 'access-log-destination-arn', why: 'not an ARN', inputs: { 'access-log-destination-arn': 'my-log-group' } },
  { input: 'access-log-format', why: 'no $context.requestId', inputs: { 'access-log-format': '$context.status' } },
  { input: 'method-settings', why: 'unknown setting', inputs: { 'method-settings': 'GET /pets:\n  turbo: true' } },
  { input: 'method-settings', why: 'not a map', inputs: { 'method-settings': '- GET /pets' } },
  // Domain, usage plans, export, SDK
  { input: 'domain-name', why: 'a URL', inputs: { 'domain-name': 'https://api.example.com/v1' } },
  { input: 'base-path', why: 'without domain-name', inputs: { 'base-path': 'v1' } },
  { input: 'base-path', why: 'two segments', inputs: { 'domain-name': 'api.example.com', 'base-path': 'v1/orders' } },
  { input: 'repoint-base-path', why: 'without domain-name', inputs: { 'repoint-base-path': 'true' } },
  { input: 'usage-plan-ids', why: 'not ids', inputs: { 'usage-plan-ids': 'Gold Plan' } },
  { input: 'export-type', why: 'unknown type', inputs: { 'export-type': 'raml', 'export-file': 'api.json' } },
  { input: 'export-type', why: 'without export-file', inputs: { 'export-type': 'oas30' } },
  {
    input: 'export-format',
    why: 'disagrees with the file',
    inputs: { 'export-type': 'oas30', 'export-format': 'yaml', 'export-file': 'api.json' },
  },
  {
    input: 'export-extensions',
    why: 'unknown extension',
    inputs: { 'export-type': 'oas30', 'export-file': 'api.json', 'export-extensions': 'everything' },
  },
  { input: 'export-file', why: 'without export-type', inputs: { 'export-file': 'api.json' } },
  { input: 'sdk-type', why: 'unknown type', inputs: { 'sdk-type': 'cobol', 'sdk-file': 'sdk.zip' } },
  { input: 'sdk-parameters', why: 'missing java parameters', inputs: { 'sdk-type': 'java', 'sdk-file': 'sdk.zip' } },
  { input: 'sdk-file', why: 'without sdk-type', inputs: { 'sdk-file': 'sdk.zip' } },
  // Reporting and behaviour
  { input: 'diff-against', why: 'not a stage name', inputs: { 'diff-against': 'last week' } },
  { input: 'diff-against', why: 'the stage itself', inputs: { 'diff-against': 'pr-5' } },
  { input: 'comment', why: 'not auto/true/false', inputs: { comment: 'sometimes' } },
  { input: 'pr-number', why: 'negative', inputs: { 'pr-number': '-3' } },
  { input: 'pr-number', why: 'with comment false', inputs: { comment: 'false', 'pr-number': '5' } },
  { input: 'environment', why: 'too long', inputs: { environment: 'e'.repeat(300) } },
  { input: 'show-variable-values', why: 'not a boolean', inputs: { 'show-variable-values': 'sometimes' } },
  { input: 'smoke-test-path', why: 'no leading slash', inputs: { 'smoke-test-path': 'health' } },
  {
    input: 'smoke-test-base-url',
    why: 'without smoke-test-path',
    inputs: { 'smoke-test-base-url': 'https://example.com' },
  },
  {
    input: 'smoke-test-attempts',
    why: 'over 30',
    inputs: { 'smoke-test-path': '/health', 'smoke-test-attempts': '99' },
  },
  { input: 'wait-for-cache-cluster', why: 'over 30 minutes', inputs: { 'wait-for-cache-cluster': '31' } },
  {
    input: 'rollback-on-failure',
    why: 'without a canary deploy',
    inputs: { 'rollback-on-failure': 'true', 'smoke-test-path': '/health' },
  },
  { input: 'delete-stage-pattern', why: 'invalid regular expression', inputs: { 'delete-stage-pattern': 'pr-(' } },
  { input: 'stage', why: 'outside delete-stage-pattern', inputs: { operation: 'delete', stage: 'prod' } },
  { input: 'prune-previews-older-than', why: 'zero days', inputs: { 'prune-previews-older-than': '0' } },
  { input: 'dry-run', why: 'not a boolean', inputs: { 'dry-run': 'maybe' } },
  { input: 'max-retries', why: 'zero', inputs: { 'max-retries': '0' } },
  { input: 'max-retries', why: 'over 20', inputs: { 'max-retries': '100' } },
  { input: 'github-token', why: 'empty while commenting', inputs: { 'github-token': '', comment: 'true' } },
]

describe('bad input', () => {
  it('has at least 40 cases and names every input of action.yml', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40)
    const named = new Set(CASES.map((c) => c.input))
    expect(['stage', ...Object.keys(actionDefaults())].filter((input) => !named.has(input))).toEqual([])
  })

  it.concurrent.each(CASES)("'$input' ($why) fails naming the input, with no AWS or GitHub call", async (c) => {
    const emu = await startEmulator()
    const gh = await startGitHubFake()
    try {
      const { restApiId } = emu.seedSampleApi({ name: 'orders-api' })
      const run = await runAgainst(
        emu,
        { 'rest-api-id': restApiId, stage: 'pr-5', ...c.inputs },
        { githubApi: gh.url, event: prEvent },
      )
      expect(run.code).toBe(1)
      expect(run.errors).toHaveLength(1)
      expect(run.errors[0]).toContain(`'${c.input}'`)
      expect(emu.writes()).toEqual([])
      expect(gh.calls.filter((call) => call.method !== 'GET')).toEqual([])
      // Validation happens before anything is called at all.
      expect(emu.calls).toEqual([])
      expect(gh.calls).toEqual([])
      // A rejected secret value is not repeated anywhere.
      for (const text of [run.stdout, run.stderr, run.summary, ...Object.values(run.outputs)]) {
        expect(text).not.toContain(SECRET)
      }
    } finally {
      await emu.stop()
      await gh.stop()
    }
  })
})
