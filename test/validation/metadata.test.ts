import { nameRule, validateAnnotations, validateLabels, validateLabelSelector, validateObject, validateObjectMeta } from '../../lib/validation';
import { deployment, DELETE, expectClean, expectOne, repeat, service, withField } from './helpers';

const ns = (name: unknown): any => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

describe('object names per kind', () => {
  test('Namespace names are DNS-1123 labels (ValidateNamespaceName)', () => {
    expectClean(ns('kube-example'));
    expectClean(ns(repeat('a', 63)));
    expectOne(ns(repeat('a', 64)), 'metadata.name', /more than 63/);
    expectOne(ns('Kube'), 'metadata.name', /DNS-1123 label/);
    expectOne(ns('kube_example'), 'metadata.name', /contains "_"/);
    expectOne(ns('a.b'), 'metadata.name', /contains "\."/);
  });

  test('Service names are DNS-1035 labels (ValidateServiceName)', () => {
    expectOne(withField(service(), 'metadata.name', '1web'), 'metadata.name', /DNS-1035 label.*starts with "1"/);
    expectOne(withField(service(), 'metadata.name', repeat('a', 64)), 'metadata.name', /more than 63/);
    expectClean(withField(service(), 'metadata.name', repeat('a', 63)));
    expectOne(withField(service(), 'metadata.name', 'web.internal'), 'metadata.name', /contains "\."/);
  });

  test('Deployment names are DNS-1123 subdomains: dots allowed, 253 long', () => {
    expectClean(withField(deployment(), 'metadata.name', 'web.v2'));
    expectClean(withField(deployment(), 'metadata.name', `${repeat('a', 63)}.${repeat('b', 63)}.${repeat('c', 63)}.${repeat('d', 61)}`));
    expectOne(withField(deployment(), 'metadata.name', 'Web'), 'metadata.name', /DNS-1123 subdomain/);
  });

  test('custom resources use DNS-1123 subdomains, whatever their kind is called', () => {
    const cr = { apiVersion: 'traefik.io/v1alpha1', kind: 'Service', metadata: { name: 'my.route' }, spec: { anything: true } };
    expectClean(cr);
    expectOne({ ...cr, metadata: { name: 'My_Route' } }, 'metadata.name', /DNS-1123 subdomain/);
  });

  test('StatefulSet names: 52 characters at most (controller-revision-hash label)', () => {
    const sts = (name: string): any => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name } });
    expect(validateObject(sts(repeat('a', 52))).filter((f) => f.field === 'metadata.name')).toEqual([]);
    expect(validateObject(sts(repeat('a', 53))).filter((f) => f.field === 'metadata.name')[0].problem).toMatch(/53 characters long, more than 52.*controller-revision-hash/);
  });

  test('name required unless generateName; generateName may end in "-"', () => {
    expectOne(withField(service(), 'metadata.name', DELETE), 'metadata.name', /missing or empty/);
    expectOne(withField(service(), 'metadata.name', ''), 'metadata.name', /missing or empty/);
    expectClean(withField(withField(service(), 'metadata.name', DELETE), 'metadata.generateName', 'web-'));
    expectOne(withField(withField(service(), 'metadata.name', DELETE), 'metadata.generateName', 'Web-'), 'metadata.generateName', /DNS-1035/);
    expectOne(withField(service(), 'metadata', DELETE), 'metadata', /metadata is missing/);
    expectOne(withField(service(), 'metadata.name', 7), 'metadata.name', /not a string/);
  });
});

describe('namespace (ValidateNamespaceName)', () => {
  test('a DNS-1123 label when set', () => {
    expectClean(withField(service(), 'metadata.namespace', repeat('n', 63)));
    expectOne(withField(service(), 'metadata.namespace', 'Shop'), 'metadata.namespace', /namespace "Shop"/);
    expectOne(withField(service(), 'metadata.namespace', repeat('n', 64)), 'metadata.namespace', /more than 63/);
    expectOne(withField(service(), 'metadata.namespace', 'shop.eu'), 'metadata.namespace', /contains "\."/);
    expectClean(withField(service(), 'metadata.namespace', DELETE));
  });
});

