import { labelSelectorOf, selectorMatches, selectsEverything } from '../../lib/grammar/label-selector';

describe('label selectors (apimachinery LabelSelectorAsSelector)', () => {
  test.each<[string, any, Record<string, string>, boolean]>([
    ['an empty selector selects everything', {}, { a: '1' }, true],
    ['matchLabels must all match', { matchLabels: { a: '1', b: '2' } }, { a: '1' }, false],
    ['matchLabels match', { matchLabels: { a: '1' } }, { a: '1', b: '2' }, true],
    ['In', { matchExpressions: [{ key: 'a', operator: 'In', values: ['1', '2'] }] }, { a: '2' }, true],
    ['In without the key', { matchExpressions: [{ key: 'a', operator: 'In', values: ['1'] }] }, {}, false],
    ['In with the key at an unlisted value', { matchExpressions: [{ key: 'a', operator: 'In', values: ['1', '2'] }] }, { a: '3' }, false],
    ['In without values', { matchExpressions: [{ key: 'a', operator: 'In' }] }, { a: '1' }, false],
    ['NotIn without values', { matchExpressions: [{ key: 'a', operator: 'NotIn' }] }, { a: '1' }, true],
    ['NotIn without the key', { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }] }, {}, true],
    ['NotIn with a listed value', { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }] }, { a: '1' }, false],
    ['Exists', { matchExpressions: [{ key: 'a', operator: 'Exists' }] }, { a: '' }, true],
    ['DoesNotExist', { matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, { a: '' }, false],
    ['an unknown operator', { matchExpressions: [{ key: 'a', operator: 'Like' }] }, { a: '1' }, false],
  ])('%s', (_t, selector, labels, expected) => {
    expect(selectorMatches(selector, labels)).toBe(expected);
  });
});

describe('a missing selector selects nothing, an empty one everything', () => {
  // metav1.LabelSelectorAsSelector: nil gives labels.Nothing(), {} gives labels.Everything(). A v1.34.4
  // disruption controller agrees: a policy/v1 PDB with selector {} counts every pod of its namespace.
  test('missing', () => expect(selectorMatches(undefined, { a: '1' })).toBe(false));
  test('empty', () => expect(selectorMatches(labelSelectorOf({}), {})).toBe(true));
  test('read from plain data: not a mapping is missing', () => {
    expect(labelSelectorOf(null)).toBeUndefined();
    expect(labelSelectorOf([])).toBeUndefined();
    expect(labelSelectorOf({ matchLabels: { a: 1 }, matchExpressions: [{ key: 'a', operator: 'In', values: ['1', 2] }, 'x'] }))
      .toEqual({ matchLabels: {}, matchExpressions: [{ key: 'a', operator: 'In', values: ['1'] }, { key: 'a', operator: '', values: [] }] });
    // A wrongly typed entry never matches: the selector must not become empty, which would select everything.
    expect(selectorMatches(labelSelectorOf({ matchLabels: { a: 1 } }), { a: '1' })).toBe(false);
    expect(selectorMatches(labelSelectorOf({ matchLabels: { a: '1', b: 2 } }), { a: '1' })).toBe(false);
    expect(labelSelectorOf({ matchExpressions: [{}] })).toEqual({ matchLabels: {}, matchExpressions: [{ key: '', operator: '', values: [] }] });
  });
  test('selectsEverything', () => {
    expect(selectsEverything({})).toBe(true);
    expect(selectsEverything({ matchLabels: {}, matchExpressions: [] })).toBe(true);
    expect(selectsEverything({ matchLabels: { a: '1' } })).toBe(false);
    expect(selectsEverything({ matchExpressions: [{ key: 'a', operator: 'Exists' }] })).toBe(false);
  });
});

describe('labels a controller adds to pods may match too', () => {
  const hash = new Map([['pod-template-hash', undefined]]);
  const index = new Map([['apps.kubernetes.io/pod-index', new Set(['0', '1'])]]);
  test.each<[string, any, Map<string, Set<string> | undefined>, boolean]>([
    ['matchLabels on a label of any value', { matchLabels: { 'pod-template-hash': 'abc' } }, hash, true],
    ['matchLabels on a label of known values', { matchLabels: { 'apps.kubernetes.io/pod-index': '1' } }, index, true],
    ['matchLabels on a value it never takes', { matchLabels: { 'apps.kubernetes.io/pod-index': '5' } }, index, false],
    ['In', { matchExpressions: [{ key: 'apps.kubernetes.io/pod-index', operator: 'In', values: ['9', '0'] }] }, index, true],
    ['Exists', { matchExpressions: [{ key: 'pod-template-hash', operator: 'Exists' }] }, hash, true],
    ['DoesNotExist', { matchExpressions: [{ key: 'pod-template-hash', operator: 'DoesNotExist' }] }, hash, false],
    ['NotIn on a label of any value', { matchExpressions: [{ key: 'pod-template-hash', operator: 'NotIn', values: ['abc'] }] }, hash, true],
    ['NotIn listing every known value', { matchExpressions: [{ key: 'apps.kubernetes.io/pod-index', operator: 'NotIn', values: ['0', '1'] }] }, index, false],
    // Some pods may carry a listed value: not every pod of the workload is selected.
    ['NotIn listing one known value', { matchExpressions: [{ key: 'apps.kubernetes.io/pod-index', operator: 'NotIn', values: ['0'] }] }, index, false],
    ['NotIn listing no known value', { matchExpressions: [{ key: 'apps.kubernetes.io/pod-index', operator: 'NotIn', values: ['7'] }] }, index, true],
  ])('%s', (_t, selector, possible, expected) => {
    expect(selectorMatches(selector, {}, possible)).toBe(expected);
  });
  test('a label written on the pod wins over the possible values', () => {
    expect(selectorMatches({ matchLabels: { 'apps.kubernetes.io/pod-index': '5' } }, { 'apps.kubernetes.io/pod-index': '5' }, index)).toBe(true);
    expect(selectorMatches({ matchLabels: { 'apps.kubernetes.io/pod-index': '0' } }, { 'apps.kubernetes.io/pod-index': '5' }, index)).toBe(false);
  });
});
