import { asInt, asIntOrPercent, asList, asObject, asPort, asString, asStringMap, at, isObject, objectsOf } from '../../lib/grammar/json';

test('isObject and asObject accept mappings only', () => {
  expect(isObject({})).toBe(true);
  expect(isObject(null)).toBe(false);
  expect(isObject([])).toBe(false);
  expect(isObject('x')).toBe(false);
  expect(asObject({ a: 1 })).toEqual({ a: 1 });
  expect(asObject([1])).toBeUndefined();
  expect(asList([1])).toEqual([1]);
  expect(asList({ 0: 1 })).toBeUndefined();
});

test('objectsOf keeps the mappings of a list with their indexes, and reads a non-list as empty', () => {
  expect(objectsOf([{ a: 1 }, 'x', null, { b: 2 }])).toEqual([{ item: { a: 1 }, index: 0 }, { item: { b: 2 }, index: 3 }]);
  expect(objectsOf({ a: 1 })).toEqual([]);
  expect(objectsOf(undefined)).toEqual([]);
});

test('asString and asInt take their own type only', () => {
  expect(asString('3')).toBe('3');
  expect(asString(3)).toBeUndefined();
  expect(asInt(3)).toBe(3);
  expect(asInt(0)).toBe(0);
  expect(asInt('3')).toBeUndefined();
  expect(asInt(3.5)).toBeUndefined();
  expect(asInt(true)).toBeUndefined();
});

test('asIntOrPercent: a whole number from 0, or a percentage string', () => {
  expect(asIntOrPercent(0)).toBe(0);
  expect(asIntOrPercent(2)).toBe(2);
  expect(asIntOrPercent(-1)).toBeUndefined();
  expect(asIntOrPercent(1.5)).toBeUndefined();
  expect(asIntOrPercent('25%')).toBe('25%');
  expect(asIntOrPercent('25')).toBeUndefined();
  expect(asIntOrPercent(true)).toBeUndefined();
  expect(asIntOrPercent(['25%'])).toBeUndefined();
});

test('asPort: a number or a name', () => {
  expect(asPort(8080)).toBe(8080);
  expect(asPort('http')).toBe('http');
  expect(asPort(80.5)).toBeUndefined();
  expect(asPort({})).toBeUndefined();
});

test('asStringMap drops non-string values, returns a clean map as it is, and reads a non-mapping as empty', () => {
  const clean = { app: 'web', tier: 'front' };
  expect(asStringMap(clean)).toBe(clean);
  expect(asStringMap({ app: 'web', replicas: 3, tier: 'front' })).toEqual({ app: 'web', tier: 'front' });
  expect(asStringMap({ replicas: 3, app: 'web' })).toEqual({ app: 'web' });
  expect(asStringMap(undefined)).toEqual({});
  expect(asStringMap('app=web')).toEqual({});
});

test('at follows keys and indexes and stops at the first missing or mistyped step', () => {
  const doc = { spec: { containers: [{ name: 'a' }, { name: 'b' }] } };
  expect(at(doc, 'spec', 'containers', 1, 'name')).toBe('b');
  expect(at(doc)).toBe(doc);
  expect(at(doc, 'spec', 'missing', 0)).toBeUndefined();
  expect(at(doc, 'spec', 'containers', 'name')).toBeUndefined();
  expect(at(doc, 'spec', 0)).toBeUndefined();
  expect(at({ list: { 0: 'x' } }, 'list', 0)).toBeUndefined();
  expect(at({ a: null }, 'a', 'b')).toBeUndefined();
});
