import * as fs from 'fs';
import * as path from 'path';
import * as lib from '../../lib';
import * as analysis from '../../lib/analysis';
import { API_MD, ApiEntry, collectApi, EXPORTS_TXT, forgottenExports, renderApiMarkdown, renderExports, ROOT, undocumented } from '../../scripts/api';
import * as pkg from '../../package.json';

// The public API is deliberate: a new export, a removed one or a changed doc shows up as a diff of
// test/api/exports.txt and docs/API.md, which `npm run api` regenerates.
const REGENERATE = 'run `npm run api` and commit docs/API.md and test/api/exports.txt';

let entries: ApiEntry[];
beforeAll(() => { entries = collectApi(); });

/** Fails with the first differing line and how to fix it. */
function expectCurrent(file: string, generated: string): void {
  const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (committed === generated) return;
  const a = committed.split('\n');
  const b = generated.split('\n');
  const line = b.findIndex((l, i) => l !== a[i]);
  const show = (l: string | undefined) => JSON.stringify(l === undefined || l.length <= 100 ? l : `${l.slice(0, 100)}...`);
  throw new Error(`${path.relative(ROOT, file)} is stale at line ${line + 1} (committed ${show(a[line])}, generated ${show(b[line])}): ${REGENERATE}`);
}

test('the runtime exports are exactly the pinned list', () => {
  const pinned = fs.readFileSync(EXPORTS_TXT, 'utf8').trim().split('\n').map((l) => l.split(' ')[0]);
  expect(Object.keys(lib).sort()).toEqual(pinned.filter((name) => !name.includes('/')));
  expect(Object.keys(analysis).map((name) => `analysis/${name}`).sort()).toEqual(pinned.filter((name) => name.startsWith('analysis/')));
});

test('the root exports at most 10 free functions: the rest is zero-downtime-charts/analysis', () => {
  const functions = fs.readFileSync(EXPORTS_TXT, 'utf8').trim().split('\n').filter((l) => l.endsWith(' function') && !l.includes('/'));
  expect(functions.length).toBeLessThanOrEqual(10);
  expect(Object.keys(lib)).not.toContain('audit');
  expect(Object.keys(analysis)).toContain('audit');
});

test('package.json exports the analysis subpath, for node and for TypeScript', () => {
  expect(pkg.exports['./analysis']).toEqual({ types: './build/lib/analysis.d.ts', default: './build/lib/analysis.js' });
  expect(pkg.typesVersions['*'].analysis).toEqual(['build/lib/analysis.d.ts']);
});

test('the pinned list is current', () => {
  expectCurrent(EXPORTS_TXT, renderExports(entries));
});

test('docs/API.md is current', () => {
  expectCurrent(API_MD, renderApiMarkdown(entries));
});

test('public declarations mention only exported types of the package', () => {
  expect(forgottenExports(entries)).toEqual([]);
});

test('internals stay internal', () => {
  for (const internal of [
    'PropChecker',
    'valueAt',
    'renderEnv',
    'toKubeHandler',
    'formatTable',
    'resolveSettings',
    'selectorLabels',
    'AuditContext',
    'restoreCommand',
    'MYSQL_DUMP_SCRIPT',
  ]) {
    expect(Object.keys(lib)).not.toContain(internal);
    expect(Object.keys(analysis)).not.toContain(internal);
  }
});

test('every export is documented', () => {
  expect(undocumented(entries)).toEqual([]);
});
