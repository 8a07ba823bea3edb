// Stands in for a stage's data plane in smoke tests: the emulator serves only the control plane. GET …/health
// answers `status` (change it between runs); anything else 404.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface DataPlane {
  /** The base URL to pass as smoke-test-base-url. */
  readonly url: string
  status: number
  close(): Promise<void>
}

export async function startDataPlane(): Promise<DataPlane> {
  const server = createServer((req, res) => {
    res.statusCode = req.url?.endsWith('/health') ? plane.status : 404
    res.end('ok')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const plane: DataPlane = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/stage`,
    status: 200,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  return plane
}
