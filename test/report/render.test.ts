import { describe, expect, it } from 'vitest'
import { diffApiDefinitions } from '../../src/diff/api-diff.js'
import { diffStages } from '../../src/diff/stage-diff.js'
import { COMMENT_LIMIT } from '../../src/report/fit.js'
import { commentMarker } from '../../src/report/marker.js'
import { renderCommentBody, renderReport } from '../../src/report/render.js'
import { code, escapeText, rich, safeUrl } from '../../src/report/safe-text.js'
import type { ReportInput } from '../../src/report/types.js'
import { largeApi, largeApiEverythingChanged } from '../fixtures/openapi/large-api.js'
import { petsOas30, petsOas30Breaking, petsOas30RouteChanges } from '../fixtures/openapi/pets-api.js'
import { PETS_API, previousDiff, redeployedStageDiff, reportInput, stageState } from '../fixtures/report-fixtures.js'

const MARKER = commentMarker(PETS_API.id, 'pr-42')
const snap = (name: string) => `./__snapshots__/${name}.md`

function both(input: ReportInput) {
  const { markdown, json } = renderReport(input)
  const comment = renderCommentBody(input, MARKER)
  return { markdown, json, comment }
}

describe('renderReport snapshots', () => {
  it('first deploy', async () => {
    const input = reportInput({
      deploymentId: 'dep111',
      stageDiff: diffStages(undefined, stageState()),
      apiDiff: previousDiff(diffApiDefinitions(undefined, petsOas30()), 'none'),
    })
    delete input.previousDeploymentId
    const { markdown, json, comment } = both(input)
    await expect(markdown).toMatchFileSnapshot(snap('first-deploy'))
    expect(comment).toBe(`${MARKER}\n${markdown}`)
    expect(json.changed).toBe(true)
    expect(json.apiChanges).toMatchObject({ available: true, counts: { added: 8, removed: 0, breaking: 0 } })
    expect(markdown).toContain('First deployment of this stage')
    // The variable names of a new stage are listed; their values are not.
    expect(markdown).toContain('<code>backendAlias</code>')
    expect(markdown).not.toContain('live')
  })

  it('no change', async () => {
    const input = reportInput({
      status: 'unchanged',
      deploymentId: 'dep111',
      previousDeploymentId: 'dep111',
      stageDiff: diffStages(stageState(), stageState()),
      apiDiff: previousDiff(diffApiDefinitions(petsOas30(), petsOas30())),
    })
    const { markdown, json } = both(input)
    await expect(markdown).toMatchFileSnapshot(snap('no-change'))
    expect(json.changed).toBe(false)
    expect(json.breakingChanges).toBe(0)
    expect(markdown).toContain('No changes to operations, integrations or authorizers.')
    expect(markdown).toContain('No stage changes.')
  })

  it('added, removed and changed routes', async () => {
    const input = reportInput({
      stageDiff: redeployedStageDiff(),
      apiDiff: previousDiff(diffApiDefinitions(petsOas30(), petsOas30RouteChanges())),
    })
    const { markdown, json } = both(input)
    await expect(markdown).toMatchFileSnapshot(snap('routes-changed'))
    expect(json).toMatchSnapshot()
    // The account id of Lambda ARNs never reaches the comment.
    expect(markdown).not.toContain('123456789012')
  })

  it('breaking change', async () => {
    const input = reportInput({
      stageDiff: redeployedStageDiff(),
      apiDiff: previousDiff(diffApiDefinitions(petsOas30(), petsOas30Breaking())),
    })
    const { markdown, json } = both(input)
    await expect(markdown).toMatchFileSnapshot(snap('breaking-change'))
    expect(json.breakingChanges).toBe(5)
    // Breaking changes are listed once, in a warning alert, before anything else of the API diff.
    expect(markdown.indexOf('> [!WARNING]')).toBeGreaterThan(markdown.indexOf('**API changes:**'))
    expect(markdown).toContain('⚠️ **5 breaking**')
  })

  it('canary', async () => {
    const canary = {
      deploymentId: 'dep333',
      percentTraffic: 10,
      stageVariableOverrides: { backendAlias: 'canary-secret-value' },
      useStageCache: false,
    }
    const before = stageState({ deploymentId: 'dep222', stageName: 'prod' })
    const after = stageState({ deploymentId: 'dep222', stageName: 'prod', canary })
    const canaryDoc = petsOas30RouteChanges()
    const input = reportInput({
      operation: 'deploy',
      status: 'canary',
      stageName: 'prod',
      deploymentId: 'dep222',
      previousDeploymentId: 'dep222',
      canary,
      stageDiff: diffStages(before, after),
      apiDiff: {
        kind: 'diff',
        baseline: { kind: 'production', deploymentId: 'dep222' },
        diff: diffApiDefinitions(petsOas30(), canaryDoc),
      },
    })
    const { markdown, json } = both(input)
    await expect(markdown).toMatchFileSnapshot(snap('canary'))
    expect(markdown).toContain('🐤 **Canary:** 10% of traffic → deployment <code>dep333</code>')
    expect(markdown).toContain('Canary deployment compared with production')
    expect(markdown).not.toContain('canary-secret-value')
    expect(json.canary).toEqual({
      deploymentId: 'dep333',
      percentTraffic: 10,
      useStageCache: false,
      overrides: ['backendAlias'],
    })
  })

  it('canary ramp and canary promotion', async () => {
    const canary = { deploymentId: 'dep333', percentTraffic: 10, stageVariableOverrides: {}, useStageCache: true }
    const ramp = reportInput({
      operation: 'update-canary',
      status: 'canary',
      stageName: 'prod',
      deploymentId: 'dep222',
      previousDeploymentId: 'dep222',
      canary: { ...canary, percentTraffic: 50 },
      stageDiff: diffStages(
        stageState({ stageName: 'prod', deploymentId: 'dep222', canary }),
        stageState({ stageName: 'prod', deploymentId: 'dep222', canary: { ...canary, percentTraffic: 50 } }),
      ),
      apiDiff: { kind: 'unavailable', reason: 'update-canary does not change deployments' },
    })
    await expect(renderReport(ramp).markdown).toMatchFileSnapshot(snap('canary-ramp'))
    const promote = reportInput({
      operation: 'promote-canary',
      status: 'promoted',
      stageName: 'prod',
      deploymentId: 'dep333',
      previousDeploymentId: 'dep222',
      stageDiff: diffStages(
        stageState({ stageName: 'prod', deploymentId: 'dep222', canary }),
        stageState({ stageName: 'prod', deploymentId: 'dep333' }),
      ),
      apiDiff: previousDiff(diffApiDefinitions(petsOas30(), petsOas30RouteChanges()), 'dep222'),
    })
    const md = renderReport(promote).markdown
    await expect(md).toMatchFileSnapshot(snap('canary-promoted'))
    expect(md).toContain('🐤 **Canary removed** (was 10% → deployment <code>dep333</code>).')
  })

  it('variables changed (values hidden)', async () => {
    const before = stageState({
      variables: { backendAlias: 'live', dbPassword: 'hunter2', logLevel: 'info', old: 'x' },
    })
    const after = stageState({
      variables: { backendAlias: 'v2', dbPassword: 's3cr3t!', logLevel: 'info', featureFlag: 'on' },
    })
    const input = reportInput({
      status: 'updated',
      deploymentId: 'dep111',
      previousDeploymentId: 'dep111',
      stageDiff: diffStages(before, after),
      apiDiff: previousDiff(diffApiDefinitions(petsOas30(), petsOas30())),
    })
    const { markdown, json, comment } = both(input)
    await expect(markdown).toMatchFileSnapshot(snap('variables-changed'))
    for (const secret of ['hunter2', 's3cr3t', 'v2', 'live', '"on"']) {
      expect(markdown).not.toContain(secret)
      expect(comment).not.toContain(secret)
      expect(JSON.stringify(json)).not.toContain(secret)
    }
    expect(json.stageChanges?.variables).toEqual({
      added: [{ name: 'featureFlag' }],
      removed: [{ name: 'old' }],
      changed: [{ name: 'backendAlias' }, { name: 'dbPassword' }],
    })
  })

  it('variables changed (values shown when opted in)', async () => {
    const before = stageState({ variables: { backendAlias: 'live', old: 'x' } })
    const after = stageState({ variables: { backendAlias: 'v2|<b>', featureFlag: 'on' } })
    const input = reportInput({
      status: 'updated',
      deploymentId: 'dep111',
      previousDeploymentId: 'dep111',
      showVariableValues: true,
      stageDiff: diffStages(before, after),
      apiDiff: previousDiff(diffApiDefinitions(petsOas30(), petsOas30())),
    })
    const { markdown, json } = both(input)
    await expect(markdown).toMatchFileSnapshot(snap('variables-values-shown'))
    expect(markdown).toContain('<code>v2&#124;&lt;b&gt;</code>')
    expect(json.stageChanges?.variables.changed).toEqual([{ name: 'backendAlias', before: 'live', after: 'v2|<b>' }])
  })

  it('settings changed', async () => {
    const after = stageState({
      deploymentId: 'dep111',
      tracingEnabled: true,
      accessLogSettings: {
        destinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:api',
        format: '$context.requestId',
      },
      methodSettings: {
        '*/*': { metricsEnabled: true, loggingLevel: 'INFO', throttlingRateLimit: 100, throttlingBurstLimit: 50 },
        '~1pets/GET': { cachingEnabled: true, cacheTtlInSeconds: 300 },
      },
    })
    const input = reportInput({
      status: 'updated',
      deploymentId: 'dep111',
      previousDeploymentId: 'dep111',
      stageDiff: diffStages(stageState(), after),
      apiDiff: previousDiff(diffApiDefinitions(petsOas30(), petsOas30())),
    })
    await expect(renderReport(input).markdown).toMatchFileSnapshot(snap('settings-changed'))
  })

  it('dry run with plan notes, diffed against another stage', async () => {
    const input = reportInput({
      status: 'planned',
      dryRun: true,
      operation: 'promote',
      stageName: 'prod',
      deploymentId: 'dep999',
      previousDeploymentId: 'dep222',
      planNotes: [
        'Point stage prod at deployment dep999 (the one staging runs)',
        'Leave 3 stage variables as they are',
      ],
      apiDiff: {
        kind: 'diff',
        baseline: { kind: 'stage', stageName: 'staging', deploymentId: 'dep999' },
        diff: diffApiDefinitions(petsOas30(), petsOas30RouteChanges()),
      },
    })
    const md = renderReport(input).markdown
    await expect(md).toMatchFileSnapshot(snap('dry-run-promote'))
    expect(md).toContain('(dry run)')
    expect(md).toContain('#### Plan')
  })

  it('failure with rollback hint and smoke test', async () => {
    const input = reportInput({
      status: 'failed',
      stageDiff: redeployedStageDiff(),
      apiDiff: { kind: 'unavailable', reason: 'GetExport failed: TooManyRequestsException' },
      smokeTest: {
        url: 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/pr-42/health',
        ok: false,
        status: 502,
        durationMs: 812.4,
        message: 'expected 2xx',
      },
      error:
        'Smoke test failed after UpdateStage.\nStage pr-42 now runs deployment dep222.\nTo roll back: operation: rollback, rollback-to: dep111',
    })
    await expect(renderReport(input).markdown).toMatchFileSnapshot(snap('failed'))
  })

  it('deleted preview stage', async () => {
    const input = reportInput({
      operation: 'delete',
      status: 'deleted',
      stageDiff: diffStages(stageState(), undefined),
      apiDiff: { kind: 'unavailable', reason: 'the stage was deleted' },
      notes: ['GitHub deployments of environment pr-42 marked inactive'],
    })
    delete input.deploymentId
    const md = renderReport(input).markdown
    await expect(md).toMatchFileSnapshot(snap('deleted'))
    // Deleted: said in the title, and no link to the stage that no longer exists.
    expect(md).toMatch(/^### ✅ Deleted/)
    expect(md).not.toContain(input.baseUrl)
    expect(md).not.toContain('API Gateway console')
  })
})

describe('300-resource API with everything changed', () => {
  const input = reportInput({
    stageDiff: diffStages(
      stageState(),
      stageState({
        deploymentId: 'dep222',
        variables: Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`VAR_${i}`, `value-${i}`])),
        methodSettings: Object.fromEntries(
          Array.from({ length: 80 }, (_, i) => [
            `~1service-${i}~1items~1{id}/GET`,
            { cachingEnabled: true, cacheTtlInSeconds: i },
          ]),
        ),
      }),
    ),
    apiDiff: previousDiff(diffApiDefinitions(largeApi(), largeApiEverythingChanged())),
  })

  it('keeps the comment under the 65,536-character limit with a pointer to the job summary', async () => {
    const comment = renderCommentBody(input, MARKER)
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(comment.startsWith(`${MARKER}\n`)).toBe(true)
    // Repeated changes collapse ("1890 × …"), so every added route fits in the comment.
    expect(comment).toContain('1890 × New required query parameter <code>tenant</code>')
    expect((comment.match(/🟢 added/g) ?? []).length).toBe(210)
    // Shorter still, lists are cut with a link to the job summary.
    const short = renderCommentBody(input, MARKER, 20_000)
    expect(short).toContain('see the [job summary](https://github.com/acme/pets/actions/runs/9876543210)')
    // Verdict, key/value rows and counts survive truncation.
    expect(comment).toContain('### ⚠️ 4620 breaking changes')
    expect(comment).toContain('- **Deployment:** <code>dep222</code> (was <code>dep111</code>)')
    expect(comment).toContain('⚠️ **4620 breaking** · 210 added · 210 removed · 1890 changed')
    expect(balanced(comment, '<details>', '</details>')).toBe(true)
    await expect(comment).toMatchFileSnapshot(snap('large-api-comment'))
  })

  it('keeps everything in the job summary markdown', () => {
    const { markdown, json } = renderReport(input)
    expect(new TextEncoder().encode(markdown).length).toBeLessThanOrEqual(1024 * 1024)
    expect(markdown).not.toContain('more lines')
    expect(json.apiChanges.available && json.apiChanges.changed.length).toBe(1890)
  })

  it('truncates a huge error at a line boundary when nothing else helps', () => {
    const huge = reportInput({
      status: 'failed',
      error: 'x'.repeat(10_000),
      apiDiff: { kind: 'unavailable', reason: 'n/a' },
    })
    const comment = renderCommentBody(huge, MARKER, 2_000)
    expect(comment.length).toBeLessThanOrEqual(2_000)
    expect(comment).toContain(
      '**Report truncated.** The [job summary of this run](https://github.com/acme/pets/actions/runs/9876543210) has the full report.',
    )
  })
})

