// Adds what the configuration inputs ask for to an operation's plan: stage settings, the custom-domain
// base path mapping, usage-plan associations. Pure; refuses before any write when inputs cannot apply.
import type { ActionInputs } from '../inputs/types.js'
import type { ReadState } from '../model/state.js'
import { type PlanContext, updateStage } from './context.js'
import { PlanRefusal } from './refusal.js'
import { chunkOps, MAX_OPS_PER_UPDATE_STAGE, namesStageSettings, stageSettingsOps } from './stage-settings.js'
import type { PatchOp, Plan, PlannedCall } from './types.js'

/** Operations that only remove something: configuration inputs do not apply to them. */
const NOT_CONFIGURED: ReadonlyArray<Plan['operation']> = ['delete', 'rollback-canary']

function namesConfiguration(inputs: ActionInputs): boolean {
  return namesStageSettings(inputs.settings, inputs.methodSettings) || !!inputs.domain || inputs.usagePlanIds.length > 0
}

/**
 * The call that maps `domain/basePath` to this API stage: create it when missing; when it points
 * elsewhere, update it only if the user said so (`repoint-base-path`); otherwise refuse: the mapping belongs to
 * someone else.
 */
export function basePathMappingCalls(
  domain: NonNullable<ActionInputs['domain']>,
  state: ReadState,
  restApiId: string,
  stageName: string,
): { calls: PlannedCall[]; notes: string[] } {
  if (!state.domain) throw new Error('plan error: domain-name is set but the custom domain was not read')
  const where = `custom domain '${domain.name}' base path '${domain.basePath}'`
  if (!state.domain.exists) {
    throw new PlanRefusal(
      `Input 'domain-name': custom domain '${domain.name}' does not exist in region ${state.region} of this account. ` +
        "Create the custom domain name (with its certificate) first, or check 'domain-name' and 'region'.",
    )
  }
  const mapping = state.domain.mapping
  if (!mapping) {
    return {
      calls: [
        { action: 'CreateBasePathMapping', domainName: domain.name, basePath: domain.basePath, restApiId, stageName },
      ],
      notes: [`CreateBasePathMapping maps ${where} to API ${restApiId} stage '${stageName}'.`],
    }
  }
  if (mapping.restApiId === restApiId && mapping.stage === stageName) {
    return { calls: [], notes: [`The ${where} already maps to this stage.`] }
  }
  if (!domain.repoint) {
    throw new PlanRefusal(
      `Input 'base-path': the ${where} already maps to API ${mapping.restApiId} stage '${mapping.stage}', ` +
        `not to API ${restApiId} stage '${stageName}'. The action moves an existing mapping only when asked: ` +
        "set 'repoint-base-path: true' to point it at this stage, or choose another base-path.",
    )
  }
  const patchOperations: PatchOp[] = []
  if (mapping.restApiId !== restApiId) patchOperations.push({ op: 'replace', path: '/restapiId', value: restApiId })
  if (mapping.stage !== stageName) patchOperations.push({ op: 'replace', path: '/stage', value: stageName })
  return {
    calls: [
      {
        action: 'UpdateBasePathMapping',
        domainName: domain.name,
        basePath: domain.basePath,
        restApiId,
        stageName,
        patchOperations,
      },
    ],
    notes: [
      `UpdateBasePathMapping re-points the ${where} from API ${mapping.restApiId} stage '${mapping.stage}' to this stage.`,
    ],
  }
}

/** One UpdateUsagePlan per plan that lacks this API stage (UpdateUsagePlan: 1 request per 20 s per account). */
export function usagePlanCalls(
  usagePlanIds: string[],
  state: ReadState,
  restApiId: string,
  stageName: string,
): { calls: PlannedCall[]; notes: string[] } {
  const ids = [...new Set(usagePlanIds)]
  if (!ids.length) return { calls: [], notes: [] }
  if (!state.usagePlans) throw new Error('plan error: usage-plan-ids is set but the usage plans were not read')
  const found = new Map(state.usagePlans.map((p) => [p.id, p]))
  const missing = ids.filter((id) => !found.has(id))
  if (missing.length) {
    throw new PlanRefusal(
      `Input 'usage-plan-ids': no usage plan ${missing.map((id) => `'${id}'`).join(', ')} in region ${state.region} ` +
        'of this account (AWS: "Invalid Usage Plan ID specified"). Nothing was changed; check the ids.',
    )
  }
  const calls: PlannedCall[] = []
  const notes: string[] = []
  for (const id of ids) {
    const plan = found.get(id)
    if (!plan) continue
    const label = `usage plan ${id}${plan.name ? ` (${plan.name})` : ''}`
    if (plan.apiStages.some((s) => s.apiId === restApiId && s.stage === stageName)) {
      notes.push(`The ${label} already includes this stage.`)
      continue
    }
    calls.push({
      action: 'UpdateUsagePlan',
      usagePlanId: id,
      restApiId,
      stageName,
      patchOperations: [{ op: 'add', path: '/apiStages', value: `${restApiId}:${stageName}` }],
    })
    notes.push(`UpdateUsagePlan adds stage '${stageName}' to the ${label}; its other stages stay.`)
  }
  if (calls.length > 1) {
    notes.push(
      `AWS allows 1 UpdateUsagePlan per 20 seconds per account: the ${calls.length} calls take at least ${(calls.length - 1) * 20} s (throttled calls are retried).`,
    )
  }
  return { calls, notes }
}

/** Puts the settings operations after an existing UpdateStage's own (kept first), splitting at 80 per call. */
function withSettingsCalls(calls: PlannedCall[], ops: PatchOp[], restApiId: string, stageName: string): PlannedCall[] {
  if (!ops.length) return calls
  const out = [...calls]
  let rest = ops
  const index = out.findIndex(
    (c) => c.action === 'UpdateStage' && c.restApiId === restApiId && c.stageName === stageName,
  )
  const target = out[index]
  if (target?.action === 'UpdateStage') {
    const room = Math.max(0, MAX_OPS_PER_UPDATE_STAGE - target.patchOperations.length)
    if (room > 0) {
      out[index] = { ...target, patchOperations: [...target.patchOperations, ...rest.slice(0, room)] }
      rest = rest.slice(room)
    }
  }
  // Any further UpdateStage goes after the calls that create or re-point the stage and record the previous deployment.
  for (const chunk of chunkOps(rest)) out.push(updateStage(restApiId, stageName, chunk))
  return out
}

/** The base plan plus the calls the configuration inputs need; the base plan's calls keep their order. */
export function withConfiguration(plan: Plan, ctx: PlanContext): Plan {
  const { inputs, state } = ctx
  if (NOT_CONFIGURED.includes(plan.operation)) {
    if (!namesConfiguration(inputs)) return plan
    return {
      ...plan,
      notes: [
        ...plan.notes,
        `Stage settings, domain and usage-plan inputs are ignored by operation '${plan.operation}'.`,
      ],
    }
  }
  const { restApiId, stageName } = plan
  // Every check first: a refusal leaves AWS untouched.
  const settings = stageSettingsOps(inputs.settings, inputs.methodSettings, state.stage, state.resources)
  const mapping = inputs.domain
    ? basePathMappingCalls(inputs.domain, state, restApiId, stageName)
    : { calls: [], notes: [] as string[] }
  const plans = usagePlanCalls(inputs.usagePlanIds, state, restApiId, stageName)
  const calls = [...withSettingsCalls(plan.calls, settings.ops, restApiId, stageName), ...mapping.calls, ...plans.calls]
  return { ...plan, calls, notes: [...plan.notes, ...settings.notes, ...mapping.notes, ...plans.notes] }
}
