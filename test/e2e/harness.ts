// Shared setup for runner-contract tests: an emulator per test file and an SDK client for side changes.
import { existsSync } from 'node:fs'
import { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import type { startEmulator } from '../emulator/index.js'
import { DIST_ENTRY, type RunActionOptions, runAction } from './run-action.js'

export type Emulator = Awaited<ReturnType<typeof startEmulator>>

export function assertDistBuilt(): void {
  if (!existsSync(DIST_ENTRY)) throw new Error('dist/index.js is missing: run `npm run package` first')
}

export function sdkClient(emu: Emulator): APIGatewayClient {
  return new APIGatewayClient({
    endpoint: emu.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  })
}

/** Runs the bundle against this emulator. */
export function runAgainst(emu: Emulator, inputs: Record<string, string>, extra: Partial<RunActionOptions> = {}) {
  return runAction({ endpoint: emu.url, inputs, ...extra })
}

/** Operation names of the calls the emulator received since the last clearCalls(). */
export function operations(emu: Emulator): string[] {
  return emu.calls.map((c) => c.operation)
}

export function writeOperations(emu: Emulator): string[] {
  return emu.writes().map((c) => c.operation)
}
