import { cpuMillicores, formatBytes, formatMillicores, memoryBytes, parseQuantity } from '../../lib/policy/quantity';

test.each([
  ['200m', 0.2], ['1', 1], ['1.5', 1.5], ['.5', 0.5], ['100Mi', 100 * 2 ** 20], ['1Gi', 2 ** 30], ['1k', 1000], ['1M', 1e6], ['1e3', 1000], ['5E-1', 0.5], [2, 2],
])('parseQuantity(%p) = %p', (input, expected) => {
  expect(parseQuantity(input)).toBeCloseTo(expected as number, 9);
});

test.each(['', 'abc', '1 Gi', '1GB', '1.2.3', 'Mi'])('parseQuantity(%p) is not a quantity', (input) => {
  expect(parseQuantity(input)).toBeUndefined();
});

test('cpu in millicores and memory in bytes, equal however written', () => {
  expect(cpuMillicores('0.1')).toBe(100);
  expect(cpuMillicores('1')).toBe(cpuMillicores('1000m'));
  expect(cpuMillicores('800m')).toBe(800);
  expect(memoryBytes('1Gi')).toBe(memoryBytes('1024Mi'));
  expect(memoryBytes('150Mi')).toBe(157286400);
  expect(cpuMillicores('x')).toBeUndefined();
});

test('formatting for the rollout plan', () => {
  expect(formatMillicores(1500)).toBe('1500m');
  expect(formatMillicores(2000)).toBe('2');
  expect(formatBytes(2 ** 31)).toBe('2Gi');
  expect(formatBytes(150 * 2 ** 20)).toBe('150Mi');
  expect(formatBytes(1000)).toBe('1000');
});
