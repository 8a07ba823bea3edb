// Checks .github/ offline (`npm run lint:workflows`, in CI):
// - every workflow against GitHub's own workflow grammar, with @actions/workflow-parser (GitHub's parser behind its
//   Actions language server and VS Code extension): unknown keys, wrong value types, bad or unknown expressions;
// - the project's rules for workflows: every action from another repository pinned to a full commit SHA with its
//   version in a comment, and `permissions:` set for the workflow or for each job;
// - dependabot.yml against the keys and values GitHub's Dependabot options reference documents. No maintained
//   validator for it installs offline (the npm one downloads SchemaStore's schema at run time), hence this check.
// Runs under tsx: the workflow parser imports its JSON schema without an import attribute, which plain Node refuses
// (it is imported when first needed, so the other checks load anywhere).
//   node --import tsx scripts/lint-workflows.mjs [a .github directory; default: the repository's]
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

/** GitHub's grammar errors for one workflow, as `file (Line: n, Col: m): message`. */
export async function grammarErrors(name, content) {
  const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = await import('@actions/workflow-parser')
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  const errors = parsed.context.errors.getErrors().map((error) => error.message)
  if (errors.length > 0 || !parsed.value) return errors
  const template = await convertWorkflowTemplate(parsed.context, parsed.value)
  return (template.errors ?? []).map((error) => error.Message)
}

const USES = /^\s*(?:-\s+)?uses:\s*(['"]?)([^'"\s#]+)\1(.*)$/
const PINNED = /^[^@\s]+@[0-9a-f]{40}$/
const VERSION_COMMENT = /^\s+#\s+v\d+(\.\d+){0,2}\b/

/** Steps using an action by tag or branch, or pinned without a `# vX.Y.Z` comment. Local actions (./) are fine. */
export function pinProblems(name, content) {
  return content.split('\n').flatMap((line, index) => {
    const m = USES.exec(line)
    if (!m || m[2].startsWith('./')) return []
    const [, , action, rest] = m
    const where = `${name}:${index + 1}`
    if (!PINNED.test(action)) return [`${where}: ${action} is not pinned to a full commit SHA`]
    if (!VERSION_COMMENT.test(rest)) return [`${where}: ${action} has no "# vX.Y.Z" comment naming its version`]
    return []
  })
}

/** Jobs whose token permissions fall back to the repository's default (no `permissions:` here or on the workflow). */
export function permissionProblems(name, content) {
  const workflow = parse(content)
  if (workflow?.permissions !== undefined) return []
  return Object.entries(workflow?.jobs ?? {})
    .filter(([, job]) => job?.permissions === undefined && job?.uses === undefined)
    .map(([id]) => `${name}: job ${id} has no permissions: (nor has the workflow)`)
}

/** A list written as words, several to a line. */
const words = (text) => text.trim().split(/\s+/)

// The values and keys of GitHub's Dependabot options reference.
const ECOSYSTEMS = words(`
  bazel bun bundler cargo composer conda devcontainers docker docker-compose dotnet-sdk elm gitsubmodule
  github-actions gomod gradle helm julia maven mix npm nuget opentofu pip pub rust-toolchain swift terraform uv vcpkg
`)
const UPDATE_KEYS = words(`
  allow assignees commit-message cooldown directories directory exclude-paths groups ignore
  insecure-external-code-execution labels milestone multi-ecosystem-group open-pull-requests-limit package-ecosystem
  patterns pull-request-branch-name rebase-strategy registries reviewers schedule target-branch vendor
  versioning-strategy
`)
const INTERVALS = words('daily weekly monthly quarterly semiannually yearly cron')
const GROUP_KEYS = words('applies-to dependency-type patterns exclude-patterns update-types')
const DEPENDENCY_TYPE_ECOSYSTEMS = words('bundler composer mix maven npm pip')
const unknownKeys = (where, object, known) =>
  Object.keys(object ?? {})
    .filter((key) => !known.includes(key))
    .map((key) => `${where}: unknown key ${key}`)

/** Problems in dependabot.yml: required keys, known keys and documented values. */
export function dependabotProblems(content) {
  const config = parse(content) ?? {}
  const problems = unknownKeys(
    'dependabot.yml',
    config,
    words('version updates registries enable-beta-ecosystems multi-ecosystem-groups'),
  )
  if (config.version !== 2) problems.push('dependabot.yml: version must be 2')
  if (!Array.isArray(config.updates) || config.updates.length === 0) problems.push('dependabot.yml: updates is empty')
  for (const [index, update] of (Array.isArray(config.updates) ? config.updates : []).entries()) {
    const where = `dependabot.yml: updates[${index}]`
    const ecosystem = update?.['package-ecosystem']
    problems.push(...unknownKeys(where, update, UPDATE_KEYS))
    if (!ECOSYSTEMS.includes(ecosystem)) problems.push(`${where}: unknown package-ecosystem ${ecosystem}`)
    if (update?.directory === undefined && update?.directories === undefined) {
      problems.push(`${where}: directory or directories is required`)
    }
    const interval = update?.schedule?.interval
    if (!INTERVALS.includes(interval)) {
      problems.push(`${where}: schedule.interval ${interval} is not one of ${INTERVALS.join(', ')}`)
    }
    for (const [group, rule] of Object.entries(update?.groups ?? {})) {
      problems.push(...unknownKeys(`${where}.groups.${group}`, rule, GROUP_KEYS))
      if (rule?.['dependency-type'] !== undefined && !DEPENDENCY_TYPE_ECOSYSTEMS.includes(ecosystem)) {
        problems.push(`${where}.groups.${group}: dependency-type is not supported for ${ecosystem}`)
      }
    }
  }
  return problems
}

/** Every problem in a .github directory: its workflows and its dependabot.yml. */
export async function lintGithubDirectory(dir) {
  const workflows = join(dir, 'workflows')
  const problems = []
  for (const file of readdirSync(workflows).filter((f) => /\.ya?ml$/.test(f))) {
    const content = readFileSync(join(workflows, file), 'utf8')
    problems.push(
      ...(await grammarErrors(file, content)),
      ...pinProblems(file, content),
      ...permissionProblems(file, content),
    )
  }
  problems.push(...dependabotProblems(readFileSync(join(dir, 'dependabot.yml'), 'utf8')))
  return problems
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : fileURLToPath(new URL('../.github', import.meta.url))
  const problems = await lintGithubDirectory(dir)
  for (const problem of problems) console.error(problem)
  if (problems.length > 0) process.exit(1)
  console.log(`${dir}: the workflows and dependabot.yml are valid`)
}
