#!/usr/bin/env node
// The `zero-downtime-audit` command: the compiled audit CLI, with its exit code (0 clean, 1 errors,
// 2 unusable input) as the process's.
'use strict';
const { main } = require('../build/lib/cli/audit.js');

const write = (stream) => (text) => stream.write(`${text}\n`);
Promise.resolve()
  .then(() => main(process.argv.slice(2), write(process.stdout), write(process.stderr)))
  .then(
    (code) => { process.exitCode = code; },
    (e) => { process.stderr.write(`zero-downtime-audit: ${e && e.stack ? e.stack : e}\n`); process.exitCode = 2; },
  );
