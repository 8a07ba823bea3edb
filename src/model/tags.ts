// Stage tags where the action records what it did, so later runs need no state on the runner.

/**
 * Stage tag where the action records the deployment the stage ran before the last change it made,
 * so `rollback` works across workflow runs without any state on the runner.
 */
export const PREVIOUS_DEPLOYMENT_TAG = 'apigw-stage-action:previous-deployment'

/** Stage tag naming the canary deployment `promote-canary` made production: a re-run can see it is done. */
export const PROMOTED_CANARY_TAG = 'apigw-stage-action:promoted-canary'

/**
 * Stage tags recording which definition file the production (or canary) deployment was made from, and which
 * deployment that was: a later run with the same file and options finds nothing to import or deploy.
 */
export const DEFINITION_TAG = 'apigw-stage-action:definition'
export const CANARY_DEFINITION_TAG = 'apigw-stage-action:canary-definition'
