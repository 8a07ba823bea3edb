// The README's generated tables and its IAM policy are checked against action.yml and the code.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
// @ts-expect-error plain ESM script without type declarations
import { renderReadme } from '../scripts/docs.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const readme = readFileSync(join(root, 'README.md'), 'utf8')

/** HTTP verb and IAM resource path of every API Gateway command, from the service model's routes. */
const COMMAND_ROUTES: Record<string, [verb: string, path: string]> = {
  GetRestApis: ['GET', '/restapis'],
  GetRestApi: ['GET', '/restapis/API_ID'],
  PutRestApi: ['PUT', '/restapis/API_ID'],
  // preview-isolation api: the preview API is created, renamed and deleted (its id is not known in advance)
  ImportRestApi: ['POST', '/restapis'],
  UpdateRestApi: ['PATCH', '/restapis/PREVIEW_API_ID'],
  DeleteRestApi: ['DELETE', '/restapis/PREVIEW_API_ID'],
  GetStage: ['GET', '/restapis/API_ID/stages/STAGE'],
  GetStages: ['GET', '/restapis/API_ID/stages'],
  GetResources: ['GET', '/restapis/API_ID/resources'],
  GetDeployment: ['GET', '/restapis/API_ID/deployments/DEPLOYMENT_ID'],
  GetExport: ['GET', '/restapis/API_ID/stages/STAGE/exports/oas30'],
  GetSdk: ['GET', '/restapis/API_ID/stages/STAGE/sdks/javascript'],
  GetSdkType: ['GET', '/sdktypes/javascript'],
  GetDomainName: ['GET', '/domainnames/api.example.com'],
  GetDomainNames: ['GET', '/domainnames'],
  GetBasePathMappings: ['GET', '/domainnames/api.example.com/basepathmappings'],
  GetUsagePlan: ['GET', '/usageplans/PLAN_ID'],
  CreateDeployment: ['POST', '/restapis/API_ID/deployments'],
  CreateStage: ['POST', '/restapis/API_ID/stages'],
  UpdateStage: ['PATCH', '/restapis/API_ID/stages/STAGE'],
  DeleteStage: ['DELETE', '/restapis/API_ID/stages/STAGE'],
  FlushStageCache: ['DELETE', '/restapis/API_ID/stages/STAGE/cache/data'],
  TagResource: ['PUT', '/tags/arn:aws:apigateway:REGION::/restapis/API_ID/stages/STAGE'],
  CreateBasePathMapping: ['POST', '/domainnames/api.example.com/basepathmappings'],
  UpdateBasePathMapping: ['PATCH', '/domainnames/api.example.com/basepathmappings/v1'],
  DeleteBasePathMapping: ['DELETE', '/domainnames/api.example.com/basepathmappings/v1'],
  UpdateUsagePlan: ['PATCH', '/usageplans/PLAN_ID'],
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : []
  })
}

/** Every API Gateway command the action sends: `new XCommand(` and `paginateX(` (CloudWatch's: cloudwatch/ only). */
function commandsUsed(service: 'apigateway' | 'cloudwatch' = 'apigateway'): string[] {
  const found = new Set<string>()
  const cloudwatch = join(root, 'src', 'cloudwatch')
  for (const file of sourceFiles(join(root, 'src')).filter(
    (f) => f.startsWith(cloudwatch) === (service === 'cloudwatch'),
  )) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/new (\w+)Command\(/g)) found.add(m[1] as string)
    for (const m of text.matchAll(/paginate(\w+)\(/g)) found.add(m[1] as string)
  }
  return [...found].sort()
}

interface Statement {
  Action: string | string[]
  Resource: string | string[]
}

function policy(): Statement[] {
  const section = /<!-- iam-policy:start -->\s*```json\n([\s\S]*?)```/.exec(readme)
  if (!section?.[1]) throw new Error('README has no IAM policy section')
  return (JSON.parse(section[1]) as { Statement: Statement[] }).Statement
}

const list = (v: string | string[]) => (Array.isArray(v) ? v : [v])
const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`)

function allowed(verb: string, path: string): boolean {
  const arn = `arn:aws:apigateway:REGION::${path}`
  return policy().some(
    (s) => list(s.Action).includes(`apigateway:${verb}`) && list(s.Resource).some((r) => glob(r).test(arn)),
  )
}

describe('README', () => {
  it('has the inputs and outputs tables that `npm run docs` generates from action.yml', () => {
    const actionYml = readFileSync(join(root, 'action.yml'), 'utf8')
    expect(readme).toBe(renderReadme(readme, actionYml))
    expect(readme).toContain('| `rest-api-id` |')
    expect(readme).toContain('| `base-url` |')
  })

  it('IAM policy allows every API Gateway call the code makes', () => {
    const used = commandsUsed()
    expect(used.length).toBeGreaterThan(5)
    for (const command of used) {
      const route = COMMAND_ROUTES[command]
      expect(
        route,
        `${command} is used in src/ but has no route in this test: add it, and to the README policy`,
      ).toBeDefined()
      const [verb, path] = route as [string, string]
      expect(allowed(verb, path), `README policy does not allow ${command} (${verb} ${path})`).toBe(true)
    }
  })

  it('IAM policy grants nothing the code does not use', () => {
    const routes = commandsUsed().map((c) => COMMAND_ROUTES[c] as [string, string])
    for (const statement of policy()) {
      for (const action of list(statement.Action).filter((a) => a.startsWith('apigateway:'))) {
        const verb = action.replace('apigateway:', '')
        for (const resource of list(statement.Resource)) {
          const needed = routes.some(([v, p]) => v === verb && glob(resource).test(`arn:aws:apigateway:REGION::${p}`))
          expect(needed, `policy grants ${action} on ${resource} but no call needs it`).toBe(true)
        }
      }
    }
  })

  it('IAM policy grants exactly the CloudWatch calls a rollout makes', () => {
    const granted = policy().flatMap((s) => list(s.Action).filter((a) => a.startsWith('cloudwatch:')))
    expect(granted.sort()).toEqual(commandsUsed('cloudwatch').map((c) => `cloudwatch:${c}`))
    expect(granted).toEqual(['cloudwatch:DescribeAlarms', 'cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'])
  })
})
