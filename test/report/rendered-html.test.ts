// The report as GitHub shows it: markdown rendered to HTML (GitHub-flavoured, with alerts), parsed with a DOM.
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { commentMarker } from '../../src/report/marker.js'
import { renderCommentBody, renderReport } from '../../src/report/render.js'
import { markdownToHtml } from './preview/html.js'
import { SCENARIOS } from './preview/scenarios.js'

const MARKER = commentMarker('a1b2c3d4e5', 'pr-42')

function scenario(name: string) {
  const build = SCENARIOS[name]
  if (build === undefined) throw new Error(`no scenario ${name}`)
  return build()
}

function dom(markdown: string) {
  return parseHTML(`<html><body>${markdownToHtml(markdown)}</body></html>`).document
}

const VERDICT: Record<string, RegExp> = {
  'first-deploy': /^✅ Deployed/,
  'redeploy-breaking': /^⚠️ 5 breaking changes · deployed/,
  canary: /^⚠️ 1 breaking change · canary at 10%/,
  promote: /^⚠️ 1 breaking change · promoted from staging/,
  delete: /^✅ Deleted/,
  refusal: /^❌ Refused/,
  'apply-failure': /^❌ Failed/,
  'smoke-failure': /^❌ Smoke test failed: the new deployment is live/,
  'dry-run': /^📝 Plan \(dry run\) · ⚠️ 5 breaking/,
  'large-api': /^⚠️ 4620 breaking changes/,
  drift: /^✅ Deployed/,
}

describe.each(Object.keys(SCENARIOS))('scenario %s, rendered', (name) => {
  const input = SCENARIOS[name]?.() ?? scenario('first-deploy')
  const targets = { summary: renderReport(input).markdown, comment: renderCommentBody(input, MARKER) }

  it.each(Object.entries(targets))('%s: the verdict is the heading', (_target, markdown) => {
    const heading = dom(markdown).querySelector('h3')
    expect(heading?.textContent ?? '').toMatch(VERDICT[name] ?? /^$/)
  })

  it.each(Object.entries(targets))('%s: tables have as many cells per row as headers', (_target, markdown) => {
    for (const table of dom(markdown).querySelectorAll('table')) {
      const width = table.querySelectorAll('thead th').length
      for (const row of table.querySelectorAll('tbody tr')) expect(row.querySelectorAll('td').length).toBe(width)
    }
  })

  it.each(Object.entries(targets))('%s: every link is absolute', (_target, markdown) => {
    for (const a of dom(markdown).querySelectorAll('a')) expect(a.getAttribute('href') ?? '').toMatch(/^https:\/\//)
  })

  it.each(Object.entries(targets))('%s: alerts are never folded', (_target, markdown) => {
    for (const alert of dom(markdown).querySelectorAll('.markdown-alert')) expect(alert.closest('details')).toBeNull()
  })
})

describe('breaking changes, rendered', () => {
  const markdown = renderReport(scenario('redeploy-breaking')).markdown
  const doc = dom(markdown)

  it('are in a warning alert, each once', () => {
    const alert = doc.querySelector('.markdown-alert-warning')
    expect(alert?.textContent).toContain('5 breaking changes')
    const text = doc.body.textContent ?? ''
    for (const change of [
      'DELETE /pets/{petId}: route removed',
      'New required query parameter limit',
      'Request body field price is now required',
      'Authorization none → AWS_IAM',
      'Response 404 removed',
    ]) {
      expect(alert?.textContent).toContain(change)
      expect(text.split(change).length - 1).toBe(1)
    }
  })

  it('speak API Gateway, not the diff engine', () => {
    const text = doc.body.textContent ?? ''
    expect(text).not.toMatch(/sigv4|Added required status|annotation|Request Body content/)
  })

  it('first deploys list no built-in authorizers', () => {
    const first = dom(renderReport(scenario('first-deploy')).markdown).body.textContent ?? ''
    expect(first).not.toMatch(/Authorizer (sigv4|api_key)/)
  })
})

describe('a large diff, rendered', () => {
  const input = scenario('large-api')

  it('collapses repeated changes and keeps every added route in the comment', () => {
    const doc = dom(renderCommentBody(input, MARKER))
    const text = doc.body.textContent ?? ''
    expect(text).toContain('270 × Lambda function …get → …get-v2')
    expect(text.match(/🟢 added/g)?.length).toBe(210)
  })

  it('keeps added routes before repetitive changes when it must cut, and links the job summary', () => {
    const doc = dom(renderCommentBody(input, MARKER, 20_000))
    const text = doc.body.textContent ?? ''
    expect(text).toContain('🟢 added')
    expect(text.indexOf('Routes added')).toBeLessThan(
      text.indexOf('Other changes') === -1 ? Infinity : text.indexOf('Other changes'),
    )
    const link = [...doc.querySelectorAll('a')].find((a) => a.textContent === 'job summary')
    expect(link?.getAttribute('href')).toBe('https://github.com/acme/pets/actions/runs/9876543210')
  })
})

describe('the report says what happened', () => {
  it('a smoke-test failure keeps the API diff and gives the rollback', () => {
    const text = dom(renderReport(scenario('smoke-failure')).markdown).body.textContent ?? ''
    expect(text).toContain('To roll back: run this action with operation: rollback')
    expect(text).toContain('dep111')
    expect(text).toContain('API changes:')
  })

  it('a promote names its source; a canary says it compared routes only', () => {
    expect(renderReport(scenario('promote')).markdown).toContain('- **Promoted from:** stage <code>staging</code>')
    expect(renderReport(scenario('canary')).markdown).toContain('_Compared: routes only')
  })

  it('a delete names the mapping it removed and links nothing of the stage', () => {
    const doc = dom(renderReport(scenario('delete')).markdown)
    expect(doc.body.textContent).toContain('Base path mapping api.example.com/pr-42 removed.')
    for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).not.toContain('execute-api')
  })

  it('the preview link is labelled, custom domain first', () => {
    const doc = dom(renderReport(scenario('first-deploy')).markdown)
    const links = [...doc.querySelectorAll('p a')].map((a) => a.textContent)
    expect(links.slice(0, 2)).toEqual(['api.example.com/pr-42', 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/pr-42'])
  })

  it('drift is a warning naming what changed', () => {
    const alert = dom(renderReport(scenario('drift')).markdown).querySelector('.markdown-alert-warning')
    expect(alert?.textContent).toContain('stage variable backendAlias changed')
  })

  it('a dry run shows the current deployment as current, never as planned', () => {
    const text = dom(renderReport(scenario('dry-run')).markdown).body.textContent ?? ''
    expect(text).toContain('Deployment: dep111 (current')
    expect(text).not.toContain('Planned')
    expect(text).toContain('changed: logLevel')
  })
})
