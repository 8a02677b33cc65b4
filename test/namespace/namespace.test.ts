import { Chart, Testing } from 'cdk8s';
import { ConfigurationError, KubernetesVersion, Namespace, NamespaceProps } from '../../lib';
import { Manifest, synth } from '../helpers';

const build = (props?: NamespaceProps, chartNamespace?: string): Manifest => synth((chart) => new Namespace(chart, 'ns', props), chartNamespace)[0];

function problems(props: unknown, chartNamespace?: string): string[] {
  try {
    synth((chart) => new Namespace(chart, 'ns', props as NamespaceProps), chartNamespace);
  } catch (e) {
    if (e instanceof ConfigurationError) return e.problems.map((p) => `${p.prop}: ${p.problem}`);
    throw e;
  }
  return [];
}

test('defaults: enforce baseline, audit and warn restricted at the target version, kept on delete and prune', () => {
  expect(build({ name: 'blog' })).toEqual({
    apiVersion: 'v1', kind: 'Namespace',
    metadata: {
      name: 'blog',
      labels: {
        'app.kubernetes.io/managed-by': 'cdk8s',
        'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'v1.27',
        'pod-security.kubernetes.io/audit': 'restricted', 'pod-security.kubernetes.io/audit-version': 'v1.27',
        'pod-security.kubernetes.io/warn': 'restricted', 'pod-security.kubernetes.io/warn-version': 'v1.27',
      },
      annotations: { 'argocd.argoproj.io/sync-options': 'Delete=false,Prune=false' },
    },
  });
});

test('the name defaults to the Chart\'s namespace, and the object stays cluster-scoped', () => {
  const ns = build({}, 'shop');
  expect(ns.metadata.name).toBe('shop');
  expect(ns.metadata.namespace).toBeUndefined();
});

test('levels, version, keepOnDelete false, extra labels and annotations', () => {
  const podSecurity = { enforce: 'restricted', audit: 'baseline', warn: 'privileged', version: 'latest' } as const;
  const ns = build({ name: 'blog', podSecurity, keepOnDelete: false, labels: { team: 'a' }, annotations: { owner: 'b' } });
  expect(ns.metadata.labels).toMatchObject({
    team: 'a', 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/audit': 'baseline',
    'pod-security.kubernetes.io/warn': 'privileged', 'pod-security.kubernetes.io/warn-version': 'latest',
  });
  expect(ns.metadata.annotations).toEqual({ owner: 'b' });
  expect(build({ name: 'blog', keepOnDelete: false }).metadata.annotations).toBeUndefined();
});

test('the default version follows the app\'s target version', () => {
  const app = Testing.app();
  KubernetesVersion.set(app, '1.31');
  const chart = new Chart(app, 'c');
  new Namespace(chart, 'ns', { name: 'blog' });
  expect((chart.toJson()[0] as Manifest).metadata.labels['pod-security.kubernetes.io/enforce-version']).toBe('v1.31');
});

test.each<[string, unknown, string | undefined, RegExp]>([
  ['no name and no chart namespace', {}, undefined, /^name: is required when the Chart has no namespace/],
  ['a name that is not a DNS-1123 label', { name: 'Blog.Site' }, undefined, /^name: must be a DNS-1123 label/],
  ['a chart namespace that is not a DNS-1123 label', {}, 'a_b', /^name \(the Chart's namespace\): must be a DNS-1123 label/],
  ['a level that is not one', { name: 'blog', podSecurity: { enforce: 'strict' } }, undefined, /^podSecurity\.enforce: /],
  ['a level in the wrong case', { name: 'blog', podSecurity: { warn: 'Restricted' } }, undefined, /^podSecurity\.warn: /],
  ['a version without v', { name: 'blog', podSecurity: { version: '1.30' } }, undefined, /^podSecurity\.version: is not a Pod Security version/],
  ['a Pod Security label in labels', { name: 'blog', labels: { 'pod-security.kubernetes.io/enforce': 'privileged' } }, undefined, /^labels\[pod-security\.kubernetes\.io\/enforce\]: is a Pod Security label, which podSecurity sets/],
  ['a misspelt prop', { name: 'blog', keepOnDelet: false }, undefined, /^keepOnDelet: /],
])('refused: %s', (_title, props, chartNamespace, expected) => {
  expect(problems(props, chartNamespace)).toEqual([expect.stringMatching(expected)]);
});

test('every problem at once, each with the fix', () => {
  try {
    synth((chart) => new Namespace(chart, 'ns', { name: 'Blog', podSecurity: { version: 'v1' } }));
    throw new Error('expected a refusal');
  } catch (e) {
    expect((e as ConfigurationError).problems.map((p) => p.prop)).toEqual(['name', 'podSecurity.version']);
    expect((e as Error).message).toMatch(/Fix: use the oldest cluster version, e\.g\. 'v1\.30', or 'latest'/);
  }
});

test.each(['v1.30', 'latest', 'v1.0'])('version %s is accepted', (version) => {
  expect(problems({ name: 'blog', podSecurity: { version } })).toEqual([]);
});
