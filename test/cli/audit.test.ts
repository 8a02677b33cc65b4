import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../../lib/analysis';
import { main } from '../../lib/cli/audit';
import { FIXTURES } from '../audit/fixtures';
import { run, tmpFile } from './run';

const shopYaml = () => fs.readFileSync(path.join(FIXTURES, 'good', 'shop.yaml'), 'utf8');
const json = async (...argv: string[]) => JSON.parse((await run(['--format', 'json', ...argv])).out);

test('the broken fixtures exit 1 and report every rule id', async () => {
  const { code, out } = await run(['--complete', path.join(FIXTURES, 'broken')]);
  expect(code).toBe(1);
  for (const id of [...ALL_RULES.map((r) => r.id), 'suppression-invalid']) expect(out).toMatch(new RegExp(`^  (ERROR  |WARNING) ${id} `, 'm'));
});

test('the seeds\' own YAML is caught for the mistakes the articles made', async () => {
  const { findings } = await json(path.join(FIXTURES, 'broken'));
  const found = (file: string) => new Set(findings.filter((v: any) => v.file.endsWith(file)).map((v: any) => v.rule));
  expect([...found('seed-000-wordpress.yaml')]).toEqual(
    expect.arrayContaining(['pod-affinity-instead-of-anti', 'max-unavailable-behind-service', 'literal-secret-env', 'pdb-missing']),
  );
  expect([...found('seed-001-user-v1.yaml')]).toEqual(expect.arrayContaining(['rolling-update-without-readiness', 'prestop-missing']));
  expect([...found('seed-002-myapp.yaml')]).toEqual(expect.arrayContaining(['prestop-not-below-grace', 'deprecated-api']));
  expect([...found('seed-003-wordpress.yaml')]).toEqual(expect.arrayContaining(['rwo-volume-on-surging-deployment', 'hpa-replicas-conflict', 'deprecated-api', 'prestop-missing']));
});

test('clean input exits 0; the JSON report has findings, suppressions, skipped inputs, a summary and plans', async () => {
  expect((await run([path.join(FIXTURES, 'good')])).code).toBe(0);
  const { code, out } = await run(['--format', 'json', path.join(FIXTURES, 'good', 'shop.yaml')]);
  expect(code).toBe(0);
  expect(JSON.parse(out)).toMatchObject({ findings: [], suppressed: [], skipped: [], summary: { objects: 5, errors: 0, warnings: 0, suppressed: 0 } });
  expect(JSON.parse(out).plans[0].object).toBe('Deployment shop/shop');
  expect((await run(['--json', path.join(FIXTURES, 'good')])).out).toBe(out);
});

test('each JSON finding has kind, namespace, name, file, line, column, field, rule, severity, message and fix', async () => {
  const file = tmpFile('shop.yaml', shopYaml().replace('          image: ghcr.io/acme/shop:1.4.2', '          image: ghcr.io/acme/shop'));
  const { findings } = await json(file);
  expect(findings).toEqual([{
    kind: 'Deployment', namespace: 'shop', name: 'shop', file, line: 49, column: 11, objectLine: 13,
    field: 'spec.template.spec.containers[0].image', rule: 'image-not-pinned', severity: 'error',
    message: 'image "ghcr.io/acme/shop" has no tag, so it means :latest and every node may run a different build', fix: 'pin a version tag or a digest',
  }]);
  expect(shopYaml().split('\n')[48]).toBe('          image: ghcr.io/acme/shop:1.4.2');
});

test('the table groups findings by object, with file:line, and counts', async () => {
  const file = tmpFile('warn.yaml', shopYaml().replace('minReadySeconds: 5', 'minReadySeconds: 0').replace('  revisionHistoryLimit: 10\n', ''));
  const { code, out } = await run(['--no-plan', file]);
  expect(code).toBe(0);
  expect(out).toBe([
    `Deployment shop/shop  ${file}:13`,
    '  WARNING min-ready-seconds-zero  spec.minReadySeconds (line 26)',
    '          minReadySeconds is 0: a pod that passes readiness once and then crashes still counts as available',
    '          fix: set minReadySeconds to about 5-10 s',
    '  WARNING revision-history-limit-unset  spec.revisionHistoryLimit (line 20)',
    '          revisionHistoryLimit is unset',
    '          fix: set revisionHistoryLimit (10 keeps enough for `kubectl rollout undo`)',
    '',
    'audit: 5 object(s), 0 error(s), 2 warning(s), 0 suppressed',
    '',
  ].join('\n'));
  expect((await run([file])).out).toMatch(/^WORKLOAD\s+REPLICAS/);
});

test('color only when asked: ANSI codes on a terminal, none otherwise', async () => {
  const file = tmpFile('err.yaml', shopYaml().replace('ghcr.io/acme/shop:1.4.2', 'ghcr.io/acme/shop'));
  let colored = '';
  await main(['--no-plan', file], (t) => { colored += t; }, () => undefined, { color: true });
  expect(colored).toContain('\u001b[1;31mERROR  \u001b[0m image-not-pinned');
  let forcedOff = '';
  await main(['--no-plan', '--no-color', file], (t) => { forcedOff += t; }, () => undefined, { color: true });
  expect(forcedOff).not.toContain('\u001b[');
  expect((await run(['--no-plan', file])).out).not.toContain('\u001b[');
});

