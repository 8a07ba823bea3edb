// A plan: the ordered AWS calls with their exact parameters, and the stage they must produce.

import type { BasePathMode, DefinitionMode } from '../definition/options.js'
import type { Operation } from '../inputs/types.js'

export interface PatchOp {
  op: 'add' | 'remove' | 'replace' | 'copy'
  path: string
  value?: string
  from?: string
}

/** Placeholder in a planned call for the id of the deployment created earlier in the same plan. */
export const NEW_DEPLOYMENT_ID = '<new-deployment-id>'

/** Placeholder for the id of the REST API an ImportRestApi earlier in the same plan created (a preview API). */
export const NEW_REST_API_ID = '<new-rest-api-id>'

interface DeploymentCanaryParams {
  percentTraffic: number
  stageVariableOverrides?: Record<string, string>
  useStageCache?: boolean
}

export type PlannedCall =
  | {
      action: 'CreateDeployment'
      restApiId: string
      stageName?: string
      description?: string
      variables?: Record<string, string>
      canarySettings?: DeploymentCanaryParams
    }
  | { action: 'UpdateStage'; restApiId: string; stageName: string; patchOperations: PatchOp[] }
  | {
      action: 'CreateStage'
      restApiId: string
      stageName: string
      deploymentId: string
      description?: string
      variables?: Record<string, string>
      tags?: Record<string, string>
    }
  | { action: 'DeleteStage'; restApiId: string; stageName: string }
  | { action: 'DeleteBasePathMapping'; domainName: string; basePath: string }
  | {
      action: 'TagResource'
      resourceArn: string
      tags: Record<string, string>
      /** Only records what the run did (the drift fingerprint): a failure warns, the change it records stands. */
      bestEffort?: true
    }
  /** restApiId and stageName name the mapping's target (also used in error messages). */
  | { action: 'CreateBasePathMapping'; domainName: string; basePath: string; restApiId: string; stageName: string }
  | {
      action: 'UpdateBasePathMapping'
      domainName: string
      basePath: string
      restApiId: string
      stageName: string
      patchOperations: PatchOp[]
    }
  /** restApiId and stageName name the API stage being associated (also used in error messages). */
  | { action: 'UpdateUsagePlan'; usagePlanId: string; restApiId: string; stageName: string; patchOperations: PatchOp[] }
  /** Imports the repository's definition into the API's working copy (what the next CreateDeployment snapshots). */
  | {
      action: 'PutRestApi'
      restApiId: string
      mode: DefinitionMode
      failOnWarnings: boolean
      basePath: BasePathMode
      /** The file after substitution; never logged. */
      body: string
      sha256: string
      /** The stage the import is for (messages). */
      stageName: string
    }
  /** Creates a REST API from the repository's definition (a preview API); later calls name it NEW_REST_API_ID. */
  | {
      action: 'ImportRestApi'
      /** Always NEW_REST_API_ID: the id AWS gives the API. */
      restApiId: string
      endpointType: string
      failOnWarnings: boolean
      basePath: BasePathMode
      /** The file after substitution; never logged. */
      body: string
      sha256: string
      stageName: string
    }
  /** Sets the API's name (an import names it after the file's info.title). */
  | { action: 'UpdateRestApi'; restApiId: string; name: string }
  /** Deletes a whole REST API (a preview API; AWS refuses while base path mappings point at it). */
  | { action: 'DeleteRestApi'; restApiId: string; name: string }
  /**
   * A read between the deployment and the switch: the new deployment must serve exactly the file's routes, or
   * another run imported its own definition in between (the working copy is shared by every pipeline of the API).
   */
  | {
      action: 'VerifyDeployment'
      restApiId: string
      stageName: string
      deploymentId: string
      routes: readonly string[]
      /** `overwrite`: the routes must be exactly these; `merge`: at least these. */
      exact: boolean
    }

/** What the stage must look like after the plan ran; the executor reads it back and compares. */
export interface ExpectedStage {
  /** Deployment id production must point at (may be NEW_DEPLOYMENT_ID), or undefined if unchanged/unknown. */
  deploymentId?: string
  /** Variables that must have these values. */
  variables: Record<string, string>
  /** Variables that must be absent. */
  absentVariables: string[]
  /** `absent` when the canary must be gone; an object when it must be present. */
  canary?: 'absent' | { deploymentId?: string; percentTraffic?: number }
  /** The stage must not exist afterwards (delete). */
  deleted?: boolean
}

export interface Plan {
  operation: Operation
  restApiId: string
  stageName: string
  /** AWS calls in order, exact parameters. Empty when nothing needs to change. */
  calls: PlannedCall[]
  expected: ExpectedStage
  /** Human-readable lines saying what the plan does and why. */
  notes: string[]
}

// ---- Result ----
