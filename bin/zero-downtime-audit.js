#!/usr/bin/env node
// The `zero-downtime-audit` command: the compiled audit CLI, with its exit code (0 clean, 1 findings,
// 2 unusable input) as the process's. The process is owned here, not in the library. A reader that
// closes the pipe early (`... --json | head -1`) ends the output quietly: EPIPE on stdout or stderr stops
// further writes instead of surfacing as an uncaught stack trace, and the exit code stays the audit's.
// `npm run audit` (lib/cli/audit.ts run from source) uses the same runner.
'use strict';

function runCli(main, name) {
  const closed = new Set();
  const writer = (stream) => {
    stream.on('error', (e) => {
      if (e && e.code === 'EPIPE') closed.add(stream);
      else throw e;
    });
    return (text) => {
      if (!closed.has(stream)) stream.write(`${text}\n`);
    };
  };
  const out = writer(process.stdout);
  const err = writer(process.stderr);
  return Promise.resolve()
    .then(() => main(process.argv.slice(2), out, err))
    .then(
      (code) => { process.exitCode = code; },
      (e) => { err(`${name}: internal error: ${e && e.stack ? e.stack : e}`); process.exitCode = 2; },
    );
}

module.exports = { runCli };

if (require.main === module) runCli(require('../build/lib/cli/audit.js').main, 'zero-downtime-audit');
