// Facts about the workflow run, from the runner's environment variables. Pure over an env object.

export interface RunContext {
  repository?: string
  sha?: string
  refName?: string
  runUrl?: string
  eventName?: string
  eventPath?: string
}

export function runContext(env: NodeJS.ProcessEnv): RunContext {
  const ctx: RunContext = {}
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  if (env.GITHUB_REPOSITORY) ctx.repository = env.GITHUB_REPOSITORY
  if (env.GITHUB_SHA) ctx.sha = env.GITHUB_SHA
  if (env.GITHUB_REF_NAME) ctx.refName = env.GITHUB_REF_NAME
  if (env.GITHUB_EVENT_NAME) ctx.eventName = env.GITHUB_EVENT_NAME
  if (env.GITHUB_EVENT_PATH) ctx.eventPath = env.GITHUB_EVENT_PATH
  if (env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    const attempt =
      env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1' ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''
    ctx.runUrl = `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`
  }
  return ctx
}

/** Default deployment description: which commit, ref and run made it (AWS sets no length limit we know of). */
export function defaultDescription(ctx: RunContext): string {
  const parts = [
    ctx.repository && ctx.sha ? `${ctx.repository}@${ctx.sha.slice(0, 12)}` : ctx.sha?.slice(0, 12),
    ctx.refName ? `ref ${ctx.refName}` : undefined,
    ctx.runUrl ? `run ${ctx.runUrl}` : undefined,
  ].filter(Boolean)
  return parts.length ? `Deployed by GitHub Actions: ${parts.join(', ')}` : 'Deployed by apigw-stage-action'
}

/** The event payload the runner wrote to GITHUB_EVENT_PATH ({} when absent or unreadable). */
export function readEventPayload(eventPath: string | undefined, read: (path: string) => string): unknown {
  if (!eventPath) return {}
  try {
    return JSON.parse(read(eventPath)) as unknown
  } catch {
    return {}
  }
}

/** `owner/repo` → parts; undefined outside a repository context. */
export function repoRef(repository: string | undefined): { owner: string; repo: string } | undefined {
  const [owner, repo] = (repository ?? '').split('/')
  return owner && repo ? { owner, repo } : undefined
}
