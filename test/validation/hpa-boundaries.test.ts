import { validateHorizontalPodAutoscalerSpec } from '../../lib/validation/hpa';

const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };
const spec = (metrics: unknown[], extra: Record<string, unknown> = {}) => ({ scaleTargetRef: ref, minReplicas: 2, maxReplicas: 5, metrics, ...extra });
const fieldsOf = (value: unknown) => validateHorizontalPodAutoscalerSpec(value).map((f) => f.field);
const cpu = (target: Record<string, unknown>) => ({ type: 'Resource', resource: { name: 'cpu', target } });

test('averageUtilization: 1 is the least accepted; 0 and fractions are refused', () => {
  expect(fieldsOf(spec([cpu({ type: 'Utilization', averageUtilization: 1 })]))).toEqual([]);
  expect(fieldsOf(spec([cpu({ type: 'Utilization', averageUtilization: 150 })]))).toEqual([]);
  expect(fieldsOf(spec([cpu({ type: 'Utilization', averageUtilization: 0 })]))).toEqual(['spec.metrics[0].resource.target.averageUtilization']);
  expect(fieldsOf(spec([cpu({ type: 'Utilization', averageUtilization: 0.5 })]))).toEqual(['spec.metrics[0].resource.target.averageUtilization']);
  expect(fieldsOf(spec([cpu({ type: 'Utilization', averageUtilization: 70.5 })]))).toEqual(['spec.metrics[0].resource.target.averageUtilization']);
});

test('a resource metric needs exactly one of averageUtilization and averageValue', () => {
  expect(fieldsOf(spec([cpu({ type: 'AverageValue', averageValue: '500m' })]))).toEqual([]);
  expect(fieldsOf(spec([cpu({ type: 'Utilization' })]))).toEqual(['spec.metrics[0].resource.target.averageUtilization']);
  expect(fieldsOf(spec([cpu({ type: 'Utilization', averageUtilization: 70, averageValue: '500m' })]))).toEqual(['spec.metrics[0].resource.target.averageValue']);
  expect(fieldsOf(spec([cpu({ type: 'AverageValue', averageValue: '0' })]))).toEqual(['spec.metrics[0].resource.target.averageValue']);
});

const object = (target: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'Object', object: { describedObject: { apiVersion: 'v1', kind: 'Service', name: 'web' }, metric: { name: 'requests-per-second' }, target, ...extra },
});
const external = (target: Record<string, unknown>, metric: unknown = { name: 'queue-depth' }) => ({ type: 'External', external: { metric, target } });

test('an Object metric takes value or averageValue, and needs a described object and a metric name', () => {
  expect(fieldsOf(spec([object({ type: 'Value', value: '100' })]))).toEqual([]);
  expect(fieldsOf(spec([object({ type: 'AverageValue', averageValue: '100' })]))).toEqual([]);
  expect(fieldsOf(spec([object({ type: 'Value' })]))).toEqual(['spec.metrics[0].object.target.averageValue']);
  expect(fieldsOf(spec([object({ type: 'Value', value: '100' }, { describedObject: undefined })]))).toEqual(['spec.metrics[0].object.describedObject']);
  expect(fieldsOf(spec([object({ type: 'Value', value: '100' }, { describedObject: { kind: 'Service' } })]))).toEqual(['spec.metrics[0].object.describedObject.name']);
  expect(fieldsOf(spec([object({ type: 'Value', value: '100' }, { describedObject: { name: 'web' } })]))).toEqual(['spec.metrics[0].object.describedObject.kind']);
  expect(fieldsOf(spec([object({ type: 'Value', value: '100' }, { metric: {} })]))).toEqual(['spec.metrics[0].object.metric.name']);
});

