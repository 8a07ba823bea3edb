// Time for rollout scenarios: a clock that starts where the test says and that sleeps advance at once, so a
// five-step rollout with 5-minute bakes takes no real time. In-process runs get it as run()'s `now` and `sleep`;
// runs of the bundle get the same through virtual-time.mjs (an --import hook) and VIRTUAL_CLOCK_START_MS.
import { fileURLToPath } from 'node:url'

export interface VirtualClock {
  now(): number
  sleep(ms: number): Promise<void>
  /** Total time slept. */
  slept: number
}

export function virtualClock(startMs: number): VirtualClock {
  let t = startMs
  const clock: VirtualClock = {
    now: () => t,
    sleep: async (ms) => {
      t += ms
      clock.slept += ms
    },
    slept: 0,
  }
  return clock
}

/** The hook that gives a bundle run the same clock. */
export const VIRTUAL_TIME_HOOK = fileURLToPath(new URL('./virtual-time.mjs', import.meta.url))
