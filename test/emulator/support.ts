// Test support: SDK clients for an emulator, recorded fixtures, and the recorded-vs-actual matcher.
import { readFileSync } from 'node:fs'
import { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import type { Emulator } from './index.js'

export function clientFor(
  emu: Pick<Emulator, 'url' | 'region'>,
  options: { maxAttempts?: number } = {},
): APIGatewayClient {
  return new APIGatewayClient({
    endpoint: emu.url,
    region: emu.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: options.maxAttempts ?? 1,
  })
}

type Json = Record<string, unknown>

export interface RecordedTest {
  'recorded-date': string
  'recorded-content': Record<string, Json>
}

export function loadRecorded(file: 'canary' | 'stages-deployments-exports'): Record<string, RecordedTest> {
  const url = new URL(`../fixtures/aws-recorded/${file}.json`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, RecordedTest>
}

export function loadFixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/aws-recorded/${name}`, import.meta.url), 'utf8')
}

function clean(value: unknown): unknown {
  if (value instanceof Date) return value
  if (value instanceof Uint8Array) return value
  if (Array.isArray(value)) return value.map(clean)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, clean(v)]),
    )
  }
  return value
}

/**
 * Runs an SDK call and shapes the result like a botocore response in the recordings:
 * output fields plus `ResponseMetadata.HTTPStatusCode`, or `Error.Code` / `Error.Message` / `message`.
 * An export body is parsed from JSON.
 */
export async function outcome(call: Promise<unknown>): Promise<Json> {
  try {
    const { $metadata, ...rest } = (await call) as Json & { $metadata: { httpStatusCode?: number } }
    const out = clean(rest) as Json
    if (out.body instanceof Uint8Array) out.body = JSON.parse(new TextDecoder().decode(out.body))
    return { ...out, ResponseMetadata: { HTTPStatusCode: $metadata.httpStatusCode } }
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } }
    if (!e.$metadata?.httpStatusCode) throw error
    return {
      Error: { Code: e.name, Message: e.message },
      message: e.message,
      ResponseMetadata: { HTTPStatusCode: e.$metadata.httpStatusCode },
    }
  }
}

/** Placeholders the recordings use for values that differ per run: `<deployment-id:1>`, `<region>`, … */
const PLACEHOLDER = /<(?:[a-z][a-z-]*:\d+|region|log-group-arn|date)>/g

/**
 * Placeholder → value, shared by every step of one flow: the same placeholder must always stand for the
 * same value and two placeholders never for the same value.
 */
export class Bindings {
  private readonly byToken = new Map<string, string>()
  private readonly byValue = new Map<string, string>()

  get(token: string): string | undefined {
    return this.byToken.get(token)
  }

  bind(token: string, value: string): string | undefined {
    const known = this.byToken.get(token)
    if (known !== undefined) return known === value ? undefined : `${token} was ${known}, now ${value}`
    const other = this.byValue.get(value)
    if (other !== undefined) return `${token} and ${other} both stand for ${value}`
    this.byToken.set(token, value)
    this.byValue.set(value, token)
    return undefined
  }
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function matchString(expected: string, actual: string, bindings: Bindings, path: string, errors: string[]): void {
  const tokens = expected.match(PLACEHOLDER)
  if (!tokens) {
    if (expected !== actual) errors.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
    return
  }
  const groups: string[] = []
  const pattern = expected
    .split(PLACEHOLDER)
    .map((literal, i) => {
      const token = tokens[i - 1]
      let part = ''
      if (token !== undefined) {
        const bound = bindings.get(token)
        if (bound !== undefined) part = escapeRegex(bound)
        else if (groups.includes(token)) part = `\\${groups.indexOf(token) + 1}`
        else {
          groups.push(token)
          part = '(.+?)'
        }
      }
      return part + escapeRegex(literal)
    })
    .join('')
  const match = new RegExp(`^${pattern}$`, 's').exec(actual)
  if (!match) {
    errors.push(`${path}: ${JSON.stringify(actual)} does not match ${JSON.stringify(expected)}`)
    return
  }
  groups.forEach((token, i) => {
    const problem = bindings.bind(token, match[i + 1] as string)
    if (problem) errors.push(`${path}: ${problem}`)
  })
}

/** Compares a recorded response with an actual one; returns the differences (empty when they match). */
export function compareRecorded(
  expected: unknown,
  actual: unknown,
  bindings: Bindings,
  path = '$',
  errors: string[] = [],
): string[] {
  if (expected === 'datetime') {
    if (!(actual instanceof Date)) errors.push(`${path}: expected a timestamp, got ${JSON.stringify(actual)}`)
    return errors
  }
  if (typeof expected === 'string') {
    if (typeof actual !== 'string') errors.push(`${path}: expected a string, got ${JSON.stringify(actual)}`)
    else matchString(expected, actual, bindings, path, errors)
    return errors
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      errors.push(`${path}: expected ${expected.length} items, got ${JSON.stringify(actual)}`)
      return errors
    }
    expected.forEach((item, i) => {
      compareRecorded(item, actual[i], bindings, `${path}[${i}]`, errors)
    })
    return errors
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual) || actual instanceof Date) {
      errors.push(`${path}: expected an object, got ${JSON.stringify(actual)}`)
      return errors
    }
    const want = Object.keys(expected).filter((k) => !(path.endsWith('.ResponseMetadata') && k === 'HTTPHeaders'))
    const have = Object.keys(actual)
    for (const key of want.filter((k) => !have.includes(k))) errors.push(`${path}.${key}: missing`)
    for (const key of have.filter((k) => !want.includes(k))) errors.push(`${path}.${key}: unexpected field`)
    for (const key of want.filter((k) => have.includes(k))) {
      compareRecorded((expected as Json)[key], (actual as Json)[key], bindings, `${path}.${key}`, errors)
    }
    return errors
  }
  if (expected !== actual) errors.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
  return errors
}

export interface FlowContext {
  emu: Emulator
  client: APIGatewayClient
  /** Values a step saves for later steps (ids). */
  v: Record<string, string>
}

export interface FlowStep {
  /** Recorded step this call must reproduce; steps without one are set-up calls that must succeed. */
  key?: string
  run: (c: FlowContext) => Promise<unknown>
}

export interface Flow {
  test: string
  steps: FlowStep[]
  /** Recorded keys deliberately not replayed (data-plane responses). */
  skip?: string[]
  /** Rewrites the recorded step before comparing (e.g. the export version placeholder). */
  prepare?: (recorded: Json) => Json
  region?: string
}

/** Replays a flow and returns every difference from the recording, plus recorded steps left unplayed. */
export async function replay(
  flow: Flow,
  recorded: RecordedTest,
  c: FlowContext,
): Promise<{ differences: string[]; played: string[] }> {
  const bindings = new Bindings()
  const differences: string[] = []
  const played: string[] = []
  for (const [index, step] of flow.steps.entries()) {
    const result = await outcome(step.run(c))
    if (!step.key) {
      const error = result.Error as Json | undefined
      if (error) throw new Error(`set-up step ${index} failed: ${error.Code}: ${error.Message}`)
      continue
    }
    const expected = recorded['recorded-content'][step.key]
    if (!expected) throw new Error(`no recorded step ${step.key}`)
    played.push(step.key)
    const want = flow.prepare ? flow.prepare(structuredClone(expected)) : expected
    differences.push(...compareRecorded(want, result, bindings, step.key))
  }
  const unplayed = Object.keys(recorded['recorded-content']).filter(
    (k) => !played.includes(k) && !(flow.skip ?? []).includes(k),
  )
  differences.push(...unplayed.map((k) => `${k}: recorded step not replayed`))
  return { differences, played }
}
