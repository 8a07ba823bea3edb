// One case of the golden corpus: a named pair of definitions, each side built fresh on every call.

import { petsOas30 } from '../../fixtures/openapi/pets-api.js'

// biome-ignore lint/suspicious/noExplicitAny: the cases mutate parsed-JSON-like documents freely
export type Doc = Record<string, any>
export type Side = () => object | undefined

export interface GoldenCase {
  name: string
  before: Side
  after: Side
  /** Large: the golden fixture keeps a digest of the result, and the timing script measures it several times. */
  large?: true
  /** Only in the timing script (bench/diff-golden.ts), to keep the golden test's run time short. */
  timingOnly?: true
}

export function pair(name: string, before: Side, after: Side): GoldenCase {
  return { name, before, after }
}

/** A fresh copy of `base()` changed by `change`. */
export function changed(base: () => Doc, change: (doc: Doc) => void): () => Doc {
  return () => {
    const doc = base()
    change(doc)
    return doc
  }
}

/** petsOas30 against a copy changed by `change`. */
export function petsChange(name: string, change: (doc: Doc) => void): GoldenCase {
  return pair(name, petsOas30, changed(petsOas30, change))
}
