import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { ArgoCdApplication, ArgoCdApplicationProps, ConfigurationError } from '../../lib';
import { one, synth } from '../helpers';
import { KUBERNETES_VERSIONS, SchemaValidator } from '../schema/validator';

const props: ArgoCdApplicationProps = { name: 'wordpress', repoURL: 'https://github.com/acme/gitops.git', path: 'dist', destinationNamespace: 'kube-example', resourcesFinalizer: true };

/** Validates with the Application model generated from Argo CD's own API types (its CRD cannot be downloaded here). */
function argoCdValidate(manifest: any): string {
  try {
    new Application(manifest).validate();
    return 'valid';
  } catch (e) {
    return (e as Error).message;
  }
}

test('defaults: argocd namespace, default project, main, in-cluster, automated prune and self-heal with retries, no recursion, no metadata file', () => {
  const app = one(synth((chart) => new ArgoCdApplication(chart, 'app', props)), 'Application');
  expect(app).toEqual({
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Application',
    metadata: { name: 'wordpress', namespace: 'argocd', finalizers: ['resources-finalizer.argocd.argoproj.io'] },
    spec: {
      project: 'default',
      source: {
        repoURL: 'https://github.com/acme/gitops.git', targetRevision: 'main', path: 'dist',
        directory: { recurse: false, exclude: '{construct-metadata.json,*/construct-metadata.json}' },
      },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'kube-example' },
      syncPolicy: { automated: { prune: true, selfHeal: true }, retry: { limit: 5, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } } },
    },
  });
  expect(argoCdValidate(app)).toBe('valid');
});

test('manual sync and other settings also validate against the Application model', () => {
  const app = one(synth((chart) => new ArgoCdApplication(chart, 'app', { ...props, automated: false, project: 'web', targetRevision: 'v1.2.0', namespace: 'gitops', destinationServer: 'https://10.0.0.1:6443' })), 'Application');
  expect(app.spec.syncPolicy).toBeUndefined();
  expect(argoCdValidate(app)).toBe('valid');
});

test('the model validator catches a broken Application (the check can fail)', () => {
  const app = one(synth((chart) => new ArgoCdApplication(chart, 'app', props)), 'Application');
  expect(argoCdValidate({ ...app, spec: { ...app.spec, project: undefined } })).toBe('data/spec must have required property project');
});

test.each<[string, Partial<ArgoCdApplicationProps>, RegExp]>([
  ['a non-URL repo', { repoURL: 'github.com/acme' }, /repoURL = "github.com\/acme": is not an https, ssh or git@ repository URL/],
  ['an absolute path', { path: '/dist' }, /path = "\/dist": must be a folder relative to the repository root/],
  ['prune without automated sync', { automated: false, prune: true }, /prune\/selfHeal = .*only apply to automated sync/],
])('refuses %s', (_t, change, message) => {
  expect(() => synth((chart) => new ArgoCdApplication(chart, 'app', { ...props, ...change }))).toThrow(ConfigurationError);
  expect(() => synth((chart) => new ArgoCdApplication(chart, 'app', { ...props, ...change }))).toThrow(message);
});

describe.each(KUBERNETES_VERSIONS)('strictly valid against the vendored Argo CD Application CRD on Kubernetes %s', (version) => {
  const validator = new SchemaValidator(version);

  test.each<[string, Partial<ArgoCdApplicationProps>]>([
    ['defaults', {}],
    ['manual sync, no finalizer, other project and cluster', { automated: false, resourcesFinalizer: false, project: 'web', targetRevision: 'v1.2.0', destinationServer: 'https://10.0.0.1:6443' }],
    ['prune and self-heal off', { prune: false, selfHeal: false }],
  ])('%s', (_t, change) => {
    expect(validator.errors(one(synth((chart) => new ArgoCdApplication(chart, 'app', { ...props, ...change })), 'Application'))).toEqual([]);
  });

  test('a misspelled field and a wrong type are caught', () => {
    const app = one(synth((chart) => new ArgoCdApplication(chart, 'app', props)), 'Application');
    expect(validator.errors({ ...app, spec: { ...app.spec, syncPolicy: { automated: { prune: 'yes', selfheal: true } } } })).toEqual([
      "/spec/syncPolicy/automated: must NOT have additional properties 'selfheal'", '/spec/syncPolicy/automated/prune: must be boolean',
    ]);
  });
});

test('the resources finalizer is an explicit choice: true adds it, false leaves it off, a missing choice is refused', () => {
  expect(one(synth((chart) => new ArgoCdApplication(chart, 'app', props)), 'Application').metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
  expect(one(synth((chart) => new ArgoCdApplication(chart, 'app', { ...props, resourcesFinalizer: false })), 'Application').metadata.finalizers).toBeUndefined();
  const { resourcesFinalizer: _omitted, ...withoutChoice } = props;
  expect(() => synth((chart) => new ArgoCdApplication(chart, 'app', withoutChoice as ArgoCdApplicationProps))).toThrow(
    /resourcesFinalizer = undefined: is required\. Fix: set it, e\.g\. resourcesFinalizer: true \(deleting the Application deletes the workloads and keeps objects marked Delete=false\) or false \(it orphans everything\)/,
  );
});
