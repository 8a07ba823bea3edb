// Bench section: the action against an independent emulator, moto (`moto_server`, Python), side by side with the AWS
// CLI making the same five calls and with a floor (bare Node start plus the action's sequential round trips to moto).
// Both tools come from PyPI, which CI does not reach: without them the section says how to install them and skips.
import { spawnSync } from 'node:child_process'
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  GetStageCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway'
import { type GitHubFake, startGitHubFake } from '../test/github-fake/index.js'
import { node24 } from '../test/support/run-dist.js'
import { cliByHand } from './cli.js'
import { type Interval, latencyProxy, median, ms, roundTrips, spawnAction, table, timeCommand } from './measure.js'
import { type Moto, startMoto } from './moto-server.js'

const RUNS = 5
const RTT_SAMPLES = 30
const PROXY_LATENCY_MS = 20
const STAGE = 'pr-42'
const TITLE = '7. Against moto, an independent emulator: the action, the AWS CLI and the floor'
const INSTALL = "pip install 'moto[server]' awscli"

function client(endpoint: string): APIGatewayClient {
  return new APIGatewayClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  })
}

/** GET /pets (MOCK) and GET /pets/{petId} (HTTP) deployed to pr-42, then POST /orders added: a diff to report. */
async function arrange(sdk: APIGatewayClient, name: string): Promise<string> {
  const api = await sdk.send(new CreateRestApiCommand({ name }))
  const restApiId = api.id as string
  const resources = await sdk.send(new GetResourcesCommand({ restApiId }))
  const rootId = resources.items?.find((r) => r.path === '/')?.id as string
  const route = async (parentId: string, pathPart: string, httpMethod: string, uri?: string) => {
    const resource = await sdk.send(new CreateResourceCommand({ restApiId, parentId, pathPart }))
    const resourceId = resource.id as string
    await sdk.send(new PutMethodCommand({ restApiId, resourceId, httpMethod, authorizationType: 'NONE' }))
    await sdk.send(
      new PutIntegrationCommand(
        uri
          ? { restApiId, resourceId, httpMethod, type: 'HTTP', integrationHttpMethod: httpMethod, uri }
          : { restApiId, resourceId, httpMethod, type: 'MOCK', requestTemplates: { 'application/json': '{}' } },
      ),
    )
    await sdk.send(new PutMethodResponseCommand({ restApiId, resourceId, httpMethod, statusCode: '200' }))
    return resourceId
  }
  const pets = await route(rootId, 'pets', 'GET')
  await route(pets, '{petId}', 'GET', 'https://pets.example.com/pets/{petId}')
  await sdk.send(new CreateDeploymentCommand({ restApiId, stageName: STAGE }))
  await route(rootId, 'orders', 'POST')
  return restApiId
}

interface ActionFigures {
  wallMs: number
  /** The API diff's counts, as the action reported them in its diff-json output. */
  apiChanges: { added: number; removed: number; changed: number } | undefined
}

async function actionRun(endpoint: string, github: GitHubFake, restApiId: string, i: number): Promise<ActionFigures> {
  const number = 200 + i
  const run = await spawnAction({
    inputs: { 'rest-api-id': restApiId, stage: STAGE },
    endpoint,
    githubApi: github.url,
    event: { name: 'pull_request', payload: { action: 'synchronize', number, pull_request: { number } } },
  })
  if (run.code !== 0) {
    throw new Error(`the action failed against moto (exit ${run.code}): ${run.errors.join('; ') || run.stderr}`)
  }
  if (!run.outputs['comment-url']) throw new Error('the action posted no comment')
  const report = JSON.parse(run.outputs['diff-json'] ?? '{}') as {
    apiChanges?: { counts?: ActionFigures['apiChanges'] }
  }
  return { wallMs: run.endedAt - run.startedAt, apiChanges: report.apiChanges?.counts }
}

/** The API Gateway operation a REST call is, for the call path; the raw request when it is none of the action's. */
function operationOf(method: string, path: string): string {
  const p = path.split('?')[0] ?? ''
  if (method === 'PUT' && p.startsWith('/tags/')) return 'TagResource'
  if (method === 'GET' && /^\/restapis\/[^/]+\/stages\/[^/]+\/exports\/[^/]+$/.test(p)) return 'GetExport'
  if (method === 'GET' && /^\/restapis\/[^/]+\/stages\/[^/]+$/.test(p)) return 'GetStage'
  if (method === 'PATCH' && /^\/restapis\/[^/]+\/stages\/[^/]+$/.test(p)) return 'UpdateStage'
  if (method === 'GET' && /^\/restapis\/[^/]+$/.test(p)) return 'GetRestApi'
  if (method === 'POST' && /^\/restapis\/[^/]+\/deployments$/.test(p)) return 'CreateDeployment'
  return `${method} ${p}`
}

/** The deploy by hand on a fresh API: the five calls of bench/cli.ts, one `aws` process each. */
async function cliRun(moto: Moto, cli: string, i: number): Promise<number> {
  return cliByHand(cli, moto.url, await arrange(client(moto.url), `moto-cli-${i}`))
}

/** One SDK round trip to moto from this process (GetStage on a warm, kept-alive client): median of RTT_SAMPLES. */
async function motoRoundTrip(moto: Moto): Promise<number> {
  const sdk = client(moto.url)
  const restApiId = await arrange(sdk, 'moto-rtt')
  const samples: number[] = []
  for (let i = 0; i < RTT_SAMPLES + 3; i++) {
    const start = performance.now()
    await sdk.send(new GetStageCommand({ restApiId, stageName: STAGE }))
    if (i >= 3) samples.push(performance.now() - start)
  }
  return median(samples)
}

