// Which pull request a run belongs to. Pure: takes the event name and payload (github.context.eventName/payload).

type PullRequestSource = 'input' | 'pull_request' | 'issue_comment' | 'workflow_run'

export type PullRequestResolution =
  | { number: number; source: PullRequestSource }
  | { number: undefined; reason: string }

interface EventLike {
  eventName: string
  payload: unknown
}

/**
 * The pull request to comment on. An explicit `pr-number` input wins (it is how `push` and `workflow_dispatch` runs
 * name one); otherwise `pull_request` / `pull_request_target` events give `pull_request.number`, an `issue_comment`
 * on a pull request gives `issue.number`, and a `workflow_run` triggered by one pull request gives that one.
 */
export function resolvePullRequestNumber(event: EventLike, prNumberInput?: number): PullRequestResolution {
  if (prNumberInput !== undefined) {
    if (Number.isSafeInteger(prNumberInput) && prNumberInput > 0) return { number: prNumberInput, source: 'input' }
    return { number: undefined, reason: `pr-number ${String(prNumberInput)} is not a positive integer` }
  }
  const payload = isRecord(event.payload) ? event.payload : {}
  const pr = isRecord(payload.pull_request) ? payload.pull_request : undefined
  const fromPr = positive(pr?.number)
  if (fromPr !== undefined) return { number: fromPr, source: 'pull_request' }
  const issue = isRecord(payload.issue) ? payload.issue : undefined
  if (issue !== undefined && issue.pull_request !== undefined && issue.pull_request !== null) {
    const fromIssue = positive(issue.number)
    if (fromIssue !== undefined) return { number: fromIssue, source: 'issue_comment' }
  }
  const run = isRecord(payload.workflow_run) ? payload.workflow_run : undefined
  if (run !== undefined && Array.isArray(run.pull_requests) && run.pull_requests.length === 1) {
    const only = run.pull_requests[0]
    const fromRun = isRecord(only) ? positive(only.number) : undefined
    if (fromRun !== undefined) return { number: fromRun, source: 'workflow_run' }
  }
  return {
    number: undefined,
    reason: `the ${event.eventName || 'current'} event has no pull request; set pr-number to comment on one`,
  }
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
