// The jest test sequencer of mutation runs: keeps only the test files that the Stryker runner
// (covering-files-runner.mjs) names for the current mutant, and every file when it names none.
const Sequencer = require('@jest/test-sequencer').default;

const COVERING_FILES_ENV = 'ZDC_MUTANT_TEST_FILES';

class CoveringFilesSequencer extends Sequencer {
  sort(tests) {
    const named = process.env[COVERING_FILES_ENV];
    if (named === undefined) return super.sort(tests);
    const keep = new Set(JSON.parse(named));
    return super.sort(tests.filter((test) => keep.has(test.path)));
  }
}

module.exports = CoveringFilesSequencer;
