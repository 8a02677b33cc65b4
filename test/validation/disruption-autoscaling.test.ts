import { validateHorizontalPodAutoscalerSpec, validatePodDisruptionBudgetSpec } from '../../lib/validation';
import { DELETE, expectClean, expectOne, withField } from './helpers';

const pdb = (): any => ({
  apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' },
  spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'web' } } },
});

describe('PodDisruptionBudget (ValidatePodDisruptionBudgetSpec)', () => {
  const set = (path: string, value: unknown): any => withField(pdb(), path, value);
  test('exactly one of minAvailable and maxUnavailable... or none', () => {
    expectClean(pdb());
    expectClean(withField(set('spec.maxUnavailable', DELETE), 'spec.minAvailable', '50%'));
    expectOne(set('spec.minAvailable', 1), 'spec', /both set/);
  });
  test('int-or-percent, ≤ 100%', () => {
    expectClean(set('spec.maxUnavailable', '100%'));
    expectClean(set('spec.maxUnavailable', 0));
    expectOne(set('spec.maxUnavailable', '101%'), 'spec.maxUnavailable', /more than 100%/);
    expectOne(set('spec.maxUnavailable', -1), 'spec.maxUnavailable', /negative/);
    expectOne(set('spec.maxUnavailable', 'one'), 'spec.maxUnavailable', /neither/);
    expectOne(withField(set('spec.maxUnavailable', DELETE), 'spec.minAvailable', '150%'), 'spec.minAvailable', /more than 100%/);
  });
  test('selector and eviction policy', () => {
    expectOne(set('spec.selector.matchLabels', { app: 'we b' }), 'spec.selector.matchLabels[app]', /contains a space/);
    expectClean(set('spec.unhealthyPodEvictionPolicy', 'AlwaysAllow'));
    expectOne(set('spec.unhealthyPodEvictionPolicy', 'Always'), 'spec.unhealthyPodEvictionPolicy', /not supported/);
  });
  test('names: only path-segment rules apply to PDBs', () => {
    expectClean(set('metadata.name', 'Web_PDB'));
    expectOne(set('metadata.name', 'a/b'), 'metadata.name', /contains '\/'/);
    expectOne(set('metadata.name', '..'), 'metadata.name', /is "\.\."/);
  });
  test('on its own', () => expect(validatePodDisruptionBudgetSpec({ minAvailable: 1, maxUnavailable: 1 })[0].field).toBe('spec'));
});

const hpa = (): any => ({
  apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 3, maxReplicas: 6,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
  },
});

