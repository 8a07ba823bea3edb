// A small GitHub REST fake on 127.0.0.1 for tests and the demo: issue comments (with Link-header pagination),
// GET /user and GraphQL `viewer` as installation tokens see them, deployments and deployment statuses. Stateful and
// in-memory; every request is logged in `calls`. Point Octokit at `url` (baseUrl) or set GITHUB_API_URL to it.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeUser {
  login: string
  id: number
  type: 'User' | 'Bot'
}

export interface FakeComment {
  id: number
  node_id: string
  url: string
  html_url: string
  issue_url: string
  body: string
  user: FakeUser
  created_at: string
  updated_at: string
  author_association: string
}

export interface FakeDeployment {
  id: number
  node_id: string
  url: string
  statuses_url: string
  sha: string
  ref: string
  task: string
  environment: string
  original_environment: string
  description: string | null
  payload: unknown
  transient_environment: boolean
  production_environment: boolean
  auto_merge: boolean
  required_contexts: string[] | undefined
  creator: FakeUser
  created_at: string
  updated_at: string
}

export interface FakeDeploymentStatus {
  id: number
  node_id: string
  url: string
  deployment_id: number
  deployment_url: string
  state: string
  description: string
  environment: string
  environment_url: string
  log_url: string
  target_url: string
  creator: FakeUser
  created_at: string
  updated_at: string
}

export interface FakeCall {
  method: string
  /** Path without the query string, e.g. `/repos/o/r/issues/1/comments`. */
  path: string
  query: Record<string, string>
  body?: unknown
  status: number
}

export interface GitHubFakeOptions {
  /** Page size cap, as GitHub caps `per_page` at 100. Default 100; use a small value to force pagination. */
  perPage?: number
  /** Answer every write with 403 "Resource not accessible by integration", as a fork PR's token gets. */
  readOnly?: boolean
  /**
   * Who the token is. Default `github-actions[bot]`. A login ending in `[bot]` behaves as an installation token:
   * GET /user answers 403; otherwise GET /user answers the user.
   */
  login?: string
  /** Whether POST /graphql answers `viewer { login }`. Default true. */
  graphql?: boolean
  /** Answers `POST /repos/{o}/{r}/deployments` with this status and message instead (e.g. 409 conflict). */
  deploymentError?: { status: number; message: string }
}

export interface GitHubFake {
  url: string
  comments: FakeComment[]
  deployments: FakeDeployment[]
  statuses: FakeDeploymentStatus[]
  calls: FakeCall[]
  seedComment(input: { issueNumber: number; body: string; login: string; owner?: string; repo?: string }): FakeComment
  /** Changes behaviour while running (e.g. turn a token read-only between two runs). */
  configure(options: Partial<Pick<GitHubFakeOptions, 'readOnly' | 'login' | 'graphql' | 'deploymentError'>>): void
  stop(): Promise<void>
}

const FORBIDDEN = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest',
  status: '403',
}
const EPOCH = Date.parse('2024-01-01T00:00:00Z')

