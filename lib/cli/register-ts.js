// Runs TypeScript sources under plain node by transpiling them with swc, without type-checking.
// Type errors are caught once by `tsc --noEmit` in `npm test`, not on every synth: this keeps
// `cdk8s synth` at a fraction of `ts-node`'s time, which type-checks the 1.1 MB imports/k8s.ts each run.
const fs = require('fs');
const swc = require('@swc/core');

const options = { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: 'inline' };
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
