// The hidden marker that identifies this action's sticky comment for one (API, stage). Several stages of the same
// API on one pull request each keep their own comment.

const UNSAFE = /[^A-Za-z0-9_.-]/g

/** `<!-- apigw-stage-action:{restApiId}:{stage} -->`; anything outside [A-Za-z0-9_.-] becomes `_`. */
export function commentMarker(restApiId: string, stage: string): string {
  return `<!-- apigw-stage-action:${restApiId.replace(UNSAFE, '_')}:${stage.replace(UNSAFE, '_')} -->`
}
