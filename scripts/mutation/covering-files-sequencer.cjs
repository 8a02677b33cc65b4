// The jest test sequencer of mutation runs: keeps only the test files that the Stryker runner names for
// the current mutant, and every file when it names none (covering-files.cjs).
const Sequencer = require('@jest/test-sequencer').default;
const { keepNamedFiles } = require('./covering-files.cjs');

class CoveringFilesSequencer extends Sequencer {
  sort(tests) {
    return super.sort(keepNamedFiles(tests, process.env));
  }
}

module.exports = CoveringFilesSequencer;
