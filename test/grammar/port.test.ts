import { isPortNumber, MAX_PORT, MIN_PORT } from '../../lib/grammar/port';

describe('isPortNumber', () => {
  test.each([1, 80, 3306, 65535])('accepts %p', (port) => {
    expect(isPortNumber(port)).toBe(true);
  });

  test.each<[string, unknown]>([
    ['0, below the range', 0],
    ['65536, above it', 65536],
    ['a negative number', -1],
    ['a fraction inside the range', 80.5],
    ['the text of a port', '80'],
    ['NaN', Number.NaN],
    ['undefined', undefined],
  ])('refuses %s', (_name, value) => {
    expect(isPortNumber(value)).toBe(false);
  });

  test('the bounds are the API server\'s', () => {
    expect([MIN_PORT, MAX_PORT]).toEqual([1, 65535]);
  });
});