describe('labels (ValidateLabels)', () => {
  const labelled = (labels: unknown): any => withField(service(), 'metadata.labels', labels);
  test('keys are qualified names, values label values, the path names the key', () => {
    expectClean(labelled({ 'app.kubernetes.io/name': 'web', tier: '', v: repeat('v', 63) }));
    expectOne(labelled({ 'app.kubernetes.io/name': repeat('v', 64) }), 'metadata.labels[app.kubernetes.io/name]', /label value .* more than 63/);
    expectOne(labelled({ 'App.Kubernetes.io/name': 'web' }), 'metadata.labels[App.Kubernetes.io/name]', /label key.*prefix/);
    expectOne(labelled({ 'a/b/c': 'web' }), 'metadata.labels[a/b/c]', /more than one '\/'/);
    expectOne(labelled({ tier: 'front end' }), 'metadata.labels[tier]', /contains a space/);
    expectOne(labelled({ tier: '-x' }), 'metadata.labels[tier]', /starts with "-"/);
  });
  test('a value that YAML read as a number or boolean is a finding', () => {
    expectOne(labelled({ version: 1.2 }), 'metadata.labels[version]', /a fractional number, not a string/);
    expectOne(labelled({ enabled: true }), 'metadata.labels[enabled]', /a boolean, not a string/);
    expect(validateObject(labelled({ enabled: true }))[0].fix).toContain('enabled: "true"');
  });
  test('labels that are not a map are a finding', () => {
    expectOne(labelled(['app=web']), 'metadata.labels', /a list .* not an object/);
    expectOne(labelled('app=web'), 'metadata.labels', /a string .* not an object/);
  });
});

describe('annotations (ValidateAnnotations)', () => {
  const annotated = (a: unknown): any => withField(service(), 'metadata.annotations', a);
  test('keys are qualified names, case-insensitively', () => {
    expectClean(annotated({ 'Example.COM/Why': 'x', 'kubernetes.io/change-cause': 'v2' }));
    expectOne(annotated({ 'my key': 'x' }), 'metadata.annotations[my key]', /contains a space/);
    expectOne(annotated({ 'a/b/c': 'x' }), 'metadata.annotations[a/b/c]', /more than one/);
  });
  test('values are strings', () => {
    expectOne(annotated({ 'argocd.argoproj.io/sync-wave': 1 }), 'metadata.annotations[argocd.argoproj.io/sync-wave]', /a whole number, not a string/);
  });
  test('total size at most 256 KiB (TotalAnnotationSizeLimitB), counted in bytes', () => {
    expectClean(annotated({ a: repeat('x', 256 * 1024 - 1) }));
    expectOne(annotated({ a: repeat('x', 256 * 1024) }), 'metadata.annotations', /262145 bytes, more than .* 262144/);
    expectOne(annotated({ a: repeat('é', 128 * 1024) }), 'metadata.annotations', /262145 bytes/);
  });
});

describe('finalizers (ValidateFinalizers)', () => {
  test('qualified names', () => {
    expectClean(withField(service(), 'metadata.finalizers', ['example.com/cleanup']));
    expectOne(withField(service(), 'metadata.finalizers', ['example.com/clean up']), 'metadata.finalizers[0]', /contains a space/);
  });
});

describe('label selectors (ValidateLabelSelector)', () => {
  const sel = (selector: unknown): any => withField(withField(deployment(), 'spec.selector', selector), 'spec.template.metadata.labels', { app: 'web', tier: 'front' });
  test('operators and their values', () => {
    expectClean(sel({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] }));
    expectClean(sel({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }));
    expectClean(sel({ matchExpressions: [{ key: 'gone', operator: 'DoesNotExist' }, { key: 'tier', operator: 'NotIn', values: ['back'] }] }));
    expectOne(sel({ matchExpressions: [{ key: 'tier', operator: 'In', values: [] }] }), 'spec.selector.matchExpressions[0].values', /no values/);
    expectOne(sel({ matchExpressions: [{ key: 'tier', operator: 'NotIn' }] }), 'spec.selector.matchExpressions[0].values', /no values/);
    expectOne(sel({ matchExpressions: [{ key: 'tier', operator: 'Exists', values: ['front'] }] }), 'spec.selector.matchExpressions[0].values', /takes no values/);
    expectOne(sel({ matchExpressions: [{ key: 'gone', operator: 'DoesNotExist', values: ['x'] }] }), 'spec.selector.matchExpressions[0].values', /takes no values/);
    expectOne(sel({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'in', values: ['front'] }] }), 'spec.selector.matchExpressions[0].operator', /not a selector operator/);
    expectOne(sel({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'a b'] }] }), 'spec.selector.matchExpressions[0].values[1]', /contains a space/);
    expectOne(sel({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'ti er', operator: 'Exists' }] }), 'spec.selector.matchExpressions[0].key', /contains a space/);
  });
});

