// Report markdown → HTML the way GitHub shows it: GitHub-flavoured markdown (tables, raw HTML such as <details>),
// GitHub's alerts (`> [!WARNING]`), GitHub's stylesheet, light or dark.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import MarkdownIt from 'markdown-it'

const md = new MarkdownIt({ html: true, linkify: false })
const require = createRequire(import.meta.url)

const ALERTS = ['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION']

/** The body HTML: markdown-it, then blockquotes opening with `[!KIND]` turned into GitHub's alert markup. */
export function markdownToHtml(markdown: string): string {
  return md
    .render(markdown)
    .replace(/<blockquote>\n<p>\[!(\w+)\](?:<br>|\n)?/g, (m, kind: string) =>
      ALERTS.includes(kind)
        ? `<blockquote class="markdown-alert markdown-alert-${kind.toLowerCase()}">\n<p><span class="markdown-alert-title">${kind.charAt(0)}${kind.slice(1).toLowerCase()}</span><br>`
        : m,
    )
}

/** A whole page with GitHub's stylesheet for one theme. */
export function htmlPage(markdown: string, theme: 'light' | 'dark'): string {
  const css = readFileSync(require.resolve(`github-markdown-css/github-markdown-${theme}.css`), 'utf8')
  const bg = theme === 'dark' ? '#0d1117' : '#ffffff'
  const alert = theme === 'dark' ? '#d29922' : '#9a6700'
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body{background:${bg};margin:0;padding:24px}.markdown-body{max-width:880px;margin:auto}
.markdown-alert{border-left:.25em solid ${alert};padding:.5rem 1rem}.markdown-alert-title{font-weight:600;color:${alert}}
</style></head><body><article class="markdown-body">${markdownToHtml(markdown)}</article></body></html>`
}
