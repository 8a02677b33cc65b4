import { qosClassOf, QosClass, resourceProblems } from '../../lib/policy/qos';
import { formatBytes, memoryBytes } from '../../lib/policy/quantity';

const fields = (problems: ReturnType<typeof resourceProblems>) => problems.map((p) => p.field);

test('QoS: a request alone, or a limit alone, makes the pod Burstable, never BestEffort', () => {
  expect(qosClassOf([{ requests: { cpu: '100m' } }])).toBe(QosClass.BURSTABLE);
  expect(qosClassOf([{ requests: { memory: '1Gi' } }])).toBe(QosClass.BURSTABLE);
  expect(qosClassOf([{ limits: { cpu: '1' } }])).toBe(QosClass.BURSTABLE);
  expect(qosClassOf([{}])).toBe(QosClass.BEST_EFFORT);
  expect(qosClassOf([])).toBe(QosClass.BEST_EFFORT);
});

test('QoS: Guaranteed needs each request equal to its limit, compared as amounts per resource', () => {
  expect(qosClassOf([{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }])).toBe(QosClass.GUARANTEED);
  // cpu '1' is 1000 millicores and memory '1000' is 1000 bytes: equal only when each is read with its own unit.
  expect(qosClassOf([{ requests: { cpu: '1', memory: '1000' }, limits: { cpu: '1000m', memory: '1000' } }])).toBe(QosClass.GUARANTEED);
  expect(qosClassOf([{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '2Gi' } }])).toBe(QosClass.BURSTABLE);
  expect(qosClassOf([{ limits: { cpu: '0', memory: '0' } }])).toBe(QosClass.BURSTABLE);
  // 100m and 101m differ in millicores, though both round up to one byte.
  expect(qosClassOf([{ requests: { cpu: '100m', memory: '1Gi' }, limits: { cpu: '101m', memory: '1Gi' } }])).toBe(QosClass.BURSTABLE);
});

test('resourceProblems for Guaranteed: a request different from its limit is named, with both values', () => {
  const problems = resourceProblems({ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }, QosClass.GUARANTEED);
  expect(problems).toEqual([{
    field: 'requests.cpu',
    problem: '500m differs from limits.cpu 1, so the pod would be Burstable',
    fix: 'make requests.cpu and limits.cpu equal, or ask for qosClass Burstable explicitly',
  }]);
});

test('resourceProblems for Guaranteed: a missing request is named, with the limit to copy', () => {
  const problems = resourceProblems({ limits: { cpu: '1', memory: '1Gi' } }, QosClass.GUARANTEED);
  expect(problems).toEqual([
    { field: 'requests.cpu', problem: 'is missing', fix: 'set requests.cpu equal to limits.cpu (1)' },
    { field: 'requests.memory', problem: 'is missing', fix: 'set requests.memory equal to limits.memory (1Gi)' },
  ]);
});

test('resourceProblems for Guaranteed: equal amounts written differently pass', () => {
  expect(resourceProblems({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1024Mi' } }, QosClass.GUARANTEED)).toEqual([]);
});

test('resourceProblems: a limit below its request is named with both values, and only then', () => {
  const problems = resourceProblems({ requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }, QosClass.BURSTABLE);
  expect(problems).toEqual([
    { field: 'limits.cpu', problem: 'limit 1 is below the request 2', fix: 'raise the limit to at least the request (the API server rejects it otherwise)' },
  ]);
  expect(resourceProblems({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }, QosClass.BURSTABLE)).toEqual([]);
  expect(resourceProblems({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2' } }, QosClass.BURSTABLE)).toEqual([]);
  expect(resourceProblems({ requests: { cpu: '1', memory: '1Gi' } }, QosClass.BURSTABLE)).toEqual([]);
});

test('resourceProblems for Burstable: a missing request is named; a limit alone does not stand in for it', () => {
  expect(fields(resourceProblems({ requests: { cpu: '1' }, limits: { cpu: '1', memory: '1Gi' } }, QosClass.BURSTABLE))).toEqual(['requests.memory']);
});

test('resourceProblems: quantities are checked first, and undefined entries are skipped', () => {
  expect(resourceProblems({ requests: { cpu: '1', memory: undefined }, limits: { cpu: '1', memory: '1Gi' } }, QosClass.GUARANTEED))
    .toEqual([{ field: 'requests.memory', problem: 'is missing', fix: 'set requests.memory equal to limits.memory (1Gi)' }]);
  expect(resourceProblems({ requests: { cpu: 'lots', memory: '1Gi' } }, QosClass.BURSTABLE)).toEqual([{
    field: 'requests.cpu', problem: "'lots' is not a Kubernetes quantity", fix: "write it like '250m' or '1' for cpu, '128Mi' or '1Gi' for memory",
  }]);
  expect(fields(resourceProblems({ requests: { cpu: '-1', memory: '0' } }, QosClass.BURSTABLE))).toEqual(['requests.cpu']);
  // 'm' on cpu is millicores, on memory thousandths of a byte.
  expect(fields(resourceProblems({ requests: { cpu: '100m', memory: '100m' } }, QosClass.BURSTABLE))).toEqual(['requests.memory']);
  expect(resourceProblems({ requests: { cpu: 0, memory: 0 } }, QosClass.BURSTABLE)).toEqual([]);
});

test('memoryBytes rounds fractions of a byte up', () => {
  expect(memoryBytes('1.5')).toBe(2);
  expect(memoryBytes('1Ki')).toBe(1024);
  expect(memoryBytes('nope')).toBeUndefined();
});

test('formatBytes: the largest unit that divides evenly, then Mi with a decimal, then plain bytes', () => {
  expect(formatBytes(2 ** 30)).toBe('1Gi');
  expect(formatBytes(3 * 2 ** 30)).toBe('3Gi');
  expect(formatBytes(2 ** 20)).toBe('1Mi');
  expect(formatBytes(1536 * 2 ** 20)).toBe('1536Mi');
  expect(formatBytes(2 ** 20 + 2 ** 19)).toBe('1.5Mi');
  expect(formatBytes(2 ** 20 - 1)).toBe('1048575');
  expect(formatBytes(0)).toBe('0');
  expect(formatBytes(512)).toBe('512');
});
