// The emulator as the scenario tests use it: its type, one per case, an SDK client for changes made beside the
// action, and the operation names it logged.
import { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import { startEmulator } from '../emulator/index.js'

export type Emulator = Awaited<ReturnType<typeof startEmulator>>

/** Starts an emulator for one case and always stops it. */
export async function withEmulator<T>(body: (emu: Emulator) => Promise<T>): Promise<T> {
  const emu = await startEmulator()
  try {
    return await body(emu)
  } finally {
    await emu.stop()
  }
}

export function sdkClient(emu: Emulator): APIGatewayClient {
  return new APIGatewayClient({
    endpoint: emu.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  })
}

/** Operation names of the calls the emulator received since the last clearCalls(). */
export function operations(emu: Emulator): string[] {
  return emu.calls.map((c) => c.operation)
}

export function writeOperations(emu: Emulator): string[] {
  return emu.writes().map((c) => c.operation)
}
