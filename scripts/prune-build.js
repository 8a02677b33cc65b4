// Deletes compiled files in build/ whose TypeScript source is gone: `tsc -b` is incremental and never
// removes the output of a deleted or renamed file, which `npm pack` would otherwise ship.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const build = path.join(root, 'build');
const OUTPUT = /(\.d\.ts|\.js)$/;

function prune(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      prune(full);
      if (fs.readdirSync(full).length === 0) fs.rmdirSync(full);
    } else if (OUTPUT.test(entry.name)) {
      const source = path.join(root, path.relative(build, full)).replace(OUTPUT, '.ts');
      if (!fs.existsSync(source)) fs.unlinkSync(full);
    }
  }
}

for (const dir of ['lib', 'imports']) {
  if (fs.existsSync(path.join(build, dir))) prune(path.join(build, dir));
}
