// `preview-isolation: api`: one REST API per pull request. The first push imports the file as a new API (tagged with
// the source API, repository and pull request), later pushes import it again into that API, and `delete` removes it.
// The deploy itself is the definition planner's; this adds the API's creation, name and tags. The source API is
// never written.
import type { PreviewApi, PreviewState } from '../model/state.js'
import {
  PREVIEW_DEPLOYED_AT_TAG,
  PREVIEW_OF_TAG,
  PREVIEW_PULL_REQUEST_TAG,
  PREVIEW_REPOSITORY_TAG,
} from '../model/tags.js'
import { restApiArn } from '../model/urls.js'
import type { DefinitionImport, PlanContext } from './context.js'
import { planDefinitionDeploy } from './definition.js'
import { planDeploy } from './deploy.js'
import { previewAge } from './preview-age.js'
import { withApiPrune } from './preview-prune.js'
import { apiRemovalCalls } from './preview-removal.js'
import { PlanRefusal } from './refusal.js'
import { NEW_REST_API_ID, type Plan, type PlannedCall } from './types.js'

/** REST APIs per region and endpoint type; AWS does not raise these [DOC limits]. */
const REST_API_CAPS: Readonly<Record<string, number>> = { REGIONAL: 600, EDGE: 120, PRIVATE: 600 }

export function planPreviewApi(ctx: PlanContext, preview: PreviewState): Plan {
  if (ctx.inputs.operation === 'delete') return planPreviewDelete(ctx, preview)
  if (ctx.inputs.operation !== 'deploy' || !ctx.definition) {
    throw new Error("plan error: preview-isolation 'api' plans only deploy (with definition) and delete")
  }
  return withApiPrune(planPreviewDeploy(ctx, ctx.definition, preview), ctx, preview)
}

function planPreviewDeploy(ctx: PlanContext, def: DefinitionImport, preview: PreviewState): Plan {
  const owner = preview.owner
  if (ctx.now === undefined) throw new Error('plan error: a preview API deploy needs the current time')
  const creating = ctx.state.api.id === NEW_REST_API_ID
  if (creating) refuseCreation(ctx, preview)
  const base = planDefinitionDeploy(ctx, { ...def, keepsName: true }, planDeploy)
  const notes = [...previewNotes(ctx, preview, creating), ...headroomNotes(ctx, preview, creating)]
  if (!base.calls.length) return { ...base, notes: [...notes, ...base.notes] }
  const arn = restApiArn(ctx.state.region, ctx.state.api.id)
  const deployedAt = { [PREVIEW_DEPLOYED_AT_TAG]: new Date(ctx.now).toISOString() }
  const rename: PlannedCall[] =
    def.loaded.title === preview.name
      ? []
      : [{ action: 'UpdateRestApi', restApiId: ctx.state.api.id, name: preview.name }]
  const calls = base.calls.flatMap((call): PlannedCall[] => {
    if (call.action !== 'PutRestApi') return [call]
    if (!creating) return [call, ...rename]
    const { mode: _mode, ...imported } = call
    // Tagged right away: an API this action created is recognisable (and deletable) from its first moment.
    const ownerTags = {
      [PREVIEW_OF_TAG]: preview.source.id,
      [PREVIEW_REPOSITORY_TAG]: owner.repository,
      [PREVIEW_PULL_REQUEST_TAG]: String(owner.pullRequest),
      ...deployedAt,
    }
    return [
      { ...imported, action: 'ImportRestApi', endpointType: ctx.inputs.preview?.endpointType ?? 'REGIONAL' },
      { action: 'TagResource', resourceArn: arn, tags: ownerTags },
      ...rename,
    ]
  })
  // A later push records its deploy once it succeeded: pruning reads the date from this tag.
  if (!creating) calls.push({ action: 'TagResource', resourceArn: arn, tags: deployedAt })
  return { ...base, calls, notes: [...notes, ...base.notes] }
}

