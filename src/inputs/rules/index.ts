// Every cross-field rule, in the order their problems are reported (smoke-test.ts has one more, checked
// while reading: see read.ts).
import type { InputProblem } from '../../lib/errors.js'
import {
  CANARY_OPERATIONS,
  DEFINITION_DEPLOY,
  DEPLOY_ONLY,
  NOT_DELETE,
  PROMOTE_ONLY,
  ROLLBACK_ONLY,
} from '../acceptance.js'
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
  refuseOutside(CANARY_OPERATIONS),
  canaryPromotion,
  canaryDetailsNeedPercent,
  updateCanaryNeedsAChange,
  refuseOutside(PROMOTE_ONLY),
  promoteNeedsSource,
  refuseOutside(ROLLBACK_ONLY),
  refuseOutside(DEPLOY_ONLY),
  refuseOutside(DEFINITION_DEPLOY),
  definitionOptionsNeedDefinition,
  rollbackOnFailureNeedsCanary,
  refuseOutside(NOT_DELETE),
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
