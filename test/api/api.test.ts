import * as fs from 'fs';
import * as path from 'path';
import * as lib from '../../lib';
import * as analysis from '../../lib/analysis';
import { EXPORTS_TXT, ROOT } from '../../scripts/api';
import * as pkg from '../../package.json';

// The public API is deliberate: a new export or a removed one shows up as a diff of test/api/exports.txt,
// which `npm run api` regenerates with the docs (test/api/api.integration.test.ts checks both are current).
const pinned = () => fs.readFileSync(path.join(ROOT, EXPORTS_TXT), 'utf8').trim().split('\n').map((l) => {
  const [name, kind] = l.split(' ');
  return { name, kind };
});

test('the runtime exports are exactly the pinned list: run `npm run api` after changing them', () => {
  const names = pinned().map((e) => e.name);
  expect(Object.keys(lib).sort()).toEqual(names.filter((name) => !name.includes('/')));
  expect(Object.keys(analysis).map((name) => `analysis/${name}`).sort()).toEqual(names.filter((name) => name.startsWith('analysis/')));
});

test('the pinned kinds agree with the loaded modules: classes and functions are callable, the rest is not', () => {
  const value = (name: string): unknown => (name.startsWith('analysis/')
    ? (analysis as Record<string, unknown>)[name.slice('analysis/'.length)]
    : (lib as Record<string, unknown>)[name]);
  const wrong = pinned().filter((e) => (typeof value(e.name) === 'function') !== (e.kind === 'class' || e.kind === 'function'));
  expect(wrong).toEqual([]);
});

test('the root exports at most 10 free functions: the rest is zero-downtime-charts/analysis', () => {
  const functions = pinned().filter((e) => e.kind === 'function' && !e.name.includes('/'));
  expect(functions.length).toBeLessThanOrEqual(10);
  expect(Object.keys(lib)).not.toContain('audit');
  expect(Object.keys(analysis)).toContain('audit');
});

test('package.json exports the analysis subpath, for node and for TypeScript', () => {
  expect(pkg.exports['./analysis']).toEqual({ types: './build/lib/analysis.d.ts', default: './build/lib/analysis.js' });
  expect(pkg.typesVersions['*'].analysis).toEqual(['build/lib/analysis.d.ts']);
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