/** Before any write: a name someone else uses, or a region at AWS's cap for the endpoint type. */
function refuseCreation(ctx: PlanContext, preview: PreviewState): void {
  const owner = preview.owner
  const taken = preview.nameTakenBy
  if (taken) {
    throw new PlanRefusal(
      `A REST API named '${taken.name}' already exists (${taken.id}) without this action's preview tags for ${owner.repository} pull request #${owner.pullRequest}: it is not this pull request's preview API, so it is neither updated nor replaced. Set preview-api-name to another name, or rename or delete that API.`,
    )
  }
  const type = ctx.inputs.preview?.endpointType ?? 'REGIONAL'
  const cap = REST_API_CAPS[type] ?? Number.POSITIVE_INFINITY
  if (preview.sameTypeCount < cap) return
  const listed = preview.repository.map((p) => `${p.name} (${p.id}, PR #${p.pullRequest}, ${ageText(ctx, p)})`)
  throw new PlanRefusal(
    `This region already has ${preview.sameTypeCount} ${type} REST APIs, AWS's limit (${cap}, not raisable): a preview API for this pull request cannot be created. ` +
      (listed.length
        ? `Preview APIs of ${owner.repository}: ${listed.join(', ')}. Close their pull requests, or set prune-previews-older-than to delete stale ones.`
        : `${owner.repository} has no preview API to delete; free APIs elsewhere in the region.`),
  )
}

function ageText(ctx: PlanContext, p: PreviewApi): string {
  const days = previewAge(ctx.now ?? 0, p)
  return days === undefined ? 'age unknown' : `last deployed ${days} day(s) ago`
}

function previewNotes(ctx: PlanContext, preview: PreviewState, creating: boolean): string[] {
  const source = `${preview.source.name} (${preview.source.id})`
  return creating
    ? [
        `Preview API '${preview.name}' of ${source} does not exist yet: ImportRestApi creates it (${ctx.inputs.preview?.endpointType ?? 'REGIONAL'}) from the file, tagged as this pull request's; the source API is not written.`,
      ]
    : [
        `Preview API '${preview.name}' (${ctx.state.api.id}) of ${source}: the file is imported into it; the source API is not written.`,
      ]
}

/** Under 10 % of the region's cap left: say so (a warning, shown in the report). */
function headroomNotes(ctx: PlanContext, preview: PreviewState, creating: boolean): string[] {
  const type = ctx.inputs.preview?.endpointType ?? 'REGIONAL'
  const cap = REST_API_CAPS[type]
  if (cap === undefined) return []
  const left = cap - preview.sameTypeCount - (creating ? 1 : 0)
  if (left >= cap / 10) return []
  return [
    `⚠️ ${left} of AWS's ${cap} ${type} REST APIs per region are left after this run: close stale pull requests or set prune-previews-older-than.`,
  ]
}

/** Close: the base path mappings pointing at this pull request's preview API(s), then the API(s). */
function planPreviewDelete(ctx: PlanContext, preview: PreviewState): Plan {
  const { inputs, state } = ctx
  const base = { operation: 'delete' as const, restApiId: state.api.id, stageName: inputs.stage }
  const expected = { variables: {}, absentVariables: [], deleted: true }
  if (!preview.mine.length) {
    return {
      ...base,
      calls: [],
      expected,
      notes: [
        `No preview API of ${preview.source.name} (${preview.source.id}) exists for this pull request: nothing to delete.`,
      ],
    }
  }
  return {
    ...base,
    calls: apiRemovalCalls(preview.mine, preview),
    expected,
    notes: removalNotes(preview.mine, preview),
  }
}

function removalNotes(apis: readonly PreviewApi[], preview: PreviewState): string[] {
  const mappings = preview.mappings.filter((m) => apis.some((a) => a.id === m.restApiId)).length
  return [
    ...(mappings ? [`${mappings} base path mapping(s) pointing at it are removed first.`] : []),
    `DeleteRestApi removes preview API ${apis.map((a) => `'${a.name}' (${a.id})`).join(', ')}; the source API ${preview.source.id} is not touched.`,
  ]
}