test('--fail-on warning exits 1 on warnings; --only and --ignore choose rules for the whole run', async () => {
  const file = tmpFile('warn.yaml', shopYaml().replace('minReadySeconds: 5', 'minReadySeconds: 0').replace('ghcr.io/acme/shop:1.4.2', 'ghcr.io/acme/shop'));
  expect((await run([file])).code).toBe(1);
  expect((await run(['--ignore', 'image-not-pinned', file])).code).toBe(0);
  expect((await run(['--ignore', 'image-not-pinned', '--fail-on', 'warning', file])).code).toBe(1);
  expect((await run(['--ignore', 'image-not-pinned,min-ready-seconds-zero', '--fail-on=warning', file])).code).toBe(0);
  const only = await json('--only', 'min-ready-seconds-zero', file);
  expect(only.findings.map((f: any) => f.rule)).toEqual(['min-ready-seconds-zero']);
});

test('--complete makes a half application\'s cross-object findings errors; per file and per folder agree otherwise', async () => {
  const front = path.join(FIXTURES, 'regressions', 'half-app-front.yaml');
  const half = await run(['--no-plan', front]);
  expect(half.code).toBe(0);
  expect(half.out).toMatch(/WARNING service-selects-nothing/);
  expect((await run(['--complete', front])).code).toBe(1);
  const workload = path.join(FIXTURES, 'regressions', 'half-app-workload.yaml');
  const errors = async (...files: string[]) => (await json(...files)).findings.filter((f: any) => f.severity === 'error').map((f: any) => `${f.rule} ${f.kind}/${f.name}`);
  expect(await errors(workload)).toEqual(['prestop-missing Deployment/api']);
  expect(await errors(front, workload)).toEqual(['prestop-missing Deployment/api']);
});

test('--kubernetes-version decides which API versions are removed', async () => {
  const flowSchema = tmpFile('fs.yaml', 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: x\n');
  expect((await run([flowSchema])).code).toBe(0);
  const on132 = await json('--kubernetes-version', '1.32', flowSchema);
  expect(on132.findings[0]).toMatchObject({
    rule: 'deprecated-api',
    message: 'FlowSchema flowcontrol.apiserver.k8s.io/v1beta3 is no longer served: removed in Kubernetes 1.32 (target: 1.32)',
    fix: 'use flowcontrol.apiserver.k8s.io/v1',
  });
  const podPreset = tmpFile('pp.yaml', 'apiVersion: settings.k8s.io/v1alpha1\nkind: PodPreset\nmetadata:\n  name: x\n');
  expect((await json(podPreset)).findings[0].message).toMatch(/removed in Kubernetes 1\.20/);
  expect((await run(['--kubernetes-version', '1.19', podPreset])).code).toBe(0);
});

test('- reads standard input', async () => {
  const { code, out } = await run(['--format', 'json', '-'], shopYaml().replace('ghcr.io/acme/shop:1.4.2', 'ghcr.io/acme/shop'));
  expect(code).toBe(1);
  expect(JSON.parse(out).findings[0]).toMatchObject({ file: '<stdin>', line: 49, rule: 'image-not-pinned' });
});

test('--help lists every rule with its severity and purpose, and exits 0', async () => {
  const { code, out } = await run(['--help']);
  expect(code).toBe(0);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const rule of ALL_RULES) {
    const note = rule.warningWhen ? ` (a warning ${rule.warningWhen})` : '';
    expect(out).toMatch(new RegExp(`^  ${rule.id} +${rule.severity} +${escape(rule.summary + note)}$`, 'm'));
  }
  expect(out).toMatch(/^ {2}recreate-strategy +error +.* \(a warning for a single replica, which min-replicas already reports\)$/m);
  expect(out).toContain('helm template my-release ./chart | zero-downtime-audit -');
});

test.each([
  ['no arguments', [], /no file, folder or - given/],
  ['an unknown option', ['--strict', 'dist'], /unknown option --strict/],
  ['a bad number', ['--shutdown-budget', 'x', 'dist'], /--shutdown-budget takes a whole number of seconds/],
  ['a bad format', ['--format', 'xml', 'dist'], /--format takes table, json, sarif, junit; got "xml"/],
  ['a bad fail-on level', ['--fail-on', 'info', 'dist'], /--fail-on takes error or warning/],
  ['an unknown rule', ['--ignore', 'no-such-rule', 'dist'], /--ignore: no rule named "no-such-rule"/],
  ['a bad Kubernetes version', ['--kubernetes-version', 'latest', 'dist'], /--kubernetes-version takes a version such as 1.27/],
  ['a missing option value', ['dist', '--only'], /--only needs a value/],
  ['a value given to a flag', ['--json=yes', 'dist'], /--json takes no value/],
  ['an option as another option\'s value', ['--format', '--json', 'dist'], /--format takes table, json, sarif, junit; got "--json"/],
  ['an unknown short option', ['-x', 'dist'], /unknown option -x/],
  ['the option terminator', ['dist', '--'], /unknown option --$/m],
  ['standard input twice', ['-', '-'], /- \(standard input\) can be given once/],
])('usage error: %s exits 2', async (_title, argv, message) => {
  const { code, err, out } = await run(argv as string[]);
  expect(code).toBe(2);
  expect(err).toMatch(message);
  expect(out).toBe('');
});

test('kind: List and typed lists are expanded, with each item\'s line', async () => {
  const list = 'apiVersion: v1\nkind: ServiceList\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: s}\n    spec: {selector: {app: x}, ports: [{port: 80}]}\n';
  const { findings } = await json('--complete', tmpFile('list.yaml', list));
  expect(findings).toEqual([expect.objectContaining({ rule: 'service-selects-nothing', kind: 'Service', name: 's', line: 7, objectLine: 4 })]);
});
