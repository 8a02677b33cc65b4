import { ALL_RULES, audit, ignoreAnnotation } from '../../lib/analysis';
import { availabilityRules } from '../../lib/audit/rules/availability';
import { containerRules } from '../../lib/audit/rules/containers';
import { hygieneRules } from '../../lib/audit/rules/hygiene';
import { referenceRules } from '../../lib/audit/rules/references';
import { rolloutRules } from '../../lib/audit/rules/rollout';
import { shutdownRules } from '../../lib/audit/rules/shutdown';
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
  'duplicate-object': (get, all) => { all.push(structuredClone(get('Deployment'))); },
  'recreate-strategy': (get) => { get('Deployment').spec.strategy = { type: 'Recreate' }; },
  'rolling-update-stalls': (get) => { get('Deployment').spec.strategy.rollingUpdate = { maxSurge: '0%', maxUnavailable: '10%' }; },
  'max-unavailable-behind-service': (get) => { get('Deployment').spec.strategy.rollingUpdate.maxUnavailable = 1; },
  'rwo-volume-on-surging-deployment': (get) => { get('PersistentVolumeClaim').spec.accessModes = ['ReadWriteOnce']; },
  'min-ready-seconds-zero': (get) => { delete get('Deployment').spec.minReadySeconds; },
  'revision-history-limit-unset': (get) => { delete get('Deployment').spec.revisionHistoryLimit; },
  'progress-deadline-unset': (get) => { delete get('Deployment').spec.progressDeadlineSeconds; },
  'min-replicas': (get) => { get('HorizontalPodAutoscaler').spec.minReplicas = 1; },
  'pdb-missing': (_get, all) => { all.splice(all.findIndex((m) => m.kind === 'PodDisruptionBudget'), 1); },
  'pdb-policy': (get) => { delete get('PodDisruptionBudget').spec.maxUnavailable; },
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
  'probe-port-undeclared': (get) => { container(get).readinessProbe.httpGet.port = 'metrics'; },
  'probe-invalid': (get) => { container(get).livenessProbe.successThreshold = 2; },
  'liveness-equals-readiness': (get) => { container(get).livenessProbe = { ...container(get).readinessProbe }; },
  'literal-secret-env': (get) => { container(get).env = [{ name: 'DB_PASSWORD', value: 'hunter2' }]; },
  'service-selects-nothing': (get) => { get('Service').spec.selector = { app: 'shopp' }; },
  'service-target-port-missing': (get) => { get('Service').spec.ports[0].targetPort = 'web'; },
  'secret-with-data': (_get, all) => { all.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'shop' }, stringData: { password: 'x' } }); },
  'invalid-field': (get) => { pod(get).terminationGracePeriodSeconds = 'thirty'; },
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
  'acme-solver-denied': (_get, all) => {
    all.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: 'shop' },
      spec: { podSelector: {}, policyTypes: ['Ingress'] } },
      { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'shop', namespace: 'shop' },
        spec: { secretName: 'shop-tls', dnsNames: ['shop.example.com'], issuerRef: { kind: 'ClusterIssuer', name: 'letsencrypt' } } });
  },
  'job-immutable-template': (_get, all) => {
    all.push({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'shop-migrate', namespace: 'shop' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'ghcr.io/acme/shop:1.4.2', args: ['migrate'] }] } } } });
  },
  'cronjob-claim-blocks-later-waves': (get, all) => {
    get('Deployment').metadata.annotations['argocd.argoproj.io/sync-wave'] = '1';
    all.push({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'shop-backup', namespace: 'shop' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
    { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'shop-backup', namespace: 'shop' },
      spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'backup', image: 'ghcr.io/acme/shop:1.4.2' }],
        volumes: [{ name: 'backup', persistentVolumeClaim: { claimName: 'shop-backup' } }] } } } } } });
  },
  'database-single-instance': (_get, all) => { all.push(...mysqlManifests({ dumpCronJob: true })); },
  'innodbcluster-size': (_get, all) => { all.push(innoDbClusterManifest({ instances: 1 })); },
  'database-backup-missing': (_get, all) => { all.push(...mysqlManifests({ dumpCronJob: false })); },
};

const ids = (manifests: any[], complete = true) => audit(manifests, { complete }).violations.map((v) => v.ruleId);

test('the baseline passes every rule: no error, no warning', () => {
  expect(audit(shop()).violations).toEqual([]);
});

