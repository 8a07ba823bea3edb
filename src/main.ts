// The orchestrator: inputs → read → plan → apply → report. The only module that calls setFailed.
import { readFileSync } from 'node:fs'
import * as core from '@actions/core'
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import type { ApplyResult } from './apigateway/apply.js'
import { ApplyError, applyPlan } from './apigateway/apply.js'
import { checkSdkParameters, writeExport, writeSdk } from './apigateway/artifacts.js'
import { cacheClusterChanging, waitForCacheCluster } from './apigateway/cache-wait.js'
import { createApiGatewayClient, resolvedRegion } from './apigateway/client.js'
import { listStages, readStage, readState } from './apigateway/read.js'
import { resolvePullRequestNumber } from './github/pull-request.js'
import type { GitHubSession } from './github/session.js'
import { getInputs } from './inputs/read.js'
import type { ActionInputs } from './inputs/types.js'
import { errorMessage } from './lib/errors.js'
import { realSleep, type Sleep } from './lib/sleep.js'
import { ACTION_USER_AGENT } from './lib/version.js'
import { compileStagePattern } from './model/stage-pattern.js'
import type { ReadState, StageState } from './model/state.js'
import { consoleUrl, customDomainUrl, stageBaseUrl } from './model/urls.js'
import { formatCalls } from './plan/format.js'
import { createsCanary, plan } from './plan/index.js'
import type { Plan } from './plan/types.js'
import { buildReportInput } from './report/build.js'
import { diffSources, stageToPrefetch } from './report/diff-sources.js'
import type { SmokeTestResult } from './report/types.js'
import { defaultDescription, type RunContext, readEventPayload, repoRef, runContext } from './runner/context.js'
import { setOutputs } from './runner/outputs.js'
import { type AfterDefinition, compareApi, readAfterDefinition } from './steps/api-definitions.js'
import { describeStageQuota, explainFailure, isStageQuotaError } from './steps/explain-failure.js'
import { publishReport } from './steps/publish-report.js'
import { runSmokeTest, smokeTestUrl } from './steps/smoke-test.js'

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
  const state = await core.group('Reading the current state', () =>
    readAll(client, inputs, region).catch((err: unknown) => {
      throw new Error(`${errorMessage(err)}\nNothing was changed: the run failed while reading the current state.`)
    }),
  )
  const restApiId = state.api.id
  const baseUrl = stageBaseUrl(restApiId, region, inputs.stage)
  const customUrl = inputs.domain ? customDomainUrl(inputs.domain.name, inputs.domain.basePath) : undefined
  const consoleLink = consoleUrl(restApiId, region, inputs.stage)
  setOutputs({
    'rest-api-id': restApiId,
    'base-url': baseUrl,
    'console-url': consoleLink,
    'previous-deployment-id': state.stage?.deploymentId ?? '',
  })

  const thePlan = plan({ inputs, state, description: inputs.description ?? defaultDescription(run), now: Date.now() })
  logPlan(thePlan, inputs.showVariableValues, inputs.dryRun)
  // Only once the plan is accepted: a refused mapping (e.g. missing domain) must not advertise a URL.
  setOutputs({ changed: thePlan.calls.length > 0, ...(customUrl ? { 'custom-url': customUrl } : {}) })
  const github = lazyGitHub(inputs, run)

  const deployment = await startGitHubDeployment(github, inputs, run, baseUrl)
  const sources = diffSources(inputs, state, thePlan)
  let result: ApplyResult | undefined
  let afterDefinition: AfterDefinition | undefined
  let failure: unknown
  if (!inputs.dryRun) {
    try {
      const applied = await core.group(`Applying ${thePlan.calls.length} call(s)`, () =>
        applyOrExplain(client, thePlan, state.stage, {
          ...(options.sleep ? { sleep: options.sleep } : {}),
          pattern: inputs.deleteStagePattern,
          // The new definition is read together with the stage read-back: one round trip for both.
          alongside: (created) =>
            readAfterDefinition(client, restApiId, sources, created ?? state.stage?.canary?.deploymentId),
        }),
      )
      result = applied
      afterDefinition = applied.alongside
      setStageOutputs(result.after)
      core.info(`Stage '${inputs.stage}' is at ${baseUrl}`)
      const settled = await cacheClusterAfter(client, restApiId, inputs, applied.after, options.sleep)
      if (settled) result = { ...applied, after: settled }
      reportCacheStatus(result.after)
      if (inputs.operation !== 'delete') await writeArtifacts(client, thePlan, inputs)
    } catch (err) {
      failure = err
    }
  }
  let smokeTest: SmokeTestResult | undefined
  if (!inputs.dryRun && failure === undefined && inputs.smokeTestPath) {
    const checked = await core.group('Smoke test', () =>
      smokeTestAndMaybeRollBack(client, inputs, state, result?.after, baseUrl, options.sleep),
    )
    smokeTest = checked.smokeTest
    if (checked.after) {
      result = { ...result, after: checked.after }
      setStageOutputs(checked.after)
    }
    setOutputs({ 'smoke-test': smokeTest.ok ? 'passed' : 'failed' })
    if (!smokeTest.ok) {
      failure = new Error(
        `Smoke test failed: GET ${smokeTest.url} ${smokeTest.message ?? ''}.` +
          (smokeTest.rolledBack ? ' The canary this run deployed was rolled back; production is unchanged.' : ''),
      )
    }
  }

  await core.group('Reporting', async () => {
    const apiDiff =
      failure === undefined
        ? await compareApi(
            client,
            restApiId,
            sources,
            state.definitionBefore,
            afterDefinition ??
              (await readAfterDefinition(client, restApiId, sources, state.stage?.canary?.deploymentId)),
          )
        : ({ kind: 'unavailable', reason: 'The change failed; see the error.' } as const)
    const report = buildReportInput({
      inputs,
      state,
      plan: thePlan,
      baseUrl,
      consoleUrl: consoleLink,
      ...(customUrl ? { customUrl } : {}),
      ...(result?.after ? { after: result.after } : {}),
      apiDiff,
      ...(smokeTest ? { smokeTest } : {}),
      ...(run.runUrl ? { runUrl: run.runUrl } : {}),
      ...(run.sha ? { commitSha: run.sha } : {}),
      ...(failure !== undefined ? { error: errorMessage(failure) } : {}),
    })
    const payload = readEventPayload(run.eventPath, (p) => readFileSync(p, 'utf8'))
    await publishReport(report, {
      inputs,
      pullRequest: resolvePullRequestNumber({ eventName: run.eventName ?? '', payload }, inputs.prNumber),
      github,
    })
    if (deployment !== undefined) await finishGitHubDeployment(github, deployment, failure === undefined, run, baseUrl)
    if (inputs.operation === 'delete' && inputs.environment && !inputs.dryRun && failure === undefined) {
      await deactivateGitHubEnvironment(github, inputs.environment, run)
    }
  })
  if (failure !== undefined) throw failure
}

