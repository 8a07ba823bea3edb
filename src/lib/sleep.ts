// Waiting, injectable: tests pass a sleep that returns at once (or advances a fake clock).
export type Sleep = (ms: number) => Promise<void>
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
