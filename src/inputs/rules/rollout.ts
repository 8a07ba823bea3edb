// Rules of the `rollout` operation: its steps, where its canary comes from, and the modes that only judge.
import { problem, type Rule } from './rule.js'

export const rolloutNeedsSteps: Rule = ({ operation, given }) => {
  if (operation !== 'rollout' || given('canary-steps')) return []
  return [
    problem(
      'canary-steps',
      "Input 'canary-steps' is required by operation 'rollout': the canary's traffic percentages, e.g. 10,50,100.",
    ),
  ]
}

/** The canary is either a new deployment (with or without `definition`) or promote-from's deployment, not both. */
export const rolloutHasOneSource: Rule = ({ operation, given }) => {
  if (operation !== 'rollout' || !given('promote-from') || !given('definition')) return []
  return [
    problem(
      'definition',
      "Input 'definition' cannot be used with 'promote-from' in a rollout: the canary is either a new deployment of the file or the deployment 'promote-from' runs.",
    ),
  ]
}
