// The steps' view of API Gateway: one object bound to the client, and one bound to the REST API the run
// targets, so callers stop threading (client, restApiId, stageName) through every call.
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import type { ExportInput, SdkInput } from '../inputs/types.js'
import type { DefinitionSource, ReadState, StageState } from '../model/state.js'
import type { Plan } from '../plan/types.js'
import { type AlongsideRead, type ApplyOptions, type ApplyResult, applyPlan } from './apply.js'
import { checkSdkParameters, writeExport, writeSdk } from './artifacts.js'
import { type CacheWaitOptions, type CacheWaitResult, waitForCacheCluster } from './cache-wait.js'
import { type ClientOptions, createApiGatewayClient, type RestApiTarget, resolvedRegion } from './client.js'
import { readDefinition } from './definitions.js'
import { type PreviewRead, type PreviewRequest, readPreviewApis } from './preview-apis.js'
import { type ReadRequest, readState } from './read.js'
import { tagStage } from './stage-tags.js'
import { listStages, readStage } from './stages.js'

export class ApiGateway {
  private constructor(
    private readonly client: APIGatewayClient,
    readonly region: string,
  ) {}

  /** Builds the client and resolves its region (fails clearly when there is none). */
  static async connect(options: ClientOptions): Promise<ApiGateway> {
    const client = createApiGatewayClient(options)
    return new ApiGateway(client, await resolvedRegion(client))
  }

  readState(request: Omit<ReadRequest, 'region'>): Promise<ReadState> {
    return readState(this.client, { ...request, region: this.region })
  }

  /** `preview-isolation: api`: the source API, this pull request's preview API (by tags) and its neighbours. */
  readPreviewApis(request: PreviewRequest): Promise<PreviewRead> {
    return readPreviewApis(this.client, request)
  }

  /** Fails before anything changes when the SDK type needs parameters the input does not give. */
  checkSdkParameters(input: SdkInput): Promise<void> {
    return checkSdkParameters(this.client, input)
  }

  restApi(restApiId: string): RestApiGateway {
    return new RestApiGateway(this.client, restApiId)
  }
}

/** Calls on one REST API. A plan that creates the API (a preview's first push) binds it to the new id. */
export class RestApiGateway {
  private target: RestApiTarget

  constructor(client: APIGatewayClient, restApiId: string) {
    this.target = { client, restApiId }
  }

  get restApiId(): string {
    return this.target.restApiId
  }

  readStage(stageName: string): Promise<StageState | undefined> {
    return readStage(this.target, stageName)
  }

  listStages(): Promise<StageState[]> {
    return listStages(this.target)
  }

  readDefinition(source: DefinitionSource): Promise<object | undefined> {
    return readDefinition(this.target, source)
  }

  apply<T = undefined>(
    plan: Plan,
    options: ApplyOptions & AlongsideRead<T> = {},
  ): Promise<ApplyResult & { alongside?: T }> {
    return applyPlan(this.target.client, plan, {
      ...options,
      onRestApiCreated: (restApiId) => {
        this.target = { ...this.target, restApiId }
        options.onRestApiCreated?.(restApiId)
      },
    })
  }

  waitForCacheCluster(stageName: string, options: CacheWaitOptions): Promise<CacheWaitResult> {
    return waitForCacheCluster(() => this.readStage(stageName), options)
  }

  /** Sets tags on a stage (one TagResource): the drift fingerprint. */
  tagStage(resourceArn: string, tags: Record<string, string>): Promise<void> {
    return tagStage(this.target, resourceArn, tags)
  }

  writeExport(stageName: string, input: ExportInput): Promise<string> {
    return writeExport(this.target, stageName, input)
  }

  writeSdk(stageName: string, input: SdkInput): Promise<string> {
    return writeSdk(this.target, stageName, input)
  }
}
