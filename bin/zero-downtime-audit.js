#!/usr/bin/env node
// The `zero-downtime-audit` command: the compiled audit CLI, with its exit code (0 clean, 1 errors,
// 2 unusable input) as the process's.
'use strict';
const { main } = require('../build/lib/cli/audit.js');
const { runCli } = require('./run-cli.js');

runCli(main, 'zero-downtime-audit');
