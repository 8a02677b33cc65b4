// Transpiles TypeScript to CommonJS with sucrase: it strips types without checking them, in plain
// JavaScript (no native binary, so `npm ci` works from any registry mirror), and keeps line numbers, so
// stack traces need no source map. Type errors are caught once by `tsc -b` in `npm test`.
// Used by the require hook (./register-ts.js) and as jest's transform.
const { transform } = require('sucrase');

/** The CommonJS code of one TypeScript file. */
function transpile(source, filename) {
  return transform(source, { transforms: ['typescript', 'imports'], filePath: filename, production: true }).code;
}

/** Jest's transformer interface (jest caches the result itself). */
function processForJest(source, filename) {
  return { code: transpile(source, filename) };
}

module.exports = { transpile, process: processForJest };
