import { parseQuantity, validateQuantity } from '../../lib/validation';

describe('quantity grammar (resource.ParseQuantity)', () => {
  test.each([
    ['1', 1], ['0', 0], ['200m', 0.2], ['1.5', 1.5], ['.5', 0.5], ['5.', 5], ['+1', 1], ['1e3', 1000], ['1E3', 1000], ['1e-3', 0.001], ['1E', 1e18],
    ['1n', 1e-9], ['1u', 1e-6], ['1k', 1e3], ['1M', 1e6], ['1G', 1e9], ['1T', 1e12], ['1P', 1e15],
    ['1Ki', 1024], ['1Mi', 2 ** 20], ['1Gi', 2 ** 30], ['1Ti', 2 ** 40], ['1Pi', 2 ** 50], ['1Ei', 2 ** 60], [' 1Gi ', 2 ** 30], [2, 2],
  ])('%p parses to %p', (q, v) => {
    expect(parseQuantity(q)).toBeCloseTo(v as number, 9);
    expect(validateQuantity(q)).toEqual([]);
  });

  test.each([
    ['', /is empty/], ['abc', /does not start with a number/], ['1 Gi', /unit "Gi"/], ['1GB', /unit "GB"/], ['1gi', /unit "gi"/], ['1K', /unit "K"/],
    ['1.2.3', /unknown suffix/], ['Mi', /does not start with a number/], ['1e', /unknown suffix "e"/], ['1e1.5', /unknown suffix/], ['-', /does not start/], ['.', /does not start/],
  ])('%p is refused: %p', (q, reason) => {
    const findings = validateQuantity(q, 'memory');
    expect(findings).toHaveLength(1);
    expect(findings[0].problem).toMatch(reason);
    expect(findings[0].field).toBe('memory');
  });

  test('amounts at the ends of a double: read as one number, non-zero amounts rounded up to 1n as ParseQuantity does', () => {
    expect(parseQuantity('0e400')).toBe(0);
    expect(parseQuantity('1e308')).toBe(1e308);
    expect(parseQuantity('1e-400')).toBe(1e-9);
    expect(parseQuantity('-1e-400')).toBe(-1e-9);
    expect(parseQuantity('0.1n')).toBe(1e-9);
    expect(parseQuantity('1e-9')).toBe(1e-9);
    expect(validateQuantity('1e-400', '', { positive: true })).toEqual([]);
  });

  test('an amount beyond a double is refused as too large for this tool, not as bad syntax', () => {
    for (const q of ['1e400', '99e307', ` ${'9'.repeat(400)} `]) {
      expect(parseQuantity(q)).toBeUndefined();
      expect(validateQuantity(q, 'memory')).toEqual([{
        field: 'memory',
        problem: expect.stringMatching(/^quantity ".*"(… \(402 characters\))? is larger than this tool computes with \(about 1\.8e308\): the API server accepts it, but no resource amount is that large$/),
        fix: 'write the amount you mean, e.g. "100Mi"',
      }]);
    }
  });

  test('wrong types are findings', () => {
    expect(validateQuantity(true)[0].problem).toMatch(/a boolean, not a quantity/);
    expect(validateQuantity(null)[0].problem).toMatch(/null, not a quantity/);
    expect(validateQuantity({})[0].problem).toMatch(/an object, not a quantity/);
    expect(validateQuantity(Infinity)[0].problem).toMatch(/not finite/);
  });

  test('sign: negative refused by default (ValidateNonnegativeQuantity), zero allowed', () => {
    expect(validateQuantity('-1')[0].problem).toMatch(/negative/);
    expect(validateQuantity(-0.5)[0].problem).toMatch(/negative/);
    expect(validateQuantity('0')).toEqual([]);
    expect(validateQuantity('-1', '', { nonNegative: false })).toEqual([]);
  });

  test('positive: zero refused (ValidatePositiveQuantityValue)', () => {
    expect(validateQuantity('0', '', { positive: true })[0].problem).toMatch(/not greater than zero/);
    expect(validateQuantity('1m', '', { positive: true })).toEqual([]);
  });
});

describe('quantity edges', () => {
  test('parseQuantity gives undefined for values that are neither strings nor numbers, and the same value on a second call', () => {
    expect(parseQuantity(true as never)).toBeUndefined();
    expect(parseQuantity(null as never)).toBeUndefined();
    expect(parseQuantity(NaN)).toBeUndefined();
    expect(parseQuantity('3Ki')).toBe(3072);
    expect(parseQuantity('3Ki')).toBe(3072);
    expect(parseQuantity('3x')).toBeUndefined();
    expect(parseQuantity('3x')).toBeUndefined();
  });
  test('the fixes: the default example, the one given, and a negative value without its sign', () => {
    expect(validateQuantity(true)[0].fix).toBe('write a quantity such as "100Mi"');
    expect(validateQuantity('1 Gi', '', { example: '10Gi' })[0].fix).toBe('write a number with an optional unit, e.g. "10Gi"');
    expect(validateQuantity('-250m')[0].fix).toBe('use a positive quantity, e.g. "250m"');
    expect(validateQuantity(' -2Gi')[0].fix).toBe('use a positive quantity, e.g. "2Gi"');
    expect(validateQuantity('0', '', { positive: true })[0].fix).toBe('use a positive quantity, e.g. "100Mi"');
  });
  test('a negative value is reported once, as negative, even where zero is refused too', () => {
    expect(validateQuantity('-1', 'storage', { positive: true }).map((f) => f.problem)).toEqual(['quantity "-1" is negative']);
    expect(validateQuantity('-1', 'x', { positive: true, nonNegative: false }).map((f) => f.problem)).toEqual(['quantity "-1" is not greater than zero']);
    expect(validateQuantity('1', '', { positive: true, nonNegative: false })).toEqual([]);
    expect(validateQuantity('0', '', { positive: false })).toEqual([]);
    expect(validateQuantity(0, '', { nonNegative: true })).toEqual([]);
  });
});

test('the reason for a malformed quantity is given for the value without its surrounding space', () => {
  expect(validateQuantity('  ')[0].problem).toBe('quantity "  " is not a Kubernetes quantity: it is empty');
  expect(validateQuantity(' 1 Gi')[0].problem).toMatch(/^quantity " 1 Gi" is not a Kubernetes quantity: it has the unit "Gi", which Kubernetes does not know/);
  expect(validateQuantity(' x')[0].problem).toBe('quantity " x" is not a Kubernetes quantity: it does not start with a number');
});
