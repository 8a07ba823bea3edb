// Every cross-field rule, in the order their problems are reported (smoke-test.ts has one more, checked
// while reading: see read.ts).
import type { InputProblem } from '../../lib/errors.js'
import * as accepted from '../acceptance.js'
import { exportAndSdkFilesDiffer, exportComplete, sdkComplete } from './artifacts.js'
import { definitionOptionsNeedDefinition } from './definition.js'
import { githubTokenWhenNeeded, prNumberNeedsComment } from './github.js'
import {
  canaryDetailsNeedPercent,
  canaryPromotion,
  deleteMatchesPattern,
  promoteNeedsSource,
  rollbackOnFailureNeedsCanary,
  updateCanaryNeedsAChange,
} from './operation.js'
import { previewApiOperations, previewOptionsNeedApi } from './preview.js'
import { rolloutHasOneSource, rolloutNeedsSteps } from './rollout.js'
import { type Rule, type RuleContext, refuseOutside } from './rule.js'
import {
  basePathNeedsDomain,
  cachingNeedsCluster,
  canaryOverrideSetOrRemoved,
  repointNeedsDomain,
  variableSetOrRemoved,
} from './settings.js'
import { rollbackOnFailureNeedsSmokeTest } from './smoke-test.js'
import { diffAgainstAnotherStage, exactlyOneRestApi, promoteFromAnotherStage } from './target.js'

const RULES: readonly Rule[] = [
  exactlyOneRestApi,
  refuseOutside(accepted.CANARY_OPERATIONS),
  canaryPromotion,
  canaryDetailsNeedPercent,
  updateCanaryNeedsAChange,
  refuseOutside(accepted.PROMOTE_ONLY),
  promoteNeedsSource,
  refuseOutside(accepted.ROLLBACK_ONLY),
  refuseOutside(accepted.ROLLOUT_ONLY),
  rolloutNeedsSteps,
  rolloutHasOneSource,
  refuseOutside(accepted.DEPLOY_ONLY),
  refuseOutside(accepted.DEFINITION_DEPLOY),
  definitionOptionsNeedDefinition,
  previewOptionsNeedApi,
  previewApiOperations,
  rollbackOnFailureNeedsCanary,
  refuseOutside(accepted.NOT_DELETE),
  refuseOutside(accepted.SETS_VARIABLES),
  deleteMatchesPattern,
  rollbackOnFailureNeedsSmokeTest,
  promoteFromAnotherStage,
  diffAgainstAnotherStage,
  variableSetOrRemoved,
  canaryOverrideSetOrRemoved,
  cachingNeedsCluster,
  repointNeedsDomain,
  basePathNeedsDomain,
  exportComplete,
  sdkComplete,
  exportAndSdkFilesDiffer,
  prNumberNeedsComment,
  githubTokenWhenNeeded,
]

/** The problems of every rule, in order. */
export function checkRules(context: RuleContext): InputProblem[] {
  return RULES.flatMap((rule) => rule(context))
}
