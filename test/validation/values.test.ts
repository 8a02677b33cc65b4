// The typed readers: null is "not set" like undefined, another type is one finding whose fix writes the
// value in the right type, and a number out of range is a finding that still returns the number.
import { Findings } from '../../lib/validation/finding-list';
import { readBoolean, readInt, readIntOrString, readString } from '../../lib/validation/values';

function read<T>(reader: (out: Findings, value: unknown, field: string) => T, value: unknown, field = 'spec.replicas') {
  const out: Findings = [];
  const result = reader(out, value, field);
  return { result, findings: out.map((f) => [f.field, f.problem, f.fix]) };
}

describe('readString', () => {
  test('null is not set', () => expect(read(readString, null)).toEqual({ result: undefined, findings: [] }));
  test('the fix quotes a number or a boolean, and writes ... for anything else', () => {
    expect(read(readString, 5, 'a.name').findings).toEqual([['a.name', 'name 5 is a whole number, not a string', 'quote the value: name: "5"']]);
    expect(read(readString, true, 'name').findings).toEqual([['name', 'name true is a boolean, not a string', 'quote the value: name: "true"']]);
    expect(read(readString, ['x'], 'name').findings[0][2]).toBe('quote the value: name: "..."');
  });
});

describe('readBoolean', () => {
  test('null is not set', () => expect(read(readBoolean, null)).toEqual({ result: undefined, findings: [] }));
});

describe('readInt', () => {
  test('null is not set', () => expect(read(readInt, null)).toEqual({ result: undefined, findings: [] }));
  test('a string is not a number, even when it holds digits; the fix writes its digits unquoted', () => {
    expect(read(readInt, '5')).toEqual({
      result: undefined,
      findings: [['spec.replicas', 'replicas "5" is a string, not a whole number', 'write replicas as an unquoted whole number, e.g. replicas: 5']],
    });
    expect(read(readInt, ' 12 ').findings[0][2]).toBe('write replicas as an unquoted whole number, e.g. replicas: 12');
  });
  test('a fraction: the fix offers the example, or else the lowest allowed value that is not negative', () => {
    expect(read(readInt, 1.5).findings[0][2]).toBe('write replicas as an unquoted whole number, e.g. replicas: 0');
    expect(read((out, v, f) => readInt(out, v, f, 1), 1.5).findings[0][2]).toBe('write replicas as an unquoted whole number, e.g. replicas: 1');
    expect(read((out, v, f) => readInt(out, v, f, 0, 10, 3), 1.5).findings[0][2]).toBe('write replicas as an unquoted whole number, e.g. replicas: 3');
  });
  test('int32 by default: its lowest value is accepted, one below is not', () => {
    expect(read(readInt, -5)).toEqual({ result: -5, findings: [] });
    expect(read(readInt, -2147483648).findings).toEqual([]);
    expect(read(readInt, -2147483649).findings).toEqual([
      ['spec.replicas', 'replicas -2147483649 is out of range: it must be at least -2147483648', 'set replicas to at least -2147483648, e.g. replicas: -2147483648'],
    ]);
  });
  test('out of a range: the fix names the range and the nearest end, and the number is still returned', () => {
    const ranged = (out: Findings, v: unknown, f: string) => readInt(out, v, f, 1, 10);
    expect(read(ranged, 0)).toEqual({
      result: 0,
      findings: [['spec.replicas', 'replicas 0 is out of range: it must be between 1 and 10', 'set replicas between 1 and 10, e.g. replicas: 1']],
    });
    expect(read(ranged, 11).findings[0][2]).toBe('set replicas between 1 and 10, e.g. replicas: 10');
    expect(read(ranged, 1).findings).toEqual([]);
    expect(read(ranged, 10).findings).toEqual([]);
  });
});

describe('readIntOrString', () => {
  test('a whole number or a string; a fraction or a boolean is a finding', () => {
    expect(read(readIntOrString, 3)).toEqual({ result: 3, findings: [] });
    expect(read(readIntOrString, '25%')).toEqual({ result: '25%', findings: [] });
    expect(read(readIntOrString, 1.5, 'maxSurge').findings).toEqual([
      ['maxSurge', 'maxSurge 1.5 is a fractional number, not a whole number or a string', 'write maxSurge as a whole number (e.g. 1) or a string (e.g. "25%" or "http")'],
    ]);
    expect(read(readIntOrString, true).result).toBeUndefined();
    expect(read(readIntOrString, null)).toEqual({ result: undefined, findings: [] });
  });
});
