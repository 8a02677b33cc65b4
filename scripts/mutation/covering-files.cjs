// Narrowing a mutation run's jest runs to the test files that hold a mutant's covering tests.
//
// Stryker passes a mutant's covering tests to jest as a name pattern (`-t`), and jest still loads every
// related test file (`--findRelatedTests`) to look for them. In this project nearly every test file of the
// rules reaches every rule through lib/analysis.ts, so a mutant loaded about 35 files to run a few tests.
// The dry run records which file each test is in; a mutant's run then names its files to the jest test
// sequencer through an environment variable, and the sequencer keeps only those. Mutants without per-test
// coverage (static ones) run every related file, as before.
//
// Most mutants are killed by the file that holds most of their covering tests, so that file runs first,
// alone; the other files run only when the mutant survives it. A mutant killed in the first step is
// killed by a covering test either way; a survivor has run every covering test.
const fs = require('node:fs');

const COVERING_FILES_ENV = 'ZDC_MUTANT_TEST_FILES';
// Stryker's DryRunStatus.Complete and MutantRunStatus.Survived.
const DRY_RUN_COMPLETE = 'complete';
const SURVIVED = 'survived';

class CoveringFilesRunner {
  /**
   * @param inner Stryker's jest test runner.
   * @param recordPath where the dry run's worker writes each test's file, for every worker to read (they share one sandbox).
   * @param env the environment the jest sequencer reads, `process.env` in a run.
   */
  constructor(inner, recordPath, env) {
    this.inner = inner;
    this.recordPath = recordPath;
    this.env = env;
    this.fileOfTest = undefined;
  }

  capabilities() {
    return this.inner.capabilities();
  }

  init() {
    return this.inner.init?.();
  }

  dispose() {
    return this.inner.dispose?.();
  }

  async dryRun(options) {
    const result = await this.inner.dryRun(options);
    if (result.status === DRY_RUN_COMPLETE) {
      const record = Object.fromEntries(result.tests.filter((t) => t.fileName).map((t) => [t.id, t.fileName]));
      fs.writeFileSync(this.recordPath, JSON.stringify(record));
    }
    return result;
  }

  async mutantRun(options) {
    const files = this.filesOf(options.testFilter);
    if (files === undefined) return this.inner.mutantRun(options);
    if (files.length > 1) {
      const first = await this.runFiles(options, files.slice(0, 1));
      if (first.status !== SURVIVED) return first;
      const rest = await this.runFiles(options, files.slice(1));
      // A survivor has run the covering tests of both steps; Stryker reports how many.
      return rest.status === SURVIVED ? { ...rest, nrOfTests: (first.nrOfTests ?? 0) + (rest.nrOfTests ?? 0) } : rest;
    }
    return this.runFiles(options, files);
  }

  async runFiles(options, files) {
    this.env[COVERING_FILES_ENV] = JSON.stringify(files);
    try {
      return await this.inner.mutantRun(options);
    } finally {
      delete this.env[COVERING_FILES_ENV];
    }
  }

  /**
   * The files holding these tests, the one with most of them first, or undefined (run every related
   * file) when a test's file is not known.
   */
  filesOf(testIds) {
    if (!testIds) return undefined;
    this.fileOfTest ??= fs.existsSync(this.recordPath) ? JSON.parse(fs.readFileSync(this.recordPath, 'utf8')) : {};
    const testsIn = new Map();
    for (const id of testIds) {
      const file = this.fileOfTest[id];
      if (file === undefined) return undefined;
      testsIn.set(file, (testsIn.get(file) ?? 0) + 1);
    }
    return [...testsIn.keys()].sort((a, b) => testsIn.get(b) - testsIn.get(a));
  }
}

/** The tests (jest `Test` objects) of the files named in `env`, or all of them when it names none. */
function keepNamedFiles(tests, env) {
  const named = env[COVERING_FILES_ENV];
  if (named === undefined) return tests;
  const keep = new Set(JSON.parse(named));
  return tests.filter((test) => keep.has(test.path));
}

module.exports = { COVERING_FILES_ENV, CoveringFilesRunner, keepNamedFiles };
