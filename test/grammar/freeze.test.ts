import { deepFreeze } from '../../lib/grammar/freeze';

describe('deepFreeze', () => {
  test('freezes the object and every object and array inside it, and returns it', () => {
    const inner = { list: [{ a: 1 }] };
    const value = { inner, n: null, s: 'x', u: undefined };
    expect(deepFreeze(value)).toBe(value);
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(inner)).toBe(true);
    expect(Object.isFrozen(inner.list)).toBe(true);
    expect(Object.isFrozen(inner.list[0])).toBe(true);
  });

  test('leaves null, plain values and functions as they are', () => {
    expect(deepFreeze(null)).toBeNull();
    expect(deepFreeze(3)).toBe(3);
    const check = () => 1;
    deepFreeze({ check });
    expect(Object.isFrozen(check)).toBe(false);
  });

  test('ends on a cycle: an object already frozen is not walked again', () => {
    const a: { self?: unknown; b: { back?: unknown } } = { b: {} };
    a.self = a;
    a.b.back = a;
    expect(() => deepFreeze(a)).not.toThrow();
    expect(Object.isFrozen(a.b)).toBe(true);
  });
});