/** The state (with the definition the diff compares with) in one parallel round trip. */
async function readAll(client: APIGatewayClient, inputs: ActionInputs, region: string): Promise<ReadState> {
  const [state] = await Promise.all([
    readState(client, {
      api: inputs.api,
      stage: inputs.stage,
      promoteFrom: inputs.promoteFrom,
      region,
      methodSettings: inputs.methodSettings,
      domain: inputs.domain,
      usagePlanIds: inputs.usagePlanIds,
      cleanup: cleanupRequest(inputs),
      definitionOf: stageToPrefetch(inputs),
    }),
    // A missing required SDK parameter must stop the run before anything changes.
    inputs.sdk ? checkSdkParameters(client, inputs.sdk) : undefined,
  ])
  core.info(`REST API: ${state.api.name} (${state.api.id}) in ${region}`)
  const s = state.stage
  core.info(
    s
      ? `Stage '${inputs.stage}' runs deployment ${s.deploymentId}${s.canary ? ` with a canary on ${s.canary.deploymentId} at ${s.canary.percentTraffic}%` : ''}`
      : `Stage '${inputs.stage}' does not exist yet`,
  )
  return state
}

/**
 * GET the stage (or smoke-test-base-url) + path. When it fails and rollback-on-failure is set, the canary
 * this run deployed is removed (production never changed).
 */
