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

describe('hpa: each condition apart', () => {
  const problems = (value: unknown) => validateHorizontalPodAutoscalerSpec(value).map((f) => [f.field, f.problem]);
  const util = { type: 'Utilization', averageUtilization: 70 };

  test('a spec of null is missing; of another type it is reported once', () => {
    expect(problems(null)).toEqual([['spec', 'the HorizontalPodAutoscaler has no spec']]);
    expect(problems('x').map(([f]) => f)).toEqual(['spec']);
  });
  test('scaleTargetRef: null is missing and named by its last segment; another type is reported once', () => {
    expect(validateHorizontalPodAutoscalerSpec(spec([], { scaleTargetRef: null })).map((f) => [f.field, f.problem, f.fix]))
      .toEqual([['spec.scaleTargetRef', 'scaleTargetRef is missing', 'name the workload: { apiVersion: apps/v1, kind: Deployment, name: web }']]);
    expect(problems(spec([], { scaleTargetRef: 'web' })).map(([f]) => f)).toEqual(['spec.scaleTargetRef']);
  });
  test('scaleTargetRef kind and name: null or unset is missing, each with its own fix', () => {
    expect(validateHorizontalPodAutoscalerSpec(spec([], { scaleTargetRef: { kind: null } })).map((f) => [f.field, f.problem, f.fix])).toEqual([
      ['spec.scaleTargetRef.kind', 'kind is missing', 'set kind, e.g. Deployment'],
      ['spec.scaleTargetRef.name', 'name is missing', 'set the workload name'],
    ]);
  });
  test('target type null or "" is missing', () => {
    for (const type of [null, '']) {
      expect(problems(spec([cpu({ ...util, type })]))).toEqual([['spec.metrics[0].resource.target.type', 'target type is missing']]);
    }
  });
  test('a target field of null is unset', () => {
    expect(problems(spec([cpu({ type: 'AverageValue', averageValue: '500m', averageUtilization: null })]))).toEqual([]);
  });
  test('a containerResource target needs averageUtilization or averageValue, not both', () => {
    const cr = (target: object) => spec([{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', target } }]);
    expect(problems(cr({ type: 'Utilization' })).map(([f]) => f)).toEqual(['spec.metrics[0].containerResource.target.averageUtilization']);
    expect(problems(cr({ ...util, averageValue: '1' })).map(([f]) => f)).toEqual(['spec.metrics[0].containerResource.target.averageValue']);
  });
  test('a metric name of null or "" is missing', () => {
    for (const name of [null, '']) {
      expect(problems(spec([external({ type: 'Value', value: '30' }, { name })]))).toEqual([['spec.metrics[0].external.metric.name', 'the metric has no name']]);
    }
  });
  test('a metric type "" is missing', () => {
    expect(problems(spec([{ type: '' }]))).toEqual([['spec.metrics[0].type', 'the metric has no type']]);
  });
  test('a null source of another type is unset', () => {
    expect(problems(spec([{ ...cpu(util), external: null }]))).toEqual([]);
  });
  test('the source of the type: null is missing, another type is reported once', () => {
    expect(problems(spec([{ type: 'Resource', resource: null }]))).toEqual([['spec.metrics[0].resource', 'a Resource metric needs resource']]);
    expect(problems(spec([{ type: 'Resource', resource: 'cpu' }])).map(([f]) => f)).toEqual(['spec.metrics[0].resource']);
  });
  test('a resource name of null or "" is missing', () => {
    for (const name of [null, '']) {
      expect(problems(spec([{ type: 'Resource', resource: { name, target: util } }])))
        .toEqual([['spec.metrics[0].resource.name', 'the resource metric has no resource name']]);
    }
  });
  test('a containerResource container of null or "" is missing', () => {
    for (const container of [null, '']) {
      expect(problems(spec([{ type: 'ContainerResource', containerResource: { name: 'cpu', container, target: util } }])))
        .toEqual([['spec.metrics[0].containerResource.container', 'the container resource metric names no container']]);
    }
  });
  test('a metrics entry that is not an object is reported once', () => {
    expect(problems(spec(['x'])).map(([f]) => f)).toEqual(['spec.metrics[0]']);
  });
  test('maxReplicas null is missing; maxReplicas 0 is out of range, not also below minReplicas', () => {
    expect(problems(spec([], { maxReplicas: null }))).toEqual([['spec.maxReplicas', 'maxReplicas is missing']]);
    expect(problems(spec([], { minReplicas: 2, maxReplicas: 0 }))).toEqual([['spec.maxReplicas', 'maxReplicas 0 is out of range: it must be at least 1']]);
  });
  test('scaling policies: an entry that is not an object is reported once; type, value and periodSeconds null are missing', () => {
    const behavior = (policies: unknown) => spec([], { behavior: { scaleUp: { policies } } });
    expect(problems(behavior(['x'])).map(([f]) => f)).toEqual(['spec.behavior.scaleUp.policies[0]']);
    const policy = 'spec.behavior.scaleUp.policies[0]';
    expect(problems(behavior([{ type: null, value: null, periodSeconds: null }]))).toEqual([
      [`${policy}.type`, 'the policy has no type'],
      [`${policy}.value`, 'the policy has no value'],
      [`${policy}.periodSeconds`, 'the policy has no periodSeconds'],
    ]);
  });
});

test('a metric type of null or "" is missing', () => {
  for (const type of [null, '']) {
    expect(validateHorizontalPodAutoscalerSpec(spec([{ type }])).map((f) => [f.field, f.problem])).toEqual([['spec.metrics[0].type', 'the metric has no type']]);
  }
});
