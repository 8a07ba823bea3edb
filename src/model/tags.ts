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

/**
 * REST API tags of a preview API (`preview-isolation: api`): the source API it previews (also this action's marker:
 * only APIs carrying it are ever deleted), the repository and pull request that own it, and when it was last
 * deployed (pruning compares that with prune-previews-older-than).
 */
export const PREVIEW_OF_TAG = 'apigw-stage-action:preview-of'
export const PREVIEW_REPOSITORY_TAG = 'apigw-stage-action:repository'
export const PREVIEW_PULL_REQUEST_TAG = 'apigw-stage-action:pull-request'
export const PREVIEW_DEPLOYED_AT_TAG = 'apigw-stage-action:deployed-at'
