// The @actions/core stand-in of the input tests: `vi.mock('@actions/core', () => import('./core-mock.js'))`.
import { vi } from 'vitest'

export const getInput = vi.fn()
export const debug = vi.fn()
export const info = vi.fn()
export const warning = vi.fn()
export const setSecret = vi.fn()
