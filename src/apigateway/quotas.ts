// AWS's fixed per-account rates for some API Gateway control-plane calls [apigateway quotas]. Every run in the account
// shares them, so the executor spaces its own calls and waits out other runs' use (write-policy.ts), and the SDK
// leaves their throttling to it (client.ts).
import type { PlannedCall } from '../plan/types.js'

interface Quota {
  /** At most one accepted call per this many milliseconds, per account. */
  intervalMs: number
  /** How the failure message states it. */
  text: string
  /** The SDK command that makes the call. */
  command: string
}

const QUOTAS: Partial<Record<PlannedCall['action'], Quota>> = {
  CreateDeployment: {
    intervalMs: 5_000,
    text: '1 CreateDeployment per 5 seconds',
    command: 'CreateDeploymentCommand',
  },
  UpdateUsagePlan: {
    intervalMs: 20_000,
    text: '1 UpdateUsagePlan per 20 seconds',
    command: 'UpdateUsagePlanCommand',
  },
  PutRestApi: { intervalMs: 1_000, text: '1 PutRestApi per second', command: 'PutRestApiCommand' },
  // Regional and private; an edge API's creation is 1 per 30 s (a run creates at most one API).
  ImportRestApi: {
    intervalMs: 3_000,
    text: '1 ImportRestApi per 3 seconds (regional; 30 seconds for edge-optimised APIs)',
    command: 'ImportRestApiCommand',
  },
  DeleteRestApi: { intervalMs: 30_000, text: '1 DeleteRestApi per 30 seconds', command: 'DeleteRestApiCommand' },
}

/** The quota a call is bound by, if any (calls without one share only the account's 10 requests per second). */
export function quotaOf(action: PlannedCall['action']): Quota | undefined {
  return QUOTAS[action]
}

const QUOTA_COMMANDS = new Set(Object.values(QUOTAS).map((quota) => quota.command))

/** Whether the SDK command (e.g. `CreateDeploymentCommand`) makes a quota-bound call. */
export function isQuotaBoundCommand(commandName: unknown): boolean {
  return typeof commandName === 'string' && QUOTA_COMMANDS.has(commandName)
}
