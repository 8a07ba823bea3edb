// `npm run report:preview`: every report scenario as GitHub would show it (job summary and PR comment, light and
// dark) in build/report-preview/, and a screenshot of each with headless Chromium when one is installed
// (Debian: `apt-get install chromium`). A developer tool: not part of `npm test`.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { commentMarker } from '../../../src/report/marker.js'
import { renderCommentBody, renderReport } from '../../../src/report/render.js'
import { htmlPage } from './html.js'
import { SCENARIOS } from './scenarios.js'

const OUT = resolve(process.argv[2] ?? 'build/report-preview')
const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find((bin) => {
  try {
    execFileSync('which', [bin], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})

mkdirSync(OUT, { recursive: true })
const index: string[] = []
for (const [name, build] of Object.entries(SCENARIOS)) {
  const input = build()
  const pages = {
    summary: renderReport(input).markdown,
    comment: renderCommentBody(input, commentMarker(input.api.id, input.stageName)),
  }
  for (const [target, markdown] of Object.entries(pages)) {
    for (const theme of ['light', 'dark'] as const) {
      const base = join(OUT, `${name}.${target}.${theme}`)
      writeFileSync(`${base}.md`, markdown)
      writeFileSync(`${base}.html`, htmlPage(markdown, theme))
      index.push(`${base}.html`)
      if (CHROMIUM && target === 'comment') screenshot(`${base}.html`, `${base}.png`)
    }
  }
}
writeFileSync(join(OUT, 'index.txt'), `${index.join('\n')}\n`)
console.log(`${index.length} pages in ${OUT}${CHROMIUM ? ' with screenshots' : ' (no Chromium: no screenshots)'}`)

function screenshot(html: string, png: string): void {
  execFileSync(
    CHROMIUM as string,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      `--screenshot=${png}`,
      '--window-size=960,1600',
      `file://${html}`,
    ],
    { stdio: 'ignore', timeout: 60_000 },
  )
  if (!existsSync(png)) console.warn(`no screenshot for ${html}`)
}