async function smokeTestAndMaybeRollBack(
  client: APIGatewayClient,
  inputs: ActionInputs,
  state: ReadState,
  after: StageState | undefined,
  baseUrl: string,
  sleep: Sleep | undefined,
): Promise<{ smokeTest: SmokeTestResult; after?: StageState }> {
  const url = smokeTestUrl(inputs.smokeTestBaseUrl ?? baseUrl, inputs.smokeTestPath ?? '/')
  const result = await runSmokeTest(url, { attempts: inputs.smokeTestAttempts, ...(sleep ? { sleep } : {}) })
  core.info(result.ok ? `GET ${url} answered ${result.status}` : `GET ${url} failed: ${result.message ?? ''}`)
  const canaryThisRun = createsCanary(inputs) && after?.canary
  if (result.ok || !inputs.rollbackOnFailure || !canaryThisRun) return { smokeTest: result }
  const rollback = plan({
    inputs: { ...inputs, operation: 'rollback-canary' },
    state: { ...state, stage: after },
    description: '',
  })
  core.info('rollback-on-failure: removing the canary this run deployed')
  const rolledBack = await applyPlan(client, rollback, sleep ? { sleep } : {})
  return { smokeTest: { ...result, rolledBack: true }, ...(rolledBack.after ? { after: rolledBack.after } : {}) }
}

/** What `delete` and pruning must read: the stages they may remove and the mappings pointing at them. */
function cleanupRequest(inputs: ActionInputs): { deleteStage: boolean; prunePattern?: RegExp } | undefined {
  const deleteStage = inputs.operation === 'delete'
  const prune = inputs.prunePreviewsOlderThanDays !== undefined
  if (!deleteStage && !prune) return undefined
  const pattern = compileStagePattern(inputs.deleteStagePattern)
  // inputs.ts validated the pattern; this only narrows the type.
  if (!pattern.ok) throw new Error(`delete-stage-pattern ${pattern.error}`)
  return { deleteStage, ...(prune ? { prunePattern: pattern.value } : {}) }
}

function logPlan(p: Plan, showValues: boolean, dryRun: boolean): void {
  const heading = dryRun ? 'Plan (dry run: nothing will be changed)' : 'Plan'
  core.info(`${heading}: ${p.operation} on stage '${p.stageName}'`)
  for (const note of p.notes) core.info(`  ${note}`)
  for (const line of formatCalls(p, showValues)) core.info(`  ${line}`)
  if (!p.calls.length) core.info('  No AWS calls needed: the stage already matches the inputs.')
}

