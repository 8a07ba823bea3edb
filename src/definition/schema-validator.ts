// The official OpenAPI 2.0 and 3.0 JSON schemas (as the openapi-schema-validator package ships them), compiled with
// Ajv for JSON Schema draft 04, the draft both are written in. Loaded only when a definition is given. The schemas are
// imported here rather than through the package's Validator, which reads them from disk at run time: the bundle in
// dist/ does not carry the package's files.

import swagger20 from '@seriousme/openapi-schema-validator/schemas/v2.0/schema.json' with { type: 'json' }
import openapi30 from '@seriousme/openapi-schema-validator/schemas/v3.0/schema.json' with { type: 'json' }
import Ajv04Module from 'ajv-draft-04'
import addFormatsModule from 'ajv-formats'
import type { OpenApiVersion } from './json.js'

export interface SchemaError {
  instancePath?: string
  keyword?: string
  message?: string
  params?: Record<string, unknown>
}

type Validate = ((data: unknown) => boolean) & { errors?: SchemaError[] | null }
type AjvLike = { compile(schema: object): Validate }

// Both are CommonJS modules: under ESM their class and function arrive as `default`, or on it.
const Ajv04 = ((Ajv04Module as unknown as { default?: unknown }).default ?? Ajv04Module) as new (
  options: object,
) => AjvLike
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: AjvLike,
) => void

const compiled = new Map<OpenApiVersion, Validate>()

function validatorFor(version: OpenApiVersion): Validate {
  let validate = compiled.get(version)
  if (!validate) {
    // Not strict: the official schemas use keywords Ajv's strict mode rejects.
    const ajv = new Ajv04({ strict: false })
    addFormats(ajv)
    validate = ajv.compile(version === '2.0' ? swagger20 : openapi30)
    compiled.set(version, validate)
  }
  return validate
}

/** The schema's errors for the document (none when it is valid). */
export function schemaErrors(document: object, version: OpenApiVersion): SchemaError[] {
  const validate = validatorFor(version)
  return validate(document) ? [] : (validate.errors ?? [])
}
