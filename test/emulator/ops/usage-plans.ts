// Usage plans: create, read, delete and the UpdateUsagePlan patch paths (`/apiStages`, throttle, quota).
import type { Handler, RequestContext } from '../context.js'
import { badRequest, conflict, notFound } from '../errors.js'
import { newId } from '../ids.js'
import { optMap, optObject, optString, type PatchOperation, patchOperations, reqString } from '../input.js'
import { paginate } from '../pagination.js'
import { usagePlanToWire } from '../serialize.js'
import { getUsagePlan } from '../state.js'
import type { ApiStageState, Dict, EmulatorState, QuotaState, ThrottleState, UsagePlanState } from '../types.js'
import { validateTags } from '../validation.js'

const PERIODS = ['DAY', 'WEEK', 'MONTH']

const planArn = (state: EmulatorState, id: string) => `arn:aws:apigateway:${state.region}::/usageplans/${id}`

/** Recorded (TestUsagePlans::test_usage_plan_crud). */
const invalidApiStage = (apiId: string, stage: string, planId: string) =>
  notFound(`Invalid API Stage {api: ${apiId}, stage: ${stage}} specified for usageplan ${planId}`)

function stageExists(state: EmulatorState, apiId: string, stage: string): boolean {
  return state.restApis.get(apiId)?.stages.has(stage) ?? false
}

function numberValue(op: PatchOperation, integer: boolean): number {
  const n = Number(op.value ?? '')
  if (op.value === undefined || op.value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw badRequest(`Invalid value '${op.value}' for ${op.path}`)
  }
  return n
}

function readThrottle(raw: Dict<unknown> | undefined): ThrottleState | undefined {
  if (!raw) return undefined
  const throttle: ThrottleState = {}
  if (typeof raw.burstLimit === 'number') throttle.burstLimit = raw.burstLimit
  if (typeof raw.rateLimit === 'number') throttle.rateLimit = raw.rateLimit
  return throttle
}

function readQuota(raw: Dict<unknown> | undefined): QuotaState | undefined {
  if (!raw) return undefined
  const quota: QuotaState = {}
  if (typeof raw.limit === 'number') quota.limit = raw.limit
  quota.offset = typeof raw.offset === 'number' ? raw.offset : 0
  if (typeof raw.period === 'string') {
    if (!PERIODS.includes(raw.period)) throw badRequest(`Invalid quota period specified: ${raw.period}`)
    quota.period = raw.period
  }
  return quota
}

export const createUsagePlan: Handler = (ctx) => {
  const id = newId(6, (candidate) => ctx.state.usagePlans.has(candidate))
  const plan: UsagePlanState = {
    id,
    name: reqString(ctx.body, 'name', 'Invalid usage plan name specified'),
    apiStages: [],
  }
  const description = optString(ctx.body, 'description')
  if (description) plan.description = description
  const rawStages = Array.isArray(ctx.body.apiStages) ? (ctx.body.apiStages as Dict<unknown>[]) : []
  for (const raw of rawStages) {
    const apiId = String(raw.apiId ?? '')
    const stage = String(raw.stage ?? '')
    if (!stageExists(ctx.state, apiId, stage)) throw invalidApiStage(apiId, stage, id)
    plan.apiStages.push({ apiId, stage })
  }
  const throttle = readThrottle(optObject(ctx.body, 'throttle'))
  if (throttle) plan.throttle = throttle
  const quota = readQuota(optObject(ctx.body, 'quota'))
  if (quota) plan.quota = quota
  const tags = optMap<string>(ctx.body, 'tags', 'string')
  if (tags) validateTags(tags)
  ctx.state.usagePlans.set(id, plan)
  if (tags && Object.keys(tags).length > 0) ctx.state.tags.set(planArn(ctx.state, id), tags)
  return { status: 201, json: usagePlanToWire(plan, tags && Object.keys(tags).length > 0 ? tags : undefined) }
}

export const getUsagePlanOp: Handler = (ctx) => {
  const plan = getUsagePlan(ctx.state, ctx.params.usagePlanId as string)
  return { status: 200, json: usagePlanToWire(plan, ctx.state.tags.get(planArn(ctx.state, plan.id)) ?? {}) }
}

export const getUsagePlans: Handler = (ctx) => {
  const plans = [...ctx.state.usagePlans.values()].map((p) => usagePlanToWire(p, undefined))
  return { status: 200, json: paginate(plans, ctx.query) }
}

export const deleteUsagePlan: Handler = (ctx) => {
  const plan = getUsagePlan(ctx.state, ctx.params.usagePlanId as string)
  const first = plan.apiStages[0]
  if (first) {
    throw badRequest(
      `Cannot delete Usage Plan ${plan.id} because there are API Stages associated with it, including ${first.apiId}:${first.stage}`,
    )
  }
  ctx.state.usagePlans.delete(plan.id)
  ctx.state.tags.delete(planArn(ctx.state, plan.id))
  return { status: 202 }
}