describe('HorizontalPodAutoscaler (validateHorizontalPodAutoscalerSpec)', () => {
  const set = (path: string, value: unknown): any => withField(hpa(), path, value);
  test('bounds: minReplicas ≥ 1, maxReplicas ≥ 1 and ≥ minReplicas', () => {
    expectClean(hpa());
    expectClean(set('spec.minReplicas', 6));
    expectClean(set('spec.minReplicas', DELETE));
    expectOne(set('spec.minReplicas', 0), 'spec.minReplicas', /out of range/);
    expectOne(set('spec.maxReplicas', 0), 'spec.maxReplicas', /out of range/);
    expectOne(set('spec.maxReplicas', DELETE), 'spec.maxReplicas', /missing/);
    expectOne(set('spec.maxReplicas', 2), 'spec.maxReplicas', /below minReplicas 3/);
  });
  test('scaleTargetRef kind and name', () => {
    expectOne(set('spec.scaleTargetRef.name', DELETE), 'spec.scaleTargetRef.name', /missing/);
    expectOne(set('spec.scaleTargetRef.kind', ''), 'spec.scaleTargetRef.kind', /missing/);
    expectOne(set('spec.scaleTargetRef.name', 'a/b'), 'spec.scaleTargetRef.name', /contains '\/'/);
    expectOne(set('spec.scaleTargetRef', DELETE), 'spec.scaleTargetRef', /missing/);
  });
  test('metrics: type, matching source only, targets', () => {
    const M = 'spec.metrics[0]';
    expectOne(set(`${M}.type`, 'resource'), `${M}.type`, /not supported/);
    expectOne(set(`${M}.type`, DELETE), `${M}.type`, /no type/);
    expectOne(set(`${M}.pods`, { metric: { name: 'x' }, target: { type: 'AverageValue', averageValue: '1' } }), `${M}.pods`, /set on a metric of type Resource/);
    expectOne(set(`${M}.resource`, DELETE), `${M}.resource`, /needs resource/);
    expectOne(set(`${M}.resource.name`, DELETE), `${M}.resource.name`, /no resource name/);
    expectOne(set(`${M}.resource.target.averageUtilization`, 0), `${M}.resource.target.averageUtilization`, /out of range/);
    expectClean(set(`${M}.resource.target.averageUtilization`, 1));
    expectOne(set(`${M}.resource.target.type`, 'Percent'), `${M}.resource.target.type`, /not supported/);
    expectOne(set(`${M}.resource.target`, { type: 'Utilization' }), `${M}.resource.target.averageUtilization`, /needs averageUtilization or averageValue/);
    expectOne(set(`${M}.resource.target.averageValue`, '500m'), `${M}.resource.target.averageValue`, /may not both be set/);
    expectOne(set(`${M}.resource.target`, { type: 'AverageValue', averageValue: '0' }), `${M}.resource.target.averageValue`, /not greater than zero/);
    expectClean(set('spec.metrics', [{ type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '100' } } }]));
    expectOne(set('spec.metrics', [{ type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'Value', value: '100' } } }]), `${M}.pods.target.averageValue`, /positive averageValue/);
    expectOne(set('spec.metrics', [{ type: 'External', external: { metric: {}, target: { type: 'Value', value: '1' } } }]), `${M}.external.metric.name`, /no name/);
    expectOne(set('spec.metrics', [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'Web', target: { type: 'Utilization', averageUtilization: 50 } } }]), `${M}.containerResource.container`, /DNS-1123 label/);
  });
  test('behavior: stabilizationWindowSeconds 0..3600, selectPolicy, policies', () => {
    const B = 'spec.behavior.scaleDown';
    const rules = (r: object): any => set(B, r);
    expectClean(rules({ stabilizationWindowSeconds: 0 }));
    expectClean(rules({ stabilizationWindowSeconds: 3600, selectPolicy: 'Disabled' }));
    expectOne(rules({ stabilizationWindowSeconds: 3601 }), `${B}.stabilizationWindowSeconds`, /between 0 and 3600/);
    expectOne(rules({ stabilizationWindowSeconds: -1 }), `${B}.stabilizationWindowSeconds`, /between 0 and 3600/);
    expectOne(rules({ selectPolicy: 'Maximum' }), `${B}.selectPolicy`, /not supported/);
    expectOne(rules({ policies: [] }), `${B}.policies`, /empty list/);
    expectClean(rules({ policies: [{ type: 'Percent', value: 100, periodSeconds: 1800 }] }));
    expectOne(rules({ policies: [{ type: 'Percent', value: 100, periodSeconds: 1801 }] }), `${B}.policies[0].periodSeconds`, /between 1 and 1800/);
    expectOne(rules({ policies: [{ type: 'Percent', value: 100, periodSeconds: 0 }] }), `${B}.policies[0].periodSeconds`, /between 1 and 1800/);
    expectOne(rules({ policies: [{ type: 'Pods', value: 0, periodSeconds: 60 }] }), `${B}.policies[0].value`, /out of range/);
    expectOne(rules({ policies: [{ type: 'pods', value: 1, periodSeconds: 60 }] }), `${B}.policies[0].type`, /not supported/);
    expectOne(rules({ policies: [{ value: 1, periodSeconds: 60 }] }), `${B}.policies[0].type`, /no type/);
  });
  test('on its own', () => expect(validateHorizontalPodAutoscalerSpec({ maxReplicas: 1, scaleTargetRef: { kind: 'Deployment', name: 'web' } })).toEqual([]));
});
