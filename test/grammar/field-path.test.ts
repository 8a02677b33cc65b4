import { child, fieldPathSteps, index, key, valueAtPath } from '../../lib/grammar/field-path';

describe('field paths as field.Path writes them', () => {
  test('child, index and key', () => {
    expect(child('', 'spec')).toBe('spec');
    expect(child('spec', 'replicas')).toBe('spec.replicas');
    expect(index('containers', 0)).toBe('containers[0]');
    expect(index('containers', 40)).toBe('containers[40]');
    expect(key('metadata.labels', 'app.kubernetes.io/name')).toBe('metadata.labels[app.kubernetes.io/name]');
  });
});

describe('field paths read back into steps', () => {
  test.each<[string, Array<string | number>]>([
    ['spec.containers[0].ports[1].name', ['spec', 'containers', 0, 'ports', 1, 'name']],
    ['metadata.labels[app.kubernetes.io/name]', ['metadata', 'labels', 'app.kubernetes.io/name']],
    ['data["x/y"]', ['data', 'x/y']],
    ['data["a\\"b"]', ['data', 'a"b']],
    ['spec.containers[*].image', ['spec', 'containers']],
    ['spec.replicas ', []],
    ['', []],
  ])('%p', (path, steps) => expect(fieldPathSteps(path)).toEqual(steps));

  test('values at a path, undefined where the path leaves the data', () => {
    expect(valueAtPath({ metadata: { labels: { 'a.b/c': 'x' } } }, 'metadata.labels[a.b/c]')).toBe('x');
    expect(valueAtPath({ ports: [{ containerPort: 80 }] }, 'ports[0].containerPort')).toBe(80);
    expect(valueAtPath({ a: { b: 2 } }, 'a.b')).toBe(2);
    expect(valueAtPath({ a: 1 }, 'a.b.c')).toBeUndefined();
    expect(valueAtPath({ a: null }, 'a.b')).toBeUndefined();
    expect(valueAtPath(undefined, 'a')).toBeUndefined();
  });
});
