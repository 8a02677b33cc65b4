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

test('docs/package.md names every runtime dependency and peer, and says the package is not on the registry', () => {
  const docs = fs.readFileSync(path.join(ROOT, 'docs', 'package.md'), 'utf8');
  for (const dep of [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]) expect([dep, docs.includes(`\`${dep}\``)]).toEqual([dep, true]);
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const text of [docs, readme]) {
    expect(text).toMatch(/not (published )?on the npm registry/);
    // An install by name would fail with 404: every install shown is from a tarball or git.
    expect(text).not.toMatch(/npm install zero-downtime-charts(?!\S)(?! fails)/);
  }
});

test('docs/gitops.md says which objects carry a digest in their names (Jobs), not that none do', () => {
  const docs = fs.readFileSync(path.join(ROOT, 'docs', 'gitops.md'), 'utf8').replace(/\s+/g, ' ');
  expect(docs).not.toMatch(/no hash suffixes/);
  expect(docs).toMatch(/Jobs are the exception: a Job's pod template is immutable/);
});

test('docs/package.md says what a refused `cdk8s synth` does to dist/ (the CLI deletes it first), and how to get it back', () => {
  // Issue 19, point 9: a failed synth left the committed dist/ deleted. cdk8s-cli removes the folder before it
  // runs the app, so the app cannot keep it; the docs say so, and what to do.
  const docs = fs.readFileSync(path.join(ROOT, 'docs', 'package.md'), 'utf8').replace(/\s+/g, ' ');
  expect(docs).toMatch(/## When `cdk8s synth` fails `cdk8s synth` \(cdk8s-cli [\d.]+\) deletes the output folder \(`dist\/` by default\) before it runs the app/);
  expect(docs).toMatch(/a refused synth \([^)]*\) leaves `dist\/` deleted/);
  expect(docs).toContain('Bring the committed output back with `git restore dist/`');
  expect(docs).toContain('Never commit the empty folder');
});
