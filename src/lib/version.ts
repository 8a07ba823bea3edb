// Kept equal to package.json's version by a test.
const ACTION_VERSION = '0.1.0'
export const ACTION_USER_AGENT = `apigw-stage-action/${ACTION_VERSION}`
