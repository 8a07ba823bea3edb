// The orchestrator: inputs → read → plan → apply → report. The only module that calls setFailed.
import * as core from '@actions/core'
import { ApplyError, applyPlan, type Sleep } from './apigateway/apply.js'
import { createApiGatewayClient, resolvedRegion } from './apigateway/client.js'
import { readStage, readState } from './apigateway/read.js'
import { consoleUrl, stageBaseUrl } from './apigateway/urls.js'
import { errorMessage } from './errors.js'
import { explainFailure } from './failure.js'
import { getInputs } from './inputs.js'
import { setOutputs } from './outputs.js'
import { formatCalls } from './plan/format.js'
import { plan } from './plan/index.js'
import { defaultDescription, runContext } from './run-context.js'
import type { ApplyResult, Plan, StageState } from './types.js'
import { ACTION_USER_AGENT } from './version.js'

export interface RunOptions {
  env?: NodeJS.ProcessEnv
  /** Injected in tests so conflict retries do not wait. */
  sleep?: Sleep
}

export async function run(options: RunOptions = {}): Promise<void> {
  try {
    await runOperation(options)
  } catch (err) {
    if (err instanceof Error && err.stack) core.debug(err.stack)
    core.setFailed(errorMessage(err))
  }
}

async function runOperation(options: RunOptions): Promise<void> {
  const env = options.env ?? process.env
  const inputs = getInputs()
  const run = runContext(env)
  setOutputs({ operation: inputs.operation, stage: inputs.stage, changed: false })

  const client = createApiGatewayClient({
    ...(inputs.region ? { region: inputs.region } : {}),
    maxAttempts: inputs.maxAttempts,
    userAgent: ACTION_USER_AGENT,
  })
  const region = await resolvedRegion(client)
  const state = await core.group('Reading the current state', async () => {
    const s = await readState(client, { api: inputs.api, stage: inputs.stage, promoteFrom: inputs.promoteFrom, region })
    core.info(`REST API: ${s.api.name} (${s.api.id}) in ${region}`)
    core.info(
      s.stage
        ? `Stage '${inputs.stage}' runs deployment ${s.stage.deploymentId}${s.stage.canary ? ` with a canary on ${s.stage.canary.deploymentId} at ${s.stage.canary.percentTraffic}%` : ''}`
        : `Stage '${inputs.stage}' does not exist yet`,
    )
    return s
  })
  const baseUrl = stageBaseUrl(state.api.id, region, inputs.stage)
  setOutputs({
    'rest-api-id': state.api.id,
    'base-url': baseUrl,
    'console-url': consoleUrl(state.api.id, region, inputs.stage),
    'previous-deployment-id': state.stage?.deploymentId ?? '',
  })

  const thePlan = plan({ inputs, state, description: inputs.description ?? defaultDescription(run) })
  logPlan(thePlan, inputs.showVariableValues, inputs.dryRun)
  if (inputs.dryRun) {
    setOutputs({ changed: thePlan.calls.length > 0 })
    return
  }

  const result = await core.group(`Applying ${thePlan.calls.length} call(s)`, () =>
    applyOrExplain(client, thePlan, state.stage, options.sleep),
  )
  setStageOutputs(result.after, thePlan)
  core.info(`Stage '${inputs.stage}' is at ${baseUrl}`)
}

function logPlan(p: Plan, showValues: boolean, dryRun: boolean): void {
  const heading = dryRun ? 'Plan (dry run: nothing will be changed)' : 'Plan'
  core.info(`${heading}: ${p.operation} on stage '${p.stageName}'`)
  for (const note of p.notes) core.info(`  ${note}`)
  for (const line of formatCalls(p, showValues)) core.info(`  ${line}`)
  if (!p.calls.length) core.info('  No AWS calls needed: the stage already matches the inputs.')
}

async function applyOrExplain(
  client: Parameters<typeof applyPlan>[0],
  thePlan: Plan,
  before: StageState | undefined,
  sleep: Sleep | undefined,
): Promise<ApplyResult> {
  try {
    return await applyPlan(client, thePlan, {
      ...(sleep ? { sleep } : {}),
      onCall: (call, i) => core.info(`${i + 1}/${thePlan.calls.length} ${call.action}`),
    })
  } catch (err) {
    if (!(err instanceof ApplyError)) throw err
    const now = await readStage(client, thePlan.restApiId, thePlan.stageName).catch(() => 'unknown' as const)
    throw new Error(
      explainFailure({
        plan: thePlan,
        callError: err.message,
        failedCall: err.failedCall,
        completed: err.completed,
        ...(err.createdDeploymentId ? { createdDeploymentId: err.createdDeploymentId } : {}),
        ...(before ? { before } : {}),
        now,
      }),
    )
  }
}

function setStageOutputs(after: StageState | undefined, thePlan: Plan): void {
  setOutputs({
    changed: thePlan.calls.length > 0,
    'deployment-id': after?.deploymentId ?? '',
    'canary-deployment-id': after?.canary?.deploymentId ?? '',
    'canary-percent': after?.canary ? after.canary.percentTraffic : '',
  })
}
