// Entry point of the bundle: no logic here, so tests can import run() without side effects.
import { run } from './main.js'

await run()
