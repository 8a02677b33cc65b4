import { cronScheduleProblem } from '../../lib/grammar/cron';
import { index } from '../../lib/grammar/field-path';
import { intOrPercentProblem } from '../../lib/grammar/int-or-percent';
import { parseCidr, parseIp } from '../../lib/grammar/ip';
import { labelSelectorOf, selectorMatches } from '../../lib/grammar/label-selector';
import { containersIn } from '../../lib/grammar/pod';

test('cron: the end of a range is checked against the field bounds', () => {
  expect(cronScheduleProblem('5-59 * * * *')).toBeUndefined();
  expect(cronScheduleProblem('5-70 * * * *')).toMatch(/70 is above 59/);
});

test('field paths: indexes past the prebuilt suffixes are written the same way', () => {
  expect(index('containers', 31)).toBe('containers[31]');
  expect(index('containers', 32)).toBe('containers[32]');
  expect(index('containers', 100)).toBe('containers[100]');
});

test('int-or-percent: only a string may be a percentage', () => {
  expect(intOrPercentProblem('25%')).toBeUndefined();
  expect(intOrPercentProblem(['25%'] as any)).toBe("must be a whole number or a percentage such as '25%'");
});

test('IP: octets up to 255, IPv4-mapped IPv6 read as its groups', () => {
  expect(parseIp('255.255.255.255')).toEqual({ v6: false, value: 0xffffffffn });
  expect(parseIp('256.0.0.0')).toBeUndefined();
  expect(parseIp('::ffff:1.2.3.4')).toEqual({ v6: true, value: 0xffff01020304n });
});

test('CIDR: an empty address before the slash is not an IP address, and the message quotes it', () => {
  expect(parseCidr('10.0.0.0')).toBe('has no prefix length (e.g. 10.0.0.0/8)');
  expect(parseCidr('/8')).toBe('has "", which is not an IP address');
  expect(parseCidr('10.0.0/8')).toBe('has "10.0.0", which is not an IP address');
});

test('label selectors: string matchLabels stay labels; Exists and DoesNotExist look at the key', () => {
  expect(labelSelectorOf({ matchLabels: { app: 'web' } })).toEqual({ matchLabels: { app: 'web' }, matchExpressions: [] });
  const exists = { matchExpressions: [{ key: 'tier', operator: 'Exists', values: [] }] };
  const absent = { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist', values: [] }] };
  expect(selectorMatches(exists, { app: 'web' })).toBe(false);
  expect(selectorMatches(exists, { tier: 'front' })).toBe(true);
  expect(selectorMatches(absent, { app: 'web' })).toBe(true);
  expect(selectorMatches(absent, { tier: 'front' })).toBe(false);
});

test('containersIn reads a missing or non-mapping pod spec as having no containers', () => {
  expect(containersIn(null)).toEqual([]);
  expect(containersIn(undefined)).toEqual([]);
  expect(containersIn({ containers: [{ name: 'a' }] })).toEqual([{ container: { name: 'a' }, path: 'containers[0]' }]);
});
