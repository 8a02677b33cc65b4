import { checkEnum } from '../../lib/validation/enums';
import { findings } from '../../lib/validation/finding-list';

describe('checkEnum', () => {
  const check = (value: unknown, allowed = ['OrderedReady', 'Parallel']) => {
    let result: string | undefined = 'not called';
    const out = findings((o) => { result = checkEnum(o, value, 'spec.podManagementPolicy', allowed, 'podManagementPolicy'); });
    return { result, out };
  };
  test('an allowed value is returned, with no finding; an unset one is neither returned nor reported', () => {
    expect(check('Parallel')).toEqual({ result: 'Parallel', out: [] });
    expect(check(undefined)).toEqual({ result: undefined, out: [] });
    expect(check(null)).toEqual({ result: undefined, out: [] });
  });
  test('any other value is reported and not returned, with a guess only for a near string', () => {
    const near = check('parallel');
    expect(near.result).toBeUndefined();
    expect(near.out).toEqual([{ field: 'spec.podManagementPolicy', problem: 'podManagementPolicy "parallel" is not supported',
      fix: 'use one of "OrderedReady", "Parallel" (did you mean "Parallel"?)' }]);
    expect(check('Random').out.map((f) => f.fix)).toEqual(['use one of "OrderedReady", "Parallel"']);
    const number = check(1);
    expect(number.result).toBeUndefined();
    expect(number.out.map((f) => [f.problem, f.fix])).toEqual([['podManagementPolicy 1 is not supported', 'use one of "OrderedReady", "Parallel"']]);
    // A list holding an allowed value is not that value.
    expect(check(['Parallel']).out).toHaveLength(1);
  });
});
