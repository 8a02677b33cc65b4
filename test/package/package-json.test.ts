import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('no install-time script is published: the build runs before packing (prepack), never on install', () => {
  // npm runs prepare on every install from a registry or git clone, and warns for a tarball that carries it.
  for (const script of ['prepare', 'preinstall', 'install', 'postinstall']) expect([script, manifest.scripts[script]]).toEqual([script, undefined]);
  expect(manifest.scripts.prepack).toBe('npm run build');
});

test('the consumer example in docs/package.md is the one the consumer test synthesizes', () => {
  const docs = fs.readFileSync(path.join(ROOT, 'docs', 'package.md'), 'utf8');
  const consumer = fs.readFileSync(path.join(ROOT, 'test', 'package', 'consumer.integration.test.ts'), 'utf8');
  const field = (text: string, re: RegExp) => re.exec(text)?.[1];
  for (const re of [/image: '([^']+)'/, /port: (\d+)/, /Probe\.httpGet\(\{ path: '([^']+)' \}\)/]) {
    expect(field(docs, re)).toBeDefined();
    expect(field(docs, re)).toBe(field(consumer, re));
  }
});
