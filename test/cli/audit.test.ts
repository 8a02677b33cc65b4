import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ALL_RULES } from '../../lib';
import { main } from '../../lib/cli/audit';
import { FIXTURES } from '../audit/fixtures';

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, (t) => { out += t; }, (t) => { err += t; });
  return { code, out, err };
}

function tmpFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-'));
  fs.writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
}

test('the broken fixtures exit 1 and report every rule id', () => {
  const { code, out } = run(path.join(FIXTURES, 'broken'));
  expect(code).toBe(1);
  for (const id of [...ALL_RULES.map((r) => r.id), 'suppression-invalid']) expect(out).toMatch(new RegExp(`^(ERROR|WARNING) ${id} `, 'm'));
});

test('the seeds\' own YAML is caught for the mistakes the articles made', () => {
  const { out } = run('--json', path.join(FIXTURES, 'broken'));
  const found = (file: string) => new Set(JSON.parse(out).violations.filter((v: any) => v.source.endsWith(file)).map((v: any) => v.ruleId));
  expect([...found('seed-000-wordpress.yaml')]).toEqual(expect.arrayContaining(['pod-affinity-instead-of-anti', 'max-unavailable-behind-service', 'literal-secret-env', 'pdb-missing']));
  expect([...found('seed-001-user-v1.yaml')]).toEqual(expect.arrayContaining(['rolling-update-without-readiness', 'prestop-missing']));
  expect([...found('seed-002-myapp.yaml')]).toEqual(expect.arrayContaining(['prestop-not-below-grace', 'deprecated-api']));
  expect([...found('seed-003-wordpress.yaml')]).toEqual(expect.arrayContaining(['rwo-volume-on-surging-deployment', 'hpa-replicas-conflict', 'deprecated-api', 'prestop-missing']));
});

test('clean input exits 0; --json carries violations, suppressions and plans', () => {
  expect(run(path.join(FIXTURES, 'good')).code).toBe(0);
  const { code, out } = run('--json', path.join(FIXTURES, 'good', 'shop.yaml'));
  expect(code).toBe(0);
  const json = JSON.parse(out);
  expect(json).toMatchObject({ violations: [], suppressed: [], errors: 0, warnings: 0 });
  expect(json.plans[0].object).toBe('Deployment shop/shop');
});

test('warnings alone exit 0', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'good', 'shop.yaml'), 'utf8').replace('minReadySeconds: 5', 'minReadySeconds: 0');
  const { code, out } = run(tmpFile('warn.yaml', text));
  expect(code).toBe(0);
  expect(out).toContain('WARNING min-ready-seconds-zero');
});

test('options tune the budgets', () => {
  const { code, out } = run('--propagation-seconds', '30', path.join(FIXTURES, 'good'));
  expect(code).toBe(0);
  expect(out).toContain('prestop-shorter-than-propagation');
});

test.each([
  ['a missing path', ['/no/such/path'], /unusable input: \/no\/such\/path: no such file or folder/],
  ['a YAML syntax error', [tmpFile('bad.yaml', 'kind: Deployment\n  name: [unclosed\n')], /unusable input: .*bad\.yaml: document 1: /],
  ['a document that is not an object', [tmpFile('list.yaml', '- a\n- b\n')], /document 1 is not a Kubernetes object/],
  ['a folder without manifests', [fs.mkdtempSync(path.join(os.tmpdir(), 'empty-'))], /no Kubernetes objects found/],
  ['no arguments', [], /usage: npm run audit/],
  ['an unknown option', ['--strict', 'dist'], /unknown option --strict/],
  ['a bad number', ['--shutdown-budget', 'x', 'dist'], /--shutdown-budget takes a whole number of seconds/],
])('%s exits 2', (_title, argv, message) => {
  const { code, err } = run(...(argv as string[]));
  expect(code).toBe(2);
  expect(err).toMatch(message);
});

test('kind: List is expanded and --help exits 0', () => {
  const list = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'x' } } }] };
  const { code, out } = run(tmpFile('list.json', JSON.stringify(list)));
  expect(code).toBe(1);
  expect(out).toContain('service-selects-nothing');
  expect(run('--help').code).toBe(0);
});
