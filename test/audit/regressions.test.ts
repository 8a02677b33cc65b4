import * as fs from 'fs';
import * as path from 'path';
import { audit, loadManifests, Manifest, parseManifests, rolloutPlans } from '../../lib/analysis';
import { FIXTURES } from './fixtures';

/** Public manifest shapes (written here) that once got false errors, were missed, or crashed the audit. */
const REGRESSIONS = path.join(FIXTURES, 'regressions');
const load = (...files: string[]) => loadManifests(files.map((f) => path.join(REGRESSIONS, f)));
const findings = (manifests: Manifest[], complete = false) => audit(manifests, { complete }).violations.map((v) => `${v.severity} ${v.ruleId} ${v.object}`);
const text = (file: string) => fs.readFileSync(path.join(REGRESSIONS, file), 'utf8');

test('ingress-nginx: probes and a metrics Service on the undeclared numeric port 10254 are not errors', () => {
  const result = findings(load('ingress-nginx.yaml').manifests);
  expect(result.filter((f) => f.startsWith('error'))).toEqual([]);
  expect(result.join('\n')).not.toMatch(/probe-port-undeclared|service-target-port-missing|service-selects-nothing/);
});

test('Argo CD redis-ha: announce Services select one StatefulSet pod by statefulset.kubernetes.io/pod-name', () => {
  expect(findings(load('argocd-redis-ha.yaml').manifests, true).join('\n')).not.toMatch(/service-selects-nothing/);
  const beyond = parseManifests(text('argocd-redis-ha.yaml').replace('argocd-redis-ha-server-2', 'argocd-redis-ha-server-3'), 'redis-ha.yaml');
  expect(findings(beyond, true)).toContain('error service-selects-nothing Service argocd/argocd-redis-ha-announce-2');
  const services = audit(load('argocd-redis-ha.yaml').manifests).violations;
  expect(services).toEqual(expect.not.arrayContaining([expect.objectContaining({ ruleId: 'prestop-missing' })]));
});

test('the Kubernetes docs\' MySQL: MYSQL_ALLOW_EMPTY_PASSWORD "1" is a switch, a literal MYSQL_ROOT_PASSWORD is a credential', () => {
  expect(findings(load('mysql-docs.yaml').manifests).join('\n')).not.toMatch(/literal-secret-env/);
  const literal = parseManifests(text('mysql-docs.yaml').replace('name: MYSQL_ALLOW_EMPTY_PASSWORD', 'name: MYSQL_ROOT_PASSWORD'), 'mysql.yaml');
  expect(findings(literal)).toContain('error literal-secret-env StatefulSet mysql');
  for (const name of ['MYSQL_RANDOM_ROOT_PASSWORD', 'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD', 'POSTGRES_PASSWORD_FILE']) {
    const flag = parseManifests(text('mysql-docs.yaml').replace('name: MYSQL_ALLOW_EMPTY_PASSWORD', `name: ${name}`), 'mysql.yaml');
    expect([name, findings(flag).join('\n')]).not.toEqual([name, expect.stringMatching(/literal-secret-env/)]);
  }
});

test('the Kubernetes WordPress tutorial: strategy Recreate is reported (a warning at 1 replica, an error from 2)', () => {
  expect(findings(load('wordpress-tutorial.yaml').manifests)).toContain('warning recreate-strategy Deployment wordpress');
  const two = parseManifests(text('wordpress-tutorial.yaml').replace('  strategy:\n    type: Recreate', '  replicas: 2\n  strategy:\n    type: Recreate'), 'wp.yaml');
  expect(findings(two)).toContain('error recreate-strategy Deployment wordpress');
});

test('half an application: warnings per file, nothing when both halves are audited, the workload\'s verdict the same either way', () => {
  const front = findings(load('half-app-front.yaml').manifests);
  expect(front).toEqual(['warning service-selects-nothing Service shop/api', 'warning pdb-selects-nothing PodDisruptionBudget shop/api',
    'warning hpa-target-missing HorizontalPodAutoscaler shop/api']);
  const workload = findings(load('half-app-workload.yaml').manifests);
  expect(workload).toEqual(['error prestop-missing Deployment shop/api', 'warning min-replicas Deployment shop/api']);
  const both = findings(load('half-app-front.yaml', 'half-app-workload.yaml').manifests, true);
  expect(both).toEqual(['error prestop-missing Deployment shop/api']);
});

test('alias-heavy files are read: one anchor used 150 times, and merge keys', () => {
  const [flags, merged] = load('alias-heavy.yaml').manifests;
  expect(Object.keys(flags.data)).toHaveLength(151);
  expect(flags.data['flag-150']).toBe('on');
  expect(merged.metadata?.labels).toEqual({ team: 'web', tier: 'frontend', app: 'shop' });
});

test('wrong types never crash and never compute: replicas "3", 3.5, grace "thirty", ports as a map, PDB maxUnavailable "1"', () => {
  const { manifests } = load('wrong-types.yaml');
  const report = audit(manifests);
  expect(report.violations.filter((v) => ['invalid-field', 'pdb-policy'].includes(v.ruleId)).map((v) => [v.ruleId, v.object, v.field, v.message])).toEqual([
    ['invalid-field', 'Deployment types/typo', 'spec.replicas', 'replicas "3" is a string, not a whole number'],
    ['invalid-field', 'Deployment types/typo', 'spec.template.spec.containers[0].ports', 'ports is an object (an object), not a list'],
    ['invalid-field', 'Deployment types/typo', 'spec.template.spec.terminationGracePeriodSeconds', 'terminationGracePeriodSeconds "thirty" is a string, not a whole number'],
    ['invalid-field', 'Deployment types/fractional', 'spec.replicas', 'replicas 3.5 is a fractional number, not a whole number'],
    ['invalid-field', 'PodDisruptionBudget types/typo', 'spec.maxUnavailable', 'maxUnavailable "1" is neither a whole number nor a percentage'],
  ]);
  const [typo, fractional] = rolloutPlans(manifests);
  expect(typo).toMatchObject({ object: 'Deployment types/typo', replicas: { min: 1, max: 1 }, peakPods: 2, terminationGracePeriodSeconds: 30, pdbAllowedDisruptions: undefined });
  expect(fractional).toMatchObject({ replicas: { min: 1, max: 1 }, peakPods: 2 });
  expect(findings(manifests).join('\n')).not.toMatch(/min-replicas/);
});
