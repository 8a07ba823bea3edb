export type { CloudWatchFake, FakeInterval } from './server.js'
export { startCloudWatchFake } from './server.js'
