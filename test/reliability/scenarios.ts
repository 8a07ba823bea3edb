// The operations the reliability tests run through the bundle: for each, how to set the emulator up, the inputs,
// every AWS call a fault-free run makes, and what the stage must look like once the run (or a re-run) is done.
import {
  type APIGatewayClient,
  CreateDeploymentCommand,
  GetStageCommand,
  GetTagsCommand,
  type Stage,
  TagResourceCommand,
} from '@aws-sdk/client-api-gateway'
import { type Emulator, sdkClient } from '../support/emulator.js'

/** The tag the action writes on a stage to remember the deployment it ran before (src/model/tags.ts), spelled out:
 * existing stages carry it, so a rename must fail here. */
const PREVIOUS_TAG = 'apigw-stage-action:previous-deployment'

export interface Prepared {
  restApiId: string
  stage: string
  inputs: Record<string, string>
  /** The target stage before the run. */
  before: Stage | undefined
  /** The same, as the checks see it. */
  beforeView: StageView | undefined
  /** Deployment ids that existed before the run. */
  known: Set<string>
  /** Other facts the check needs (e.g. the source stage's deployment). */
  facts: Record<string, string>
}

export interface Scenario {
  name: string
  /**
   * Every AWS call a fault-free run makes, by operation name (order within one operation is arrival order). A change
   * ends with the drift fingerprint's own TagResource (issue 12), unless `fingerprintInPlan`.
   */
  calls: readonly string[]
  /** The plan's closing TagResource also records the fingerprint (issue 15): no TagResource of its own follows. */
  fingerprintInPlan?: boolean
  setup(emu: Emulator): Promise<Prepared>
  /** What is wrong with the stage after the run; empty when it is in the intended state. */
  check(after: StageView | undefined, p: Prepared): string[]
}

/** The stage as the checks look at it, with its tags. */
export interface StageView {
  deploymentId: string
  variables: Record<string, string>
  canary?: { deploymentId: string; percentTraffic: number; overrides: Record<string, string> }
  tags: Record<string, string>
}

export async function readStageView(
  client: APIGatewayClient,
  restApiId: string,
  stageName: string,
): Promise<StageView | undefined> {
  let stage: Stage
  try {
    stage = await client.send(new GetStageCommand({ restApiId, stageName }))
  } catch (err) {
    if ((err as { name?: string }).name === 'NotFoundException') return undefined
    throw err
  }
  const tags = await client.send(new GetTagsCommand({ resourceArn: stageArn(restApiId, stageName) }))
  const view: StageView = {
    deploymentId: stage.deploymentId ?? '',
    variables: stage.variables ?? {},
    tags: tags.tags ?? {},
  }
  if (stage.canarySettings) {
    view.canary = {
      deploymentId: stage.canarySettings.deploymentId ?? '',
      percentTraffic: stage.canarySettings.percentTraffic ?? 0,
      overrides: stage.canarySettings.stageVariableOverrides ?? {},
    }
  }
  return view
}

function stageArn(restApiId: string, stageName: string): string {
  return `arn:aws:apigateway:us-east-1::/restapis/${restApiId}/stages/${stageName}`
}

async function deploy(
  client: APIGatewayClient,
  restApiId: string,
  stageName: string,
  extra: Partial<ConstructorParameters<typeof CreateDeploymentCommand>[0]> = {},
): Promise<string> {
  const out = await client.send(new CreateDeploymentCommand({ restApiId, stageName, ...extra }))
  return out.id ?? ''
}

/** Seeds an API, runs `prepare` with an SDK client, then records the state before the run and clears the log. */
async function prepare(
  emu: Emulator,
  stage: string,
  inputs: Record<string, string>,
  arrange: (client: APIGatewayClient, restApiId: string) => Promise<Record<string, string>>,
): Promise<Prepared> {
  const { restApiId } = emu.seedSampleApi({ name: 'reliability-api' })
  const client = sdkClient(emu)
  const facts = await arrange(client, restApiId)
  const before = await client.send(new GetStageCommand({ restApiId, stageName: stage })).catch(() => undefined)
  const beforeView = await readStageView(client, restApiId, stage)
  const known = new Set(emu.state.restApis.get(restApiId)?.deployments.keys() ?? [])
  emu.clearCalls()
  return { restApiId, stage, inputs: { 'rest-api-id': restApiId, stage, ...inputs }, before, beforeView, known, facts }
}

