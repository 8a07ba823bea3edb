/**
 * The planner refuses: the inputs ask for something the stage's current state does not allow.
 * Thrown before any write; the message says why and what to do instead.
 */
export class PlanRefusal extends Error {
  override readonly name = 'PlanRefusal'
}
