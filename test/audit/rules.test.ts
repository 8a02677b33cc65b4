import { ALL_RULES, audit, ignoreAnnotation } from '../../lib';
import { shop, shopWith } from './fixtures';
import { innoDbClusterManifest, mysqlManifests } from '../database/fixtures';

const container = (get: (kind: string) => any) => get('Deployment').spec.template.spec.containers[0];
const pod = (get: (kind: string) => any) => get('Deployment').spec.template.spec;

/** For every rule, a change to the clean baseline that must make it fire. */
const FAILING: Record<string, Parameters<typeof shopWith>[0]> = {
  'prestop-missing': (get) => { delete container(get).lifecycle; },
  'prestop-not-below-grace': (get) => { pod(get).terminationGracePeriodSeconds = 10; container(get).lifecycle.preStop.exec.command = ['/bin/sh', '-c', 'sleep 10']; },
  'grace-below-shutdown-budget': (get) => { pod(get).terminationGracePeriodSeconds = 22; },
  'prestop-shorter-than-propagation': (get) => { container(get).lifecycle.preStop = { sleep: { seconds: 2 } }; },
  'rolling-update-without-readiness': (get) => { delete container(get).readinessProbe; },
  'rolling-update-stalls': (get) => { get('Deployment').spec.strategy.rollingUpdate = { maxSurge: 0, maxUnavailable: 0 }; },
  'max-unavailable-behind-service': (get) => { get('Deployment').spec.strategy.rollingUpdate.maxUnavailable = 1; },
  'rwo-volume-on-surging-deployment': (get) => { get('PersistentVolumeClaim').spec.accessModes = ['ReadWriteOnce']; },
  'min-ready-seconds-zero': (get) => { delete get('Deployment').spec.minReadySeconds; },
  'revision-history-limit-unset': (get) => { delete get('Deployment').spec.revisionHistoryLimit; },
  'progress-deadline-unset': (get) => { delete get('Deployment').spec.progressDeadlineSeconds; },
  'min-replicas': (get) => { get('HorizontalPodAutoscaler').spec.minReplicas = 1; },
  'pdb-missing': (_get, all) => { all.splice(all.findIndex((m) => m.kind === 'PodDisruptionBudget'), 1); },
  'pdb-policy': (get) => { get('PodDisruptionBudget').spec.minAvailable = 1; },
  'pdb-blocks-drain': (get) => { get('PodDisruptionBudget').spec = { minAvailable: 2, selector: { matchLabels: { app: 'shop' } } }; },
  'pdb-protects-nothing': (get) => { get('PodDisruptionBudget').spec.maxUnavailable = '100%'; },
  'pdb-selects-nothing': (get) => { get('PodDisruptionBudget').spec.selector.matchLabels = { app: 'shopp' }; },
  'pod-affinity-instead-of-anti': (get) => { pod(get).affinity = { podAffinity: pod(get).affinity.podAntiAffinity }; },
  'anti-affinity-missing': (get) => { delete pod(get).affinity; },
  'hpa-range': (get) => { get('HorizontalPodAutoscaler').spec.maxReplicas = 2; },
  'hpa-target-missing': (get) => { get('HorizontalPodAutoscaler').spec.scaleTargetRef.name = 'shopp'; },
  'hpa-replicas-conflict': (get) => { get('Deployment').spec.replicas = 3; },
  'requests-missing': (get) => { delete container(get).resources; },
  'limits-missing': (get) => { delete container(get).resources.limits.cpu; },
  'qos-mismatch': (get) => { container(get).resources.limits.cpu = '500m'; },
  'image-not-pinned': (get) => { container(get).image = 'registry.local:5000/shop'; },
  'probe-port-undeclared': (get) => { container(get).readinessProbe.httpGet.port = 9090; },
  'probe-invalid': (get) => { container(get).livenessProbe.successThreshold = 2; },
  'liveness-equals-readiness': (get) => { container(get).livenessProbe = { ...container(get).readinessProbe }; },
  'literal-secret-env': (get) => { container(get).env = [{ name: 'DB_PASSWORD', value: 'hunter2' }]; },
  'service-selects-nothing': (get) => { get('Service').spec.selector = { app: 'shopp' }; },
  'service-target-port-missing': (get) => { get('Service').spec.ports[0].targetPort = 'web'; },
  'secret-with-data': (_get, all) => { all.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'shop' }, stringData: { password: 'x' } }); },
  'deprecated-api': (get) => { (get('PodDisruptionBudget') as any).apiVersion = 'policy/v1beta1'; },
  'claim-wave-before-consumer': (get) => {
    get('PersistentVolumeClaim').metadata.annotations = { 'argocd.argoproj.io/sync-wave': '0', 'argocd.argoproj.io/sync-options': 'Delete=false,Prune=false' };
    get('Deployment').metadata.annotations['argocd.argoproj.io/sync-wave'] = '2';
  },
  'argocd-delete-unprotected': (get) => { get('Deployment').metadata.annotations['argocd.argoproj.io/sync-wave'] = '0'; },
  'wordpress-whole-docroot-volume': (get) => {
    container(get).image = 'wordpress:6.7.1-apache';
    container(get).volumeMounts[0].mountPath = '/var/www/html';
  },
  'database-single-instance': (_get, all) => { all.push(...mysqlManifests({ dumpCronJob: true })); },
  'innodbcluster-size': (_get, all) => { all.push(innoDbClusterManifest({ instances: 1 })); },
  'database-backup-missing': (_get, all) => { all.push(...mysqlManifests({ dumpCronJob: false })); },
};