test('an External metric takes exactly one of value and averageValue, and needs a metric name', () => {
  expect(fieldsOf(spec([external({ type: 'Value', value: '30' })]))).toEqual([]);
  expect(fieldsOf(spec([external({ type: 'AverageValue', averageValue: '30' })]))).toEqual([]);
  expect(fieldsOf(spec([external({ type: 'Value' })]))).toEqual(['spec.metrics[0].external.target.averageValue']);
  expect(fieldsOf(spec([external({ type: 'Value', value: '30', averageValue: '30' })]))).toEqual(['spec.metrics[0].external.target.value']);
  expect(fieldsOf(spec([external({ type: 'Value', value: '30' }, { name: '' })]))).toEqual(['spec.metrics[0].external.metric.name']);
  expect(fieldsOf(spec([external({ type: 'Value', value: '30' }, null)]))).toEqual(['spec.metrics[0].external.metric.name']);
});

test('a Pods metric needs averageValue; value alone is not enough', () => {
  const pods = (target: Record<string, unknown>) => ({ type: 'Pods', pods: { metric: { name: 'rps' }, target } });
  expect(fieldsOf(spec([pods({ type: 'AverageValue', averageValue: '100' })]))).toEqual([]);
  expect(fieldsOf(spec([pods({ type: 'Value', value: '100' })]))).toEqual(['spec.metrics[0].pods.target.averageValue']);
});

test('a metric populates only the source of its type, and that source must be present', () => {
  expect(fieldsOf(spec([{ ...cpu({ type: 'Utilization', averageUtilization: 70 }), external: { metric: { name: 'x' } } }]))).toEqual(['spec.metrics[0].external']);
  expect(fieldsOf(spec([{ type: 'External' }]))).toEqual(['spec.metrics[0].external']);
  expect(fieldsOf(spec([{ type: 'Resource', resource: { target: { type: 'Utilization', averageUtilization: 70 } } }]))).toEqual(['spec.metrics[0].resource.name']);
  expect(fieldsOf(spec([{ type: 'ContainerResource', containerResource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }])))
    .toEqual(['spec.metrics[0].containerResource.container']);
  expect(fieldsOf(spec([{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', target: { type: 'Utilization', averageUtilization: 70 } } }])))
    .toEqual([]);
  expect(fieldsOf(spec([{ type: 'Resource', resource: { name: 'cpu' } }]))).toEqual(['spec.metrics[0].resource.target']);
  expect(fieldsOf(spec([cpu({ averageUtilization: 70 })]))).toEqual(['spec.metrics[0].resource.target.type']);
});

test('replica bounds: maxReplicas equal to minReplicas is accepted, below it refused, missing refused', () => {
  expect(fieldsOf(spec([], { minReplicas: 3, maxReplicas: 3 }))).toEqual([]);
  expect(fieldsOf(spec([], { minReplicas: 3, maxReplicas: 2 }))).toEqual(['spec.maxReplicas']);
  expect(fieldsOf(spec([], { maxReplicas: undefined }))).toEqual(['spec.maxReplicas']);
  expect(fieldsOf(spec([], { minReplicas: 0 }))).toEqual(['spec.minReplicas']);
  expect(fieldsOf(undefined)).toEqual(['spec']);
});

test('scaling policies: value and periodSeconds from 1, periodSeconds at most 1800, an empty list refused', () => {
  const behavior = (policies: unknown) => spec([], { behavior: { scaleDown: { policies } } });
  expect(fieldsOf(behavior([{ type: 'Pods', value: 1, periodSeconds: 1800 }]))).toEqual([]);
  const policy = 'spec.behavior.scaleDown.policies[0]';
  expect(fieldsOf(behavior([{ type: 'Pods', value: 0, periodSeconds: 1801 }]))).toEqual([`${policy}.value`, `${policy}.periodSeconds`]);
  expect(fieldsOf(behavior([{}]))).toEqual([`${policy}.type`, `${policy}.value`, `${policy}.periodSeconds`]);
  expect(fieldsOf(behavior([]))).toEqual(['spec.behavior.scaleDown.policies']);
  expect(fieldsOf(spec([], { behavior: { scaleUp: { stabilizationWindowSeconds: 3601 } } }))).toEqual(['spec.behavior.scaleUp.stabilizationWindowSeconds']);
});
