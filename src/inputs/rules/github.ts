// Rules for the GitHub side of a run: the pull request comment and the token it needs.
import { problem, type Rule } from './rule.js'

export const prNumberNeedsComment: Rule = ({ values }) =>
  values.comment === 'false' && values['pr-number'] !== undefined
    ? [
        problem(
          'pr-number',
          "Input 'pr-number' is set but 'comment' is 'false': the pull request number is used only for the comment.",
        ),
      ]
    : []

export const githubTokenWhenNeeded: Rule = ({ values }) => {
  const { comment, environment } = values
  if (values['github-token'] !== undefined || (comment === 'false' && environment === undefined)) return []
  const needs = environment !== undefined ? "'environment' (a GitHub deployment)" : `'comment' ('${comment}')`
  // Each way out must actually work: with `environment`, comment: false alone still needs the token.
  const without = [
    ...(environment !== undefined ? ["remove 'environment'"] : []),
    ...(comment !== 'false' ? ['set comment: false'] : []),
  ].join(' and ')
  return [
    problem(
      'github-token',
      `Input 'github-token' is empty but ${needs} needs it: pass a token (default \${{ github.token }}) or ${without}.`,
    ),
  ]
}
