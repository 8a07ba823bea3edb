// getInputs on invalid inputs and combinations: every input has a case, and no message repeats a secret.
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('@actions/core', () => import('./core-mock.js'))

import { MINIMAL, SECRET, SECRET_WITH_SPACE, TOKEN } from '../fixtures/inputs.js'
import type { InputMap } from '../support/inputs.js'
import { INPUT_DEFAULTS, REQUIRED_INPUTS, readError } from './read-inputs.js'

beforeEach(() => {
  vi.clearAllMocks()
})

// ---- Bad inputs ----

/** Base of the matrix: valid, with a secret-looking variable value that no message may repeat. */
const BAD_BASE: InputMap = { ...MINIMAL, variables: `DB_PASSWORD=${SECRET}` }

interface BadCase {
  why: string
  given: InputMap
  /** The input the message must name (and InputError.problems must include). */
  input: string
  /** A fragment the message must contain (what is allowed, or a hint). */
  says?: string
}

const long = (n: number): string => 'x'.repeat(n)
const noVars = { variables: '' }

const BAD: BadCase[] = [
  // Which API
  { why: 'upper-case id', given: { 'rest-api-id': 'A1B2C3D4E5' }, input: 'rest-api-id', says: '10 lowercase' },
  { why: 'short id', given: { 'rest-api-id': 'abc' }, input: 'rest-api-id' },
  {
    why: 'URL as id',
    given: { 'rest-api-id': 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com' },
    input: 'rest-api-id',
  },
  { why: 'id and name', given: { 'rest-api-name': 'orders' }, input: 'rest-api-id', says: 'exactly one' },
  { why: 'neither id nor name', given: { 'rest-api-id': '' }, input: 'rest-api-id', says: 'exactly one' },
  { why: 'multi-line name', given: { 'rest-api-id': '', 'rest-api-name': 'orders\napi' }, input: 'rest-api-name' },
  { why: 'upper-case region', given: { region: 'US-EAST-1' }, input: 'region', says: 'us-east-1' },
  { why: 'region without number', given: { region: 'us-east' }, input: 'region' },
  // Stage and operation
  { why: 'missing stage', given: { stage: '' }, input: 'stage', says: 'required' },
  { why: 'space in stage', given: { stage: 'pr 12' }, input: 'stage', says: '[A-Za-z0-9_-]{1,128}' },
  { why: '129-character stage', given: { stage: long(129) }, input: 'stage', says: '(129 characters)' },
  { why: 'slash in stage', given: { stage: 'pr/12' }, input: 'stage' },
  { why: 'unknown operation', given: { operation: 'deploy-canary' }, input: 'operation', says: "'update-canary'" },
  { why: 'control character in description', given: { description: 'a\u0007b' }, input: 'description' },
  {
    why: 'description without a deployment',
    given: { operation: 'rollback', description: 'x' },
    input: 'description',
    says: "'deploy'",
  },
  // The definition file and its options
  { why: 'definition is a directory', given: { definition: 'api/' }, input: 'definition', says: 'not a directory' },
  {
    why: 'definition with a promotion',
    given: { operation: 'promote', 'promote-from': 'staging', definition: 'api.yaml' },
    input: 'definition',
    says: 'nothing is imported',
  },
  {
    why: 'unknown definition mode',
    given: { definition: 'api.yaml', 'definition-mode': 'replace' },
    input: 'definition-mode',
    says: "'overwrite'",
  },
  {
    why: 'definition mode without a file',
    given: { 'definition-mode': 'merge' },
    input: 'definition-mode',
    says: "needs 'definition'",
  },
  {
    why: 'substitution key with a dot',
    given: { definition: 'api.yaml', 'definition-substitutions': 'stage.name=x' },
    input: 'definition-substitutions',
    says: 'placeholder name',
  },
  {
    why: 'substitutions without a file',
    given: { 'definition-substitutions': 'ACCOUNT=1' },
    input: 'definition-substitutions',
    says: "needs 'definition'",
  },
  {
    why: 'fail-on-warnings not a boolean',
    given: { definition: 'api.yaml', 'fail-on-warnings': 'yes' },
    input: 'fail-on-warnings',
  },
  {
    why: 'unknown base path mode',
    given: { definition: 'api.yaml', 'definition-base-path': 'strip' },
    input: 'definition-base-path',
    says: "'split'",
  },
  {
    why: 'force-deploy without a file',
    given: { 'force-deploy': 'true' },
    input: 'force-deploy',
    says: "needs 'definition'",
  },
  // Isolated previews
  {
    why: 'unknown preview isolation',
    given: { 'preview-isolation': 'account' },
    input: 'preview-isolation',
    says: "'api'",
  },
  {
    why: 'preview API with promote',
    given: { 'preview-isolation': 'api', operation: 'promote', 'promote-from': 'staging' },
    input: 'preview-isolation',
    says: "not 'promote'",
  },
  {
    why: 'preview API with a canary',
    given: { 'preview-isolation': 'api', definition: 'api.yaml', 'canary-percent': '10' },
    input: 'canary-percent',
    says: "cannot be used with 'preview-isolation: api'",
  },
  {
    why: 'preview API name without api isolation',
    given: { 'preview-api-name': 'orders-pr' },
    input: 'preview-api-name',
    says: "needs 'preview-isolation: api'",
  },
  {
    why: 'unknown endpoint type',
    given: { 'preview-isolation': 'api', definition: 'api.yaml', 'endpoint-type': 'GLOBAL' },
    input: 'endpoint-type',
    says: "'PRIVATE'",
  },
  // Variables (values may be secrets)
  {
    why: 'bad variable name',
    given: { variables: `DB-PASSWORD=${SECRET}` },
    input: 'variables',
    says: "'DB-PASSWORD'",
  },
  {
    why: 'space in a value',
    given: { variables: `DB_PASSWORD=${SECRET_WITH_SPACE}` },
    input: 'variables',
    says: "value of 'DB_PASSWORD' contains whitespace",
  },
  { why: 'value over 512', given: { variables: `DB_PASSWORD=${SECRET}${long(600)}` }, input: 'variables', says: '512' },
  { why: 'empty value', given: { variables: 'DB_PASSWORD=' }, input: 'variables', says: 'remove-variables' },
  {
    why: 'duplicate KEY=VALUE key',
    given: { variables: `DB_PASSWORD=${SECRET}\nDB_PASSWORD=${SECRET}2` },
    input: 'variables',
    says: 'more than once',
  },
  { why: 'duplicate YAML key', given: { variables: `A: ${SECRET}\nA: ${SECRET}` }, input: 'variables', says: 'line 2' },
  { why: 'broken YAML', given: { variables: `A: [${SECRET}` }, input: 'variables', says: 'not valid YAML' },
  { why: 'list value', given: { variables: `A:\n  - ${SECRET}` }, input: 'variables', says: 'single text value' },
  { why: 'YAML that is not a map', given: { variables: `- ${SECRET}` }, input: 'variables', says: 'KEY=VALUE' },
  {
    why: '101 variables',
    given: { variables: Array.from({ length: 101 }, (_, i) => `V${i}=${SECRET}`).join('\n') },
    input: 'variables',
    says: 'at most 100',
  },
  { why: 'mixed forms', given: { variables: `A=1\nB: ${SECRET}` }, input: 'variables', says: 'line 2' },
  { why: 'quote in a YAML value', given: { variables: `A: '${SECRET}"'` }, input: 'variables' },
  { why: 'bad name to remove', given: { 'remove-variables': 'a-b' }, input: 'remove-variables', says: "'a-b'" },
  {
    why: 'name removed twice',
    given: { 'remove-variables': 'A,A' },
    input: 'remove-variables',
    says: 'more than once',
  },
  {
    why: 'variable set and removed',
    given: { 'remove-variables': 'DB_PASSWORD' },
    input: 'remove-variables',
    says: "'DB_PASSWORD'",
  },
  // Canary
  { why: 'zero percent', given: { 'canary-percent': '0' }, input: 'canary-percent', says: 'greater than 0' },
  { why: 'over 100 percent', given: { 'canary-percent': '101' }, input: 'canary-percent' },
  { why: 'percent sign', given: { 'canary-percent': '10%' }, input: 'canary-percent' },
  {
    why: 'canary promotion without promote-from',
    given: { operation: 'promote', variables: 'a=b', 'canary-percent': '10' },
    input: 'canary-percent',
    says: "'promote-from'",
  },
  {
    why: 'canary promotion that also changes production variables',
    given: { operation: 'promote', 'promote-from': 'staging', 'canary-percent': '10', variables: 'a=b' },
    input: 'variables',
    says: "'canary-variables'",
  },
  {
    why: 'percent with rollback',
    given: { operation: 'rollback', 'canary-percent': '10' },
    input: 'canary-percent',
    says: "'update-canary'",
  },
  {
    why: 'canary variables on a plain deploy',
    given: { 'canary-variables': `T=${SECRET}` },
    input: 'canary-variables',
    says: "'canary-percent'",
  },
  {
    why: 'bad canary value',
    given: { 'canary-percent': '5', 'canary-variables': `T=${SECRET_WITH_SPACE}` },
    input: 'canary-variables',
  },
  {
    why: 'bad canary name to remove',
    given: { operation: 'update-canary', 'remove-canary-variables': 'x y' },
    input: 'remove-canary-variables',
  },
  {
    why: 'canary override set and removed',
    given: { operation: 'update-canary', 'canary-variables': `T=${SECRET}`, 'remove-canary-variables': 'T' },
    input: 'remove-canary-variables',
    says: "'T'",
  },
  {
    why: 'yes is not a boolean',
    given: { 'canary-percent': '5', 'canary-use-stage-cache': 'yes' },
    input: 'canary-use-stage-cache',
    says: "'true' or 'false'",
  },
  {
    why: 'update-canary with nothing',
    given: { operation: 'update-canary' },
    input: 'operation',
    says: 'at least one',
  },
  {
    why: 'canary cache with rollback-canary',
    given: { operation: 'rollback-canary', 'canary-use-stage-cache': 'true' },
    input: 'canary-use-stage-cache',
  },
  // Promote and rollback
  { why: 'promote without source', given: { operation: 'promote', variables: '' }, input: 'promote-from' },
  {
    why: 'promote from itself',
    given: { operation: 'promote', 'promote-from': 'pr-12' },
    input: 'promote-from',
    says: 'same as',
  },
  { why: 'promote-from with deploy', given: { 'promote-from': 'staging' }, input: 'promote-from', says: "'promote'" },
  { why: 'bad promote-from', given: { operation: 'promote', 'promote-from': 'st age' }, input: 'promote-from' },
  { why: 'rollback-to with deploy', given: { 'rollback-to': 'abc123' }, input: 'rollback-to', says: "'rollback'" },
  { why: 'bad deployment id', given: { operation: 'rollback', 'rollback-to': 'ABC' }, input: 'rollback-to' },
  // Health-gated rollout
  ...rolloutCases(),
  // Stage settings
  {
    why: 'negative rate',
    given: { 'throttling-rate-limit': '-1' },
    input: 'throttling-rate-limit',
    says: '0 to 10000',
  },
  { why: 'rate over account default', given: { 'throttling-rate-limit': '10001' }, input: 'throttling-rate-limit' },
  { why: 'rate not a number', given: { 'throttling-rate-limit': 'abc' }, input: 'throttling-rate-limit' },
  { why: 'burst over 5000', given: { 'throttling-burst-limit': '5001' }, input: 'throttling-burst-limit' },
  { why: 'fractional burst', given: { 'throttling-burst-limit': '1.5' }, input: 'throttling-burst-limit' },
  { why: 'unknown cache size', given: { 'cache-cluster-size': '2' }, input: 'cache-cluster-size', says: '0.5' },
  { why: 'caching-enabled yes', given: { 'caching-enabled': 'yes' }, input: 'caching-enabled' },
  { why: 'TTL over 3600', given: { 'cache-ttl': '3601' }, input: 'cache-ttl', says: '0 to 3600' },
  { why: 'TTL in exponent form', given: { 'cache-ttl': '1e3' }, input: 'cache-ttl' },
  { why: 'encrypted 1', given: { 'cache-data-encrypted': '1' }, input: 'cache-data-encrypted' },
  {
    why: 'authorization on',
    given: { 'require-authorization-for-cache-control': 'on' },
    input: 'require-authorization-for-cache-control',
  },
  {
    why: 'unknown header strategy',
    given: { 'unauthorized-cache-control-header-strategy': 'FAIL' },
    input: 'unauthorized-cache-control-header-strategy',
    says: 'FAIL_WITH_403',
  },
  { why: 'DEBUG logging', given: { 'logging-level': 'DEBUG' }, input: 'logging-level', says: "'INFO'" },
  { why: 'data-trace enabled', given: { 'data-trace': 'enabled' }, input: 'data-trace' },
  { why: 'metrics y', given: { metrics: 'y' }, input: 'metrics' },
  { why: 'tracing xray', given: { tracing: 'xray' }, input: 'tracing' },
  { why: 'bad certificate id', given: { 'client-certificate-id': 'cert!' }, input: 'client-certificate-id' },
  {
    why: 'S3 access log destination',
    given: { 'access-log-destination-arn': 'arn:aws:s3:::my-bucket' },
    input: 'access-log-destination-arn',
    says: 'log group ARN',
  },
  {
    why: 'Firehose stream without the prefix',
    given: { 'access-log-destination-arn': 'arn:aws:firehose:us-east-1:123456789012:deliverystream/logs' },
    input: 'access-log-destination-arn',
    says: 'amazon-apigateway-',
  },
  {
    why: 'format without requestId',
    given: { 'access-log-format': '$context.extendedRequestId $context.status' },
    input: 'access-log-format',
    says: '$context.requestId',
  },
  // Method settings
  { why: 'path without slash', given: { 'method-settings': 'GET pets:\n  metrics: true' }, input: 'method-settings' },
  {
    why: 'unknown verb',
    given: { 'method-settings': 'FETCH /pets:\n  metrics: true' },
    input: 'method-settings',
    says: 'ANY',
  },
  {
    why: 'unknown setting',
    given: { 'method-settings': 'GET /pets:\n  ttl: 5' },
    input: 'method-settings',
    says: 'unknown setting',
  },
  {
    why: 'bad setting value',
    given: { 'method-settings': 'GET /pets:\n  cache-ttl: 4000' },
    input: 'method-settings',
    says: '0 to 3600',
  },
  { why: 'not a map', given: { 'method-settings': 'just text' }, input: 'method-settings', says: 'YAML map' },
  {
    why: 'ANY overlaps GET',
    given: { 'method-settings': 'ANY /pets:\n  metrics: true\nGET /pets:\n  metrics: false' },
    input: 'method-settings',
    says: 'both set GET /pets',
  },
  {
    why: 'greedy segment not last',
    given: { 'method-settings': 'GET /{proxy+}/x:\n  metrics: true' },
    input: 'method-settings',
    says: 'must come last',
  },
  {
    why: 'stage-wide key',
    given: { 'method-settings': '"*/*":\n  metrics: true' },
    input: 'method-settings',
    says: 'stage-level inputs',
  },
  { why: 'entry without settings', given: { 'method-settings': 'GET /a: {}' }, input: 'method-settings' },
  {
    why: 'caching without a cluster',
    given: { 'caching-enabled': 'true', 'cache-cluster-size': 'disabled' },
    input: 'caching-enabled',
    says: 'cache cluster',
  },
  {
    why: 'method caching without a cluster',
    given: { 'method-settings': 'GET /a:\n  caching-enabled: true', 'cache-cluster-size': 'disabled' },
    input: 'method-settings',
    says: 'cache cluster',
  },
  {
    why: 'canary stage cache without a cluster',
    given: { 'canary-percent': '5', 'canary-use-stage-cache': 'true', 'cache-cluster-size': 'disabled' },
    input: 'canary-use-stage-cache',
  },
  // Domain and usage plans
  { why: 'URL as domain', given: { 'domain-name': 'https://api.example.com' }, input: 'domain-name', says: 'https://' },
  { why: 'wildcard domain', given: { 'domain-name': '*.example.com' }, input: 'domain-name' },
  { why: 'not a domain', given: { 'domain-name': 'not a domain' }, input: 'domain-name' },
  { why: 'base path without domain', given: { 'base-path': 'v1' }, input: 'base-path', says: 'domain-name' },
  {
    why: 'repoint without domain',
    given: { 'repoint-base-path': 'true' },
    input: 'repoint-base-path',
    says: 'domain-name',
  },
  {
    why: 'repoint not a boolean',
    given: { 'domain-name': 'api.example.com', 'repoint-base-path': 'maybe' },
    input: 'repoint-base-path',
  },
  {
    why: 'multi-level base path',
    given: { 'domain-name': 'api.example.com', 'base-path': 'a/b' },
    input: 'base-path',
    says: 'apigatewayv2',
  },
  {
    why: 'base path with slashes',
    given: { 'domain-name': 'api.example.com', 'base-path': '/v1' },
    input: 'base-path',
    says: "write 'v1'",
  },
  { why: 'space in base path', given: { 'domain-name': 'api.example.com', 'base-path': 'v 1' }, input: 'base-path' },
  { why: 'bad usage plan id', given: { 'usage-plan-ids': 'abc123,ABC!' }, input: 'usage-plan-ids', says: "'ABC!'" },
  { why: 'usage plan twice', given: { 'usage-plan-ids': 'abc123\nabc123' }, input: 'usage-plan-ids' },
  // Export and SDK
  {
    why: 'unknown export type',
    given: { 'export-type': 'openapi', 'export-file': 'a.json' },
    input: 'export-type',
    says: "'oas30'",
  },
  { why: 'export type without file', given: { 'export-type': 'oas30' }, input: 'export-type', says: 'export-file' },
  { why: 'export file without type', given: { 'export-file': 'api.json' }, input: 'export-file', says: 'export-type' },
  {
    why: 'xml format',
    given: { 'export-type': 'oas30', 'export-file': 'a.out', 'export-format': 'xml' },
    input: 'export-format',
  },
  {
    why: 'format and extension disagree',
    given: { 'export-type': 'oas30', 'export-file': 'api.yaml', 'export-format': 'json' },
    input: 'export-format',
    says: 'agree',
  },
  {
    why: 'unknown extension',
    given: { 'export-type': 'oas30', 'export-file': 'a.json', 'export-extensions': 'swagger' },
    input: 'export-extensions',
    says: 'postman',
  },
  {
    why: 'export file is a directory',
    given: { 'export-type': 'oas30', 'export-file': 'out/' },
    input: 'export-file',
    says: 'directory',
  },
  { why: 'unknown SDK type', given: { 'sdk-type': 'python', 'sdk-file': 's.zip' }, input: 'sdk-type', says: 'swift' },
  {
    why: 'swift without classPrefix',
    given: { 'sdk-type': 'swift', 'sdk-file': 's.zip' },
    input: 'sdk-parameters',
    says: "'classPrefix'",
  },
  { why: 'SDK file without type', given: { 'sdk-file': 's.zip' }, input: 'sdk-file', says: 'sdk-type' },
  { why: 'SDK type without file', given: { 'sdk-type': 'javascript' }, input: 'sdk-type', says: 'sdk-file' },
  {
    why: 'bad SDK parameter',
    given: { 'sdk-type': 'javascript', 'sdk-file': 's.zip', 'sdk-parameters': 'a b=c' },
    input: 'sdk-parameters',
  },
  {
    why: 'SDK and export to one file',
    given: { 'sdk-type': 'javascript', 'sdk-file': 'x.zip', 'export-type': 'oas30', 'export-file': 'x.zip' },
    input: 'sdk-file',
    says: 'same file',
  },
  // Reporting and behaviour
  { why: 'bad diff stage', given: { 'diff-against': 'not valid!' }, input: 'diff-against', says: "'previous'" },
  { why: 'diff against itself', given: { 'diff-against': 'pr-12' }, input: 'diff-against', says: "'previous'" },
  { why: 'comment yes', given: { comment: 'yes' }, input: 'comment', says: "'auto'" },
  { why: 'pr-number 0', given: { 'pr-number': '0' }, input: 'pr-number', says: 'at least 1' },
  { why: 'pr-number with #', given: { 'pr-number': '#12' }, input: 'pr-number' },
  { why: 'pr-number without comment', given: { 'pr-number': '12', comment: 'false' }, input: 'pr-number' },
  { why: 'long environment', given: { environment: long(256) }, input: 'environment', says: '255' },
  { why: 'relative smoke path', given: { 'smoke-test-path': 'health' }, input: 'smoke-test-path', says: "'/'" },
  {
    why: 'smoke base URL not absolute',
    given: { 'smoke-test-path': '/health', 'smoke-test-base-url': 'localhost:4566/dev' },
    input: 'smoke-test-base-url',
  },
  {
    why: 'smoke base URL with a query',
    given: { 'smoke-test-path': '/health', 'smoke-test-base-url': 'https://x.example/dev?a=1' },
    input: 'smoke-test-base-url',
  },
  {
    why: 'smoke base URL without a path',
    given: { 'smoke-test-base-url': 'https://x.example/dev' },
    input: 'smoke-test-base-url',
  },
  { why: 'cache wait negative', given: { 'wait-for-cache-cluster': '-1' }, input: 'wait-for-cache-cluster' },
  { why: 'cache wait over 30 minutes', given: { 'wait-for-cache-cluster': '45' }, input: 'wait-for-cache-cluster' },
  {
    why: 'smoke attempts zero',
    given: { 'smoke-test-path': '/h', 'smoke-test-attempts': '0' },
    input: 'smoke-test-attempts',
  },
  {
    why: 'smoke attempts too many',
    given: { 'smoke-test-path': '/h', 'smoke-test-attempts': '31' },
    input: 'smoke-test-attempts',
  },
  { why: 'protocol-relative smoke path', given: { 'smoke-test-path': '//evil.example.com' }, input: 'smoke-test-path' },
  { why: 'rollback-on-failure maybe', given: { 'rollback-on-failure': 'maybe' }, input: 'rollback-on-failure' },
  {
    why: 'rollback-on-failure without a canary',
    given: { 'rollback-on-failure': 'true', 'smoke-test-path': '/health' },
    input: 'rollback-on-failure',
    says: 'canary-percent',
  },
  {
    why: 'rollback-on-failure without a smoke test',
    given: { 'rollback-on-failure': 'true', 'canary-percent': '10' },
    input: 'rollback-on-failure',
    says: 'smoke-test-path',
  },
  { why: 'pattern does not compile', given: { 'delete-stage-pattern': '[' }, input: 'delete-stage-pattern' },
  {
    why: 'pattern with delimiters',
    given: { 'delete-stage-pattern': '/^pr-\\d+$/' },
    input: 'delete-stage-pattern',
    says: 'delimiters',
  },
  {
    why: 'deleting a stage outside the pattern',
    given: { ...noVars, operation: 'delete', stage: 'prod' },
    input: 'stage',
    says: "delete-stage-pattern: '^prod$'",
  },
  {
    why: 'pattern matches only part of the stage',
    given: { ...noVars, operation: 'delete', stage: 'pr-12-old', 'delete-stage-pattern': 'pr-[0-9]+' },
    input: 'stage',
  },
  { why: 'variables with delete', given: { operation: 'delete' }, input: 'variables', says: "'delete'" },
  { why: 'cache-ttl with delete', given: { ...noVars, operation: 'delete', 'cache-ttl': '5' }, input: 'cache-ttl' },
  { why: 'prune 0 days', given: { 'prune-previews-older-than': '0' }, input: 'prune-previews-older-than' },
  {
    why: 'prune with promote',
    given: { operation: 'promote', 'promote-from': 'staging', 'prune-previews-older-than': '7' },
    input: 'prune-previews-older-than',
  },
  { why: 'dry-run yes', given: { 'dry-run': 'yes' }, input: 'dry-run' },
  { why: 'show values 1', given: { 'show-variable-values': '1' }, input: 'show-variable-values' },
  { why: 'zero retries', given: { 'max-retries': '0' }, input: 'max-retries', says: '1 to 20' },
  { why: '21 retries', given: { 'max-retries': '21' }, input: 'max-retries' },
  { why: 'retries in words', given: { 'max-retries': 'five' }, input: 'max-retries' },
  { why: 'no token for the comment', given: { 'github-token': '' }, input: 'github-token', says: 'comment' },
  {
    why: 'no token for the environment',
    given: { 'github-token': '', comment: 'false', environment: 'prod' },
    input: 'github-token',
    says: 'environment',
  },
]

describe('getInputs: bad inputs', () => {
  it('has a large matrix covering every input', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(60)
    const covered = new Set(BAD.map((c) => c.input))
    const all = [...REQUIRED_INPUTS, ...Object.keys(INPUT_DEFAULTS)]
    expect(all.filter((name) => !covered.has(name))).toEqual([])
  })

  it.each(BAD)('$input: $why', ({ given, input, says }) => {
    const err = readError({ ...BAD_BASE, ...given })
    expect(err.name).toBe('InputError')
    expect(err.problems.map((p) => p.input)).toContain(input)
    const problem = err.problems.find((p) => p.input === input)
    expect(problem?.message).toContain(`'${input}'`)
    if (says !== undefined) expect(problem?.message).toContain(says)
    expect(err.message).toContain(`'${input}'`)
    expect(err.message).not.toContain('Sup3r')
    expect(err.message).not.toContain(TOKEN)
  })

  it('quotes the value given, shortened when long', () => {
    const err = readError({ ...MINIMAL, stage: `pr ${long(300)}` })
    expect(err.input).toBe('stage')
    expect(err.message).toMatch(/got 'pr x+…' \(303 characters\)/)
    expect(err.message.length).toBeLessThan(300)
  })

  it('escapes line breaks of the value given', () => {
    expect(readError({ ...MINIMAL, region: 'us-east-1\nus-west-2' }).message).toContain("got 'us-east-1\\nus-west-2'")
  })

  it('reports every problem in one message', () => {
    const err = readError({
      ...BAD_BASE,
      stage: 'bad stage',
      'cache-ttl': '-5',
      comment: 'sometimes',
      variables: `bad-name=${SECRET}`,
    })
    expect(err.problems.map((p) => p.input)).toEqual(['stage', 'variables', 'cache-ttl', 'comment'])
    expect(err.input).toBe('stage')
    expect(err.message).toMatch(/^4 inputs are invalid:\n- Input 'stage'/)
    expect(err.message).not.toContain(SECRET)
  })

  it('does not throw core\'s plain "Input required" error for the required stage', () => {
    const err = readError({ 'rest-api-id': 'a1b2c3d4e5', 'github-token': TOKEN })
    expect(err.message).toBe("Input 'stage' is required and was not supplied.")
  })
})

