// The result of the API definition diff, as the report renders it.

export type ChangeClassification = 'breaking' | 'non-breaking' | 'annotation'

/** What part of an operation (or of the API) a change touches. */
export type ChangeKind = 'contract' | 'auth' | 'integration' | 'gateway'

export type DefinitionFormat = 'oas30' | 'swagger' | 'apisummary' | 'none'

export interface ApiChange {
  classification: ChangeClassification
  kind: ChangeKind
  /** Short human description. Identifiers from the definition appear between backticks. */
  description: string
}

export interface OperationRef {
  /** Upper-case HTTP method; `ANY` for API Gateway's x-amazon-apigateway-any-method. */
  method: string
  path: string
}

export interface ChangedOperation extends OperationRef {
  /** The most severe classification among `changes`. */
  classification: ChangeClassification
  changes: ApiChange[]
}

export interface ApiDiffCounts {
  added: number
  removed: number
  changed: number
  /** Breaking changes: removed operations + breaking changes inside operations + breaking API-level changes. */
  breaking: number
  nonBreaking: number
  annotation: number
}

export interface ApiDiff {
  format: { before: DefinitionFormat; after: DefinitionFormat }
  /** `api-smart-diff` normally; `structural` when the library failed and only operation presence/equality is known. */
  engine: 'api-smart-diff' | 'structural'
  added: OperationRef[]
  removed: OperationRef[]
  changed: ChangedOperation[]
  /** Changes outside any operation: authorizers, binary media types, gateway responses, resource policy… */
  apiLevel: ApiChange[]
  counts: ApiDiffCounts
  /** No difference at all (after normalisation). */
  identical: boolean
}
