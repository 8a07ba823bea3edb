// After the calls: read the stage back and compare it with what the plan promised. Raises facts, not prose: the
// steps layer (steps/explain-failure.ts) turns them into the message users read.
import { errorMessage } from '../lib/errors.js'
import type { StageState } from '../model/state.js'
import { resolveNewDeployment as substitute } from '../plan/placeholder.js'
import type { ExpectedStage, Plan } from '../plan/types.js'
import type { RestApiTarget } from './client.js'
import { readStage } from './stages.js'

/** Every call succeeded, but reading the stage back to confirm failed (`cause`). */
export class ReadBackError extends Error {
  override readonly name = 'ReadBackError'
  constructor(
    readonly createdDeploymentId: string | undefined,
    options: { cause: unknown },
  ) {
    super(errorMessage(options.cause), options)
  }
}

/** The stage read back disagrees with the plan's expectation. */
export class VerificationError extends Error {
  override readonly name = 'VerificationError'
  constructor(readonly problems: readonly string[]) {
    super(`The stage read back differs from the plan: ${problems.join('; ')}`)
  }
}

/** Differences between the stage read back and what the plan promised; empty when they agree. */
function verifyStage(after: StageState | undefined, expected: ExpectedStage, newDeploymentId?: string): string[] {
  const problems: string[] = []
  if (expected.deleted) {
    if (after) problems.push(`stage '${after.stageName}' still exists`)
    return problems
  }
  if (!after) return ['the stage does not exist after the change']
  const wantDeployment = substitute(expected.deploymentId, newDeploymentId)
  if (wantDeployment && after.deploymentId !== wantDeployment) {
    problems.push(`deploymentId is ${after.deploymentId}, expected ${wantDeployment}`)
  }
  for (const [name, value] of Object.entries(expected.variables)) {
    // Values are never printed: they may be secrets.
    if (after.variables[name] !== value) problems.push(`stage variable '${name}' does not have the value set`)
  }
  for (const name of expected.absentVariables) {
    if (name in after.variables) problems.push(`stage variable '${name}' is still present`)
  }
  if (expected.canary === 'absent' && after.canary) problems.push('a canary is still attached to the stage')
  if (typeof expected.canary === 'object') {
    if (!after.canary) problems.push('the canary is missing')
    else {
      const wantCanary = substitute(expected.canary.deploymentId, newDeploymentId)
      if (wantCanary && after.canary.deploymentId !== wantCanary) {
        problems.push(`canary deploymentId is ${after.canary.deploymentId}, expected ${wantCanary}`)
      }
      if (
        expected.canary.percentTraffic !== undefined &&
        after.canary.percentTraffic !== expected.canary.percentTraffic
      ) {
        problems.push(
          `canary percentTraffic is ${after.canary.percentTraffic}, expected ${expected.canary.percentTraffic}`,
        )
      }
    }
  }
  return problems
}

/** The stage as it is after the plan ran (undefined once deleted); throws when it is not what the plan promised. */
export async function readBack(
  api: RestApiTarget,
  plan: Plan,
  createdDeploymentId: string | undefined,
): Promise<StageState | undefined> {
  const after = await readStage(api, plan.stageName).catch((cause: unknown) => {
    throw new ReadBackError(createdDeploymentId, { cause })
  })
  const problems = verifyStage(after, plan.expected, createdDeploymentId)
  if (problems.length) throw new VerificationError(problems)
  return after
}
