// The one place that sets step outputs and writes the job summary.
import * as core from './actions-core.js'

/** Every output of action.yml. Values are strings on the runner; absent ones are set to ''. */
export const OUTPUT_NAMES = [
  'base-url',
  'custom-url',
  'stage',
  'rest-api-id',
  'deployment-id',
  'previous-deployment-id',
  'canary-deployment-id',
  'canary-percent',
  'operation',
  'changed',
  'breaking-changes',
  'breaking-change-count',
  'drift',
  'diff-markdown',
  'diff-json',
  'comment-url',
  'export-file',
  'sdk-file',
  'console-url',
  'smoke-test',
  'definition-sha256',
  'rollout-result',
  'rollout-step',
] as const
type OutputName = (typeof OUTPUT_NAMES)[number]
export type Outputs = Partial<Record<OutputName, string | number | boolean>>

/** Sets the given outputs; call early with defaults and again as results arrive. */
export function setOutputs(values: Outputs): void {
  for (const [name, value] of Object.entries(values)) {
    core.setOutput(name, value === undefined ? '' : String(value))
  }
}

export async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set; job summary skipped')
    return
  }
  await core.appendSummary(markdown)
}
