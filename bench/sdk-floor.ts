// What the AWS SDK alone costs at start-up: built by the benchmark (section 1) into a bundle the way dist/ is built,
// it creates the API Gateway client and sends one GetStage, nothing else. Spawn → that request is the floor any
// action that calls API Gateway through the SDK starts from.
import { APIGatewayClient, GetStageCommand } from '@aws-sdk/client-api-gateway'

const client = new APIGatewayClient({ maxAttempts: 1 })
await client
  .send(new GetStageCommand({ restApiId: process.env.BENCH_REST_API_ID ?? 'a1b2c3d4e5', stageName: 'pr-42' }))
  .catch(() => undefined)
