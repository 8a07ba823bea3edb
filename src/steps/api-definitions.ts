// Reads the two sides of the API diff at the right moments, then compares them. A failed read only loses
// the diff (reported as unavailable); it never fails the run.
import type { RestApiGateway } from '../apigateway/gateway.js'
import { errorMessage } from '../lib/errors.js'
import type { ReadState } from '../model/state.js'
import type { DiffSources } from '../report/diff-sources.js'
import type { ApiDiffSection } from '../report/types.js'
import { afterNextRequestWritten } from '../runner/after-request.js'

/** The definition after the change: `same` when nothing new was deployed, or what was read (or why not). */
export type AfterDefinition =
  | { kind: 'same' }
  | { kind: 'read'; definition: object | undefined }
  | { kind: 'failed'; reason: string }

/**
 * The read of the new definition, to run right after the writes (in parallel with the read-back).
 * `canaryId` is the canary this run created, else the canary the stage already had.
 */
export async function readAfterDefinition(options: {
  api: RestApiGateway
  sources: DiffSources
  canaryId: string | undefined
  /** The repository's definition, when the run has one. */
  file: object | undefined
}): Promise<AfterDefinition> {
  const { api, sources, canaryId } = options
  if (sources.kind === 'unavailable' || sources.after === undefined) return { kind: 'same' }
  if (sources.after === 'file') return { kind: 'read', definition: options.file }
  try {
    if (sources.after === 'canary') {
      if (!canaryId) return { kind: 'failed', reason: 'The stage has no canary to compare.' }
      return {
        kind: 'read',
        definition: await api.readDefinition({ kind: 'deployment', deploymentId: canaryId }),
      }
    }
    return { kind: 'read', definition: await api.readDefinition(sources.after) }
  } catch (err) {
    return { kind: 'failed', reason: `The new API definition could not be read: ${errorMessage(err)}` }
  }
}

/**
 * Compares. A stage's `before` must come from the read step (read later it would show the new version);
 * a deployment's route summary never changes, so it is read now.
 */
export async function compareApi(
  api: RestApiGateway,
  sources: DiffSources,
  readBefore: ReadState['definitionBefore'],
  after: AfterDefinition,
): Promise<ApiDiffSection> {
  if (sources.kind === 'unavailable') return sources
  if (after.kind === 'failed') return { kind: 'unavailable', reason: after.reason }
  let before: object | undefined
  const source = sources.before
  if (source?.kind === 'stage') {
    if (readBefore?.stageName !== source.stageName) {
      return {
        kind: 'unavailable',
        reason: `The definition of stage '${source.stageName}' was not read before the change.`,
      }
    }
    if (readBefore.failed) {
      return { kind: 'unavailable', reason: `The earlier API definition could not be read: ${readBefore.failed}` }
    }
    before = readBefore.definition
  } else if (source) {
    try {
      before = await api.readDefinition(source)
    } catch (err) {
      return { kind: 'unavailable', reason: `The earlier API definition could not be read: ${errorMessage(err)}` }
    }
  }
  return apiDiffSection(sources, before, after.kind === 'same' ? before : after.definition)
}

/**
 * Starts loading the diff module (and its library) once the next request has been written: called when the
 * change's last round trip starts, its compile lands while the read-back is in flight instead of after it.
 */
export function preloadApiDiff(sources: DiffSources): void {
  if (sources.kind === 'unavailable') return
  afterNextRequestWritten(() => void import('../diff/api-diff.js').catch(() => undefined))
}

/** Compares the two definitions; the diff module (and its library) is loaded only here (or by preloadApiDiff). */
async function apiDiffSection(
  sources: DiffSources,
  before: object | undefined,
  after: object | undefined,
): Promise<ApiDiffSection> {
  if (sources.kind === 'unavailable') return sources
  try {
    const { diffApiDefinitions } = await import('../diff/api-diff.js')
    // A deployment's side is its route summary: say the comparison saw routes only.
    const routesOnly =
      sources.before?.kind === 'deployment' ||
      sources.after === 'canary' ||
      (typeof sources.after === 'object' && sources.after.kind === 'deployment')
    return {
      kind: 'diff',
      baseline: sources.baseline,
      diff: diffApiDefinitions(before, after),
      ...(routesOnly ? { compared: 'routes' as const } : {}),
    }
  } catch (err) {
    return { kind: 'unavailable', reason: `The API definitions could not be compared: ${errorMessage(err)}` }
  }
}
