// Starts an emulator with the sample API and prints `{"url":…,"restApiId":…}` on one line, then serves until
// SIGINT/SIGTERM. Usage: node --import tsx test/emulator/cli.ts [--port 4566] [--region us-east-1]
//   [--name pets-api] [--quotas] [--time-scale 1] [--latency-ms 0]
// While it runs, `/__emulator/calls`, `/__emulator/faults` and `/__emulator/state` are served on the same port.
import { parseArgs } from 'node:util'
import { type Emulator, startEmulator } from './index.js'
import type { EmulatorOptions } from './types.js'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4566' },
    region: { type: 'string', default: 'us-east-1' },
    name: { type: 'string', default: 'pets-api' },
    quotas: { type: 'boolean', default: false },
    'time-scale': { type: 'string', default: '1' },
    'latency-ms': { type: 'string', default: '0' },
  },
})

const options: EmulatorOptions = {
  region: values.region,
  quotas: { enabled: values.quotas, timeScale: Number(values['time-scale']) },
  latencyMs: Number(values['latency-ms']),
}

async function start(): Promise<Emulator> {
  try {
    return await startEmulator({ ...options, port: Number(values.port) })
  } catch (error) {
    // The requested port is taken: any free port will do, the URL is printed anyway.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    return startEmulator({ ...options, port: 0 })
  }
}

const emu = await start()
const { restApiId } = emu.seedSampleApi({ name: values.name })
process.stdout.write(`${JSON.stringify({ url: emu.url, restApiId })}\n`)

let stopping = false
const shutdown = () => {
  if (stopping) return
  stopping = true
  emu.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
