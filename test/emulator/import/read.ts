// Reads a parsed OpenAPI document into an ImportedApi; any error fails the whole import before state changes.
import { readGatewayResponses, readRequestValidators, readSecuritySchemes, readSettings } from './api-level.js'
import { type BasePathMode, pathPrefix } from './base-path.js'
import { type ImportedApi, ImportProblems } from './definition.js'
import type { OpenApiDocument } from './document.js'
import { ModelRegistry } from './models.js'
import { readPaths } from './operations.js'

export function readDefinition(parsed: OpenApiDocument, basePath: BasePathMode): ImportedApi {
  const { doc, version } = parsed
  const problems = new ImportProblems()
  const settings = readSettings(doc, problems)
  const models = new ModelRegistry(doc, problems)
  const { schemes, authorizers } = readSecuritySchemes(doc, problems)
  const requestValidators = readRequestValidators(doc)
  const gatewayResponses = readGatewayResponses(doc, problems)
  const paths = readPaths({
    doc,
    version,
    prefix: pathPrefix(parsed, basePath),
    schemes,
    validators: new Set(requestValidators.map((v) => v.name)),
    models,
    problems,
  })
  problems.throwIfErrors()
  return {
    settings,
    models: [...models.models.values()],
    authorizers,
    requestValidators,
    gatewayResponses,
    paths,
    warnings: problems.warnings,
  }
}
