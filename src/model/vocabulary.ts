// AWS vocabularies and limits, each an `as const` array with its type derived from it.

export const CACHE_CLUSTER_SIZES = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'] as const
export type CacheClusterSize = (typeof CACHE_CLUSTER_SIZES)[number]
