// Every report scenario the preview renders and the HTML tests check: one ReportInput each, from the fixtures.
import { diffApiDefinitions } from '../../../src/diff/api-diff.js'
import { diffStages } from '../../../src/diff/stage-diff.js'
import type { ReportInput } from '../../../src/report/types.js'
import { largeApi, largeApiEverythingChanged } from '../../fixtures/openapi/large-api.js'
import { petsOas30, petsOas30Breaking, petsOas30RouteChanges } from '../../fixtures/openapi/pets-api.js'
import { previousDiff, redeployedStageDiff, reportInput, stageState } from '../../fixtures/report-fixtures.js'

const canary = { deploymentId: 'dep333', percentTraffic: 10, stageVariableOverrides: {}, useStageCache: false }

export const SCENARIOS: Record<string, () => ReportInput> = {
  'first-deploy': () => {
    const input = reportInput({
      deploymentId: 'dep111',
      customUrl: 'https://api.example.com/pr-42',
      stageDiff: diffStages(undefined, stageState()),
      apiDiff: previousDiff(diffApiDefinitions(undefined, petsOas30()), 'none'),
    })
    delete input.previousDeploymentId
    return input
  },
  'redeploy-breaking': () =>
    reportInput({
      stageDiff: redeployedStageDiff(),
      apiDiff: previousDiff(diffApiDefinitions(petsOas30(), petsOas30Breaking())),
    }),
  canary: () =>
    reportInput({
      status: 'canary',
      stageName: 'prod',
      deploymentId: 'dep222',
      previousDeploymentId: 'dep222',
      canary,
      stageDiff: diffStages(stageState({ deploymentId: 'dep222' }), stageState({ deploymentId: 'dep222', canary })),
      apiDiff: {
        kind: 'diff',
        baseline: { kind: 'production', deploymentId: 'dep222' },
        diff: diffApiDefinitions(petsOas30(), petsOas30RouteChanges()),
        compared: 'routes',
      },
    }),
  promote: () =>
    reportInput({
      operation: 'promote',
      status: 'promoted',
      stageName: 'prod',
      promotedFrom: 'staging',
      stageDiff: redeployedStageDiff(),
      apiDiff: previousDiff(diffApiDefinitions(petsOas30(), petsOas30RouteChanges())),
    }),
  delete: () => {
    const input = reportInput({
      operation: 'delete',
      status: 'deleted',
      removedMappings: ['api.example.com/pr-42'],
      stageDiff: diffStages(stageState(), undefined),
      apiDiff: { kind: 'unavailable', reason: 'The stage is deleted by this run.' },
    })
    delete input.deploymentId
    return input
  },
  refusal: () =>
    reportInput({
      status: 'failed',
      failure: 'refused',
      deploymentId: 'dep111',
      previousDeploymentId: 'dep111',
      error: "Stage 'pr-42' has an active canary; a plain deploy would leave it in place. Use promote-canary first.",
      apiDiff: { kind: 'unavailable', reason: 'The run was refused before any change.' },
    }),
  'apply-failure': () =>
    reportInput({
      status: 'failed',
      failure: 'apply',
      deploymentId: 'dep111',
      previousDeploymentId: 'dep111',
      error: "CreateDeployment on API a1b2c3d4e5 stage 'pr-42' failed: Service Unavailable.\nNothing was changed.",
      apiDiff: { kind: 'unavailable', reason: 'The change failed; see the error.' },
    }),
  'smoke-failure': () =>
    reportInput({
      status: 'failed',
      failure: 'smoke-test',
      stageDiff: redeployedStageDiff(),
      apiDiff: previousDiff(diffApiDefinitions(petsOas30(), petsOas30RouteChanges())),
      smokeTest: {
        url: 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/pr-42/health',
        ok: false,
        status: 502,
        message: 'answered HTTP 502 (attempt 3 of 3)',
      },
      error:
        'Smoke test failed: GET https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/pr-42/health answered HTTP 502.',
    }),
  'dry-run': () =>
    reportInput({
      status: 'planned',
      dryRun: true,
      deploymentId: 'dep111',
      previousDeploymentId: 'dep111',
      planNotes: ['CreateDeployment on stage pr-42 with 1 variable change.'],
      stageDiff: diffStages(stageState(), stageState({ variables: { backendAlias: 'live', logLevel: 'debug' } })),
      apiDiff: previousDiff(diffApiDefinitions(petsOas30(), petsOas30Breaking())),
    }),
  'large-api': () =>
    reportInput({
      stageDiff: redeployedStageDiff(),
      apiDiff: previousDiff(diffApiDefinitions(largeApi(), largeApiEverythingChanged())),
    }),
  drift: () =>
    reportInput({
      drift: [
        'stage variable backendAlias changed',
        'stage settings (method settings, logging, throttling, caching, tracing or access logs)',
      ],
      stageDiff: redeployedStageDiff(),
      apiDiff: previousDiff(diffApiDefinitions(petsOas30(), petsOas30())),
    }),
}
