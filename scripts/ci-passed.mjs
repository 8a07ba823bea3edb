// Waits for the verdict of a CI workflow on one commit, and fails unless a run of it passed there. The release
// workflow runs it before publishing anything:
//   node scripts/ci-passed.mjs --workflow ci.yml --sha <commit> [--timeout-minutes 30] [--interval-seconds 30]
// Reads GITHUB_TOKEN (needs `actions: read`), GITHUB_REPOSITORY and GITHUB_API_URL, all set on the runner.
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

/**
 * The verdict on one commit from its runs of the workflow (the REST API's `workflow_runs`, latest attempt each):
 * one successful run is enough (a push and a pull request can both have run it); otherwise a run still going means
 * wait, and completed runs that all failed mean failed.
 */
export function ciVerdict(runs) {
  const passed = runs.find((run) => run.status === 'completed' && run.conclusion === 'success')
  if (passed) return { state: 'passed', detail: `passed: ${passed.html_url}` }
  if (runs.length === 0) return { state: 'missing', detail: 'no run yet' }
  const going = runs.filter((run) => run.status !== 'completed')
  if (going.length > 0) return { state: 'pending', detail: `${going.length} run(s) not finished: ${going[0].html_url}` }
  const failed = runs.map((run) => `${run.conclusion} ${run.html_url}`).join(', ')
  return { state: 'failed', detail: `no run passed: ${failed}` }
}

async function workflowRuns({ api, repository, token, workflow, sha }) {
  const url = `${api}/repos/${repository}/actions/workflows/${encodeURIComponent(workflow)}/runs?head_sha=${sha}&per_page=100`
  const response = await fetch(url, {
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${token}`,
      'x-github-api-version': '2022-11-28',
    },
  })
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`)
  return (await response.json()).workflow_runs
}

async function main() {
  const { values } = parseArgs({
    options: {
      workflow: { type: 'string' },
      sha: { type: 'string' },
      'timeout-minutes': { type: 'string', default: '30' },
      'interval-seconds': { type: 'string', default: '30' },
    },
  })
  const { GITHUB_TOKEN: token, GITHUB_REPOSITORY: repository } = process.env
  const api = process.env.GITHUB_API_URL || 'https://api.github.com'
  if (!values.workflow || !values.sha || !token || !repository) {
    throw new Error('usage: GITHUB_TOKEN=… GITHUB_REPOSITORY=o/r ci-passed.mjs --workflow ci.yml --sha <commit>')
  }
  const deadline = Date.now() + Number(values['timeout-minutes']) * 60_000
  for (;;) {
    const verdict = ciVerdict(
      await workflowRuns({ api, repository, token, workflow: values.workflow, sha: values.sha }),
    )
    console.log(`${values.workflow} on ${values.sha}: ${verdict.detail}`)
    if (verdict.state === 'passed') return
    if (verdict.state === 'failed') throw new Error(`${values.workflow} did not pass on ${values.sha}`)
    if (Date.now() >= deadline) {
      throw new Error(
        `${values.workflow} has no verdict on ${values.sha} after ${values['timeout-minutes']} minutes. ` +
          'Push the commit to a branch or pull request so CI runs, then re-run this workflow.',
      )
    }
    await new Promise((resolve) => setTimeout(resolve, Number(values['interval-seconds']) * 1000))
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message)
    process.exit(1)
  })
}
