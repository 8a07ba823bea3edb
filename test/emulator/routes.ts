// The operations the emulator serves, with the SDK's HTTP bindings (method, path, selecting query).
import type { Route } from './context.js'
import * as deployments from './ops/deployments.js'
import * as domains from './ops/domain-names.js'
import * as exportsOps from './ops/exports.js'
import * as resources from './ops/resources.js'
import * as restApis from './ops/rest-apis.js'
import * as sdks from './ops/sdks.js'
import * as stages from './ops/stages.js'
import * as tags from './ops/tags.js'
import * as usagePlans from './ops/usage-plans.js'

const API = '/restapis/{restApiId}'
const METHOD = `${API}/resources/{resourceId}/methods/{httpMethod}`
const STAGE = `${API}/stages/{stageName}`
const DOMAIN = '/domainnames/{domainName}'
const MAPPING = `${DOMAIN}/basepathmappings/{basePath}`

export const ROUTES: Route[] = [
  {
    method: 'POST',
    path: '/restapis',
    query: { mode: 'import' },
    operation: 'ImportRestApi',
    handler: restApis.importRestApi,
  },
  { method: 'POST', path: '/restapis', operation: 'CreateRestApi', handler: restApis.createRestApi },
  { method: 'GET', path: '/restapis', operation: 'GetRestApis', handler: restApis.getRestApis },
  { method: 'GET', path: API, operation: 'GetRestApi', handler: restApis.getRestApiOp },
  { method: 'PUT', path: API, operation: 'PutRestApi', handler: restApis.putRestApi },
  { method: 'PATCH', path: API, operation: 'UpdateRestApi', handler: restApis.updateRestApi },
  { method: 'DELETE', path: API, operation: 'DeleteRestApi', handler: restApis.deleteRestApi },

  { method: 'GET', path: `${API}/resources`, operation: 'GetResources', handler: resources.getResources },
  { method: 'GET', path: `${API}/resources/{resourceId}`, operation: 'GetResource', handler: resources.getResourceOp },
  {
    method: 'POST',
    path: `${API}/resources/{parentId}`,
    operation: 'CreateResource',
    handler: resources.createResource,
  },
  {
    method: 'DELETE',
    path: `${API}/resources/{resourceId}`,
    operation: 'DeleteResource',
    handler: resources.deleteResource,
  },
  { method: 'PUT', path: METHOD, operation: 'PutMethod', handler: resources.putMethod },
  { method: 'GET', path: METHOD, operation: 'GetMethod', handler: resources.getMethodOp },
  { method: 'DELETE', path: METHOD, operation: 'DeleteMethod', handler: resources.deleteMethod },
  {
    method: 'PUT',
    path: `${METHOD}/responses/{statusCode}`,
    operation: 'PutMethodResponse',
    handler: resources.putMethodResponse,
  },
  { method: 'PUT', path: `${METHOD}/integration`, operation: 'PutIntegration', handler: resources.putIntegration },
  { method: 'GET', path: `${METHOD}/integration`, operation: 'GetIntegration', handler: resources.getIntegration },
  {
    method: 'PUT',
    path: `${METHOD}/integration/responses/{statusCode}`,
    operation: 'PutIntegrationResponse',
    handler: resources.putIntegrationResponse,
  },
  { method: 'POST', path: `${API}/models`, operation: 'CreateModel', handler: resources.createModel },
  { method: 'GET', path: `${API}/models`, operation: 'GetModels', handler: resources.getModels },
  { method: 'GET', path: `${API}/models/{modelName}`, operation: 'GetModel', handler: resources.getModel },

  { method: 'POST', path: `${API}/deployments`, operation: 'CreateDeployment', handler: deployments.createDeployment },
  { method: 'GET', path: `${API}/deployments`, operation: 'GetDeployments', handler: deployments.getDeployments },
  {
    method: 'GET',
    path: `${API}/deployments/{deploymentId}`,
    operation: 'GetDeployment',
    handler: deployments.getDeploymentOp,
  },
  {
    method: 'PATCH',
    path: `${API}/deployments/{deploymentId}`,
    operation: 'UpdateDeployment',
    handler: deployments.updateDeployment,
  },
  {
    method: 'DELETE',
    path: `${API}/deployments/{deploymentId}`,
    operation: 'DeleteDeployment',
    handler: deployments.deleteDeployment,
  },

  { method: 'POST', path: `${API}/stages`, operation: 'CreateStage', handler: stages.createStage },
  { method: 'GET', path: `${API}/stages`, operation: 'GetStages', handler: stages.getStages },
  { method: 'GET', path: STAGE, operation: 'GetStage', handler: stages.getStageOp },
  { method: 'PATCH', path: STAGE, operation: 'UpdateStage', handler: stages.updateStage },
  { method: 'DELETE', path: STAGE, operation: 'DeleteStage', handler: stages.deleteStage },
  { method: 'DELETE', path: `${STAGE}/cache/data`, operation: 'FlushStageCache', handler: stages.flushStageCache },
  { method: 'GET', path: `${STAGE}/exports/{exportType}`, operation: 'GetExport', handler: exportsOps.getExport },
  { method: 'GET', path: `${STAGE}/sdks/{sdkType}`, operation: 'GetSdk', handler: sdks.getSdk },
  { method: 'GET', path: '/sdktypes', operation: 'GetSdkTypes', handler: sdks.getSdkTypes },
  { method: 'GET', path: '/sdktypes/{id}', operation: 'GetSdkType', handler: sdks.getSdkType },

  { method: 'PUT', path: '/tags/{resourceArn}', operation: 'TagResource', handler: tags.tagResource },
  { method: 'DELETE', path: '/tags/{resourceArn}', operation: 'UntagResource', handler: tags.untagResource },
  { method: 'GET', path: '/tags/{resourceArn}', operation: 'GetTags', handler: tags.getTags },

  { method: 'POST', path: '/usageplans', operation: 'CreateUsagePlan', handler: usagePlans.createUsagePlan },
  { method: 'GET', path: '/usageplans', operation: 'GetUsagePlans', handler: usagePlans.getUsagePlans },
  { method: 'GET', path: '/usageplans/{usagePlanId}', operation: 'GetUsagePlan', handler: usagePlans.getUsagePlanOp },
  {
    method: 'PATCH',
    path: '/usageplans/{usagePlanId}',
    operation: 'UpdateUsagePlan',
    handler: usagePlans.updateUsagePlan,
  },
  {
    method: 'DELETE',
    path: '/usageplans/{usagePlanId}',
    operation: 'DeleteUsagePlan',
    handler: usagePlans.deleteUsagePlan,
  },

  { method: 'POST', path: '/domainnames', operation: 'CreateDomainName', handler: domains.createDomainName },
  { method: 'GET', path: '/domainnames', operation: 'GetDomainNames', handler: domains.getDomainNames },
  { method: 'GET', path: DOMAIN, operation: 'GetDomainName', handler: domains.getDomainName },
  { method: 'DELETE', path: DOMAIN, operation: 'DeleteDomainName', handler: domains.deleteDomainName },
  {
    method: 'POST',
    path: `${DOMAIN}/basepathmappings`,
    operation: 'CreateBasePathMapping',
    handler: domains.createBasePathMapping,
  },
  {
    method: 'GET',
    path: `${DOMAIN}/basepathmappings`,
    operation: 'GetBasePathMappings',
    handler: domains.getBasePathMappings,
  },
  { method: 'GET', path: MAPPING, operation: 'GetBasePathMapping', handler: domains.getBasePathMapping },
  { method: 'PATCH', path: MAPPING, operation: 'UpdateBasePathMapping', handler: domains.updateBasePathMapping },
  { method: 'DELETE', path: MAPPING, operation: 'DeleteBasePathMapping', handler: domains.deleteBasePathMapping },
]
