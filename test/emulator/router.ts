// Matches method + path (+ selecting query parameters) against the route table.
import type { Route } from './context.js'
import type { Dict } from './types.js'

export interface RouteMatch {
  route: Route
  params: Dict<string>
}

interface Compiled {
  route: Route
  segments: string[]
}

export class Router {
  private readonly compiled: Compiled[]

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: route.path.split('/').filter(Boolean) }))
  }

  match(method: string, pathname: string, query: URLSearchParams): RouteMatch | undefined {
    const parts = pathname.split('/').filter(Boolean).map(safeDecode)
    for (const { route, segments } of this.compiled) {
      if (route.method !== method || segments.length !== parts.length) continue
      if (route.query && Object.entries(route.query).some(([k, v]) => query.get(k) !== v)) continue
      const params: Dict<string> = {}
      const matched = segments.every((segment, i) => {
        const part = parts[i] as string
        if (segment.startsWith('{') && segment.endsWith('}')) {
          params[segment.slice(1, -1)] = part
          return true
        }
        return segment === part
      })
      if (matched) return { route, params }
    }
    return undefined
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
