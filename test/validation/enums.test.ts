import { checkEnum, closest } from '../../lib/validation/enums';
import { findings } from '../../lib/validation/finding-list';

describe('closest: the allowed value a mistyped enum most likely meant', () => {
  test('a value that differs only in case is matched first, whatever the edit distances', () => {
    expect(closest('nodeport', ['NodePort'])).toBe('NodePort');
    expect(closest('NODEPORTS', ['NodePorts', 'NodePort'])).toBe('NodePorts');
    expect(closest('ab', ['xy', 'AB'])).toBe('AB');
  });
  test('an edit distance of at most 3 is suggested, 4 is not', () => {
    // Three substitutions, then four.
    expect(closest('abcxyz', ['abcdef'])).toBe('abcdef');
    expect(closest('abwxyz', ['abcdef'])).toBeUndefined();
    // Three insertions (the lengths differ by 3), then four.
    expect(closest('abc', ['abcdef'])).toBe('abcdef');
    expect(closest('ab', ['abcdef'])).toBeUndefined();
    // Three deletions, then four.
    expect(closest('abcdefxyz', ['abcdef'])).toBe('abcdef');
    expect(closest('abcdefwxyz', ['abcdef'])).toBeUndefined();
    // A deletion and an insertion in the middle: distance 2, not the 4 of comparing position by position.
    expect(closest('abXcdef', ['abcdeYf'])).toBe('abcdeYf');
    expect(closest('Paralel', ['OrderedReady', 'Parallel'])).toBe('Parallel');
  });
  test('the nearest allowed value wins; on a tie, the first one listed', () => {
    expect(closest('abcdef', ['abcdxx', 'abcdey'])).toBe('abcdey');
    expect(closest('abcdef', ['abcdey', 'abcdxx'])).toBe('abcdey');
    expect(closest('abcd', ['abce', 'abcf'])).toBe('abce');
    expect(closest('abcd', ['abcf', 'abce'])).toBe('abcf');
    expect(closest('abcd', ['wxyz', 'abcz', 'abzz'])).toBe('abcz');
  });
  test('the distance counts every character of both values', () => {
    // The last characters differ: distance 1 against 0 for the exact value.
    expect(closest('abcdX', ['abcdY', 'abcdx'])).toBe('abcdx');
    expect(closest('Xbcd', ['Ybcd', 'xbcd'])).toBe('xbcd');
    expect(closest('abc', ['abcd', 'abcde'])).toBe('abcd');
    expect(closest('abcd', ['abcde', 'abc'])).toBe('abcde');
    expect(closest('abcd', ['abc', 'abcde'])).toBe('abc');
    expect(closest('', ['abc', 'abcd'])).toBe('abc');
    expect(closest('', ['abcd'])).toBeUndefined();
    expect(closest('abcd', [''])).toBeUndefined();
    expect(closest('abc', [''])).toBe('');
  });
});

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
