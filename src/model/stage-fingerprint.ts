// Drift: a fingerprint of the stage as this action left it, kept in stage tags, compared on the next run. A value
// that differs names the part changed outside the action (console, CLI, another tool).
import { createHash } from 'node:crypto'
import type { StageState } from './state.js'

/** Stage tag holding `v1 d=<deployment> v=<hash> s=<hash> c=<hash>`. */
const FINGERPRINT_TAG = 'apigw-stage-action:fingerprint'
/** Stage tag holding `name:hash` per variable, when they fit in a tag value (256 characters). */
const VARIABLES_FINGERPRINT_TAG = 'apigw-stage-action:fingerprint-variables'

const TAG_VALUE_MAX = 256

/** Whether a stage tag is part of the fingerprint (its values hash variable values: logs show neither). */
export function isFingerprintTag(key: string): boolean {
  return key === FINGERPRINT_TAG || key === VARIABLES_FINGERPRINT_TAG
}

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 10)
}

function sorted<T>(record: Record<string, T>): Array<[string, T]> {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b))
}

/** The settings this action manages, beside the deployment, variables and canary. */
function settings(stage: StageState): unknown {
  return {
    methodSettings: sorted(stage.methodSettings).map(([k, v]) => [k, sorted(v as Record<string, unknown>)]),
    tracing: stage.tracingEnabled,
    cache: [stage.cacheClusterEnabled, stage.cacheClusterSize ?? null],
    accessLog: stage.accessLogSettings ?? null,
    clientCertificate: stage.clientCertificateId ?? null,
  }
}

function canary(stage: StageState): unknown {
  const c = stage.canary
  return c === undefined ? null : [c.deploymentId, c.percentTraffic, sorted(c.stageVariableOverrides), c.useStageCache]
}

/** The tags that record this stage's state. */
export function fingerprintTags(stage: StageState): Record<string, string> {
  const main = `v1 d=${stage.deploymentId} v=${hash(sorted(stage.variables))} s=${hash(settings(stage))} c=${hash(canary(stage))}`
  const perVariable = sorted(stage.variables)
    .map(([name, value]) => `${name}:${hash(value).slice(0, 6)}`)
    .join(' ')
  return {
    [FINGERPRINT_TAG]: main,
    ...(perVariable.length <= TAG_VALUE_MAX ? { [VARIABLES_FINGERPRINT_TAG]: perVariable } : {}),
  }
}

function parse(value: string): Record<string, string> {
  return Object.fromEntries(value.split(' ').map((part) => part.split(/[=:](.*)/s).slice(0, 2) as [string, string]))
}

/** What differs between the recorded fingerprint and the live stage; empty when nothing (or nothing recorded). */
export function driftOf(stage: StageState | undefined): string[] {
  const recorded = stage?.tags[FINGERPRINT_TAG]
  if (stage === undefined || recorded === undefined || !recorded.startsWith('v1 ')) return []
  const was = parse(recorded)
  const now = parse(fingerprintTags(stage)[FINGERPRINT_TAG] ?? '')
  const found: string[] = []
  if (was.d !== now.d) found.push(`production deployment: the action left ${was.d}, the stage now runs ${now.d}`)
  if (was.v !== now.v) found.push(...variableDrift(stage))
  if (was.s !== now.s)
    found.push('stage settings (method settings, logging, throttling, caching, tracing or access logs)')
  if (was.c !== now.c) found.push('canary settings')
  return found
}

function variableDrift(stage: StageState): string[] {
  const recorded = stage.tags[VARIABLES_FINGERPRINT_TAG]
  if (recorded === undefined) return ['stage variables']
  const was = recorded === '' ? {} : parse(recorded)
  const out: string[] = []
  for (const [name, value] of sorted(stage.variables)) {
    if (!(name in was)) out.push(`stage variable ${name} added`)
    else if (was[name] !== hash(value).slice(0, 6)) out.push(`stage variable ${name} changed`)
  }
  for (const name of Object.keys(was).sort()) if (!(name in stage.variables)) out.push(`stage variable ${name} removed`)
  return out.length > 0 ? out : ['stage variables']
}