async function applyOrExplain<T>(
  client: APIGatewayClient,
  thePlan: Plan,
  before: StageState | undefined,
  options: { sleep?: Sleep; pattern: string; alongside: (created: string | undefined) => Promise<T> },
): Promise<ApplyResult & { alongside?: T }> {
  const { pattern, ...applyOptions } = options
  try {
    return await applyPlan(client, thePlan, {
      ...applyOptions,
      onCall: (call, i) => core.info(`${i + 1}/${thePlan.calls.length} ${call.action}`),
      onThrottled: (call, waitMs, round, rounds) =>
        core.info(
          `${call.action} throttled by AWS's quota: waiting ${(waitMs / 1000).toFixed(1)} s (retry ${round} of ${rounds})`,
        ),
    })
  } catch (err) {
    if (!(err instanceof ApplyError)) throw err
    const now = await readStage(client, thePlan.restApiId, thePlan.stageName).catch(() => 'unknown' as const)
    const quota = isStageQuotaError(err.cause) ? await stageQuotaHint(client, thePlan.restApiId, pattern) : ''
    throw new Error(
      quota +
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

/** The stage list for a quota failure; a failure to list only loses the hint. */
async function stageQuotaHint(client: APIGatewayClient, restApiId: string, pattern: string): Promise<string> {
  const compiled = compileStagePattern(pattern)
  const stages = await listStages(client, restApiId).catch(() => undefined)
  return stages && compiled.ok ? `${describeStageQuota(stages, compiled.value, Date.now())}\n` : ''
}

function setStageOutputs(after: StageState | undefined): void {
  setOutputs({
    'deployment-id': after?.deploymentId ?? '',
    'canary-deployment-id': after?.canary?.deploymentId ?? '',
    'canary-percent': after?.canary ? after.canary.percentTraffic : '',
  })
}

/** With wait-for-cache-cluster, waits (bounded) for a cluster change; a timeout only warns. */
async function cacheClusterAfter(
  client: APIGatewayClient,
  restApiId: string,
  inputs: ActionInputs,
  after: StageState | undefined,
  sleep: Sleep | undefined,
): Promise<StageState | undefined> {
  if (inputs.cacheWaitMinutes === 0 || !cacheClusterChanging(after)) return after
  core.info(`Waiting up to ${inputs.cacheWaitMinutes} minute(s) for the cache cluster (${after?.cacheClusterStatus})`)
  const waited = await waitForCacheCluster(client, restApiId, inputs.stage, {
    timeoutMs: inputs.cacheWaitMinutes * 60_000,
    sleep: sleep ?? realSleep,
    onPoll: (status) => core.info(`  cache cluster: ${status ?? 'unknown'}`),
  })
  const seconds = Math.round(waited.waitedMs / 1000)
  if (waited.settled) core.info(`Cache cluster is ${waited.stage?.cacheClusterStatus} after ${seconds} s`)
  else {
    core.warning(
      `The cache cluster is still ${waited.stage?.cacheClusterStatus} after ${seconds} s (wait-for-cache-cluster); the change itself is done.`,
    )
  }
  return waited.stage ?? after
}

function reportCacheStatus(after: StageState | undefined): void {
  if (after?.cacheClusterStatus?.endsWith('_IN_PROGRESS')) {
    core.info(
      `Cache cluster status: ${after.cacheClusterStatus} (AWS takes about 4 minutes to create, resize or delete it)`,
    )
  }
}

/** The exported definition and the SDK reflect the deployment the stage now runs. */
async function writeArtifacts(client: APIGatewayClient, p: Plan, inputs: ActionInputs): Promise<void> {
  if (inputs.export) {
    const file = await writeExport(client, p.restApiId, p.stageName, inputs.export)
    core.info(`API definition (${inputs.export.type}, ${inputs.export.format}) written to ${file}`)
    setOutputs({ 'export-file': file })
  }
  if (inputs.sdk) {
    const file = await writeSdk(client, p.restApiId, p.stageName, inputs.sdk)
    core.info(`${inputs.sdk.type} SDK written to ${file}`)
    setOutputs({ 'sdk-file': file })
  }
}

/** Octokit is loaded only when the run comments or records a deployment. */
function lazyGitHub(inputs: ActionInputs, run: RunContext): () => Promise<GitHubSession | undefined> {
  let session: Promise<GitHubSession | undefined> | undefined
  return () => {
    session ??= (async () => {
      const repo = repoRef(run.repository)
      if (!repo || !inputs.githubToken) return undefined
      const { GitHubSession } = await import('./github/session.js')
      return new GitHubSession(inputs.githubToken, repo)
    })()
    return session
  }
}

async function startGitHubDeployment(
  github: () => Promise<GitHubSession | undefined>,
  inputs: ActionInputs,
  run: RunContext,
  baseUrl: string,
): Promise<number | undefined> {
  if (!inputs.environment || inputs.dryRun || inputs.operation === 'delete' || !run.sha) return undefined
  const session = await github()
  if (!session) return undefined
  const started = await session.startDeployment({
    ref: run.sha,
    environment: inputs.environment,
    transient: /^pr-?\d+$/i.test(inputs.stage),
    environmentUrl: baseUrl,
    ...(run.runUrl ? { logUrl: run.runUrl } : {}),
    description: `${inputs.operation} to API Gateway stage ${inputs.stage}`,
  })
  if (!started.ok) {
    core.warning(started.warning)
    return undefined
  }
  return started.value
}

/** A deleted preview: its environment's deployments become inactive, so the PR shows no live link. */
async function deactivateGitHubEnvironment(
  github: () => Promise<GitHubSession | undefined>,
  environment: string,
  run: RunContext,
): Promise<void> {
  const session = await github()
  if (!session) return
  const done = await session.deactivate(environment, run.runUrl)
  if (!done.ok) core.warning(done.warning)
  else core.info(`GitHub deployments of '${environment}' marked inactive: ${done.value.length}`)
}

async function finishGitHubDeployment(
  github: () => Promise<GitHubSession | undefined>,
  deploymentId: number,
  succeeded: boolean,
  run: RunContext,
  baseUrl: string,
): Promise<void> {
  const session = await github()
  if (!session) return
  const done = await session.finishDeployment({
    deploymentId,
    state: succeeded ? 'success' : 'failure',
    environmentUrl: baseUrl,
    ...(run.runUrl ? { logUrl: run.runUrl } : {}),
    description: succeeded ? 'Stage updated' : 'The stage change failed',
  })
  if (!done.ok) core.warning(done.warning)
}
