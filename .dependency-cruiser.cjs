// Import rules for src/, checked by `npm run lint:layers` in CI. The README's architecture section explains the layers.

// Each layer (a folder of src/) and the layers it may import besides itself, lowest first. A layer never imports one
// above it, and imports only what it needs from below (the adapters need only lib), so pure code (plan, diff, report)
// stays testable without AWS, GitHub or the runner. main.ts and index.ts sit on top and may import anything.
const LAYERS = {
  lib: [], // generic helpers, usable anywhere
  model: ['lib'], // the AWS world as the project sees it
  definition: ['lib', 'model'], // the repository's OpenAPI file: substitution, parsing, checks
  inputs: ['lib', 'model', 'definition', 'runner'], // the input table and its parsers (read.ts logs through runner/)
  rollout: ['lib', 'model', 'inputs'], // pure canary analysis, the rollout's state in stage tags, its decisions
  plan: ['lib', 'model', 'inputs', 'definition', 'rollout'], // pure planners
  diff: ['lib', 'model'], // pure API and stage diffs
  apigateway: ['lib', 'model', 'inputs', 'definition', 'plan'], // the AWS SDK adapter
  cloudwatch: ['lib', 'model'], // the CloudWatch adapter (metrics, alarms), loaded by rollouts only
  github: ['lib'], // the GitHub REST adapter
  runner: ['lib'], // the runner's environment: context, outputs, summary
  report: ['lib', 'model', 'inputs', 'definition', 'rollout', 'plan', 'diff'], // pure report building and rendering
  steps: [
    'lib',
    'model',
    'inputs',
    'definition',
    'rollout',
    'plan',
    'diff',
    'apigateway',
    'cloudwatch',
    'github',
    'runner',
    'report',
  ], // I/O via adapters
}

// The only file that may import @actions/core: the runner's lazy front to it (runner/actions-core.ts), which keeps it
// off the start-up path. Reading inputs, the steps and main use that front; everything else stays free of the Actions
// runtime so it runs in plain tests.
const ACTIONS_CORE_USERS = ['^src/runner/actions-core[.]ts$']
/** The modules that may use the front to @actions/core (log, outputs, inputs). */
const ACTIONS_CORE_FRONT_USERS = ['^src/inputs/read[.]ts$', '^src/runner/', '^src/steps/', '^src/main[.]ts$']

const layerNames = Object.keys(LAYERS)
// A module of src/ that is neither in a layer folder nor main.ts/index.ts: no layer rule would see it.
const OUTSIDE_LAYERS = `^src/(?!(${layerNames.join('|')})/|(main|index)[.]ts$)`
const OUTSIDE_LAYERS_FIX =
  `Every module of src/ is main.ts, index.ts or in a layer folder (${layerNames.join(', ')}): ` +
  'move it into one, or add its folder to LAYERS in .dependency-cruiser.cjs.'

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer}/ may import only from ${[layer, ...allowed].map((name) => `src/${name}/`).join(', ')}.`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: '^src/', pathNot: `^src/(${[layer, ...allowed].join('|')})/` },
}))

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'module-outside-layers',
      comment: OUTSIDE_LAYERS_FIX,
      severity: 'error',
      // Imports between two such modules are reported once, by the next rule.
      from: { path: OUTSIDE_LAYERS },
      to: { pathNot: OUTSIDE_LAYERS },
    },
    {
      name: 'import-of-module-outside-layers',
      comment: OUTSIDE_LAYERS_FIX,
      severity: 'error',
      from: {},
      to: { path: OUTSIDE_LAYERS },
    },
    {
      name: 'only-apigateway-imports-aws-sdk',
      comment: 'The AWS SDK stays behind the adapter in src/apigateway/: the rest of src/ sees the model types.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/apigateway/' },
      to: { path: '^node_modules/@aws-sdk/', pathNot: '^node_modules/@aws-sdk/client-cloudwatch/' },
    },
    {
      name: 'only-cloudwatch-imports-client-cloudwatch',
      comment: 'The CloudWatch SDK stays behind src/cloudwatch/, which the rollout step loads only when it runs.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cloudwatch/' },
      to: { path: '^node_modules/@aws-sdk/client-cloudwatch/' },
    },
    {
      name: 'only-github-imports-actions-github',
      comment: 'The GitHub REST client stays behind the adapter in src/github/.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/github/' },
      to: { path: '^node_modules/@actions/github/' },
    },
    {
      name: 'actions-core-only-at-the-edges',
      comment: 'Only src/runner/actions-core.ts imports @actions/core; the rest uses it through that module.',
      severity: 'error',
      from: { path: '^src/', pathNot: ACTIONS_CORE_USERS },
      to: { path: '^node_modules/@actions/core/' },
    },
    {
      name: 'only-runner-steps-inputs-log',
      comment:
        'Only src/inputs/read.ts, src/runner/, src/steps/ and src/main.ts log and set outputs (runner/actions-core.ts).',
      severity: 'error',
      from: { path: '^src/', pathNot: ACTIONS_CORE_FRONT_USERS },
      to: { path: '^src/runner/actions-core[.]ts$' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle means two modules cannot be understood (or tested) one without the other.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'A module in src/ that nothing imports and that imports nothing is dead code.',
      severity: 'error',
      from: { path: '^src/', orphan: true },
      to: {},
    },
    {
      name: 'src-not-to-test-or-bench',
      comment: 'The shipped code never depends on tests or benchmarks.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve would also escape every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type from a higher layer couples the code as much as a value does.
    tsPreCompilationDeps: true,
    // The project's tsconfig: ESM `.js` specifiers resolve to the `.ts` files beside them.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
}
