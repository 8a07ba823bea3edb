// Rules about what each operation needs besides the inputs it accepts: canary deploys and promotions,
// promote's source, rollback-on-failure's canary, and the stages `delete` may remove.
import { quoteList } from '../../lib/text.js'
import { stagePatternMatcher } from '../../model/stage-pattern.js'
import { CANARY_OPERATIONS } from '../acceptance.js'
import { inputsAcceptedBy } from '../table.js'
import { problem, type Rule, type RuleContext, refuseGiven } from './rule.js'

const CANARY_INPUTS = inputsAcceptedBy(CANARY_OPERATIONS)
/** The canary inputs that only describe a canary; `canary-percent` makes one. */
const CANARY_DETAIL_INPUTS = CANARY_INPUTS.filter((name) => name !== 'canary-percent')

/** Whether this run creates a canary: a new deployment, or another stage's deployment (promote + promote-from). */
function createsCanary({ operation, given }: RuleContext): boolean {
  return (operation === 'deploy' || operation === 'promote') && given('canary-percent')
}

/** A canary promotion runs promote-from's deployment as the canary and leaves production's variables alone. */
export const canaryPromotion: Rule = (context) => {
  if (context.operation !== 'promote' || !context.given('canary-percent')) return []
  const needsSource = context.given('promote-from')
    ? []
    : [
        problem(
          'canary-percent',
          "Input 'canary-percent' with operation 'promote' needs 'promote-from': the canary runs that stage's deployment.",
        ),
      ]
  return [
    ...needsSource,
    ...refuseGiven(
      context,
      ['variables', 'remove-variables'],
      (name) =>
        `Input '${name}' cannot be used with a canary promotion: production's variables stay as they are; use 'canary-variables' for the canary.`,
    ),
  ]
}

/** With deploy or promote, the canary's details need `canary-percent`, which makes the new version a canary. */
export const canaryDetailsNeedPercent: Rule = (context) => {
  const { operation } = context
  if ((operation !== 'deploy' && operation !== 'promote') || context.given('canary-percent')) return []
  return refuseGiven(
    context,
    CANARY_DETAIL_INPUTS,
    (name) =>
      `Input '${name}' needs 'canary-percent' with operation '${operation}' (that makes the new version a canary); to change a live canary without deploying use operation 'update-canary'.`,
  )
}

export const updateCanaryNeedsAChange: Rule = ({ operation, given }) => {
  if (operation !== 'update-canary' || CANARY_INPUTS.some(given)) return []
  return [
    problem(
      'operation',
      `Input 'operation' is 'update-canary' but nothing to change was given: set at least one of ${quoteList(CANARY_INPUTS)}.`,
    ),
  ]
}

export const promoteNeedsSource: Rule = ({ operation, given }) => {
  if (operation !== 'promote' || given('promote-from') || given('variables') || given('remove-variables')) return []
  return [
    problem(
      'promote-from',
      "Input 'promote-from' is required by operation 'promote' (the stage whose deployment to promote), unless the promotion only switches stage variables through 'variables' or 'remove-variables'.",
    ),
  ]
}

export const rollbackOnFailureNeedsCanary: Rule = (context) => {
  const { operation, values } = context
  if (operation === undefined || !values['rollback-on-failure'] || createsCanary(context)) return []
  return [
    problem(
      'rollback-on-failure',
      `Input 'rollback-on-failure' is 'true', but it rolls back only a canary this run creates: it needs operation 'deploy' or 'promote' with 'canary-percent' (operation is '${operation}').`,
    ),
  ]
}

/** `delete` removes only stages that match the whole delete-stage-pattern. */
export const deleteMatchesPattern: Rule = ({ operation, values, invalid }) => {
  const { stage, 'delete-stage-pattern': pattern } = values
  if (operation !== 'delete' || stage === undefined || invalid('delete-stage-pattern')) return []
  if (stagePatternMatcher(pattern).test(stage)) return []
  return [
    problem(
      'stage',
      `Input 'stage' is '${stage}', which operation 'delete' refuses: it does not match delete-stage-pattern '${pattern}'. To delete this stage on purpose, widen the pattern, e.g. delete-stage-pattern: '^${stage}$'.`,
    ),
  ]
}
