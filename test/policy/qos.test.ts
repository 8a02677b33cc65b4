import { qosClassOf, QosClass, resourceProblems } from '../../lib/policy/qos';

test('QoS classes as the kubelet assigns them', () => {
  const g = { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1024Mi' } };
  expect(qosClassOf([g])).toBe(QosClass.GUARANTEED);
  expect(qosClassOf([{ limits: { cpu: '1', memory: '1Gi' } }])).toBe(QosClass.GUARANTEED);
  expect(qosClassOf([g, { requests: { cpu: '1' } }])).toBe(QosClass.BURSTABLE);
  expect(qosClassOf([{ requests: { cpu: '100m', memory: '1Gi' }, limits: { cpu: '200m', memory: '1Gi' } }])).toBe(QosClass.BURSTABLE);
  expect(qosClassOf([{}, {}])).toBe(QosClass.BEST_EFFORT);
  expect(qosClassOf([])).toBe(QosClass.BEST_EFFORT);
});

test('Guaranteed needs every limit equal to its request', () => {
  expect(resourceProblems({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1Gi' } }, QosClass.GUARANTEED)).toEqual([]);
  expect(resourceProblems({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1' } }, QosClass.GUARANTEED).map((p) => p.field)).toEqual(['limits.memory']);
  expect(resourceProblems({ limits: { cpu: '1', memory: '1Gi' } }, QosClass.GUARANTEED).map((p) => p.field)).toEqual(['requests.cpu', 'requests.memory']);
});

test('Burstable needs requests and limits not below them', () => {
  expect(resourceProblems({ requests: { cpu: '1', memory: '1Gi' } }, QosClass.BURSTABLE)).toEqual([]);
  expect(resourceProblems({ requests: { memory: '1Gi' } }, QosClass.BURSTABLE).map((p) => p.field)).toEqual(['requests.cpu']);
  expect(resourceProblems({ requests: { cpu: '1', memory: '2Gi' }, limits: { memory: '1Gi' } }, QosClass.BURSTABLE).map((p) => p.field)).toEqual(['limits.memory']);
});
