import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const CRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const cruise = (args: string[]) => spawnSync(process.execPath, [CRUISE, '--config', '.dependency-cruiser.cjs', '--output-type', 'err', ...args], { cwd: ROOT, encoding: 'utf8' });

// The layers and the circle rule are in .dependency-cruiser.cjs: grammar ← rules ← audit ← constructs ← app.
test('lib/ has no import circle and imports only downward through its layers', () => {
  const run = cruise(['lib']);
  expect(run.stdout + run.stderr).toContain('no dependency violations found');
  expect(run.status).toBe(0);
}, 60_000);

test('the check fails on a circle and on an upward import', () => {
  const run = cruise(['test/fixtures/layers']);
  expect(run.status).not.toBe(0);
  expect(run.stdout).toContain('no-circular');
  expect(run.stdout).toContain('grammar-imports-above: test/fixtures/layers/lib/grammar/low.ts → test/fixtures/layers/lib/audit/high.ts');
}, 60_000);

test('no module-level mutable state in lib/: no top-level let or var (the Kubernetes version is passed with the findings)', () => {
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const offenders = files(path.join(ROOT, 'lib')).flatMap((file) => fs.readFileSync(file, 'utf8').split('\n')
    .map((line, i) => [line, i] as const)
    .filter(([line]) => /^(export )?(let|var) /.test(line))
    .map(([, i]) => `${path.relative(ROOT, file)}:${i + 1}`));
  expect(offenders).toEqual([]);
});