describe('escaping', () => {
  const hostile = [
    '</code></details><img src=x onerror=alert(1)>',
    '| injected | cell |',
    '[click](https://evil.example)',
    '@octocat please look',
    '`code` **bold** _it_ ~~strike~~ $math$ #123',
    'line1\nline2\r\n# heading',
    '<!-- apigw-stage-action:a1b2c3d4e5:pr-42 -->',
    '\u202eevil\u202c',
  ]

  it.each(hostile)('code() neutralises %j', (value) => {
    const out = code(value)
    expect(out.startsWith('<code>') && out.endsWith('</code>')).toBe(true)
    const inner = out.slice(6, -7)
    expect(inner).not.toMatch(/[<>|`*_[\]\n\r$~]/)
    expect(inner).not.toContain('\u202e')
  })

  it('escapeText defuses mentions', () => {
    expect(escapeText('@octocat')).toBe('@&#8203;octocat')
  })

  it('rich() turns backtick spans into code and escapes the rest', () => {
    expect(rich('Added required query parameter `<x>` to *y*')).toBe(
      'Added required query parameter <code>&lt;x&gt;</code> to &#42;y&#42;',
    )
    expect(rich('odd ` backtick')).toBe('odd &#96; backtick')
  })

  it('safeUrl keeps http(s) only and encodes markdown-significant characters', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeUrl('not a url')).toBeUndefined()
    expect(safeUrl('https://x.example/a_(b)')).toBe('https://x.example/a%5F%28b%29')
  })

  it('renders hostile names, variables, descriptions and errors without breaking out', async () => {
    const name = hostile.join(' ')
    const after = petsOas30()
    after.paths['/pets'].get.parameters.push({
      name: '</code>|@admin',
      in: 'query',
      required: true,
      schema: { type: 'string' },
    })
    after.paths['/x</details>|y'] = { get: { responses: { '200': { description: 'ok' } } } }
    const input = reportInput({
      api: { ...PETS_API, name },
      status: 'failed',
      error: name,
      notes: hostile,
      showVariableValues: true,
      stageDiff: diffStages(
        stageState({ variables: {} }),
        stageState({ variables: Object.fromEntries(hostile.map((h, i) => [h, `${i}${h}`])) }),
      ),
      apiDiff: previousDiff(diffApiDefinitions(petsOas30(), after)),
    })
    const { markdown } = renderReport(input)
    await expect(markdown).toMatchFileSnapshot(snap('escaping'))
    expect(markdown).not.toContain('<img')
    expect(markdown).not.toContain('@octocat')
    expect(markdown).not.toContain('@admin')
    expect(markdown).not.toContain('](https://evil')
    expect(markdown).not.toContain('<!-- apigw-stage-action:a1b2c3d4e5:pr-42 -->')
    expect(markdown).not.toContain('\u202e')
    expect(balanced(markdown, '<details>', '</details>')).toBe(true)
    expect(balanced(markdown, '<code>', '</code>')).toBe(true)
    // Every table row keeps its column count.
    for (const line of markdown.split('\n').filter((l) => l.startsWith('| '))) {
      expect(line.split('|').length).toBeGreaterThanOrEqual(5)
    }
  })
})

describe('commentMarker', () => {
  it('is stable and cannot be broken by odd stage names', () => {
    expect(commentMarker('a1b2c3d4e5', 'pr-42')).toBe('<!-- apigw-stage-action:a1b2c3d4e5:pr-42 -->')
    expect(commentMarker('a1b2c3d4e5', 'x-->y')).toBe('<!-- apigw-stage-action:a1b2c3d4e5:x--_y -->')
  })
})

function balanced(text: string, open: string, close: string): boolean {
  return text.split(open).length === text.split(close).length
}
