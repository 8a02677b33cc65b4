// validateObject's own conditions: apiVersion and kind, Lists, and the version option.
import { validateObject } from '../../lib/validation';

const configMap = (name: string): any => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });
const fields = (obj: unknown): string[] => validateObject(obj).map((f) => f.field);

describe('validateObject', () => {
  test('an empty apiVersion or kind is missing', () => {
    expect(validateObject({ apiVersion: '', kind: '', metadata: { name: 'ok' } }).map((f) => [f.field, f.problem])).toEqual([
      ['apiVersion', 'apiVersion "" is missing or not a string'],
      ['kind', 'kind "" is missing or not a string'],
    ]);
  });

  test('a List, or a kind ending in List with items, is checked item by item', () => {
    expect(fields({ apiVersion: 'v1', kind: 'List', items: [configMap('ok'), configMap('Bad')] })).toEqual(['items[1].metadata.name']);
    expect(fields({ apiVersion: 'v1', kind: 'ConfigMapList', items: [configMap('Bad')] })).toEqual(['items[0].metadata.name']);
  });

  test('a List without items holds nothing to check', () => {
    expect(validateObject({ apiVersion: 'v1', kind: 'List' })).toEqual([]);
  });

  test('a kind ending in List without items, or another kind with items, is an object of its own', () => {
    expect(fields({ apiVersion: 'example.com/v1', kind: 'PlayList', metadata: { name: 'Bad' } })).toEqual(['metadata.name']);
    expect(fields({ ...configMap('Bad'), items: [configMap('also-bad-but-not-an-item_')] })).toEqual(['metadata.name']);
  });

  test('a kubernetesVersion that is not a string is a finding, not a crash', () => {
    expect(validateObject(configMap('ok'), { kubernetesVersion: 1.3 as unknown as string }).map((f) => f.problem))
      .toEqual(['kubernetesVersion 1.3 is not a Kubernetes version; validating for 1.27']);
  });
});
