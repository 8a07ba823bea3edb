// What follows a successful change: waiting (bounded) for a cache cluster, and writing the export and the SDK.

import { cacheClusterChanging } from '../apigateway/cache-wait.js'
import type { RestApiGateway } from '../apigateway/gateway.js'
import type { ActionInputs } from '../inputs/types.js'
import { realSleep, type Sleep } from '../lib/sleep.js'
import type { StageState } from '../model/state.js'
import type { Plan } from '../plan/types.js'
import * as core from '../runner/actions-core.js'
import { setOutputs } from '../runner/outputs.js'

/**
 * With wait-for-cache-cluster, waits (bounded) for a cluster change; a timeout only warns. Returns the stage as
 * last read, and says when the cluster is still changing.
 */
export async function settleCacheCluster(options: {
  api: RestApiGateway
  inputs: ActionInputs
  after: StageState | undefined
  sleep: Sleep | undefined
}): Promise<StageState | undefined> {
  const { api, inputs } = options
  let after = options.after
  if (inputs.cacheWaitMinutes > 0 && cacheClusterChanging(after)) {
    core.info(`Waiting up to ${inputs.cacheWaitMinutes} minute(s) for the cache cluster (${after?.cacheClusterStatus})`)
    const waited = await api.waitForCacheCluster(inputs.stage, {
      timeoutMs: inputs.cacheWaitMinutes * 60_000,
      sleep: options.sleep ?? realSleep,
      onPoll: (status) => core.info(`  cache cluster: ${status ?? 'unknown'}`),
    })
    const seconds = Math.round(waited.waitedMs / 1000)
    if (waited.settled) core.info(`Cache cluster is ${waited.stage?.cacheClusterStatus} after ${seconds} s`)
    else {
      core.warning(
        `The cache cluster is still ${waited.stage?.cacheClusterStatus} after ${seconds} s (wait-for-cache-cluster); the change itself is done.`,
      )
    }
    after = waited.stage ?? after
  }
  if (after?.cacheClusterStatus?.endsWith('_IN_PROGRESS')) {
    core.info(
      `Cache cluster status: ${after.cacheClusterStatus} (AWS takes about 4 minutes to create, resize or delete it)`,
    )
  }
  return after
}

/** The exported definition and the SDK reflect the deployment the stage now runs. */
export async function writeArtifacts(api: RestApiGateway, p: Plan, inputs: ActionInputs): Promise<void> {
  if (inputs.export) {
    const file = await api.writeExport(p.stageName, inputs.export)
    core.info(`API definition (${inputs.export.type}, ${inputs.export.format}) written to ${file}`)
    setOutputs({ 'export-file': file })
  }
  if (inputs.sdk) {
    const file = await api.writeSdk(p.stageName, inputs.sdk)
    core.info(`${inputs.sdk.type} SDK written to ${file}`)
    setOutputs({ 'sdk-file': file })
  }
}
