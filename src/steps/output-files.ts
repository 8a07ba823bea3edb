// Step 1c: the files the run will write (export-file, sdk-file) checked before any AWS call: a directory or a path
// under a file fails now, naming the input, rather than with a bare EISDIR after the stage changed.
import { stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { ActionInputs } from '../inputs/types.js'
import { InputError } from '../lib/errors.js'
import { workspacePath } from '../lib/workspace.js'

export async function checkOutputFiles(inputs: ActionInputs, env: NodeJS.ProcessEnv): Promise<void> {
  const files: Array<[string, string | undefined]> = [
    ['export-file', inputs.export?.file],
    ['sdk-file', inputs.sdk?.file],
  ]
  for (const [name, file] of files) {
    if (file === undefined) continue
    const path = workspacePath(file, env)
    const info = await stat(path).catch(() => undefined)
    if (info?.isDirectory()) {
      throw new InputError(name, `Input '${name}' names ${file}, which is a directory; name a file in it instead.`)
    }
    const parent = await stat(dirname(path)).catch(() => undefined)
    if (parent !== undefined && !parent.isDirectory()) {
      throw new InputError(name, `Input '${name}' names ${file}, but ${dirname(file)} is a file, not a directory.`)
    }
  }
}
