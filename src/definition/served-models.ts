// API Gateway's models as an export shows them: each schema a method uses becomes a model, named or not, and the
// export lists the models its methods use (following references between models) under components.schemas.
import { createHash } from 'node:crypto'
import { isObject, type JsonObject } from './json.js'
import { objectAt, stringAt } from './served-values.js'

const EXPORTED_REF = '#/components/schemas/'
/** References to a named model, in Swagger 2.0 or OpenAPI 3.0 form. */
const MODEL_REF = /^#\/(?:definitions|components\/schemas)\/(.+)$/
/** Schema keywords API Gateway drops on import ([DOC] known issues: "discriminator … not supported in any schema"). */
const DROPPED_KEYWORDS = new Set(['discriminator'])

export class ServedModels {
  private readonly named: JsonObject
  /** Models created for inline schemas, by name. */
  private readonly inline = new Map<string, unknown>()
  private readonly used = new Set<string>()

  constructor(document: JsonObject) {
    this.named = objectAt(document.definitions ?? objectAt(document.components).schemas)
  }

  /**
   * The `$ref` a method's request or response schema becomes, or undefined when AWS makes no model of it (no
   * schema, or an empty one). AWS creates a model for an inline schema; its name is AWS's choice, and the diff
   * compares models by content, so any stable name will do.
   */
  reference(schema: unknown): JsonObject | undefined {
    if (!isObject(schema) || Object.keys(schema).length === 0) return undefined
    const ref = stringAt(schema.$ref)
    const name = ref === undefined ? this.inlineName(schema) : MODEL_REF.exec(ref)?.[1]
    if (name === undefined) return undefined
    this.used.add(name)
    return { $ref: `${EXPORTED_REF}${name}` }
  }

  /** components.schemas of the export: the models methods use and the models those refer to. */
  exportedSchemas(): JsonObject {
    const out: JsonObject = {}
    const pending = [...this.used]
    while (pending.length > 0) {
      const name = pending.shift() as string
      const schema = this.inline.has(name) ? this.inline.get(name) : this.named[name]
      if (name in out || schema === undefined) continue
      // The export leaves out the draft-4 `$schema` keyword a model may carry.
      const { $schema: _draft, ...stored } = objectAt(storedSchema(schema, (ref) => pending.push(ref)))
      out[name] = stored
    }
    return out
  }

  private inlineName(schema: JsonObject): string {
    const name = `Model${createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 8)}`
    this.inline.set(name, schema)
    return name
  }
}

/** A schema as API Gateway keeps it: references in export form, unsupported keywords (not property names) dropped. */
function storedSchema(value: unknown, referenced: (name: string) => void, propertyNames = false): unknown {
  if (Array.isArray(value)) return value.map((item) => storedSchema(item, referenced))
  if (!isObject(value)) return value
  const out: JsonObject = {}
  for (const [key, child] of Object.entries(value)) {
    const model = key === '$ref' && typeof child === 'string' ? MODEL_REF.exec(child)?.[1] : undefined
    if (model !== undefined) {
      referenced(model)
      out[key] = `${EXPORTED_REF}${model}`
    } else if (propertyNames || !DROPPED_KEYWORDS.has(key)) {
      out[key] = storedSchema(child, referenced, !propertyNames && key === 'properties')
    }
  }
  return out
}