export const updateUsagePlan: Handler = (ctx) => {
  const current = getUsagePlan(ctx.state, ctx.params.usagePlanId as string)
  const plan = structuredClone(current)
  for (const op of patchOperations(ctx.body)) applyPlanOp(ctx, plan, op)
  ctx.state.usagePlans.set(plan.id, plan)
  return { status: 200, json: usagePlanToWire(plan, ctx.state.tags.get(planArn(ctx.state, plan.id)) ?? {}) }
}

const invalidPath = (op: PatchOperation) => badRequest(`Invalid patch path ${op.path} specified for op '${op.op}'`)

function applyPlanOp(ctx: RequestContext, plan: UsagePlanState, op: PatchOperation): void {
  const setting = op.op === 'replace' || op.op === 'add'
  switch (op.path) {
    case '/name':
      if (!setting || !op.value) throw invalidPath(op)
      plan.name = op.value
      return
    case '/description':
    case '/productCode': {
      const key = op.path.slice(1) as 'description' | 'productCode'
      if (op.op === 'remove' || !op.value) delete plan[key]
      else plan[key] = op.value
      return
    }
    case '/throttle/burstLimit':
    case '/throttle/rateLimit': {
      if (!setting) throw invalidPath(op)
      const key = op.path === '/throttle/burstLimit' ? 'burstLimit' : 'rateLimit'
      plan.throttle = { ...plan.throttle, [key]: numberValue(op, key === 'burstLimit') }
      return
    }
    case '/quota/limit':
    case '/quota/offset':
    case '/quota/period': {
      if (!setting) throw invalidPath(op)
      const key = op.path.slice('/quota/'.length) as keyof QuotaState
      const value = key === 'period' ? op.value : numberValue(op, true)
      if (key === 'period' && !PERIODS.includes(String(value)))
        throw badRequest(`Invalid quota period specified: ${value}`)
      plan.quota = { offset: 0, ...plan.quota, [key]: value }
      return
    }
    case '/throttle':
    case '/quota':
      if (op.op !== 'remove') throw invalidPath(op)
      delete plan[op.path === '/throttle' ? 'throttle' : 'quota']
      return
    case '/apiStages':
      applyApiStage(ctx, plan, op)
      return
  }
  if (!op.path.startsWith('/apiStages/')) throw invalidPath(op)
  applyStageThrottle(plan, op)
}

/** `add`/`remove` `/apiStages` with value `{restApiId}:{stageName}` (recorded errors). */
function applyApiStage(ctx: RequestContext, plan: UsagePlanState, op: PatchOperation): void {
  const [apiId, stage, ...extra] = (op.value ?? '').split(':')
  if (!apiId || !stage || extra.length > 0) throw badRequest('Invalid API Stage specified')
  const index = plan.apiStages.findIndex((s) => s.apiId === apiId && s.stage === stage)
  if (op.op === 'add') {
    if (!stageExists(ctx.state, apiId, stage)) throw invalidApiStage(apiId, stage, plan.id)
    if (index >= 0)
      throw conflict(`API Stage {api: ${apiId}, stage: ${stage}} is already associated with usage plan ${plan.id}`)
    plan.apiStages.push({ apiId, stage })
    return
  }
  if (op.op !== 'remove') throw invalidPath(op)
  if (index < 0) throw invalidApiStage(apiId, stage, plan.id)
  plan.apiStages.splice(index, 1)
}

/** `/apiStages/{api}:{stage}/throttle[/{resourcePath}/{httpMethod}[/rateLimit|/burstLimit]]`, path unescaped. */
function applyStageThrottle(plan: UsagePlanState, op: PatchOperation): void {
  const rest = op.path.slice('/apiStages/'.length)
  const slash = rest.indexOf('/')
  const key = slash < 0 ? rest : rest.slice(0, slash)
  const tail = slash < 0 ? '' : rest.slice(slash)
  const [apiId = '', stage = ''] = key.split(':')
  const entry: ApiStageState | undefined = plan.apiStages.find((s) => s.apiId === apiId && s.stage === stage)
  if (!entry) throw invalidApiStage(apiId, stage, plan.id)
  if (!tail.startsWith('/throttle')) throw invalidPath(op)
  const methodPath = tail.slice('/throttle'.length)
  if (methodPath === '') {
    if (op.op === 'remove') delete entry.throttle
    else if (op.op === 'replace') entry.throttle = parseThrottleMap(op.value)
    else throw invalidPath(op)
    return
  }
  const parts = methodPath.split('/')
  const last = parts[parts.length - 1]
  if (op.op === 'remove') {
    delete entry.throttle?.[methodPath]
    if (entry.throttle && Object.keys(entry.throttle).length === 0) delete entry.throttle
    return
  }
  if (last !== 'rateLimit' && last !== 'burstLimit') throw invalidPath(op)
  const methodKey = parts.slice(0, -1).join('/')
  entry.throttle = { ...entry.throttle }
  entry.throttle[methodKey] = { ...entry.throttle[methodKey], [last]: numberValue(op, last === 'burstLimit') }
}

function parseThrottleMap(value: string | undefined): Dict<ThrottleState> {
  try {
    const parsed = JSON.parse(value ?? '') as Dict<Dict<unknown>>
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, readThrottle(v) ?? {}]))
  } catch {
    throw badRequest('Invalid throttle settings specified')
  }
}
