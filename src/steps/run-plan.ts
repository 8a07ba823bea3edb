// Runs the plan's calls with progress in the log, the new API definition read alongside the stage read-back, and
// one retry when another run's import got into the deployment (nothing was switched then); failures explained.

import { type ApplyResult, ForeignDefinitionError } from '../apigateway/apply.js'
import { DEFAULT_THROTTLE_BUDGET_MS } from '../apigateway/write-policy.js'
import type { ActionInputs } from '../inputs/types.js'
import { findCause } from '../lib/errors.js'
import type { Sleep } from '../lib/sleep.js'
import * as core from '../runner/actions-core.js'
import { type AfterDefinition, preloadApiDiff, readAfterDefinition } from './api-definitions.js'
import { explainApplyError } from './explain-failure.js'
import type { PlanResult } from './plan.js'
import { type ReadResult, setApiOutputs } from './read.js'

export type PlanRun = ApplyResult & { alongside?: AfterDefinition }

export async function runPlan(options: {
  inputs: ActionInputs
  read: ReadResult
  planned: PlanResult
  sleep: Sleep | undefined
  now?: (() => number) | undefined
}): Promise<PlanRun> {
  const { inputs, read, planned, sleep, now } = options
  const { api, state } = read
  const { plan, sources, definition } = planned
  const attempt = () =>
    api.apply(plan, {
      ...(sleep ? { sleep } : {}),
      ...(now ? { now } : {}),
      onCall: (call, i) => core.info(`${i + 1}/${plan.calls.length} ${call.action}`),
      // A preview API's first push: from here on the run targets the API just created.
      onRestApiCreated: (restApiId) => {
        core.info(`Created preview API ${restApiId}`)
        setApiOutputs(restApiId, read.urls)
      },
      onThrottled: (call, waitMs, round, rounds) => {
        const wait = `${(waitMs / 1000).toFixed(1)} s`
        core.info(
          rounds === undefined
            ? `${call.action} throttled by AWS's per-account quota: waiting ${wait} for a free slot (retry ${round}; up to ${DEFAULT_THROTTLE_BUDGET_MS / 60_000} minutes in all)`
            : `${call.action} throttled by AWS: waiting ${wait} (retry ${round} of ${rounds})`,
        )
      },
      // The new definition is read together with the stage read-back: one round trip for both.
      alongside: (created) => {
        preloadApiDiff(sources)
        return readAfterDefinition({
          api,
          sources,
          canaryId: created ?? state.stage?.canary?.deploymentId,
          file: definition?.served,
        })
      },
    })
  try {
    return await attempt().catch((err: unknown) => {
      const foreign = findCause(err, (e): e is ForeignDefinitionError => e instanceof ForeignDefinitionError)
      if (!foreign) throw err
      core.warning(
        `The new deployment is not the reviewed definition (${foreign.missing.length} route(s) missing, ${foreign.unexpected.length} unexpected): another run imported into API ${plan.restApiId} in between. Nothing was switched; importing and deploying once more.`,
      )
      return attempt()
    })
  } catch (err) {
    throw await explainApplyError(err, {
      plan,
      before: state.stage,
      api,
      deleteStagePattern: inputs.deleteStagePattern,
    })
  }
}
