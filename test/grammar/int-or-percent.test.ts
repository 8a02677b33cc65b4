import { intOrPercentProblem, parsePercent, scaleIntOrPercent } from '../../lib/grammar/int-or-percent';

test('percentages scale with the rounding the controllers use', () => {
  expect(scaleIntOrPercent('25%', 3, true)).toBe(1);
  expect(scaleIntOrPercent('25%', 3, false)).toBe(0);
  expect(scaleIntOrPercent('50%', 4, false)).toBe(2);
  expect(scaleIntOrPercent(2, 10, true)).toBe(2);
  expect(() => scaleIntOrPercent('x', 3, true)).toThrow(/not an integer or percentage/);
});

test('format problems', () => {
  expect(intOrPercentProblem(1)).toBeUndefined();
  expect(intOrPercentProblem('100%')).toBeUndefined();
  expect(intOrPercentProblem(-1)).toMatch(/whole number >= 0/);
  expect(intOrPercentProblem(1.5)).toMatch(/whole number >= 0/);
  expect(intOrPercentProblem('101%')).toMatch(/at most 100%/);
  expect(intOrPercentProblem('1')).toMatch(/percentage such as/);
});

test('parsePercent reads "[0-9]+%" only (apps validation IsValidPercent)', () => {
  expect(parsePercent('25%')).toBe(25);
  expect(parsePercent('0%')).toBe(0);
  expect(parsePercent('150%')).toBe(150);
  for (const bad of ['25', '%', '-5%', '2.5%', ' 25%', '25% ', '25 %']) expect(parsePercent(bad)).toBeUndefined();
});
