// Rules for isolated previews (`preview-isolation: api`): which operations and inputs go with a preview API.
import { problem, type Rule } from './rule.js'

/** What a preview API run cannot do, and why. */
const UNSUPPORTED = {
  'canary-percent': 'a preview API serves only its pull request; deploy it whole',
  'domain-name': 'a custom domain mapping would point at an API that the pull request closing deletes',
  'usage-plan-ids': 'usage plans would name an API that the pull request closing deletes',
} as const

/** `preview-api-name` and a non-default `endpoint-type` mean nothing with stage previews. */
export const previewOptionsNeedApi: Rule = ({ values, given }) => {
  if (values['preview-isolation'] === 'api') return []
  return [
    ...(given('preview-api-name')
      ? [problem('preview-api-name', "Input 'preview-api-name' needs 'preview-isolation: api'.")]
      : []),
    ...(given('endpoint-type') && values['endpoint-type'] !== 'REGIONAL'
      ? [problem('endpoint-type', "Input 'endpoint-type' needs 'preview-isolation: api' (it is the preview API's).")]
      : []),
  ]
}

/** A preview API is created from the file on deploy and deleted on delete; nothing else applies to it. */
export const previewApiOperations: Rule = ({ values, given, operation }) => {
  if (values['preview-isolation'] !== 'api' || operation === undefined) return []
  if (operation !== 'deploy' && operation !== 'delete') {
    return [
      problem(
        'preview-isolation',
        `Input 'preview-isolation' is 'api', which works with operation 'deploy' (open and push) and 'delete' (close), not '${operation}'.`,
      ),
    ]
  }
  const problems = Object.entries(UNSUPPORTED)
    .filter(([name]) => given(name as keyof typeof UNSUPPORTED))
    .map(([name, why]) =>
      problem(
        name as keyof typeof UNSUPPORTED,
        `Input '${name}' cannot be used with 'preview-isolation: api': ${why}.`,
      ),
    )
  if (operation === 'deploy' && !given('definition')) {
    problems.unshift(
      problem(
        'definition',
        "Input 'preview-isolation' is 'api': 'definition' is required (the preview API is imported from it).",
      ),
    )
  }
  return problems
}
