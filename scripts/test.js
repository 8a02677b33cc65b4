// `npm test`: the type check (`tsc --noEmit`), ESLint and jest, started together.
// tsc and ESLint each use one core and jest one worker per core, so run one after the other they left a core
// idle for the whole type check and lint (about 12 s of a fresh clone's first run on 2 cores). jest needs
// neither: sucrase transpiles the sources without build/, so the cores stay busy until the last test file ends.
// The output of tsc and ESLint is printed as each finishes; the run fails when any of the three fails, and
// arguments after `npm test --` go to jest.
const { spawn } = require('child_process');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** Runs `args` with node; resolves to its exit code, with its output captured unless `inherit`. */
function run(args, { inherit = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let output = '';
    if (!inherit) {
      child.stdout.on('data', (d) => { output += d; });
      child.stderr.on('data', (d) => { output += d; });
    }
    child.on('error', (e) => resolve({ code: 1, output: `${output}${e.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Prints a finished step's output and its outcome on one line. */
function report(name, { code, output }) {
  if (output.trim() !== '') process.stderr.write(`${output.replace(/\n?$/, '\n')}`);
  process.stderr.write(`${name}: ${code === 0 ? 'passed' : `failed (exit ${code})`} after ${seconds()}\n`);
  return code;
}

// package.json's `lint` script (`eslint <arguments>`), run with node directly rather than through npm.
const [eslint, ...lintArgs] = require('../package.json').scripts.lint.split(' ');
if (eslint !== 'eslint') throw new Error(`scripts.lint must be a plain eslint command, not ${eslint}`);

// One program over main.ts, lib/, imports/, test/ and scripts/ (tsconfig.json), checked without writing
// anything: the tests need no build/, and emitting it cost about 2 s of CPU on a fresh clone. Incremental,
// so that a second run checks only what changed. `npm run build` and `npm run test:integration` still build
// lib/ on its own (tsconfig.build.json).
const typeCheck = run([require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit', '--incremental',
  '--tsBuildInfoFile', path.join('node_modules', '.cache', 'tsc', 'npm-test.tsbuildinfo')])
  .then((result) => report('tsc', result));
const lint = run([path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), ...lintArgs]).then((result) => report('eslint', result));
const jest = run([require.resolve('jest/bin/jest'), ...process.argv.slice(2)], { inherit: true });

Promise.all([typeCheck, lint, jest]).then(([tscCode, lintCode, { code: jestCode }]) => {
  if (jestCode !== 0) process.stderr.write(`jest: failed (exit ${jestCode})\n`);
  process.exitCode = tscCode || lintCode || jestCode;
});
