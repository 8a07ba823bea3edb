// action.yml as the tests read it: its declared inputs and outputs, and the defaults the runner passes.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

interface ActionYmlInput {
  description?: string
  required?: boolean
  default?: unknown
}

export interface ActionYml {
  name: string
  description: string
  author?: string
  branding?: { icon?: string; color?: string }
  inputs: Record<string, ActionYmlInput>
  outputs: Record<string, { description?: string }>
  runs: { using: string; main: string }
}

/** action.yml's github-token default, a workflow expression the runner evaluates. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a JS template
export const TOKEN_EXPRESSION = '${{ github.token }}'

/** What the runner evaluates `${{ github.token }}` to in the scenario runs. */
export const FAKE_TOKEN = 'ghs_faketoken000000000000000000000000'

export function readActionYml(): ActionYml {
  return parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as ActionYml
}

/** Every input's default as the runner passes it ('' when none), with the token expression evaluated to `token`. */
export function actionDefaults(token = FAKE_TOKEN): Record<string, string> {
  return Object.fromEntries(
    Object.entries(readActionYml().inputs).map(([name, spec]) => [
      name,
      typeof spec.default === 'string' ? spec.default.replace(TOKEN_EXPRESSION, token) : '',
    ]),
  )
}
