// runInProcess keeps overlapping runs apart and leaves the test process as it found it.
import { expect, it } from 'vitest'
import { withEmulator } from './emulator.js'
import { runInProcess } from './run-in-process.js'

it('overlapping runs each get their own outputs, log, summary and exit code', async () => {
  const envBefore = { ...process.env }
  const [failed, deployed] = await withEmulator((emu) => {
    const { restApiId } = emu.seedSampleApi({ name: 'isolation-api' })
    return Promise.all([
      runInProcess({ endpoint: emu.url, inputs: { 'rest-api-id': restApiId, stage: 'one', 'canary-percent': 'ten' } }),
      runInProcess({ endpoint: emu.url, inputs: { 'rest-api-id': restApiId, stage: 'two' } }),
    ])
  })

  expect(failed.code).toBe(1)
  expect(failed.errors).toHaveLength(1)
  expect(failed.errors[0]).toContain("'canary-percent'")
  expect(failed.outputs).toEqual({})
  // Bad input writes its own summary (issue 12), and only its own.
  expect(failed.summary).toMatch(/^### ❌ Invalid input: nothing was run/)
  expect(failed.summary).not.toContain('two')

  expect(deployed.code).toBe(0)
  expect(deployed.errors).toEqual([])
  expect(deployed.outputs.stage).toBe('two')
  expect(deployed.stdout).toContain("Stage 'two'")
  expect(deployed.stdout).not.toContain("'one'")
  expect(deployed.summary).toContain('two')

  expect(process.exitCode).toBeUndefined()
  expect({ ...process.env }).toEqual(envBefore)
})
