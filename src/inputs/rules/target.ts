// Rules about which API and which stages a run names: exactly one API, and other stages than the target.
import { problem, type Rule } from './rule.js'

export const exactlyOneRestApi: Rule = ({ given }) => {
  if (given('rest-api-id') && given('rest-api-name')) {
    return [problem('rest-api-id', "Inputs 'rest-api-id' and 'rest-api-name' are both set; set exactly one of them.")]
  }
  if (!given('rest-api-id') && !given('rest-api-name')) {
    return [problem('rest-api-id', "Input 'rest-api-id' or 'rest-api-name' is required: set exactly one of them.")]
  }
  return []
}

export const promoteFromAnotherStage: Rule = ({ values }) => {
  const { 'promote-from': source, stage } = values
  if (source === undefined || source !== stage) return []
  return [
    problem('promote-from', `Input 'promote-from' is '${source}', the same as 'stage': promote from another stage.`),
  ]
}

export const diffAgainstAnotherStage: Rule = ({ values }) => {
  const { 'diff-against': against, stage } = values
  if (against === 'previous' || against !== stage) return []
  return [
    problem(
      'diff-against',
      `Input 'diff-against' is '${against}', the target stage itself: use 'previous' to compare with the stage before this run.`,
    ),
  ]
}
