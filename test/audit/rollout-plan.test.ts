import { formatRolloutPlans, rolloutPlans } from '../../lib/analysis';
import { shop, shopWith } from './fixtures';

test('plan of the baseline: HPA range, surge resources, drain, rollout bound, PDB, QoS', () => {
  expect(rolloutPlans(shop())).toEqual([{
    object: 'Deployment shop/shop',
    replicas: { min: 2, max: 5, autoscaled: true },
    peakPods: 3,
    peakPodsWithTerminating: 4,
    minReadyPods: 2,
    surgeCpuMillicores: 250,
    surgeMemoryBytes: 256 * 2 ** 20,
    hasPreStop: true,
    preStopSeconds: 20,
    terminationGracePeriodSeconds: 30,
    rolloutSecondsAtLeast: 10,
    pdbAllowedDisruptions: 1,
    qosClass: 'Guaranteed',
  }]);
});

test('the bound grows with probe delays, success thresholds and waves', () => {
  const [plan] = rolloutPlans(shopWith((get) => {
    const c = get('Deployment').spec.template.spec.containers[0];
    c.startupProbe = { httpGet: { port: 'http' }, initialDelaySeconds: 20 };
    c.readinessProbe.successThreshold = 3;
    get('Deployment').spec.strategy.rollingUpdate = { maxSurge: '50%', maxUnavailable: 0 };
    get('HorizontalPodAutoscaler').spec.minReplicas = 4;
  }));
  expect(plan).toMatchObject({ peakPods: 6, minReadyPods: 4, surgeCpuMillicores: 500, rolloutSecondsAtLeast: 2 * (20 + 2 * 5 + 5) });
});

test('Recreate and StatefulSets, and the table', () => {
  const manifests = shopWith((get, all) => {
    get('Deployment').spec.strategy = { type: 'Recreate' };
    all.push({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'shop' },
      spec: { replicas: 3, template: { spec: { containers: [{ name: 'db' }] } } } });
  });
  const [deployment, sts] = rolloutPlans(manifests);
  expect(deployment).toMatchObject({ peakPods: 2, minReadyPods: 0, surgeCpuMillicores: 0 });
  expect(sts).toMatchObject({ object: 'StatefulSet shop/db', peakPods: 3, minReadyPods: 2, pdbAllowedDisruptions: undefined, qosClass: 'BestEffort', hasPreStop: false,
    preStopSeconds: undefined });
  const table = formatRolloutPlans([deployment, sts]);
  expect(table.split('\n')[0]).toMatch(/^WORKLOAD\s+REPLICAS\s+PEAK PODS\s+MIN READY\s+SURGE CPU \/ MEM\s+DRAIN \(PRESTOP \+ REST\)\s+ROLLOUT\s+PDB ALLOWS\s+QOS$/);
  expect(table).toContain('2-5 (HPA)');
  expect(table).toMatch(/StatefulSet shop\/db\s+3\s+3\s+2\s+0 \/ 0\s+no preStop \/ 30s\s+>= 0s\s+no PDB\s+BestEffort/);
  const http = rolloutPlans(shopWith((get) => { get('Deployment').spec.template.spec.containers[0].lifecycle.preStop = { httpGet: { path: '/drain', port: 'http' } }; }));
  expect(formatRolloutPlans(http)).toContain('? (hook) / 30s');
});
