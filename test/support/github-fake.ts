// The GitHub fake for unit tests of src/github/: one per test, stopped after it.
import { afterEach } from 'vitest'
import { type GitHubFake, type GitHubFakeOptions, startGitHubFake } from '../github-fake/index.js'

/** Registers the afterEach that stops the fake; returns the function that starts it inside a test. */
export function useGitHubFake(): (options?: GitHubFakeOptions) => Promise<GitHubFake> {
  let fake: GitHubFake | undefined
  afterEach(async () => {
    await fake?.stop()
    fake = undefined
  })
  return async (options = {}) => {
    fake = await startGitHubFake(options)
    return fake
  }
}
