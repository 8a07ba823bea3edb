// --import hook for runs of the bundle: Date.now() reads a virtual clock that starts at VIRTUAL_CLOCK_START_MS, and a
// timer of 30 s or more (a rollout's bake) advances that clock and fires at once. Shorter timers (SDK retries,
// sockets) keep real time.
const realNow = Date.now.bind(Date)
const realSetTimeout = globalThis.setTimeout
const start = Number(process.env.VIRTUAL_CLOCK_START_MS || realNow())
const began = realNow()
let offset = 0
Date.now = () => start + (realNow() - began) + offset
globalThis.setTimeout = (fn, ms, ...args) => {
  if (typeof ms === 'number' && ms >= 30_000) {
    offset += ms
    return realSetTimeout(fn, 0, ...args)
  }
  return realSetTimeout(fn, ms, ...args)
}
