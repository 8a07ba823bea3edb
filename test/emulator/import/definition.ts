// What an OpenAPI document says about a REST API, read before any state is touched, and the problems found.
import { badRequest } from '../errors.js'
import type {
  AuthorizerState,
  Dict,
  GatewayResponseState,
  MethodState,
  ModelState,
  RequestValidatorState,
} from '../types.js'

/** A method as the file defines it: authorizer and validator by name (ids exist only once applied). */
export type ImportedMethod = Omit<MethodState, 'authorizerId' | 'requestValidatorId'> & {
  authorizerName?: string
  requestValidatorName?: string
}

/** The API-level literals; `undefined` means "the file does not set it". */
export interface ImportedSettings {
  name: string
  description?: string
  version?: string
  binaryMediaTypes?: string[]
  apiKeySource?: string
  minimumCompressionSize?: number
  policy?: string
  disableExecuteApiEndpoint?: boolean
  vpcEndpointIds?: string[]
}

export interface ImportedApi {
  settings: ImportedSettings
  /** Schemas keep references as `#/definitions/<Name>` until they are stored. */
  models: Array<Omit<ModelState, 'id'>>
  authorizers: Array<Omit<AuthorizerState, 'id'>>
  requestValidators: Array<Omit<RequestValidatorState, 'id'>>
  gatewayResponses: GatewayResponseState[]
  /** Resource paths (after the base-path rule) and their methods by HTTP method. */
  paths: Map<string, Dict<ImportedMethod>>
  warnings: string[]
}

/** Errors make the whole import fail; warnings are returned (or fail it with `failonwarnings=true`). */
export class ImportProblems {
  readonly errors: string[] = []
  readonly warnings: string[] = []

  error(message: string): void {
    this.errors.push(message)
  }

  warn(message: string): void {
    this.warnings.push(message)
  }

  /** The 400 for an import with errors; nothing has been changed at this point. */
  throwIfErrors(): void {
    if (this.errors.length > 0) throw badRequest(listMessage('Errors found during import:', this.errors))
  }
}

/** The 400 for `failonwarnings=true`: AWS rolls the import back and names the warnings. */
export function warningsFailure(warnings: string[]) {
  return badRequest(listMessage('Warnings found during import:', warnings))
}

const listMessage = (title: string, items: string[]) => [title, ...items.map((item) => `\t${item}`)].join('\n')
