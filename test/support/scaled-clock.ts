// AWS time for runs against the emulator with quotas at a timeScale: the emulator divides every interval by it and
// reports Retry-After in AWS seconds, so the action's clock runs timeScale times as fast as the real one and its
// sleeps take 1/timeScale of their length. A run then waits exactly what the emulator asks. Given to run() as its
// `now` and `sleep`.
import type { Sleep } from '../../src/lib/sleep.js'
import { runInProcess } from './run-in-process.js'

export interface ScaledClock {
  now(): number
  sleep: Sleep
  /** A real duration (e.g. between two emulator timestamps) in AWS time. */
  aws(realMs: number): number
}

export function scaledClock(timeScale: number): ScaledClock {
  const began = Date.now()
  return {
    now: () => began + (Date.now() - began) * timeScale,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / timeScale)),
    aws: (realMs) => realMs * timeScale,
  }
}

/** Deploys every API's stage `staging` at once, each run in-process on `clock`: many jobs sharing one account. */
export function deployAllAtOnce(endpoint: string, restApiIds: readonly string[], clock: ScaledClock) {
  return Promise.all(
    restApiIds.map((restApiId) =>
      runInProcess({
        endpoint,
        inputs: { 'rest-api-id': restApiId, stage: 'staging' },
        sleep: clock.sleep,
        now: clock.now,
      }),
    ),
  )
}