const ids = (manifests: any[]) => audit(manifests).violations.map((v) => v.ruleId);

test('the baseline passes every rule: no error, no warning', () => {
  expect(audit(shop()).violations).toEqual([]);
});

test('every rule has a failing fixture, and rule ids are unique', () => {
  expect(Object.keys(FAILING).sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
  expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
});

test.each(ALL_RULES.map((r) => [r.id, r.severity]))('%s (%s) fires on its failing fixture and not on the baseline', (id) => {
  expect(ids(shopWith(FAILING[id]))).toContain(id);
  expect(ids(shop())).not.toContain(id);
});

test.each(ALL_RULES.map((r) => [r.id]))('%s can be suppressed on the object it names, with a reason', (id) => {
  const manifests = shopWith(FAILING[id]);
  for (const v of audit(manifests).violations.filter((x) => x.ruleId === id)) {
    const object = manifests.find((m) => `${m.kind} ${m.metadata?.namespace}/${m.metadata?.name}` === v.object)!;
    (object.metadata as any).annotations = { ...object.metadata?.annotations, [ignoreAnnotation(id)]: 'tested exception' };
  }
  const report = audit(manifests);
  expect(report.violations.map((v) => v.ruleId)).not.toContain(id);
  expect(report.suppressed.map((s) => s.ruleId)).toContain(id);
});

describe('messages name the object, the field and the fix', () => {
  test('seed 002: preStop sleep equal to the grace period', () => {
    const [v] = audit(shopWith(FAILING['prestop-not-below-grace'])).violations;
    expect(v).toMatchObject({
      ruleId: 'prestop-not-below-grace', severity: 'error', object: 'Deployment shop/shop', field: 'spec.template.spec.terminationGracePeriodSeconds',
    });
    expect(v.message).toMatch(/terminationGracePeriodSeconds 10 is not above the preStop sleep of 10s: the kubelet sends SIGKILL the moment the sleep ends/);
    expect(v.fix).toMatch(/at least 11/);
  });

  test('seed 000: podAffinity where anti-affinity was meant', () => {
    const v = audit(shopWith(FAILING['pod-affinity-instead-of-anti'])).violations.find((x) => x.ruleId === 'pod-affinity-instead-of-anti')!;
    expect(v.field).toBe('spec.template.spec.affinity.podAffinity');
    expect(v.fix).toBe('rename podAffinity to podAntiAffinity');
  });

  test('PDB arithmetic uses the HPA minimum', () => {
    const v = audit(shopWith(FAILING['pdb-blocks-drain'])).violations.find((x) => x.ruleId === 'pdb-blocks-drain')!;
    expect(v.message).toBe('minAvailable 2 at 2 replicas of Deployment shop (HPA minReplicas) allows no disruption: every node drain would hang');
  });

  test('Multi-Attach names the claim', () => {
    const v = audit(shopWith(FAILING['rwo-volume-on-surging-deployment'])).violations.find((x) => x.ruleId === 'rwo-volume-on-surging-deployment')!;
    expect(v.message).toMatch(/^claim "shop-uploads": ReadWriteOnce attaches to one node/);
  });
});

describe('scope', () => {
  test('a single-replica or unserved workload is not held to the graceful-shutdown rules', () => {
    const single = shopWith((get, all) => { all.splice(all.indexOf(get('HorizontalPodAutoscaler')), 1); delete container(get).lifecycle; });
    expect(ids(single)).not.toContain('prestop-missing');
    expect(ids(single)).toContain('min-replicas');
    const unserved = shopWith((get, all) => { all.splice(all.indexOf(get('Service')), 1); delete container(get).lifecycle; });
    expect(ids(unserved)).not.toContain('prestop-missing');
  });

  test('a Recreate Deployment is not a rolling update, and matchExpressions select', () => {
    const recreate = shopWith((get) => { get('Deployment').spec.strategy = { type: 'Recreate' }; get('PersistentVolumeClaim').spec.accessModes = ['ReadWriteOnce']; get('HorizontalPodAutoscaler').spec.maxReplicas = 1; get('HorizontalPodAutoscaler').spec.minReplicas = 1; });
    expect(ids(recreate)).not.toContain('rwo-volume-on-surging-deployment');
    expect(ids(recreate)).not.toContain('rolling-update-stalls');
    const expressions = shopWith((get) => { get('PodDisruptionBudget').spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['shop'] }] }; });
    expect(audit(expressions).violations).toEqual([]);
  });

  test('options change the budgets', () => {
    expect(audit(shop(), { endpointPropagationSeconds: 25 }).violations.map((v) => v.ruleId)).toEqual(['prestop-shorter-than-propagation']);
    expect(audit(shop(), { shutdownBudgetSeconds: 15 }).violations.map((v) => v.ruleId)).toEqual(['grace-below-shutdown-budget']);
  });
});
