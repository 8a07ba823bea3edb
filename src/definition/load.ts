// From the file's text to a definition the plan can use: substitution, size, parse, version, schema, references,
// and what API Gateway can represent. Every problem names the input it comes from.
import type { InputProblem } from '../lib/errors.js'
import { type ApiLevelSetting, settingsInDefinition } from './api-settings.js'
import { awsProblems, MAX_DEFINITION_BYTES } from './aws-checks.js'
import { parseDefinitionText } from './document.js'
import { definitionSha256 } from './fingerprint.js'
import { type DefinitionDocument, isObject, type JsonObject } from './json.js'
import type { BasePathMode } from './options.js'
import { definitionRoutes } from './routes.js'
import { servedDefinition } from './served.js'
import { substitute } from './substitute.js'
import { referenceProblems, schemaProblems } from './validate.js'

export interface DefinitionRequest {
  /** The path as given, for messages. */
  readonly file: string
  readonly text: string
  readonly substitutions: Readonly<Record<string, string>>
  readonly basePath: BasePathMode
}

export interface LoadedDefinition {
  readonly file: string
  /** The text after substitution: exactly what is imported. */
  readonly text: string
  readonly sha256: string
  readonly bytes: number
  readonly parsed: DefinitionDocument
  /** What API Gateway will serve for it, in the shape of the stage's export: the after side of the plan's API diff. */
  readonly served: JsonObject
  /** `METHOD /path` routes the import creates, sorted. */
  readonly routes: readonly string[]
  readonly settings: ReadonlySet<ApiLevelSetting>
  readonly title: string
  /** How many times each substitution key was replaced. */
  readonly replaced: Readonly<Record<string, number>>
}

export type LoadResult = { ok: true; value: LoadedDefinition } | { ok: false; problems: InputProblem[] }

export async function loadDefinition(request: DefinitionRequest): Promise<LoadResult> {
  const named = (input: string, what: string): LoadResult => ({
    ok: false,
    problems: [{ input, message: `Input '${input}' ${what}.` }],
  })
  const subject = `(${request.file})`
  const substituted = substitute(request.text, request.substitutions)
  if (!substituted.ok) return named('definition-substitutions', substituted.error)
  const text = substituted.value.text
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > MAX_DEFINITION_BYTES) {
    return named(
      'definition',
      `${subject} is ${(bytes / 1024 / 1024).toFixed(1)} MB after substitution; API Gateway imports at most 6 MB`,
    )
  }
  const parsed = parseDefinitionText(text)
  if (!parsed.ok) return named('definition', `${subject} ${parsed.error}`)
  const doc = parsed.value
  const problems = [...(await schemaProblems(doc)), ...referenceProblems(doc), ...awsProblems(doc)]
  if (problems.length === 1) return named('definition', `${subject} ${problems[0]?.message}`)
  if (problems.length > 1) {
    const list = problems.map((p) => `- It ${p.message}.`).join('\n')
    const message = `Input 'definition' ${subject} has ${problems.length} problems:\n${list}`
    return { ok: false, problems: [{ input: 'definition', message }] }
  }
  const info = isObject(doc.document.info) ? doc.document.info : {}
  return {
    ok: true,
    value: {
      file: request.file,
      text,
      sha256: definitionSha256(text),
      bytes,
      parsed: doc,
      served: servedDefinition(doc, request.basePath),
      routes: definitionRoutes(doc, request.basePath),
      settings: settingsInDefinition(doc),
      title: typeof info.title === 'string' ? info.title : '',
      replaced: substituted.value.replaced,
    },
  }
}
