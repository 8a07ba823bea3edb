// Paths the user gives are relative to the workspace (GITHUB_WORKSPACE), else to the current directory.
import { isAbsolute, resolve } from 'node:path'

export function workspacePath(file: string, env: NodeJS.ProcessEnv = process.env): string {
  return isAbsolute(file) ? file : resolve(env.GITHUB_WORKSPACE || process.cwd(), file)
}
