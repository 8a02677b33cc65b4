import { checkIntOrPercent } from '../../lib/validation/int-or-percent';
import { findings } from '../../lib/validation/finding-list';

const check = (raw: unknown, max100 = true, field = 'spec.strategy.rollingUpdate.maxSurge') => {
  let value: number | undefined | 'unset' = 'unset';
  const out = findings((o) => { value = checkIntOrPercent(o, raw, field, max100); });
  return { value, out: out.map((f) => `${f.field}: ${f.problem} | ${f.fix}`) };
};

describe('checkIntOrPercent (ValidatePositiveIntOrPercent, IsNotMoreThan100Percent, getIntOrPercentValue)', () => {
  test('a count of at least 0 is its value; a negative one is refused', () => {
    expect(check(0)).toEqual({ value: 0, out: [] });
    expect(check(3)).toEqual({ value: 3, out: [] });
    expect(check(-1)).toEqual({ value: undefined, out: [
      'spec.strategy.rollingUpdate.maxSurge: maxSurge -1 is negative | use a count of at least 0 or a percentage, e.g. maxSurge: 1 or maxSurge: "25%"'] });
  });
  test('a percentage is its number; above 100% is refused only with max100, and still returns its number', () => {
    expect(check('0%')).toEqual({ value: 0, out: [] });
    expect(check('100%')).toEqual({ value: 100, out: [] });
    expect(check('101%', false)).toEqual({ value: 101, out: [] });
    expect(check('101%', true, 'maxUnavailable')).toEqual({ value: 101, out: ['maxUnavailable: maxUnavailable "101%" is more than 100% | use at most "100%"'] });
  });
  test('a string that is not a percentage is refused, with the digits it holds in the fix', () => {
    expect(check('25')).toEqual({ value: undefined, out: [
      'spec.strategy.rollingUpdate.maxSurge: maxSurge "25" is neither a whole number nor a percentage | write maxSurge: 25 (a count, unquoted) or maxSurge: "25%"'] });
    expect(check('half', true, 'maxSurge')).toEqual({ value: undefined, out: [
      'maxSurge: maxSurge "half" is neither a whole number nor a percentage | write a count such as maxSurge: 1 or a percentage such as maxSurge: "25%"'] });
  });
  test('unset is nothing; another type is only a type finding', () => {
    expect(check(undefined)).toEqual({ value: undefined, out: [] });
    expect(check(null)).toEqual({ value: undefined, out: [] });
    expect(check(1.5).value).toBeUndefined();
    expect(check(1.5).out).toHaveLength(1);
    expect(check(1.5).out[0]).toMatch(/not a whole number or a string/);
  });
});
