// Error types and formatting shared by every layer. No @actions/* or AWS SDK imports here.

/** One invalid input: which input, and a full sentence saying what was given and what is allowed. */
export interface InputProblem {
  input: string
  message: string
}

/**
 * Bad action input, detected before any AWS or GitHub call. `input` names the (first) offending input;
 * `problems` holds every problem found when several inputs were wrong, and the message lists them all.
 */
export class InputError extends Error {
  override name = 'InputError'
  readonly input: string
  readonly problems: readonly InputProblem[]

  constructor(input: string, message: string, problems?: readonly InputProblem[]) {
    super(message)
    this.input = input
    this.problems = problems ?? [{ input, message }]
  }

  /** One error for all problems; the message is the single problem's or a bulleted list. */
  static fromProblems(problems: readonly InputProblem[]): InputError {
    const first = problems[0]
    if (first === undefined) throw new Error('InputError.fromProblems needs at least one problem')
    if (problems.length === 1) return new InputError(first.input, first.message, problems)
    const lines = problems.map((p) => `- ${p.message}`)
    return new InputError(first.input, `${problems.length} inputs are invalid:\n${lines.join('\n')}`, problems)
  }
}

/** A readable message for anything thrown: Errors, strings, objects with a message, or anything else. */
export function errorMessage(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) {
    const inner = err.errors.map((e) => errorMessage(e))
    return err.message ? `${err.message}: ${inner.join('; ')}` : inner.join('; ')
  }
  if (err instanceof Error) return err.message || err.name || 'Error'
  if (typeof err === 'string') return err || 'Unknown error (empty string thrown)'
  if (err === null || err === undefined) return `Unknown error (${String(err)} thrown)`
  if (typeof err === 'object') {
    const message = (err as { message?: unknown }).message
    if (typeof message === 'string' && message !== '') return message
    try {
      const json = JSON.stringify(err)
      if (json !== undefined && json !== '{}') return json
    } catch {
      // circular or BigInt inside: fall through
    }
    return Object.prototype.toString.call(err)
  }
  return String(err)
}

/** The first error in `err`'s cause chain (itself included) that `match` accepts. */
export function findCause<T>(err: unknown, match: (e: unknown) => e is T): T | undefined {
  const seen = new Set<unknown>()
  for (let e: unknown = err; e !== undefined && e !== null && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    if (match(e)) return e
    seen.add(e)
  }
  return undefined
}
