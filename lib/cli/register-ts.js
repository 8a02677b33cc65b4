// Runs TypeScript under plain node (`node -r ./lib/cli/register-ts.js main.ts`), transpiled by
// ./transpile-ts.js without type-checking: `cdk8s synth` then takes a fraction of `ts-node`'s time, which
// type-checks the 1.1 MB imports/k8s.ts on every run. Output is cached by content hash in
// node_modules/.cache, so an unchanged file is not transpiled again. sucrase's own `sucrase/register/ts`
// has no cache and adds inline source maps: main.ts took 1.0-1.5 s under it against 0.35-0.55 s here.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { transpile } = require('./transpile-ts');

const cacheDir = path.join(__dirname, '..', '..', 'node_modules', '.cache', 'transpile-ts');
const version = require('sucrase/package.json').version + fs.readFileSync(path.join(__dirname, 'transpile-ts.js'), 'utf8');

function compiled(filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const cached = path.join(cacheDir, `${crypto.createHash('sha1').update(version).update(filename).update(source).digest('hex')}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const code = transpile(source, filename);
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      fs.writeFileSync(`${cached}.${process.pid}`, code);
      fs.renameSync(`${cached}.${process.pid}`, cached);
    } catch {
      // A read-only tree just goes without the cache.
    }
    return code;
  }
}

require.extensions['.ts'] = (module, filename) => module._compile(compiled(filename), filename);
