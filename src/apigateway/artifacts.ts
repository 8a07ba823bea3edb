// Files made from the stage's deployed snapshot: the exported API definition and a generated client SDK.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import {
  type APIGatewayClient,
  GetExportCommand,
  GetSdkCommand,
  GetSdkTypeCommand,
  type SdkType,
} from '@aws-sdk/client-api-gateway'
import type { ExportInput, SdkInput } from '../inputs/types.js'
import { workspacePath } from '../lib/workspace.js'
import { awsCall } from './aws-call.js'
import type { RestApiTarget } from './client.js'

async function writeBody(file: string, body: Uint8Array | undefined, what: string): Promise<string> {
  if (!body) throw new Error(`${what} returned no content, so nothing was written to ${file}.`)
  const path = workspacePath(file)
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, body)
  return path
}

/** GetExport of the stage's deployed API (oas30|swagger, json|yaml, extensions) → the file written. */
export async function writeExport(
  { client, restApiId }: RestApiTarget,
  stageName: string,
  input: ExportInput,
): Promise<string> {
  const out = await awsCall({ operation: 'GetExport', restApiId, stageName }, () =>
    client.send(
      new GetExportCommand({
        restApiId,
        stageName,
        exportType: input.type,
        accepts: input.format === 'yaml' ? 'application/yaml' : 'application/json',
        ...(input.extensions.length ? { parameters: { extensions: input.extensions.join(',') } } : {}),
      }),
    ),
  )
  return writeBody(input.file, out.body, `GetExport (${input.type}, ${input.format})`)
}

/** The configuration properties an SDK type marks required that `given` does not name. */
export function missingSdkParameters(
  sdkType: Pick<SdkType, 'configurationProperties'>,
  given: Record<string, string>,
): string[] {
  return (sdkType.configurationProperties ?? [])
    .filter((p) => p.required && p.name && !Object.hasOwn(given, p.name))
    .map((p) => p.name as string)
}

/**
 * GetSdkType: fails when `sdk-parameters` lacks a property the SDK type requires. A read, run with the other
 * reads so that a bad parameter stops the run before anything is changed.
 */
export async function checkSdkParameters(client: APIGatewayClient, input: SdkInput): Promise<void> {
  const sdkType = await awsCall(
    { operation: `GetSdkType '${input.type}'` },
    () => client.send(new GetSdkTypeCommand({ id: input.type })),
    { allowNotFound: true },
  )
  if (!sdkType) throw new Error(`Input 'sdk-type': API Gateway has no SDK type '${input.type}' in this region.`)
  const missing = missingSdkParameters(sdkType, input.parameters)
  if (missing.length) {
    const props = sdkType.configurationProperties ?? []
    const described = missing.map((name) => {
      const p = props.find((x) => x.name === name)
      const label = p?.friendlyName || p?.description
      return label ? `${name} (${label})` : name
    })
    const given = Object.keys(input.parameters)
    throw new Error(
      `Input 'sdk-parameters': SDK type '${input.type}' requires ${described.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} missing` +
        ` (given: ${given.length ? given.join(', ') : 'none'}). Add ${missing.map((m) => `${m}=…`).join(', ')} to 'sdk-parameters'.`,
    )
  }
}

/** GetSdk of the stage's deployed API → the zip written. */
export async function writeSdk(
  { client, restApiId }: RestApiTarget,
  stageName: string,
  input: SdkInput,
): Promise<string> {
  const out = await awsCall({ operation: 'GetSdk', restApiId, stageName }, () =>
    client.send(
      new GetSdkCommand({
        restApiId,
        stageName,
        sdkType: input.type,
        ...(Object.keys(input.parameters).length ? { parameters: { ...input.parameters } } : {}),
      }),
    ),
  )
  return writeBody(input.file, out.body, `GetSdk (${input.type})`)
}