/**
 * One more run, untimed, through a proxy that holds each call PROXY_LATENCY_MS so that concurrent calls overlap
 * clearly: the action's sequential AWS round trips on moto, and its calls as moto logged them.
 */
async function callPath(moto: Moto, github: GitHubFake): Promise<{ trips: string[][]; motoLines: string[] }> {
  const log: Interval[] = []
  const proxy = await latencyProxy(moto.url, PROXY_LATENCY_MS, log)
  try {
    const restApiId = await arrange(client(moto.url), 'moto-call-path')
    const from = moto.log.length
    await actionRun(proxy.url, github, restApiId, RUNS)
    await new Promise((r) => setTimeout(r, 200)) // moto writes its access line after the answer
    const motoLines = moto.log
      .slice(from)
      .map((l) => /"([A-Z]+) (\S+) HTTP\/[\d.]+" (\d+)/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map(
        ([, method = '', path = '', status]) => `${operationOf(method, path).padEnd(16)} ${method} ${path} → ${status}`,
      )
    const named = log.map((call) => {
      const [method = '', path = ''] = call.label.split(' ')
      return { ...call, label: operationOf(method, decodeURIComponent(path)) }
    })
    return { trips: roundTrips(named), motoLines }
  } finally {
    await proxy.stop()
  }
}

function skip(reason: string): string {
  return table(TITLE, [
    ['skipped', reason],
    ['install', `${INSTALL}   (Python; puts moto_server and aws on PATH)`],
    ['then', 'npm run bench   (or MOTO_SERVER=/path/to/moto_server AWS_CLI=/path/to/aws npm run bench)'],
  ])
}

export async function motoSection(): Promise<string> {
  const motoCommand = process.env.MOTO_SERVER || 'moto_server'
  const cli = process.env.AWS_CLI || 'aws'
  const motoHelp = spawnSync(motoCommand, ['-h'], { encoding: 'utf8' })
  if (motoHelp.error || motoHelp.status !== 0) return skip(`'${motoCommand}' is not on PATH`)
  const cliVersion = spawnSync(cli, ['--version'], { encoding: 'utf8' })
  if (cliVersion.error || cliVersion.status !== 0) return skip(`'${cli}' is not on PATH`)

  const bare: number[] = []
  for (let i = 0; i < RUNS; i++) bare.push(await timeCommand(node24(), ['-e', '0']))

  let moto: Moto | undefined
  let github: GitHubFake | undefined
  try {
    moto = await startMoto(motoCommand)
    github = await startGitHubFake()
    const action: ActionFigures[] = []
    for (let i = 0; i < RUNS; i++) {
      const restApiId = await arrange(client(moto.url), `moto-action-${i}`)
      action.push(await actionRun(moto.url, github, restApiId, i))
    }
    const byHand: number[] = []
    for (let i = 0; i < RUNS; i++) byHand.push(await cliRun(moto, cli, i))
    const rtt = await motoRoundTrip(moto)
    const path = await callPath(moto, github)

    const bareMs = median(bare)
    const actionMs = median(action.map((a) => a.wallMs))
    const cliMs = median(byHand)
    const floorMs = bareMs + path.trips.length * rtt
    const spread = (values: number[]) => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`
    const trips = path.trips.map((g) => (g.length > 1 ? `[${[...g].sort().join(' ‖ ')}]` : g[0])).join(' → ')
    const diff = action[0]?.apiChanges
    const diffText = diff ? `${diff.added} added, ${diff.removed} removed, ${diff.changed} changed` : 'not reported'
    const exportNote =
      diff?.added === 0
        ? [
            "   moto's GetExport answers with the API's current resources as Swagger 2.0, whatever the stage or export",
            "   type, so the stage's export before the deploy already has POST /orders: the action diffs equal definitions.",
          ]
        : []
    return [
      table(`${TITLE} (median of ${RUNS})`, [
        ['moto', `${moto.version} (${motoCommand}, loopback)`],
        ['AWS CLI', (cliVersion.stdout || cliVersion.stderr).trim().split(' ')[0] ?? ''],
        [
          'the action: deploy, diff, PR comment; spawn → exit',
          `${ms(actionMs)}   (runs ${spread(action.map((a) => a.wallMs))})`,
        ],
        ['AWS CLI: the same 5 calls, 5 processes', `${ms(cliMs)}   (runs ${spread(byHand)})`],
        [`floor: bare \`node -e 0\` + ${path.trips.length} round trips × one moto round trip`, ms(floorMs)],
        ['  bare `node -e 0`, spawn → exit', ms(bareMs)],
        [`  one moto round trip (SDK GetStage, median of ${RTT_SAMPLES})`, ms(rtt)],
        ['ratio: action / AWS CLI (goal ≤ 0.10)', `${(actionMs / cliMs).toFixed(2)} ×`],
        ['ratio: action / floor', `${(actionMs / floorMs).toFixed(1)} ×`],
        [
          `sequential AWS round trips (one more run, each call held ${PROXY_LATENCY_MS} ms by a proxy)`,
          String(path.trips.length),
        ],
        ['  critical path', trips],
        ['API diff in the comment (POST /orders was added after the last deploy)', diffText],
      ]),
      `   floor = median bare \`node -e 0\` (${RUNS} runs) + ${path.trips.length} sequential round trips × the median SDK`,
      `   GetStage to moto from this process on a kept-alive connection (${RTT_SAMPLES} calls after 3 warm-up calls).`,
      ...exportNote,
      '   The calls of that run as moto logged them:',
      ...path.motoLines.map((l) => `     ${l}`),
    ].join('\n')
  } catch (err) {
    return table(TITLE, [['failed', err instanceof Error ? err.message : String(err)]])
  } finally {
    await github?.stop()
    await moto?.stop()
  }
}
