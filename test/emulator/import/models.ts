// Models: named schemas (`definitions`, `components.schemas`) and the ones AWS creates for inline schemas.
import { createHash } from 'node:crypto'
import type { ModelState } from '../types.js'
import type { ImportProblems } from './definition.js'
import { isObj, type Obj, obj, str } from './values.js'

const STORED_REF = '#/definitions/'
const SCHEMA_REFS = /^#\/(?:definitions|components\/schemas)\//
const MODEL_NAME = /^[A-Za-z0-9]+$/
/** Schema keywords API Gateway does not support and drops, with a warning ([DOC] known issues). */
const UNSUPPORTED_KEYWORDS = ['discriminator']

export type ImportedModel = Omit<ModelState, 'id'>

/** Collects the models a definition needs; references are stored as `#/definitions/<Name>`. */
export class ModelRegistry {
  readonly models = new Map<string, ImportedModel>()

  constructor(
    doc: Obj,
    private readonly problems: ImportProblems,
  ) {
    const schemas = obj(doc.definitions ?? obj(doc.components).schemas)
    for (const [name, schema] of Object.entries(schemas)) {
      if (!MODEL_NAME.test(name)) {
        problems.error(`Unable to create model for '${name}': Model name must be alphanumeric`)
        continue
      }
      this.add(name, schema, `model '${name}'`)
    }
    for (const [name, model] of this.models) this.checkReferences(name, model.schema)
  }

  /** The model a method uses for `schema`: the one it references, or one created for an inline schema. */
  modelFor(schema: unknown, where: string): string | undefined {
    if (!isObj(schema) || Object.keys(schema).length === 0) return undefined
    const ref = str(schema.$ref)
    if (ref !== undefined) {
      const name = SCHEMA_REFS.test(ref) ? ref.replace(SCHEMA_REFS, '') : undefined
      if (!name || !this.models.has(name)) this.problems.error(`${where}: Invalid model identifier specified: ${ref}`)
      return name
    }
    const name = `Model${createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 8)}`
    if (!this.models.has(name)) {
      this.add(name, schema, where)
      this.checkReferences(name, this.models.get(name)?.schema)
    }
    return name
  }

  private add(name: string, schema: unknown, where: string): void {
    const dropped = new Set<string>()
    const stored = normalise(schema, dropped) as Obj
    for (const keyword of dropped) this.problems.warn(`Unsupported schema keyword '${keyword}' in ${where} was ignored`)
    const model: ImportedModel = { name, contentType: 'application/json', schema: JSON.stringify(stored) }
    const description = str(stored.description)
    if (description) model.description = description
    this.models.set(name, model)
  }

  private checkReferences(name: string, schema: string | undefined): void {
    for (const match of (schema ?? '').matchAll(/"\$ref":"#\/definitions\/([^"]*)"/g)) {
      if (!this.models.has(match[1] as string)) {
        this.problems.error(`Unable to create model for '${name}': Invalid model specified: ${STORED_REF}${match[1]}`)
      }
    }
  }
}

/** Rewrites schema references to the stored form and drops unsupported keywords (not property names). */
function normalise(value: unknown, dropped: Set<string>, underProperties = false): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v, dropped))
  if (!isObj(value)) return value
  const out: Obj = {}
  for (const [key, child] of Object.entries(value)) {
    if (!underProperties && UNSUPPORTED_KEYWORDS.includes(key)) {
      dropped.add(key)
    } else if (key === '$ref' && typeof child === 'string') {
      out[key] = child.replace(SCHEMA_REFS, STORED_REF)
    } else {
      out[key] = normalise(child, dropped, !underProperties && key === 'properties')
    }
  }
  return out
}
