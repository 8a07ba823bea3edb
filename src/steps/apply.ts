// Step 4: run the plan's calls, then what follows a change (cache cluster wait, artifacts, smoke test and its
// rollback). A failure is returned, not thrown, so the report step still publishes what happened.

import { diffStages } from '../diff/stage-diff.js'
import type { ActionInputs } from '../inputs/types.js'
import type { Sleep } from '../lib/sleep.js'
import type { StageState } from '../model/state.js'
import type { SmokeTestResult } from '../report/types.js'
import * as core from '../runner/actions-core.js'
import { setOutputs } from '../runner/outputs.js'
import { settleCacheCluster, writeArtifacts } from './after-change.js'
import type { AfterDefinition } from './api-definitions.js'
import { recordFingerprint } from './drift.js'
import type { PlanResult } from './plan.js'
import type { ReadResult } from './read.js'
import { runPlan } from './run-plan.js'
import { checkServedDefinition } from './served-check.js'
import { smokeTestAndMaybeRollBack } from './smoke-test.js'

export interface ApplyOutcome {
  /** The stage as read back after the run's changes; undefined for a dry run, a failure or a deleted stage. */
  readonly after?: StageState
  /** The new API definition, read together with the stage read-back. */
  readonly afterDefinition?: AfterDefinition
  readonly smokeTest?: SmokeTestResult
  /** What API Gateway warned about when it imported the definition. */
  readonly importWarnings?: readonly string[]
  /** Why the run failed; the report still runs. */
  readonly failure?: unknown
}

export async function applyStep(step: {
  inputs: ActionInputs
  read: ReadResult
  planned: PlanResult
  sleep: Sleep | undefined
  /** The clock of the quota waits (WritePolicy); default Date.now. */
  now?: (() => number) | undefined
}): Promise<ApplyOutcome> {
  const { inputs, read, sleep } = step
  if (inputs.dryRun) return {}
  const changed = await applyChange(step)
  if (changed.failure !== undefined) return Object.freeze(await afterFailure(read, inputs, changed))
  if (!inputs.smokeTestPath) {
    await recordFingerprintOf(read, inputs, step.planned, changed.after)
    return Object.freeze(changed)
  }
  const checked = await core.group('Smoke test', () =>
    smokeTestAndMaybeRollBack({ inputs, read, after: changed.after, sleep }),
  )
  if (checked.after) setStageOutputs(checked.after)
  setOutputs({ 'smoke-test': checked.smokeTest.ok ? 'passed' : 'failed' })
  const { smokeTest } = checked
  const failure = smokeTest.ok
    ? undefined
    : new Error(
        `Smoke test failed: GET ${smokeTest.url} ${smokeTest.message ?? ''}.` +
          (smokeTest.rolledBack ? ' The canary this run deployed was rolled back; production is unchanged.' : ''),
      )
  await recordFingerprintOf(read, inputs, step.planned, checked.after ?? changed.after)
  return Object.freeze({
    ...changed,
    ...(checked.after ? { after: checked.after } : {}),
    smokeTest,
    ...(failure ? { failure } : {}),
  })
}

/** The plan's calls with the stage read-back, the cache cluster wait and the artifacts. */
async function applyChange({
  inputs,
  read,
  planned,
  sleep,
  now,
}: {
  inputs: ActionInputs
  read: ReadResult
  planned: PlanResult
  sleep: Sleep | undefined
  now?: (() => number) | undefined
}): Promise<ApplyOutcome> {
  const { api } = read
  // What is known so far: a failure after the calls (cache wait, artifacts) still reports the stage as read back.
  let known: ApplyOutcome = {}
  try {
    const applied = await core.group(`Applying ${planned.plan.calls.length} call(s)`, () =>
      runPlan({ inputs, read, planned, sleep, now }),
    )
    for (const warning of applied.importWarnings ?? []) core.warning(`API Gateway warned on import: ${warning}`)
    // The plan's best-effort calls only record the drift fingerprint (recordFingerprintOf tries once more).
    for (const why of applied.bestEffortFailures ?? []) {
      core.warning(`The drift fingerprint could not be recorded on the stage: ${why}`)
    }
    known = {
      ...(applied.after ? { after: applied.after } : {}),
      ...(applied.alongside ? { afterDefinition: applied.alongside } : {}),
      ...(applied.importWarnings?.length ? { importWarnings: applied.importWarnings } : {}),
    }
    const foreign = await checkServedDefinition({
      inputs,
      read,
      plan: planned.plan,
      definition: planned.definition,
      afterDefinition: applied.alongside,
    })
    if (foreign) {
      // The stage was put back: what it runs now is what it ran before.
      setStageOutputs(read.state.stage)
      return { ...(read.state.stage ? { after: read.state.stage } : {}), failure: foreign }
    }
    setStageOutputs(applied.after)
    if (applied.after) core.info(`Stage '${inputs.stage}' is at ${read.urls.base}`)
    else if (inputs.operation === 'delete') core.info(`Stage '${inputs.stage}' deleted`)
    const after = await settleCacheCluster({ api, inputs, after: applied.after, sleep })
    if (after) known = { ...known, after }
    if (inputs.operation !== 'delete') await writeArtifacts(api, planned.plan, inputs)
    return known
  } catch (failure) {
    return { ...known, failure }
  }
}

/** After a change: the fingerprint drift detection compares the next run with (not after a delete). */
async function recordFingerprintOf(
  read: ReadResult,
  inputs: ActionInputs,
  planned: PlanResult,
  after: StageState | undefined,
): Promise<void> {
  if (planned.plan.calls.length === 0 || inputs.operation === 'delete') return
  await recordFingerprint({ api: read.api, inputs, region: read.state.region, after })
}

/** After a failed write: what the stage runs now (read back), so outputs and report say what is live. */
async function afterFailure(read: ReadResult, inputs: ActionInputs, outcome: ApplyOutcome): Promise<ApplyOutcome> {
  const now = outcome.after ?? (await read.api.readStage(inputs.stage).catch(() => undefined))
  const before = read.state.stage
  setStageOutputs(now ?? before)
  setOutputs({ changed: now !== undefined ? diffStages(before, now).changed : before === undefined ? false : '' })
  return { ...outcome, ...(now ? { after: now } : {}) }
}

function setStageOutputs(after: StageState | undefined): void {
  setOutputs({
    'deployment-id': after?.deploymentId ?? '',
    'canary-deployment-id': after?.canary?.deploymentId ?? '',
    'canary-percent': after?.canary ? after.canary.percentTraffic : '',
  })
}
