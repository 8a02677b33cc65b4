// A Stryker test runner: Stryker's own jest runner, with each mutant's jest run narrowed to the test
// files that hold its covering tests.
//
// Stryker passes a mutant's covering tests to jest as a name pattern (`-t`), and jest still loads every
// related test file (`--findRelatedTests`) to look for them. In this project nearly every test file of the
// rules reaches every rule through lib/analysis.ts, so a mutant loaded about 35 files to run a few tests.
// The dry run records which file each test is in; a mutant's run then names its files to the jest test
// sequencer (covering-files-sequencer.cjs) through an environment variable, and the sequencer keeps only
// those. Mutants without per-test coverage (static ones) run every related file, as before.
//
// Most mutants are killed by the file that holds most of their covering tests, so that file runs first,
// alone; the other files run only when the mutant survives it. A mutant killed in the first step is
// killed by a covering test either way; a survivor has run every covering test.
import fs from 'node:fs';
import path from 'node:path';
import { PluginKind, commonTokens, declareFactoryPlugin, tokens } from '@stryker-mutator/api/plugin';
import { DryRunStatus, MutantRunStatus } from '@stryker-mutator/api/test-runner';
import { strykerPlugins as jestPlugins } from '@stryker-mutator/jest-runner';

export const COVERING_FILES_ENV = 'ZDC_MUTANT_TEST_FILES';

// Written by the worker that runs the dry run, read by every worker (they share one sandbox).
const TEST_FILES_RECORD = '.stryker-test-files.json';

class CoveringFilesRunner {
  constructor(inner) {
    this.inner = inner;
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
    if (result.status === DryRunStatus.Complete) {
      const record = Object.fromEntries(result.tests.filter((t) => t.fileName).map((t) => [t.id, t.fileName]));
      fs.writeFileSync(path.resolve(TEST_FILES_RECORD), JSON.stringify(record));
    }
    return result;
  }

  async mutantRun(options) {
    const files = this.filesOf(options.testFilter);
    if (files === undefined) return this.inner.mutantRun(options);
    if (files.length > 1) {
      const first = await this.runFiles(options, files.slice(0, 1));
      if (first.status !== MutantRunStatus.Survived) return first;
    }
    return this.runFiles(options, files.length > 1 ? files.slice(1) : files);
  }

  async runFiles(options, files) {
    process.env[COVERING_FILES_ENV] = JSON.stringify(files);
    try {
      return await this.inner.mutantRun(options);
    } finally {
      delete process.env[COVERING_FILES_ENV];
    }
  }

  /**
   * The files holding these tests, the one with most of them first, or undefined (run every related
   * file) when a test's file is not known.
   */
  filesOf(testIds) {
    if (!testIds) return undefined;
    this.fileOfTest ??= fs.existsSync(TEST_FILES_RECORD) ? JSON.parse(fs.readFileSync(TEST_FILES_RECORD, 'utf8')) : {};
    const testsIn = new Map();
    for (const id of testIds) {
      const file = this.fileOfTest[id];
      if (file === undefined) return undefined;
      testsIn.set(file, (testsIn.get(file) ?? 0) + 1);
    }
    return [...testsIn.keys()].sort((a, b) => testsIn.get(b) - testsIn.get(a));
  }
}

function coveringFilesRunnerFactory(injector) {
  return new CoveringFilesRunner(jestPlugins[0].factory(injector));
}
coveringFilesRunnerFactory.inject = tokens(commonTokens.injector);

export const strykerPlugins = [declareFactoryPlugin(PluginKind.TestRunner, 'jest-covering-files', coveringFilesRunnerFactory)];
