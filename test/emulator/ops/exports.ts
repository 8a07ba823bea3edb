// GetExport: the stage's deployed snapshot as swagger or oas30, JSON or YAML, as an octet-stream attachment.
import { stringify } from 'yaml'
import type { Handler } from '../context.js'
import { badRequest } from '../errors.js'
import { type ExportInput, exportVersion, parseExtensions } from '../export/common.js'
import { buildOas30 } from '../export/oas30.js'
import { buildSwagger } from '../export/swagger.js'
import { getDeployment, getRestApi, getStage } from '../state.js'

function wantsYaml(accept: string | undefined): boolean {
  const value = (accept ?? 'application/json').toLowerCase()
  if (value.includes('yaml')) return true
  if (value.includes('json') || value.includes('*/*')) return false
  throw badRequest(
    `Invalid Accept header specified: ${accept}. Supported values are application/json and application/yaml`,
  )
}

export const getExport: Handler = (ctx) => {
  const api = getRestApi(ctx.state, ctx.params.restApiId as string)
  const stage = getStage(api, ctx.params.stageName as string)
  const exportType = ctx.params.exportType as string
  if (exportType !== 'oas30' && exportType !== 'swagger') {
    throw badRequest(`Invalid export type specified: ${exportType}. Supported values are oas30 and swagger`)
  }
  const accept = ctx.headers.accept
  const yaml = wantsYaml(Array.isArray(accept) ? accept[0] : accept)
  const input: ExportInput = {
    restApiId: api.id,
    region: ctx.state.region,
    stageName: stage.stageName,
    deployment: getDeployment(api, stage.deploymentId),
    extensions: parseExtensions(ctx.query.get('extensions')),
  }
  const doc = exportType === 'swagger' ? buildSwagger(input) : buildOas30(input)
  const body = yaml ? `---\n${stringify(doc)}` : JSON.stringify(doc, null, 2)
  const filename = `${exportType}_${exportVersion(input)}.${yaml ? 'yaml' : 'json'}`
  return {
    status: 200,
    raw: {
      body: Buffer.from(body),
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${filename}"`,
      },
    },
  }
}