describe('metadata: each condition apart', () => {
  const fixOf = (obj: unknown): string[] => validateObject(obj).map((f) => f.fix);
  test('a label or annotation value of another type: the fix quotes numbers and booleans, and says "value" otherwise', () => {
    for (const where of ['labels', 'annotations']) {
      expect(fixOf(withField(service(), `metadata.${where}`, { a: 3 }))).toEqual(['quote the value, e.g. a: "3"']);
      expect(fixOf(withField(service(), `metadata.${where}`, { a: false }))).toEqual(['quote the value, e.g. a: "false"']);
      expect(fixOf(withField(service(), `metadata.${where}`, { a: { b: 1 } }))).toEqual(['quote the value, e.g. a: "value"']);
    }
  });
  test('an annotation key is reported lowercased, as the API server checks it', () => {
    expect(validateObject(withField(service(), 'metadata.annotations', { 'My Key': 'x' }))[0].problem).toMatch(/^annotation key "my key" is not/);
  });
  test('annotation sizes: a value of another type is reported once and not counted, also next to non-ASCII text', () => {
    const findings = validateObject(withField(service(), 'metadata.annotations', { a: 'é', b: 7 }));
    expect(findings.map((f) => f.field)).toEqual(['metadata.annotations[b]']);
  });
  test('validateLabels and validateAnnotations check a map on its own, at the field given', () => {
    expect(validateLabels({ app: 'web' })).toEqual([]);
    expect(validateLabels({ app: 'a b' }).map((f) => f.field)).toEqual(['metadata.labels[app]']);
    expect(validateLabels({ app: 'a b' }, 'spec.selector.matchLabels').map((f) => f.field)).toEqual(['spec.selector.matchLabels[app]']);
    expect(validateAnnotations({ 'a b': 'x' }).map((f) => f.field)).toEqual(['metadata.annotations[a b]']);
    expect(validateAnnotations({ 'a b': 'x' }, 'x').map((f) => f.field)).toEqual(['x[a b]']);
    expect(validateAnnotations({ a: 'x' })).toEqual([]);
  });
  test('validateObjectMeta checks metadata with a name rule', () => {
    expect(validateObjectMeta({ name: 'web.v2' })).toEqual([]);
    expect(validateObjectMeta({ name: 'web.v2' }, nameRule('/Service')).map((f) => f.field)).toEqual(['metadata.name']);
    expect(validateObjectMeta({ name: 'Web' }, undefined, 'spec.template.metadata').map((f) => f.field)).toEqual(['spec.template.metadata.name']);
  });
  test('metadata: null is missing metadata; name: null is a missing name', () => {
    expectOne(withField(service(), 'metadata', null), 'metadata', /metadata is missing/);
    expectOne(withField(service(), 'metadata.name', null), 'metadata.name', /name is missing or empty/);
  });
  test('namespace "" means the default namespace and is accepted', () => {
    expectClean(withField(service(), 'metadata.namespace', ''));
  });
  test('a name over a kind\'s shorter limit: the fix shortens it', () => {
    const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: `${repeat('a', 51)}-b` } };
    expect(validateObject(sts).find((f) => f.field === 'metadata.name')?.fix).toBe(`shorten the name to at most 52 characters, e.g. "${repeat('a', 51)}"`);
  });
  test('generateName: a trailing dash is masked (maskTrailingDash), and only when there is more than one character', () => {
    const gen = (g: string): any => withField(withField(deployment(), 'metadata.name', DELETE), 'metadata.generateName', g);
    expectClean(gen('a-'));
    expectOne(gen('-'), 'metadata.generateName', /part that is empty or starts or ends with '-'/);
    expectOne(gen('ab_'), 'metadata.generateName', /contains "_"/);
    expectOne(gen('ab_c-'), 'metadata.generateName', /contains "_"/);
  });
  test('label selectors: a requirement of the wrong type, Exists with an empty list, values of another type, the operator fix', () => {
    expect(validateLabelSelector({ matchExpressions: ['tier'] }).map((f) => f.field)).toEqual(['selector.matchExpressions[0]']);
    expect(validateLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'Exists', values: [] }] })).toEqual([]);
    expect(validateLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: [3] }] }).map((f) => [f.field, f.problem]))
      .toEqual([['selector.matchExpressions[0].values[0]', 'label value 3 is a whole number, not a string']]);
    expect(validateLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'in', values: ['a'] }] }, 'spec.selector').map((f) => f.fix))
      .toEqual(['use one of In, NotIn, Exists, DoesNotExist (case matters)']);
  });
});
