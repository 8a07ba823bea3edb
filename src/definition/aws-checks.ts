// What API Gateway cannot represent, checked before any call: AWS would refuse the import, or import it and then
// refuse the deployment. Each problem names the operation or path, with its line when known.
import type { DefinitionDocument } from './json.js'
import { type DefinitionOperation, definitionOperations, definitionPaths, operationLabel } from './operations.js'

/** API Gateway's limit on an imported definition (6 MB), counted after substitution. */
export const MAX_DEFINITION_BYTES = 6 * 1024 * 1024

/** A literal path segment: letters, digits and `_ - . , :` (API Gateway's resource path part). */
const LITERAL_SEGMENT = /^[A-Za-z0-9._\-,:]+$/
/** A whole-segment path parameter, `{name}`, or the greedy `{name+}`. */
const PARAMETER_SEGMENT = /^\{[A-Za-z0-9._-]+\+?\}$/

export interface DefinitionProblem {
  readonly message: string
  readonly line?: number
}

export function awsProblems(doc: DefinitionDocument): DefinitionProblem[] {
  const problems: DefinitionProblem[] = []
  const at = (path: readonly string[]) => doc.locate(path)
  const paths = definitionPaths(doc)
  if (paths.length === 0) problems.push({ message: 'defines no paths: there is nothing to deploy' })
  for (const [path] of paths) {
    const problem = pathProblem(path)
    if (problem) problems.push(withLine(`path '${path}' ${problem}`, at(['paths', path])))
  }
  problems.push(...siblingParameterProblems(paths.map(([p]) => p)).map((message) => ({ message })))
  const operations = definitionOperations(doc)
  for (const op of operations.filter((o) => o.method === 'TRACE')) {
    problems.push(withLine(`${operationLabel(op)}: API Gateway REST APIs have no TRACE method`, at(op.at)))
  }
  const missing = operations.filter((o) => o.method !== 'TRACE' && !hasIntegration(o))
  if (missing.length > 0) {
    const listed = missing.map((o) => labelWithLine(o, at(o.at)))
    problems.push({
      message: `has ${missing.length} operation(s) without x-amazon-apigateway-integration, which API Gateway would import and then refuse to deploy: ${listed.join(', ')}`,
    })
  }
  return problems
}

function hasIntegration(op: DefinitionOperation): boolean {
  const integration = op.operation['x-amazon-apigateway-integration']
  return typeof integration === 'object' && integration !== null
}

function pathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return "must start with '/'"
  if (path === '/') return undefined
  const segments = path.slice(1).split('/')
  for (const [i, segment] of segments.entries()) {
    if (segment === '') return 'has an empty segment (a double or trailing slash), which API Gateway cannot represent'
    if (PARAMETER_SEGMENT.test(segment)) {
      if (segment.endsWith('+}') && i !== segments.length - 1) {
        return `uses the greedy parameter '${segment}' before the last segment; it must be the last one`
      }
      continue
    }
    if (segment.includes('{') || segment.includes('}')) {
      return `has segment '${segment}': a path parameter must be a whole segment, such as '{id}'`
    }
    if (!LITERAL_SEGMENT.test(segment)) {
      return `has segment '${segment}': API Gateway allows only letters, digits, '_', '-', '.', ',' and ':' in a path`
    }
  }
  return undefined
}

/** Two paths that differ only in the name of a parameter at the same place: AWS allows one variable per level. */
function siblingParameterProblems(paths: string[]): string[] {
  const byParent = new Map<string, Set<string>>()
  for (const path of paths) {
    const segments = path.split('/').slice(1)
    segments.forEach((segment, i) => {
      if (!PARAMETER_SEGMENT.test(segment)) return
      const parent = `/${segments.slice(0, i).join('/')}`
      const names = byParent.get(parent) ?? new Set<string>()
      names.add(segment)
      byParent.set(parent, names)
    })
  }
  return [...byParent.entries()]
    .filter(([, names]) => names.size > 1)
    .map(
      ([parent, names]) =>
        `has different path parameters at the same level under '${parent}' (${[...names].join(', ')}); API Gateway allows one per level: use the same name`,
    )
}

function withLine(message: string, line: number | undefined): DefinitionProblem {
  return line === undefined ? { message } : { message: `${message} (line ${line})`, line }
}

function labelWithLine(op: DefinitionOperation, line: number | undefined): string {
  return line === undefined ? operationLabel(op) : `${operationLabel(op)} (line ${line})`
}
