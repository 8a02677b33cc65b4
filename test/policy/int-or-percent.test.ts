import { intOrPercentProblem, scaleIntOrPercent } from '../../lib/policy/int-or-percent';

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
