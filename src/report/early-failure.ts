// The report of a run that stopped before it knew the stage: invalid input (nothing read), or a failed read. Short:
// the verdict, what was asked, why it stopped, and that nothing was changed.

import { code, escapeLines, safeUrl } from './safe-text.js'

export interface EarlyFailure {
  /** `input`: the inputs or the definition file were invalid; `read`: reading the current state failed. */
  kind: 'input' | 'read'
  message: string
  stage?: string
  operation?: string
  /** The REST API as the inputs name it (id or name). */
  api?: string
  runUrl?: string
}

export function renderEarlyFailure(f: EarlyFailure): string {
  const what = f.kind === 'input' ? 'Invalid input: nothing was run' : 'Failed while reading: nothing was changed'
  const target = f.stage === undefined ? '' : ` · stage ${code(f.stage)}`
  const lines = [`### ❌ ${what}${target}`, '', '> [!CAUTION]', ...escapeLines(f.message, 4000).map((l) => `> ${l}`)]
  const facts: string[] = []
  if (f.api !== undefined) facts.push(`API ${code(f.api)}`)
  if (f.operation !== undefined) facts.push(`operation ${code(f.operation)}`)
  if (facts.length > 0) lines.push('', `- ${facts.join(' · ')}`)
  lines.push(
    '',
    f.kind === 'input'
      ? 'No AWS or GitHub call was made. Fix the input named above and re-run.'
      : 'No AWS write was made: the stage is as it was.',
  )
  const run = safeUrl(f.runUrl)
  if (run !== undefined) lines.push('', `---\n<sub>[Workflow run](${run})</sub>`)
  return `${lines.join('\n')}\n`
}
