// Bad definition files and substitution mistakes, each with the input it must be blamed on and words the message
// must contain (the operation, the path or the line where there is one). Shared by the unit table and the
// through-the-action table, which also checks that no AWS call is made.

/** A valid OpenAPI 3.0 definition with one Lambda-proxy route and one mock route; `${ACCOUNT}` is a placeholder. */
export const GOOD_YAML = `openapi: 3.0.3
info:
  title: orders-api
  version: '1.0'
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:\${ACCOUNT}:function:orders/invocations
  /health:
    get:
      responses:
        '200':
          description: ok
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates:
          application/json: '{"statusCode": 200}'
`

export interface BadDefinitionCase {
  name: string
  /** The file's text. */
  text: string
  substitutions?: Record<string, string>
  input: 'definition' | 'definition-substitutions'
  /** Each must appear in the message. */
  mentions: string[]
}

const swap = (from: string, to: string) => GOOD_YAML.replace(from, to)
const ACCOUNT = { ACCOUNT: '123456789012' }

export const BAD_DEFINITIONS: BadDefinitionCase[] = [
  { name: 'empty file', text: '', input: 'definition', mentions: ['not an OpenAPI document'] },
  {
    name: 'YAML syntax error',
    text: 'openapi: 3.0.3\ninfo: [unclosed\n',
    input: 'definition',
    mentions: ['not valid YAML', 'line'],
  },
  {
    name: 'JSON syntax error',
    text: '{"openapi": "3.0.3", "info": }',
    input: 'definition',
    mentions: ['not valid JSON'],
  },
  { name: 'a list at the top', text: '- a\n- b\n', input: 'definition', mentions: ['top level must be a map'] },
  {
    name: 'no version',
    text: 'info:\n  title: x\npaths: {}\n',
    input: 'definition',
    mentions: ["neither 'openapi: 3.0.x'"],
  },
  {
    name: 'OpenAPI 3.1',
    text: swap('openapi: 3.0.3', 'openapi: 3.1.0'),
    substitutions: ACCOUNT,
    input: 'definition',
    mentions: ['3.1.0', 'cannot import', 'line 1'],
  },
  { name: 'Swagger 1.2', text: "swagger: '1.2'\n", input: 'definition', mentions: ["swagger: '2.0'"] },
  {
    name: 'duplicate key',
    text: swap('  /health:', '  /orders:'),
    substitutions: ACCOUNT,
    input: 'definition',
    mentions: ['not valid YAML', 'line'],
  },
  {
    name: 'schema error: missing info.version',
    text: swap("  version: '1.0'\n", ''),
    substitutions: ACCOUNT,
    input: 'definition',
    mentions: ['not valid OpenAPI 3.0', 'info', 'version'],
  },
  {
    name: 'schema error: responses missing',
    text: swap(
      "      responses:\n        '200':\n          description: ok\n      x-amazon-apigateway-integration:\n        type: mock",
      '      x-amazon-apigateway-integration:\n        type: mock',
    ),
    substitutions: ACCOUNT,
    input: 'definition',
    mentions: ['not valid OpenAPI 3.0', '/health', 'responses'],
  },
  {
    name: 'operation without an integration',
    text: swap(
      '      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates:\n          application/json: \'{"statusCode": 200}\'\n',
      '',
    ),
    substitutions: ACCOUNT,
    input: 'definition',
    mentions: ['GET /health', 'x-amazon-apigateway-integration', 'line 16'],
  },
  {
    name: 'TRACE method',
    text: swap('  /health:\n    get:', '  /health:\n    trace:'),
    substitutions: ACCOUNT,
    input: 'definition',
    mentions: ['TRACE /health', 'no TRACE method'],
  },
  {
    name: 'path parameter inside a segment',
    text: swap('  /health:', '  /health-{id}:'),
    substitutions: ACCOUNT,
    input: 'definition',
    mentions: ['/health-{id}', 'whole segment'],
  },
  {
    name: 'greedy parameter before the end',
    text: swap('  /health:', '  /{proxy+}/status:'),
    substitutions: ACCOUNT,
    input: 'definition',
    mentions: ['{proxy+}', 'last segment'],
  },
  {
    name: 'character API Gateway cannot represent',
    text: swap('  /health:', '  /health check:'),
    substitutions: ACCOUNT,
    input: 'definition',
    mentions: ["'health check'", 'allows only'],
  },
  {
    name: 'trailing slash',
    text: swap('  /health:', '  /health/:'),
    substitutions: ACCOUNT,
    input: 'definition',
    mentions: ['/health/', 'empty segment'],
  },
  {
    name: 'sibling parameters with different names',
    text: `${swap('  /health:', '  /orders/{orderId}:')}  /orders/{id}/items:\n    get:\n      responses:\n        '200':\n          description: ok\n      x-amazon-apigateway-integration:\n        type: mock\n`,
    substitutions: ACCOUNT,
    input: 'definition',
    mentions: ["under '/orders'", '{orderId}', '{id}'],
  },
  {
    name: 'reference to another file',
    text: swap(
      '          description: ok\n      x-amazon-apigateway-integration:\n        type: aws_proxy',
      "          $ref: 'responses.yaml#/Ok'\n      x-amazon-apigateway-integration:\n        type: aws_proxy",
    ),
    substitutions: ACCOUNT,
    input: 'definition',
    mentions: ['responses.yaml#/Ok', 'bundle'],
  },
  {
    name: 'reference to nothing',
    text: swap(
      '          description: ok\n      x-amazon-apigateway-integration:\n        type: aws_proxy',
      "          $ref: '#/components/responses/Missing'\n      x-amazon-apigateway-integration:\n        type: aws_proxy",
    ),
    substitutions: ACCOUNT,
    input: 'definition',
    mentions: ['#/components/responses/Missing', 'points at nothing'],
  },
  {
    name: 'no paths',
    text: "openapi: 3.0.3\ninfo:\n  title: x\n  version: '1'\npaths: {}\n",
    input: 'definition',
    mentions: ['defines no paths'],
  },
  {
    // Just under 6 MB as written; the substitution takes it over (a value this size could not be an input).
    name: 'over 6 MB after substitution',
    text: `${GOOD_YAML}# ${'x'.repeat(6 * 1024 * 1024 - GOOD_YAML.length - 20)} \${PAD}\n`,
    substitutions: { ACCOUNT: '123456789012', PAD: 'x'.repeat(100) },
    input: 'definition',
    mentions: ['MB after substitution', 'at most 6 MB'],
  },
  {
    name: 'a substitution key that never occurs (typo)',
    text: GOOD_YAML,
    substitutions: { ACCOUNT: '123456789012', ACOUNT_ID: '1' },
    input: 'definition-substitutions',
    mentions: ["'ACOUNT_ID'", 'never uses', 'typo'],
  },
  {
    name: "a substitution of API Gateway's own stageVariables",
    text: GOOD_YAML,
    substitutions: { stageVariables: 'x' },
    input: 'definition-substitutions',
    mentions: ["'stageVariables'", "API Gateway's own"],
  },
  {
    name: 'a substitution key that is not a placeholder name',
    text: GOOD_YAML,
    substitutions: { '1ACCOUNT': 'x' },
    input: 'definition-substitutions',
    mentions: ["'1ACCOUNT'", 'not a placeholder name'],
  },
  {
    name: 'a substituted value that breaks the YAML',
    text: GOOD_YAML.replace('title: orders-api', 'title: ${TITLE}'),
    substitutions: { ...ACCOUNT, TITLE: 'a: b: c' },
    input: 'definition',
    mentions: ['not valid YAML', 'line 3'],
  },
]