test('every rule has a one-line summary, and the audit\'s own rules a one-line fix, for --help and SARIF', () => {
  for (const rule of ALL_RULES) expect(rule.summary).toMatch(/^[^\n]{20,200}$/);
  for (const rule of [...shutdownRules, ...rolloutRules, ...availabilityRules, ...containerRules, ...referenceRules, ...hygieneRules]) expect(rule.fix).toMatch(/^[^\n]{10,200}$/);
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
  test('preStop sleep equal to the grace period', () => {
    const [v] = audit(shopWith(FAILING['prestop-not-below-grace'])).violations;
    expect(v).toMatchObject({
      ruleId: 'prestop-not-below-grace', severity: 'error', object: 'Deployment shop/shop', field: 'spec.template.spec.terminationGracePeriodSeconds',
    });
    expect(v.message).toMatch(/terminationGracePeriodSeconds 10 is not above the preStop sleep of 10s: the kubelet sends SIGKILL the moment the sleep ends/);
    expect(v.fix).toMatch(/at least 11/);
  });

  test('podAffinity where anti-affinity was meant', () => {
    const v = audit(shopWith(FAILING['pod-affinity-instead-of-anti'])).violations.find((x) => x.ruleId === 'pod-affinity-instead-of-anti')!;
    expect(v.field).toBe('spec.template.spec.affinity.podAffinity');
    expect(v.fix).toBe('rename podAffinity to podAntiAffinity');
  });

  test('PDB arithmetic uses the HPA minimum', () => {
    const v = audit(shopWith(FAILING['pdb-blocks-drain'])).violations.find((x) => x.ruleId === 'pdb-blocks-drain')!;
    expect(v.message).toBe('Deployment shop runs 2 replicas (HPA minReplicas): minAvailable 2 allows no disruption at 2 replicas: every node drain would hang');
  });

  test('Multi-Attach names the claim', () => {
    const v = audit(shopWith(FAILING['rwo-volume-on-surging-deployment'])).violations.find((x) => x.ruleId === 'rwo-volume-on-surging-deployment')!;
    expect(v.message).toMatch(/^claim "shop-uploads": ReadWriteOnce attaches to one node/);
  });

  test('Multi-Attach is said once per claim, even when two volumes mount it', () => {
    const twice = shopWith((get) => {
      FAILING['rwo-volume-on-surging-deployment'](get, []);
      const spec = get('Deployment').spec.template.spec;
      spec.volumes.push({ ...spec.volumes[0], name: 'uploads-again' });
    });
    const found = audit(twice).violations.filter((x) => x.ruleId === 'rwo-volume-on-surging-deployment');
    expect(found.map((v) => v.field)).toEqual(['spec.template.spec.volumes[0]']);
  });
});

