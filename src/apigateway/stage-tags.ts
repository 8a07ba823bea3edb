// Tags on a stage outside a plan: the drift fingerprint, written after the change is done, with the same retries
// (conflicts, throttling) as a plan's writes.
import { TagResourceCommand } from '@aws-sdk/client-api-gateway'
import { awsCall } from './aws-call.js'
import type { RestApiTarget } from './client.js'
import { WritePolicy } from './write-policy.js'

export async function tagStage(
  { client, restApiId }: RestApiTarget,
  resourceArn: string,
  tags: Record<string, string>,
): Promise<void> {
  const policy = await WritePolicy.create(client, {})
  await awsCall(
    { operation: 'TagResource', restApiId },
    () => client.send(new TagResourceCommand({ resourceArn, tags })),
    {
      retry: policy.retryPolicy({ action: 'TagResource', resourceArn, tags }),
    },
  )
}
