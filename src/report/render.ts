// The one renderer: ReportInput → markdown (job summary, PR comment, `diff-markdown`) and JSON (`diff-json`).
// Pure: no I/O, no clock. The sections (sections/) escape every external string through safe-text.ts; fit.ts keeps
// the markdown within GitHub's limits; diff-json-output.ts is the JSON projection.

import { type DiffJson, toDiffJson } from './diff-json-output.js'
import { COMMENT_LIMIT, fitReport, SUMMARY_LIMIT_BYTES, utf8Length } from './fit.js'
import { safeUrl } from './safe-text.js'
import { apiChangesBlock } from './sections/api-changes.js'
import type { DetailLevel } from './sections/lists.js'
import { rolloutBlock } from './sections/rollout.js'
import { deleteBlock, driftBlock, errorBlock, notesBlock, planBlock, smokeTestLine } from './sections/run-outcome.js'
import { stageChangesBlock } from './sections/stage-changes.js'
import { canaryLine, footer, header, keyValues } from './sections/stage-summary.js'
import type { ReportInput } from './types.js'

interface RenderedReport {
  markdown: string
  json: DiffJson
}

/** The job summary's markdown (everything, unless over 1 MiB) and the `diff-json` projection. */
export function renderReport(input: ReportInput): RenderedReport {
  const json = toDiffJson(input)
  const markdown = fitReport({
    render: (maxItems) => renderMarkdown(input, { maxItems, target: 'summary' }),
    fits: (md) => utf8Length(md) <= SUMMARY_LIMIT_BYTES,
    hardLimit: SUMMARY_LIMIT_BYTES / 4,
    pointer: 'The `diff-json` output has every change.',
  })
  return { markdown, json }
}

/**
 * The sticky comment: marker first, then the report, never longer than GitHub's limit. When the full report does not
 * fit, long lists are shortened step by step, with a pointer to the job summary, which has them all.
 */
export function renderCommentBody(input: ReportInput, marker: string, limit: number = COMMENT_LIMIT): string {
  const prefix = `${marker}\n`
  const markdown = fitReport({
    render: (maxItems) =>
      renderMarkdown(input, { maxItems, target: 'comment', ...(input.runUrl ? { runUrl: input.runUrl } : {}) }),
    fits: (md) => prefix.length + md.length <= limit,
    hardLimit: limit - prefix.length,
    pointer: jobSummaryPointer(input.runUrl),
  })
  return prefix + markdown
}

function jobSummaryPointer(runUrl: string | undefined): string {
  const run = safeUrl(runUrl)
  return run === undefined
    ? 'The job summary of this run has the full report.'
    : `The [job summary of this run](${run}) has the full report.`
}

function renderMarkdown(input: ReportInput, detail: DetailLevel): string {
  const blocks: string[] = [
    header(input),
    rolloutBlock(input),
    errorBlock(input),
    driftBlock(input),
    keyValues(input),
    canaryLine(input),
    smokeTestLine(input),
    deleteBlock(input),
    planBlock(input, detail),
    apiChangesBlock(input, detail),
    stageChangesBlock(input, detail),
    notesBlock(input, detail),
    footer(input),
  ]
  return `${blocks.filter((b) => b !== '').join('\n\n')}\n`
}
