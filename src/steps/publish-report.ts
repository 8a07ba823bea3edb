// Publishes the rendered report: diff outputs, job summary, then the sticky PR comment.

import type { GitHubSession } from '../github/session.js'
import type { ActionInputs } from '../inputs/types.js'
import { boundedDiffJson } from '../report/diff-json-output.js'
import { commentMarker } from '../report/marker.js'
import { renderCommentBody, renderReport } from '../report/render.js'
import type { ReportInput } from '../report/types.js'
import * as core from '../runner/actions-core.js'
import { setOutputs, writeJobSummary } from '../runner/outputs.js'

export interface PublishContext {
  inputs: ActionInputs
  /** Pull request to comment on, or why there is none. */
  pullRequest: { number: number } | { number: undefined; reason: string }
  /** Creates the GitHub session on first use (dynamic import). */
  github: () => Promise<GitHubSession | undefined>
}

/** Renders once; sets the diff outputs, writes the summary, then the comment (whose failure only warns). */
export async function publishReport(report: ReportInput, ctx: PublishContext): Promise<void> {
  const { markdown, json } = renderReport(report)
  // A preview API's comment is the source API's and stage's: the same comment from the first push to the close.
  const marker = commentMarker(report.previewOf?.id ?? report.api.id, report.stageName)
  const body = renderCommentBody(report, marker)
  setOutputs({
    'diff-markdown': body.replace(marker, '').trim(),
    'diff-json': boundedDiffJson(json),
    'breaking-changes': json.breakingChanges > 0,
    'breaking-change-count': json.breakingChanges,
  })
  await writeJobSummary(markdown)

  const { comment } = ctx.inputs
  if (comment === false) return
  if (ctx.pullRequest.number === undefined) {
    const message = `No pull request comment: ${ctx.pullRequest.reason}.`
    if (comment === true) core.warning(message)
    else core.info(message)
    return
  }
  const session = await ctx.github()
  if (!session) {
    core.warning('No pull request comment: GITHUB_REPOSITORY is not set.')
    return
  }
  const result = await session.comment(ctx.pullRequest.number, marker, body)
  if (!result.ok) {
    core.warning(result.warning)
    return
  }
  core.info(`Pull request comment ${result.value.action}: ${result.value.url}`)
  setOutputs({ 'comment-url': result.value.url })
}
