// Mutation testing of the grammar and rules layers (`npm run mutation`, docs/mutation.md).
// Not part of `npm test`: a full run takes many minutes. Every survivor gets a test or a written reason.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['lib/grammar/**/*.ts', 'lib/validation/**/*.ts', 'lib/policy/**/*.ts', 'lib/audit/rules/**/*.ts'],
  // Mutated message texts and regexes only show that a message or pattern changed; the tests that pin
  // them are not what this run measures.
  mutator: { excludedMutations: ['StringLiteral', 'Regex'] },
  // Stryker's jest runner, with each mutant's run narrowed to the test files holding its covering tests
  // (scripts/mutation/covering-files-runner.mjs and its jest test sequencer).
  testRunner: 'jest-covering-files',
  plugins: ['@stryker-mutator/jest-runner', './scripts/mutation/covering-files-runner.mjs'],
  // The project's own jest config (package.json, with its sucrase transform), narrowed to the tests of
  // these layers so that a run stays tolerable on two cores. lib/ is a root too: jest --findRelatedTests
  // follows imports only through files under a root, and a test reaches most rules through lib/analysis.ts.
  jest: {
    projectType: 'custom',
    config: {
      roots: ['<rootDir>/test', '<rootDir>/lib'],
      testMatch: ['<rootDir>/test/{grammar,validation,policy,audit}/**/*.test.ts'],
      testSequencer: '<rootDir>/scripts/mutation/covering-files-sequencer.cjs',
    },
    // Each mutant runs only the test files that import its file (jest --findRelatedTests).
    enableFindRelatedTests: true,
  },
  coverageAnalysis: 'perTest',
  // The machine is shared: one test process.
  concurrency: 1,
  // sucrase strips types without checking them, so no type checker plugin is needed for the mutants to run.
  checkers: [],
  ignorePatterns: ['build', '.cluster', 'coverage', 'reports', '.stryker-tmp'],
  tempDirName: '.stryker-tmp',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: null },
  timeoutMS: 10000,
};
