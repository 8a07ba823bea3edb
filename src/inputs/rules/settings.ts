// Rules between the inputs that change the stage: variables set or removed, caching and its cluster, the
// custom domain mapping.
import { quoteList } from '../../lib/text.js'
import { problem, type Rule } from './rule.js'

/** A name is either set or removed: `removeInput` may not name what `setInput` sets. */
function setOrRemoved(
  setInput: 'variables' | 'canary-variables',
  removeInput: 'remove-variables' | 'remove-canary-variables',
  what: string,
): Rule {
  return ({ values }) => {
    const set = values[setInput] ?? {}
    const both = (values[removeInput] ?? []).filter((name) => Object.hasOwn(set, name))
    if (both.length === 0) return []
    return [
      problem(
        removeInput,
        `Input '${removeInput}' names ${quoteList(both)}, which '${setInput}' also sets: ${what} is either set or removed.`,
      ),
    ]
  }
}

export const variableSetOrRemoved = setOrRemoved('variables', 'remove-variables', 'a variable')
export const canaryOverrideSetOrRemoved = setOrRemoved('canary-variables', 'remove-canary-variables', 'an override')

export const cachingNeedsCluster: Rule = ({ values }) => {
  if (values['cache-cluster-size'] !== 'disabled') return []
  const why = "but 'cache-cluster-size' is 'disabled': caching needs a cache cluster."
  const cached = (values['method-settings'] ?? []).filter((m) => m.settings.cachingEnabled === true)
  return [
    ...(values['caching-enabled']?.cachingEnabled === true
      ? [problem('caching-enabled', `Input 'caching-enabled' is 'true' ${why}`)]
      : []),
    ...(cached.length > 0
      ? [
          problem(
            'method-settings',
            `Input 'method-settings' enables caching for ${quoteList(cached.map((m) => `${m.httpMethod} ${m.resourcePath}`))} ${why}`,
          ),
        ]
      : []),
    ...(values['canary-use-stage-cache'] === true
      ? [problem('canary-use-stage-cache', `Input 'canary-use-stage-cache' is 'true' ${why}`)]
      : []),
  ]
}

export const repointNeedsDomain: Rule = ({ values, given }) => {
  if (!values['repoint-base-path'] || given('domain-name')) return []
  return [
    problem(
      'repoint-base-path',
      "Input 'repoint-base-path' is 'true' but 'domain-name' is not set: there is no mapping to move.",
    ),
  ]
}

export const basePathNeedsDomain: Rule = ({ given }) =>
  given('base-path') && !given('domain-name')
    ? [problem('base-path', "Input 'base-path' needs 'domain-name' (the custom domain to map).")]
    : []