/** The rollout's inputs: each bad value with operation rollout, and each one refused with another operation. */
function rolloutCases(): BadCase[] {
  const rollout = (given: InputMap): InputMap => ({ operation: 'rollout', 'canary-steps': '10,50', ...given })
  const bad: Array<[string, string, string]> = [
    ['canary-steps', '50,10', 'strictly increasing'],
    ['canary-interval', '5 minutes', '90s, 5m or 1h'],
    ['max-error-rate', '0.01', 'percentage'],
    ['max-error-rate-increase', '150%', 'percentage'],
    ['max-latency-p99', '-3', 'milliseconds'],
    ['min-requests', '0', 'whole number'],
    ['alarms', 'a\u0007b', 'alarm names'],
    ['on-inconclusive', 'pause', "'hold'"],
    ['max-inconclusive', '21', '0 to 20'],
    ['rollout-mode', 'judge', "'analyze'"],
    ['canary-metric-stage', 'prod\u0000', 'dimension value'],
    ['canary-baseline', 'production', "'stage-minus-canary'"],
    ['metrics-delay', '2', 'duration'],
  ]
  return [
    ...bad.map(([input, value, says]) => ({
      why: `bad ${input}`,
      given: rollout({ [input]: value }),
      input,
      says,
    })),
    { why: 'rollout without steps', given: { operation: 'rollout' }, input: 'canary-steps', says: 'required' },
    {
      why: 'max-error-rate with deploy',
      given: { 'max-error-rate': '1%' },
      input: 'max-error-rate',
      says: "'rollout'",
    },
  ]
}