describe('scope', () => {
  test('a single-replica workload is held to the readiness rule, and to preStop when a surge pod takes over its traffic; one that declares no port is not served', () => {
    const single = shopWith((get, all) => { all.splice(all.indexOf(get('HorizontalPodAutoscaler')), 1); delete container(get).lifecycle; delete container(get).readinessProbe; });
    expect(ids(single)).toEqual(expect.arrayContaining(['prestop-missing', 'rolling-update-without-readiness', 'min-replicas']));
    const inPlace = shopWith((get, all) => {
      all.splice(all.indexOf(get('HorizontalPodAutoscaler')), 1);
      get('Deployment').spec.strategy.rollingUpdate = { maxSurge: 0, maxUnavailable: 1 };
      container(get).lifecycle.preStop = { sleep: { seconds: 2 } };
      delete container(get).readinessProbe;
    });
    expect(ids(inPlace)).toContain('rolling-update-without-readiness');
    expect(ids(inPlace)).not.toContain('prestop-shorter-than-propagation');
    delete (inPlace.find((m) => m.kind === 'Deployment') as any).spec.template.spec.containers[0].lifecycle;
    expect(ids(inPlace)).not.toContain('prestop-missing');
    const unserved = shopWith((get,
      all) => { all.splice(all.indexOf(get('Service')),
        1); delete container(get).ports; delete container(get).lifecycle; delete container(get).readinessProbe; delete container(get).livenessProbe; });
    expect(ids(unserved, false)).not.toContain('prestop-missing');
    expect(ids(unserved, false)).not.toContain('rolling-update-without-readiness');
  });

  test('served: in a partial input, declaring a port; in a complete one, a Service selecting it; the annotation overrides both', () => {
    const withoutService = shopWith((get, all) => { all.splice(all.indexOf(get('Service')), 1); delete container(get).lifecycle; });
    expect(ids(withoutService, false)).toContain('prestop-missing');
    expect(ids(withoutService, true)).not.toContain('prestop-missing');
    const portless = shopWith((get) => {
      delete container(get).ports;
      delete container(get).lifecycle;
      get('Service').spec.ports[0].targetPort = 8080;
      container(get).readinessProbe.httpGet.port = 8080;
      container(get).livenessProbe.httpGet.port = 8080;
    });
    expect(ids(portless, true)).toContain('prestop-missing');
    expect(ids(portless, false)).not.toContain('prestop-missing');
    const declaredUnserved = shopWith((get) => { delete container(get).lifecycle; get('Deployment').metadata.annotations['zero-downtime.audit/served'] = 'false'; });
    expect(ids(declaredUnserved)).not.toContain('prestop-missing');
    const declaredServed = shopWith((get,
      all) => { all.splice(all.indexOf(get('Service')), 1); delete container(get).lifecycle; get('Deployment').metadata.annotations['zero-downtime.audit/served'] = 'true'; });
    expect(ids(declaredServed, true)).toContain('prestop-missing');
    expect(ids(declaredUnserved, false)).not.toContain('prestop-missing');
  });

  test('Recreate: an error from 2 replicas, a warning at 1, nothing for an unserved workload', () => {
    const recreate = (replicas: number) => audit(shopWith((get, all) => {
      all.splice(all.indexOf(get('HorizontalPodAutoscaler')), 1);
      get('Deployment').spec.replicas = replicas;
      get('Deployment').spec.strategy = { type: 'Recreate' };
    })).violations.filter((v) => v.ruleId === 'recreate-strategy');
    expect(recreate(2).map((v) => v.severity)).toEqual(['error']);
    expect(recreate(2)[0].message).toBe('strategy Recreate stops all 2 pods before any new one starts: every rollout drops all requests until the new pods are Ready');
    expect(recreate(1).map((v) => v.severity)).toEqual(['warning']);
    const unserved = shopWith((get) => { get('Deployment').spec.strategy = { type: 'Recreate' }; get('Deployment').metadata.annotations['zero-downtime.audit/served'] = 'false'; });
    expect(ids(unserved)).not.toContain('recreate-strategy');
  });

  test('cross-object findings are warnings unless the input is complete', () => {
    const half = shopWith((get, all) => { all.splice(all.indexOf(get('Deployment')), 1); });
    const severities = (complete: boolean) => audit(half, { complete }).violations.map((v) => [v.ruleId, v.severity]);
    expect(severities(false)).toEqual([['service-selects-nothing', 'warning'], ['pdb-selects-nothing', 'warning'], ['hpa-target-missing', 'warning']]);
    expect(severities(true)).toEqual([['service-selects-nothing', 'error'], ['pdb-selects-nothing', 'error'], ['hpa-target-missing', 'error']]);
    const noPdb = shopWith((get, all) => { all.splice(all.indexOf(get('PodDisruptionBudget')), 1); });
    expect(audit(noPdb, { complete: false }).violations.map((v) => [v.ruleId, v.severity])).toEqual([['pdb-missing', 'warning']]);
  });

  test('only named ports must be declared: numeric probe and target ports are fine', () => {
    const numeric = shopWith((get) => {
      container(get).readinessProbe.httpGet.port = 10254;
      container(get).livenessProbe.httpGet.port = 10254;
      get('Service').spec.ports[0].targetPort = 9001;
    });
    expect(audit(numeric).violations).toEqual([]);
    const named = shopWith((get) => {
      get('Service').spec.ports[0].targetPort = 'metrics';
      container(get).livenessProbe.tcpSocket = { port: 'admin' };
      delete container(get).livenessProbe.httpGet;
    });
    expect(ids(named)).toEqual(['probe-port-undeclared', 'service-target-port-missing']);
  });

  test('a Recreate Deployment is not a rolling update, and matchExpressions select', () => {
    const recreate = shopWith((get) => {
      get('Deployment').spec.strategy = { type: 'Recreate' };
      get('PersistentVolumeClaim').spec.accessModes = ['ReadWriteOnce'];
      get('HorizontalPodAutoscaler').spec.maxReplicas = 1;
      get('HorizontalPodAutoscaler').spec.minReplicas = 1;
    });
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

describe('a PodDisruptionBudget selector as the disruption controller reads it', () => {
  // A v1.34.4 kube-controller-manager (disruption controller), with a 3-replica Deployment in the
  // namespace: a policy/v1 PDB with selector {} reported status.expectedPods 3; one without a selector, 0.
  const ids = (change: Parameters<typeof shopWith>[0]) => audit(shopWith(change)).violations.map((v) => v.ruleId);
  test('an empty selector selects every pod of the namespace', () => {
    expect(ids((get) => { get('PodDisruptionBudget').spec.selector = {}; })).not.toContain('pdb-selects-nothing');
  });
  test('a missing selector selects no pod', () => {
    expect(ids((get) => { delete get('PodDisruptionBudget').spec.selector; })).toContain('pdb-selects-nothing');
  });
});

describe('HPA replica range: each problem has one rule', () => {
  const hits = (max: number) => audit(shopWith((get) => { get('HorizontalPodAutoscaler').spec.maxReplicas = max; })).violations
    .filter((v) => v.field === 'spec.maxReplicas').map((v) => v.ruleId);
  // A v1.34.4 API server refuses minReplicas 3 with maxReplicas 2 ("must be greater than or equal to `minReplicas`")
  // and accepts 3 and 3: the first is invalid-field's, the second hpa-range's.
  test('maxReplicas below minReplicas is the API server\'s rule', () => expect(hits(1)).toEqual(['invalid-field']));
  test('maxReplicas equal to minReplicas is hpa-range\'s', () => expect(hits(2)).toEqual(['hpa-range']));
  test('maxReplicas above minReplicas is fine', () => expect(hits(3)).toEqual([]));
});

describe('PodDisruptionBudget policy: each problem has one rule', () => {
  const hits = (spec: object) => audit(shopWith((get) => { Object.assign(get('PodDisruptionBudget').spec, spec); })).violations
    .filter((v) => v.object.startsWith('PodDisruptionBudget') && /^spec(\.m|$)/.test(v.field)).map((v) => v.ruleId);
  // A v1.34.4 API server refuses minAvailable with maxUnavailable ("cannot be both set") and accepts neither.
  test('both fields are the API server\'s rule', () => expect(hits({ minAvailable: 1 })).toEqual(['invalid-field']));
  test('a malformed value is the API server\'s rule', () => expect(hits({ maxUnavailable: '1.5%' })).toEqual(['invalid-field']));
  test('neither is pdb-policy\'s', () => expect(hits({ maxUnavailable: null })).toEqual(['pdb-policy']));
});

describe('rolling-update settings: each problem has one rule', () => {
  const hits = (rollingUpdate: object) => audit(shopWith((get) => { get('Deployment').spec.strategy.rollingUpdate = rollingUpdate; })).violations
    .filter((v) => ['invalid-field', 'rolling-update-stalls'].includes(v.ruleId) && v.field.startsWith('spec.strategy.rollingUpdate')).map((v) => v.ruleId);
  // A v1.34.4 API server refuses maxSurge 0 (or "0%") with maxUnavailable 0: "may not be 0 when `maxSurge` is 0";
  // it accepts "0%" with "10%", which comes to 0 and 0 pods at a few replicas.
  test('both 0 is the API server\'s rule', () => {
    expect(hits({ maxSurge: 0, maxUnavailable: 0 })).toEqual(['invalid-field']);
    expect(hits({ maxSurge: '0%', maxUnavailable: 0 })).toEqual(['invalid-field']);
  });
  test('a malformed value is the API server\'s rule', () => {
    expect(hits({ maxSurge: '1.5', maxUnavailable: 0 })).toEqual(['invalid-field']);
    expect(hits({ maxSurge: 1, maxUnavailable: '150%' })).toEqual(['invalid-field']);
  });
  test('percentages that come to 0 pods are rolling-update-stalls\'', () => expect(hits({ maxSurge: '0%', maxUnavailable: '10%' })).toEqual(['rolling-update-stalls']));
  test('a surge of 150% is fine', () => expect(hits({ maxSurge: '150%', maxUnavailable: 0 })).toEqual([]));
});
