// Fault matrix, transient faults: every AWS call of every operation fails once with each fault kind (429 with
// Retry-After, 409, 503, a dropped connection). The SDK retries throttling, 5xx, dropped connections and conflicting
// reads; the apply step retries conflicting writes. So every run must succeed, with exactly one extra call (the
// retry), and leave the stage exactly as a fault-free run would.
import { describe, expect, it } from 'vitest'
import type { FaultKind } from '../emulator/index.js'
import { sdkClient, withEmulator } from '../support/emulator.js'
import { runAgainst } from '../support/harness.js'
import { occurrences, readStageView, SCENARIOS } from './scenarios.js'

const KINDS: readonly FaultKind[] = ['throttle', 'conflict', 'unavailable', 'drop']
/** The status the emulator logs for each fault (a dropped connection has none). */
const FAULT_STATUS: Record<FaultKind, number> = { throttle: 429, conflict: 409, unavailable: 503, drop: 0 }

describe.each(SCENARIOS)('$name', (scenario) => {
  it.concurrent('a fault-free run makes exactly the calls the matrix covers', async () => {
    await withEmulator(async (emu) => {
      const prepared = await scenario.setup(emu)
      const run = await runAgainst(emu, prepared.inputs)
      expect(run.errors).toEqual([])
      expect(emu.calls.map((c) => c.operation).sort()).toEqual([...scenario.calls].sort())
      expect(scenario.check(await readStageView(sdkClient(emu), prepared.restApiId, prepared.stage), prepared)).toEqual(
        [],
      )
    })
  })

  for (const [operation, occurrence] of occurrences(scenario.calls)) {
    it.concurrent.each(KINDS)(`${operation} #${occurrence + 1} fails once (%s): retried, then done`, async (kind) => {
      await withEmulator(async (emu) => {
        const prepared = await scenario.setup(emu)
        emu.faults.inject({ operation, kind, times: 1, after: occurrence, retryAfterSeconds: 1 })
        const run = await runAgainst(emu, prepared.inputs)

        expect(emu.faults.pending(), 'the fault fired').toEqual([])
        expect(run.errors).toEqual([])
        expect(run.code).toBe(0)
        // The faulted call, then its one retry; nothing else differs from a fault-free run.
        expect(emu.calls.map((c) => c.operation).sort()).toEqual([...scenario.calls, operation].sort())
        const ofOperation = emu.calls.filter((c) => c.operation === operation)
        const faulted = ofOperation[occurrence]
        expect(faulted?.status).toBe(FAULT_STATUS[kind])
        expect(ofOperation[occurrence + 1]?.status).not.toBe(FAULT_STATUS[kind])
        // The only write that did not succeed is the faulted one.
        expect(emu.writes().filter((c) => c.status === 0 || c.status >= 400)).toEqual(faulted?.write ? [faulted] : [])

        emu.faults.clear()
        const after = await readStageView(sdkClient(emu), prepared.restApiId, prepared.stage)
        expect(scenario.check(after, prepared)).toEqual([])
        expect(run.summary).not.toMatch(/: failed\b/)
      })
    })
  }
})
