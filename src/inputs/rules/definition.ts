// Rules for the definition inputs: their options mean nothing without the file.
import { codeDefault, INPUTS, type InputName } from '../table.js'
import { problem, type Rule } from './rule.js'

const OPTIONS = [
  'definition-mode',
  'definition-substitutions',
  'fail-on-warnings',
  'definition-base-path',
  'force-deploy',
] as const satisfies readonly InputName[]

/**
 * The definition's options need `definition`; set alone they would silently do nothing. The runner passes
 * action.yml's defaults as values, so only a value other than the default counts as set.
 */
export const definitionOptionsNeedDefinition: Rule = ({ given, values }) => {
  if (given('definition')) return []
  return OPTIONS.filter((name) => {
    const text = codeDefault(INPUTS[name])
    const byDefault = text === '' ? undefined : INPUTS[name].parse(text)
    return given(name) && !(byDefault?.ok && byDefault.value === values[name])
  }).map((name) => problem(name, `Input '${name}' needs 'definition' (the OpenAPI file to import).`))
}
