// Stage-level settings given as their own inputs: cache cluster size and access logging.
import { fail, ok, type Parsed } from '../lib/parse.js'
import { CACHE_CLUSTER_SIZES, type CacheClusterSize } from '../model/vocabulary.js'

/** A cache cluster size in GB, or `disabled` to turn the cluster off. */
export function parseCacheClusterSize(raw: string): Parsed<CacheClusterSize | 'disabled'> {
  if (raw.toLowerCase() === 'disabled') return ok('disabled')
  const size = CACHE_CLUSTER_SIZES.find((s) => s === raw)
  if (size !== undefined) return ok(size)
  return fail(`must be one of ${CACHE_CLUSTER_SIZES.join(', ')} (GB) or 'disabled'`)
}

const PARTITION = 'aws(?:-[a-z]+)*'
const REGION = '[a-z]{2}(?:-[a-z]+)+-[0-9]{1,2}'
const LOG_GROUP_ARN = new RegExp(
  `^arn:${PARTITION}:logs:${REGION}:[0-9]{12}:log-group:[A-Za-z0-9_\\-/.#]{1,512}(?::\\*)?$`,
)
const FIREHOSE_ARN = new RegExp(`^arn:${PARTITION}:firehose:${REGION}:[0-9]{12}:deliverystream/([A-Za-z0-9_.-]{1,64})$`)

/** CloudWatch Logs log group ARN, or Firehose stream ARN whose stream name starts with `amazon-apigateway-`. */
export function parseAccessLogDestinationArn(raw: string): Parsed<string> {
  if (LOG_GROUP_ARN.test(raw)) return ok(raw)
  const firehose = FIREHOSE_ARN.exec(raw)
  if (firehose) {
    if (firehose[1]?.startsWith('amazon-apigateway-')) return ok(raw)
    return fail("must name a Firehose stream whose name starts with 'amazon-apigateway-'")
  }
  return fail(
    'must be a CloudWatch Logs log group ARN (arn:aws:logs:REGION:ACCOUNT:log-group:NAME) or a Firehose stream ARN (arn:aws:firehose:REGION:ACCOUNT:deliverystream/amazon-apigateway-NAME)',
  )
}

/** Access log format: must contain `$context.requestId`. */
export function parseAccessLogFormat(raw: string): Parsed<string> {
  if (/\$context\.requestId(?![A-Za-z0-9_])/.test(raw)) return ok(raw)
  return fail("must contain '$context.requestId'")
}