export async function startGitHubFake(options: GitHubFakeOptions = {}): Promise<GitHubFake> {
  const settings = {
    perPage: options.perPage ?? 100,
    readOnly: options.readOnly ?? false,
    login: options.login ?? 'github-actions[bot]',
    graphql: options.graphql ?? true,
    deploymentError: options.deploymentError,
  }
  const comments: FakeComment[] = []
  const deployments: FakeDeployment[] = []
  const statuses: FakeDeploymentStatus[] = []
  const calls: FakeCall[] = []
  let nextId = 1000
  let clock = 0
  let baseUrl = ''
  /** Comment key: which repository and issue a comment belongs to. */
  const commentIssue = new Map<number, string>()
  const userIds = new Map<string, number>()

  const now = () => new Date(EPOCH + 1000 * clock++).toISOString()
  const user = (login: string): FakeUser => {
    let id = userIds.get(login)
    if (id === undefined) {
      id = login === 'github-actions[bot]' ? 41898282 : 5000 + userIds.size
      userIds.set(login, id)
    }
    return { login, id, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
  }

  const addComment = (owner: string, repo: string, issueNumber: number, body: string, login: string) => {
    const id = nextId++
    const at = now()
    const comment: FakeComment = {
      id,
      node_id: `IC_${id}`,
      url: `${baseUrl}/repos/${owner}/${repo}/issues/comments/${id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${issueNumber}#issuecomment-${id}`,
      issue_url: `${baseUrl}/repos/${owner}/${repo}/issues/${issueNumber}`,
      body,
      user: user(login),
      created_at: at,
      updated_at: at,
      author_association: login.endsWith('[bot]') ? 'NONE' : 'MEMBER',
    }
    comments.push(comment)
    commentIssue.set(id, `${owner}/${repo}#${issueNumber}`)
    return comment
  }

  const server = createServer((req, res) => {
    readBody(req)
      .then((raw) => handle(req, res, raw))
      .catch((error: unknown) => send(res, 500, { message: String(error) }))
  })

  const record = (req: IncomingMessage, url: URL, body: unknown, status: number) => {
    const call: FakeCall = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status,
    }
    if (body !== undefined) call.body = body
    calls.push(call)
  }

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const url = new URL(req.url ?? '/', baseUrl)
    const method = req.method ?? 'GET'
    let body: unknown
    if (raw !== '') {
      try {
        body = JSON.parse(raw)
      } catch {
        return reply(400, { message: 'Problems parsing JSON' })
      }
    }
    function reply(status: number, payload: unknown, headers: Record<string, string> = {}) {
      record(req, url, body, status)
      send(res, status, payload, headers)
    }
    const input = (body ?? {}) as Record<string, unknown>
    const path = url.pathname
    const isWrite = method !== 'GET' && method !== 'HEAD' && path !== '/graphql'
    if (isWrite && settings.readOnly) return reply(403, FORBIDDEN)

    if (method === 'GET' && path === '/user') {
      if (settings.login.endsWith('[bot]')) return reply(403, FORBIDDEN)
      return reply(200, user(settings.login))
    }
    if (method === 'POST' && path === '/graphql') {
      if (!settings.graphql) return reply(404, { message: 'Not Found' })
      const query = typeof input.query === 'string' ? input.query : ''
      if (!/viewer\s*\{\s*login\s*\}/.test(query)) return reply(200, { errors: [{ message: 'unsupported query' }] })
      return reply(200, { data: { viewer: { login: settings.login } } })
    }

    let m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path)
    if (m !== null) {
      const [, owner = '', repo = '', num = ''] = m
      const key = `${owner}/${repo}#${num}`
      if (method === 'GET') {
        const all = comments.filter((c) => commentIssue.get(c.id) === key)
        return paginated(url, all, reply)
      }
      if (method === 'POST') {
        if (typeof input.body !== 'string') return reply(422, { message: 'Invalid request: body is required' })
        if (input.body.length > 65_536) {
          return reply(422, {
            message: 'Validation Failed',
            errors: [{ message: 'Body is too long (maximum is 65536 characters)' }],
          })
        }
        return reply(201, addComment(owner, repo, Number(num), input.body, settings.login))
      }
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path)
    if (m !== null) {
      const comment = comments.find((c) => c.id === Number(m?.[3]))
      if (comment === undefined) return reply(404, { message: 'Not Found' })
      if (method === 'GET') return reply(200, comment)
      if (method === 'PATCH') {
        if (typeof input.body !== 'string') return reply(422, { message: 'Invalid request: body is required' })
        if (input.body.length > 65_536) return reply(422, { message: 'Validation Failed' })
        if (comment.user.login !== settings.login)
          return reply(403, { message: 'Must have admin rights to Repository.' })
        comment.body = input.body
        comment.updated_at = now()
        return reply(200, comment)
      }
      if (method === 'DELETE') {
        comments.splice(comments.indexOf(comment), 1)
        return reply(204, undefined)
      }
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/deployments$/.exec(path)
    if (m !== null) {
      const [, owner = '', repo = ''] = m
      if (method === 'GET') {
        const env = url.searchParams.get('environment')
        const list = deployments
          .filter((d) => d.url.includes(`/repos/${owner}/${repo}/`) && (env === null || d.environment === env))
          .slice()
          .reverse()
        return paginated(url, list, reply)
      }
      if (method === 'POST') {
        if (settings.deploymentError !== undefined) {
          return reply(settings.deploymentError.status, { message: settings.deploymentError.message })
        }
        if (typeof input.ref !== 'string') return reply(422, { message: 'Invalid request: ref is required' })
        const id = nextId++
        const at = now()
        const environment = typeof input.environment === 'string' ? input.environment : 'production'
        const deployment: FakeDeployment = {
          id,
          node_id: `DE_${id}`,
          url: `${baseUrl}/repos/${owner}/${repo}/deployments/${id}`,
          statuses_url: `${baseUrl}/repos/${owner}/${repo}/deployments/${id}/statuses`,
          sha: input.ref,
          ref: input.ref,
          task: typeof input.task === 'string' ? input.task : 'deploy',
          environment,
          original_environment: environment,
          description: typeof input.description === 'string' ? input.description : null,
          payload: input.payload ?? {},
          transient_environment: input.transient_environment === true,
          production_environment: input.production_environment === true || environment === 'production',
          auto_merge: input.auto_merge !== false,
          required_contexts: Array.isArray(input.required_contexts) ? (input.required_contexts as string[]) : undefined,
          creator: user(settings.login),
          created_at: at,
          updated_at: at,
        }
        deployments.push(deployment)
        return reply(201, deployment)
      }
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)\/statuses$/.exec(path)
    if (m !== null) {
      const deployment = deployments.find((d) => d.id === Number(m?.[3]))
      if (deployment === undefined) return reply(404, { message: 'Not Found' })
      if (method === 'GET') {
        const list = statuses.filter((s) => s.deployment_id === deployment.id).reverse()
        return paginated(url, list, reply)
      }
      if (method === 'POST') {
        const state = String(input.state)
        if (!['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'].includes(state)) {
          return reply(422, { message: `Validation Failed: state ${state}` })
        }
        const status = addStatus(deployment, state, input)
        if (state === 'success' && input.auto_inactive !== false) {
          // GitHub: earlier non-transient, non-production deployments of the environment that succeeded go inactive.
          for (const other of deployments) {
            if (other.id === deployment.id || other.environment !== deployment.environment) continue
            if (other.transient_environment || other.production_environment) continue
            const latest = statuses.filter((s) => s.deployment_id === other.id).at(-1)
            if (latest?.state === 'success') addStatus(other, 'inactive', {})
          }
        }
        return reply(201, status)
      }
    }
    return reply(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' })
  }

  const addStatus = (deployment: FakeDeployment, state: string, input: Record<string, unknown>) => {
    const id = nextId++
    const at = now()
    const status: FakeDeploymentStatus = {
      id,
      node_id: `DES_${id}`,
      url: `${deployment.statuses_url}/${id}`,
      deployment_id: deployment.id,
      deployment_url: deployment.url,
      state,
      description: typeof input.description === 'string' ? input.description : '',
      environment: deployment.environment,
      environment_url: typeof input.environment_url === 'string' ? input.environment_url : '',
      log_url: typeof input.log_url === 'string' ? input.log_url : '',
      target_url: typeof input.log_url === 'string' ? input.log_url : '',
      creator: user(settings.login),
      created_at: at,
      updated_at: at,
    }
    statuses.push(status)
    return status
  }

  const paginated = <T>(url: URL, all: T[], reply: (s: number, p: unknown, h?: Record<string, string>) => void) => {
    const requested = Number(url.searchParams.get('per_page') ?? '30')
    const size = Math.max(1, Math.min(Number.isFinite(requested) ? requested : 30, settings.perPage))
    const page = Math.max(1, Number(url.searchParams.get('page') ?? '1') || 1)
    const last = Math.max(1, Math.ceil(all.length / size))
    const items = all.slice((page - 1) * size, page * size)
    const linkFor = (p: number) => {
      const next = new URL(url.href)
      next.searchParams.set('page', String(p))
      next.searchParams.set('per_page', String(size))
      return next.href
    }
    const links: string[] = []
    if (page < last) links.push(`<${linkFor(page + 1)}>; rel="next"`, `<${linkFor(last)}>; rel="last"`)
    if (page > 1) links.push(`<${linkFor(1)}>; rel="first"`, `<${linkFor(page - 1)}>; rel="prev"`)
    reply(200, items, links.length > 0 ? { link: links.join(', ') } : {})
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: baseUrl,
    comments,
    deployments,
    statuses,
    calls,
    seedComment: ({ issueNumber, body, login, owner = 'acme', repo = 'pets' }) =>
      addComment(owner, repo, issueNumber, body, login),
    configure: (changes) => {
      if (changes.readOnly !== undefined) settings.readOnly = changes.readOnly
      if (changes.login !== undefined) settings.login = changes.login
      if (changes.graphql !== undefined) settings.graphql = changes.graphql
      if ('deploymentError' in changes) settings.deploymentError = changes.deploymentError
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error === undefined ? resolve() : reject(error)))
      }),
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const text = payload === undefined ? '' : JSON.stringify(payload)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-media-type': 'github.v3; format=json',
    ...headers,
  })
  res.end(text)
}
