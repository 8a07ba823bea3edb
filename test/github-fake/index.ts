export type {
  FakeCall,
  FakeComment,
  FakeDeployment,
  FakeDeploymentStatus,
  FakeUser,
  GitHubFake,
  GitHubFakeOptions,
} from './server.js'
export { startGitHubFake } from './server.js'
