// The Swagger 2.0 form of a simple OpenAPI 3.0 export, as API Gateway's GetExport(exportType=swagger) writes it: the
// golden corpus uses it to diff the large generated API in both forms. It covers the shapes the fixtures use
// (parameters with a schema, one JSON request body, responses with content and headers, schemas, security schemes).

// biome-ignore lint/suspicious/noExplicitAny: generated test documents, read as parsed JSON
type Doc = Record<string, any>

const SCHEMA_REF = /^#\/components\/schemas\//

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key === '$ref' && typeof v === 'string' ? v.replace(SCHEMA_REF, '#/definitions/') : rewriteRefs(v),
    ]),
  )
}

function flatParameter({ schema, ...rest }: Doc): Doc {
  return { ...rest, required: rest.required === true, ...(schema ?? {}) }
}

function swaggerOperation(op: Doc): Doc {
  const { parameters, requestBody, responses, ...rest } = op
  const out: Doc = {}
  const consumes = Object.keys(requestBody?.content ?? {})
  const produces = [...new Set(Object.values(responses ?? {}).flatMap((r) => Object.keys((r as Doc).content ?? {})))]
  if (consumes.length > 0) out.consumes = consumes
  if (produces.length > 0) out.produces = produces
  const params: Doc[] = (parameters ?? []).map(flatParameter)
  if (requestBody !== undefined) {
    const [first] = Object.values(requestBody.content ?? {}) as Doc[]
    params.push({ in: 'body', name: 'body', required: requestBody.required === true, schema: first?.schema ?? {} })
  }
  if (params.length > 0) out.parameters = params
  out.responses = Object.fromEntries(
    Object.entries(responses ?? {}).map(([code, r]) => {
      const { content, headers, ...response } = r as Doc
      const [first] = Object.values(content ?? {}) as Doc[]
      return [
        code,
        {
          ...response,
          ...(first?.schema === undefined ? {} : { schema: first.schema }),
          ...(headers === undefined
            ? {}
            : { headers: Object.fromEntries(Object.entries(headers).map(([n, h]) => [n, (h as Doc).schema])) }),
        },
      ]
    }),
  )
  return { ...out, ...rest }
}

export function toSwagger(oas: Doc): Doc {
  const doc = rewriteRefs(oas) as Doc
  const { openapi: _version, servers, paths, components, ...rest } = doc
  const url = new URL(String(servers?.[0]?.url ?? 'https://example.com/{basePath}').replace('{basePath}', ''))
  const stage = servers?.[0]?.variables?.basePath?.default ?? 'prod'
  return {
    swagger: '2.0',
    ...rest,
    host: url.host,
    basePath: `/${stage}`,
    schemes: ['https'],
    paths: Object.fromEntries(
      Object.entries(paths ?? {}).map(([path, item]) => [
        path,
        Object.fromEntries(Object.entries(item as Doc).map(([m, op]) => [m, swaggerOperation(op as Doc)])),
      ]),
    ),
    ...(components?.securitySchemes === undefined ? {} : { securityDefinitions: components.securitySchemes }),
    ...(components?.schemas === undefined ? {} : { definitions: components.schemas }),
  }
}
