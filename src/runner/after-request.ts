// Work that only some runs need (loading @actions/core, Octokit, the diff module) costs tens of milliseconds of
// compiling. Started right after an AWS request has been written, it runs while the answer is on its way instead of
// between a request and its socket. Node publishes every http.request on `http.client.request.start`; the
// request's `finish` says it has been handed to the operating system.
import diagnosticsChannel from 'node:diagnostics_channel'

type WritableRequest = { once?: (event: 'finish', listener: () => void) => unknown }

/** Calls `work` (in a later turn) once the next HTTP request has been written, or after `fallbackMs` without one. */
export function afterNextRequestWritten(work: () => void, fallbackMs = 250): void {
  const channel = diagnosticsChannel.channel('http.client.request.start')
  let done = false
  const run = () => {
    if (done) return
    done = true
    channel.unsubscribe(onRequest)
    clearTimeout(fallback)
    setImmediate(work)
  }
  const onRequest = (message: unknown) => {
    const request = (message as { request?: WritableRequest } | undefined)?.request
    if (typeof request?.once === 'function') request.once('finish', run)
    else run()
  }
  // Never what keeps the process alive.
  const fallback = setTimeout(run, fallbackMs).unref()
  channel.subscribe(onRequest)
}
