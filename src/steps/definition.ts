// Step 1b: the repository's definition file, read and checked before any AWS call. A problem is an input error
// (naming `definition` or `definition-substitutions`, and the line or operation where it can), so AWS is never called.
import { readFile, stat } from 'node:fs/promises'
import type { LoadedDefinition } from '../definition/load.js'
import type { ActionInputs } from '../inputs/types.js'
import { InputError } from '../lib/errors.js'
import { workspacePath } from '../lib/workspace.js'
import * as core from '../runner/actions-core.js'
import { setOutputs } from '../runner/outputs.js'

/** Larger files are not even read: the import takes at most 6 MB, and substitution rarely shrinks a file much. */
const MAX_READ_BYTES = 64 * 1024 * 1024

export async function definitionStep(
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
): Promise<LoadedDefinition | undefined> {
  const definition = inputs.definition
  if (!definition) return undefined
  const path = workspacePath(definition.file, env)
  const text = await readDefinitionFile(definition.file, path)
  // Parsing and checking a file (YAML, the OpenAPI schemas) loads only for runs with a definition.
  const { loadDefinition } = await import('../definition/load.js')
  const loaded = await loadDefinition({
    file: definition.file,
    text,
    substitutions: definition.substitutions,
    basePath: definition.basePath,
  })
  if (!loaded.ok) throw InputError.fromProblems(loaded.problems)
  const { parsed, routes, sha256, bytes } = loaded.value
  const replaced = Object.entries(loaded.value.replaced)
    .map(([key, count]) => `${key}×${count}`)
    .join(', ')
  core.info(
    `Definition ${definition.file}: ${parsed.version === '2.0' ? 'Swagger 2.0' : `OpenAPI ${parsed.versionText}`}, ` +
      `${routes.length} route(s), ${bytes} bytes, sha256 ${sha256}${replaced ? `; substituted ${replaced}` : ''}`,
  )
  setOutputs({ 'definition-sha256': sha256 })
  return loaded.value
}

async function readDefinitionFile(file: string, path: string): Promise<string> {
  const refuse = (why: string): never => {
    throw new InputError('definition', `Input 'definition' ${why}.`)
  }
  const info = await stat(path).catch(() => undefined)
  if (!info) return refuse(`names ${file}, which does not exist (looked for ${path})`)
  if (!info.isFile()) return refuse(`names ${file}, which is not a file`)
  if (info.size > MAX_READ_BYTES) {
    return refuse(
      `names ${file}, which is ${(info.size / 1024 / 1024).toFixed(0)} MB; API Gateway imports at most 6 MB`,
    )
  }
  const bytes = await readFile(path)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return refuse(`names ${file}, which is not UTF-8 text`)
  }
}
