// Helpers for the import tests: small OpenAPI documents, request bodies, and reads of what an import built.
import { type APIGatewayClient, GetResourcesCommand } from '@aws-sdk/client-api-gateway'

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are built and walked freely in tests
export type Doc = Record<string, any>

/** A request body for ImportRestApi / PutRestApi. */
export const bodyOf = (definition: Doc | string): Uint8Array =>
  new TextEncoder().encode(typeof definition === 'string' ? definition : JSON.stringify(definition))

/** An operation answered by a MOCK integration with `status`. */
export function mockOperation(status = '200', extra: Doc = {}): Doc {
  return {
    responses: { [status]: { description: `${status} response` } },
    'x-amazon-apigateway-integration': {
      type: 'mock',
      requestTemplates: { 'application/json': `{"statusCode": ${status}}` },
      responses: { default: { statusCode: status } },
      passthroughBehavior: 'when_no_match',
    },
    ...extra,
  }
}

/** An OpenAPI 3.0 document with the given paths and top-level extras. */
export function oas30(title: string, paths: Doc, extra: Doc = {}): Doc {
  return { openapi: '3.0.1', info: { title, version: '1' }, paths, ...extra }
}

/** Resource id by path. */
export async function resourceIds(client: APIGatewayClient, restApiId: string): Promise<Record<string, string>> {
  const { items } = await client.send(new GetResourcesCommand({ restApiId, limit: 500 }))
  return Object.fromEntries((items ?? []).map((r) => [r.path as string, r.id as string]))
}

/** Methods by path, e.g. `{ '/': [], '/pets': ['GET', 'POST'] }`. */
export async function methodsByPath(client: APIGatewayClient, restApiId: string): Promise<Record<string, string[]>> {
  const { items } = await client.send(new GetResourcesCommand({ restApiId, limit: 500 }))
  return Object.fromEntries((items ?? []).map((r) => [r.path as string, Object.keys(r.resourceMethods ?? {}).sort()]))
}

/** The 400/404/413 an SDK call failed with, as `{ name, status, message }`. */
export async function failure(call: Promise<unknown>): Promise<{ name: string; status?: number; message: string }> {
  try {
    await call
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } }
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message } as {
      name: string
      status?: number
      message: string
    }
  }
  throw new Error('the call succeeded')
}
