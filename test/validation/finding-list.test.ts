import { Findings, findings, minorOf, report, show, typeName, withCode } from '../../lib/validation/finding-list';

test('findings returns what the check appended, in order, on a fresh list each call', () => {
  const check = (out: Parameters<Parameters<typeof findings>[0]>[0]) => { report(out, 'a', 'p1', 'f1'); report(out, 'b', 'p2', 'f2'); };
  expect(findings(check)).toEqual([{ field: 'a', problem: 'p1', fix: 'f1' }, { field: 'b', problem: 'p2', fix: 'f2' }]);
  expect(findings(check)).toHaveLength(2);
  expect(findings(() => undefined)).toEqual([]);
});

test('withCode gives a code to the findings its check appends, and to no earlier one', () => {
  const out = findings((o) => {
    report(o, 'before', 'p', 'f');
    withCode(o, 'probe-timing', () => report(o, 'inside', 'p', 'f'));
  });
  expect(out).toStrictEqual([{ field: 'before', problem: 'p', fix: 'f' }, { field: 'inside', problem: 'p', fix: 'f', code: 'probe-timing' }]);
});

describe('show: a value as the user wrote it, for a problem message', () => {
  test('strings are JSON-quoted, and cut after 80 characters with the full length named', () => {
    expect(show('web')).toBe('"web"');
    expect(show('')).toBe('""');
    expect(show('x'.repeat(80))).toBe(`"${'x'.repeat(80)}"`);
    expect(show('x'.repeat(81))).toBe(`"${'x'.repeat(80)}"… (81 characters)`);
  });
  test('other types are named, never serialized', () => {
    expect(show(3)).toBe('3');
    expect(show(1.5)).toBe('1.5');
    expect(show(true)).toBe('true');
    expect(show(BigInt(7))).toBe('7');
    expect(show(undefined)).toBe('nothing');
    expect(show(null)).toBe('null');
    expect(show([1, 2])).toBe('a list of 2');
    expect(show([])).toBe('a list of 0');
    expect(show({ a: 1 })).toBe('an object');
    expect(show(() => 1)).toBe('a function');
    expect(show(Symbol('s'))).toBe('a symbol');
  });
});

test('typeName names the JSON type, telling whole numbers from fractional ones', () => {
  expect(typeName(null)).toBe('null');
  expect(typeName([])).toBe('a list');
  expect(typeName({})).toBe('an object');
  expect(typeName(2)).toBe('a whole number');
  expect(typeName(2.5)).toBe('a fractional number');
  expect(typeName('2')).toBe('a string');
  expect(typeName(false)).toBe('a boolean');
  expect(typeName(undefined)).toBe('undefined');
});

test('minorOf: the version asked for, else the target 1.27', () => {
  const out: Findings = [];
  expect(minorOf(out)).toBe(27);
  out.minor = 30;
  expect(minorOf(out)).toBe(30);
  out.minor = 0;
  expect(minorOf(out)).toBe(0);
});

test('report adds a code only when one is given', () => {
  const out: Findings = [];
  report(out, 'a', 'p', 'f');
  report(out, 'b', 'p', 'f', 'probe-timing');
  expect(out).toStrictEqual([{ field: 'a', problem: 'p', fix: 'f' }, { field: 'b', problem: 'p', fix: 'f', code: 'probe-timing' }]);
  expect(Object.keys(out[0])).toEqual(['field', 'problem', 'fix']);
});