const problems = (...checks: Array<[boolean, string]>): string[] => checks.filter(([ok]) => !ok).map(([, m]) => m)

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'deploy to a new stage',
    calls: ['GetRestApi', 'GetStage', 'GetExport', 'CreateDeployment', 'GetStage', 'GetExport', 'TagResource'],
    setup: (emu) => prepare(emu, 'fresh', { variables: 'alias=live' }, async () => ({})),
    check: (after, p) =>
      after
        ? problems(
            [!p.known.has(after.deploymentId), `stage runs ${after.deploymentId}, not a new deployment`],
            [after.variables.alias === 'live', 'variable alias is not set'],
          )
        : ['the stage does not exist'],
  },
  {
    name: 'deploy to an existing stage with variables',
    calls: [
      'GetRestApi',
      'GetStage',
      'GetExport',
      'CreateDeployment',
      'UpdateStage',
      // Records the previous deployment and the drift fingerprint at once, alongside the read-back.
      'TagResource',
      'GetStage',
      'GetExport',
    ],
    fingerprintInPlan: true,
    setup: (emu) =>
      prepare(emu, 'staging', { variables: 'alias=new\nlogLevel=info' }, async (client, restApiId) => {
        await deploy(client, restApiId, 'staging', { variables: { alias: 'old', external: 'keep-me' } })
        return {}
      }),
    check: (after, p) =>
      after
        ? problems(
            [!p.known.has(after.deploymentId), `stage runs ${after.deploymentId}, not a new deployment`],
            [after.variables.alias === 'new' && after.variables.logLevel === 'info', 'variables not set'],
            [after.variables.external === 'keep-me', 'a variable the inputs do not name was changed'],
            [!after.canary, 'a canary appeared'],
          )
        : ['the stage does not exist'],
  },
  {
    name: 'canary deploy',
    calls: ['GetRestApi', 'GetStage', 'CreateDeployment', 'GetStage', 'GetDeployment', 'GetDeployment', 'TagResource'],
    setup: (emu) =>
      prepare(emu, 'prod', { 'canary-percent': '10', 'canary-variables': 'alias=canary' }, async (client, id) => {
        await deploy(client, id, 'prod')
        return {}
      }),
    check: (after, p) =>
      after
        ? problems(
            [after.deploymentId === p.before?.deploymentId, 'production deployment changed'],
            [after.canary?.percentTraffic === 10, 'canary is not at 10%'],
            [!!after.canary && !p.known.has(after.canary.deploymentId), 'canary is not on a new deployment'],
            [after.canary?.overrides.alias === 'canary', 'canary override not set'],
          )
        : ['the stage does not exist'],
  },
  {
    name: 'update-canary',
    calls: ['GetRestApi', 'GetStage', 'UpdateStage', 'GetStage', 'GetDeployment', 'GetDeployment', 'TagResource'],
    setup: (emu) =>
      prepare(emu, 'prod', { operation: 'update-canary', 'canary-percent': '25' }, async (client, id) => {
        await deploy(client, id, 'prod')
        await deploy(client, id, 'prod', { canarySettings: { percentTraffic: 10 } })
        return {}
      }),
    check: (after, p) =>
      after
        ? problems(
            [after.deploymentId === p.before?.deploymentId, 'production deployment changed'],
            [after.canary?.deploymentId === p.before?.canarySettings?.deploymentId, 'canary deployment changed'],
            [after.canary?.percentTraffic === 25, `canary is at ${after.canary?.percentTraffic}%, not 25%`],
          )
        : ['the stage does not exist'],
  },
  {
    name: 'promote-canary',
    calls: [
      'GetRestApi',
      'GetStage',
      'GetExport',
      'TagResource',
      'UpdateStage',
      'GetStage',
      'GetExport',
      'TagResource',
    ],
    setup: (emu) =>
      prepare(emu, 'prod', { operation: 'promote-canary' }, async (client, id) => {
        await deploy(client, id, 'prod')
        await deploy(client, id, 'prod', {
          canarySettings: { percentTraffic: 10, stageVariableOverrides: { alias: 'v2' } },
        })
        return {}
      }),
    check: (after, p) =>
      after
        ? problems(
            [after.deploymentId === p.before?.canarySettings?.deploymentId, 'the canary did not become production'],
            [!after.canary, 'the canary is still attached'],
            [after.variables.alias === 'v2', 'the canary override was not merged into the variables'],
          )
        : ['the stage does not exist'],
  },
  {
    name: 'rollback-canary',
    calls: ['GetRestApi', 'GetStage', 'UpdateStage', 'GetStage', 'TagResource'],
    setup: (emu) =>
      prepare(emu, 'prod', { operation: 'rollback-canary' }, async (client, id) => {
        await deploy(client, id, 'prod')
        await deploy(client, id, 'prod', { canarySettings: { percentTraffic: 10 } })
        return {}
      }),
    check: (after, p) =>
      after
        ? problems(
            [after.deploymentId === p.before?.deploymentId, 'production deployment changed'],
            [!after.canary, 'the canary is still attached'],
          )
        : ['the stage does not exist'],
  },
  {
    name: 'promote-from',
    calls: [
      'GetRestApi',
      'GetStage',
      'GetStage',
      'GetExport',
      'TagResource',
      'UpdateStage',
      'GetStage',
      'GetExport',
      'TagResource',
    ],
    setup: (emu) =>
      prepare(emu, 'prod', { operation: 'promote', 'promote-from': 'staging' }, async (client, id) => {
        await deploy(client, id, 'prod')
        return { source: await deploy(client, id, 'staging') }
      }),
    check: (after, p) =>
      after
        ? problems(
            [after.deploymentId === p.facts.source, "prod does not run staging's deployment"],
            [after.tags[PREVIOUS_TAG] === p.before?.deploymentId, 'the previous deployment is not recorded'],
          )
        : ['the stage does not exist'],
  },
  {
    name: 'rollback',
    calls: ['GetRestApi', 'GetStage', 'GetExport', 'UpdateStage', 'GetStage', 'GetExport', 'TagResource'],
    setup: (emu) =>
      prepare(emu, 'prod', { operation: 'rollback' }, async (client, id) => {
        const first = await deploy(client, id, 'prod')
        await deploy(client, id, 'prod')
        await client.send(
          new TagResourceCommand({ resourceArn: stageArn(id, 'prod'), tags: { [PREVIOUS_TAG]: first } }),
        )
        return { first }
      }),
    check: (after, p) =>
      after
        ? problems([after.deploymentId === p.facts.first, 'the stage is not back on the recorded previous deployment'])
        : ['the stage does not exist'],
  },
  {
    name: 'delete',
    calls: ['GetRestApi', 'GetStage', 'GetDomainNames', 'DeleteStage', 'GetStage'],
    setup: (emu) =>
      prepare(emu, 'pr-7', { operation: 'delete' }, async (client, id) => {
        await deploy(client, id, 'pr-7')
        return {}
      }),
    check: (after) => (after ? ['the stage still exists'] : []),
  },
]

/** `['GetStage', 'GetStage']` → `[['GetStage', 0], ['GetStage', 1]]`: which occurrence of its operation each call is. */
export function occurrences(calls: readonly string[]): Array<[string, number]> {
  const seen = new Map<string, number>()
  return calls.map((op) => {
    const n = seen.get(op) ?? 0
    seen.set(op, n + 1)
    return [op, n]
  })
}
