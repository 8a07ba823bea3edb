// Entry point of the bundle: no logic here, so tests can import run() without side effects.
import { setFlagsFromString } from 'node:v8'
import { run } from './main.js'

// The GitHub client's HTTP parser (undici's llhttp) is WebAssembly. With V8's dynamic tiering its hot functions are
// recompiled in the background, and the process waits for those compiles before it exits: about 90 ms at the end of
// every run that commented (bench section 2). Compiled in one go instead, the process exits when the run is done.
setFlagsFromString('--no-wasm-dynamic-tiering')

await run()
