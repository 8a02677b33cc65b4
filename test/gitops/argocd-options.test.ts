import { ARGOCD_DEFAULT_RETRY, ARGOCD_METADATA_EXCLUDE, ArgoCdApplication, ArgoCdApplicationProps, ConfigurationError } from '../../lib';
import { one, synth } from '../helpers';
import { KUBERNETES_VERSIONS, SchemaValidator } from '../schema/validator';

const props: ArgoCdApplicationProps = { name: 'shop', repoURL: 'https://github.com/acme/gitops.git', path: 'dist', destinationNamespace: 'shop', resourcesFinalizer: true };
const spec = (change: Partial<ArgoCdApplicationProps> | Record<string, unknown>) =>
  one(synth((chart) => new ArgoCdApplication(chart, 'app', { ...props, ...change } as ArgoCdApplicationProps)), 'Application').spec;
const refusal = (change: Partial<ArgoCdApplicationProps> | Record<string, unknown>): string => {
  try {
    spec(change);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    return (e as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(change)}`);
};

/** Argo CD's glob library (gobwas/glob, no separators) compiled by hand for the patterns used here: braces are alternatives, * is any text. */
function globMatches(glob: string, file: string): boolean {
  const alternatives = glob.startsWith('{') && glob.endsWith('}') ? glob.slice(1, -1).split(',') : [glob];
  return alternatives.some((a) => new RegExp(`^${a.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(file));
}

describe('the plugin\'s metadata file is excluded from the directory source', () => {
  test('by default, at the top of the path and in every sub-folder, and nothing else', () => {
    expect(spec({}).source.directory.exclude).toBe(ARGOCD_METADATA_EXCLUDE);
    const excluded = (file: string) => [file, globMatches(ARGOCD_METADATA_EXCLUDE, file)];
    for (const file of ['construct-metadata.json', 'argocd/construct-metadata.json', 'eu/argocd/construct-metadata.json']) expect(excluded(file)).toEqual([file, true]);
    for (const file of ['wordpress.k8s.yaml', 'argocd/applications.k8s.yaml', 'metadata.json', 'my-construct-metadata.json']) expect(excluded(file)).toEqual([file, false]);
  });

  test('directory.exclude, include and recurse change it', () => {
    expect(spec({ directory: { exclude: '{construct-metadata.json,old.yaml}', include: '*.yaml', recurse: true } }).source.directory)
      .toEqual({ recurse: true, exclude: '{construct-metadata.json,old.yaml}', include: '*.yaml' });
    expect(spec({ directory: { recurse: true } }).source.directory).toEqual({ recurse: true, exclude: ARGOCD_METADATA_EXCLUDE });
  });

  test.each([
    [{ exclude: '' }, 'directory.exclude = "": is empty, which matches nothing'],
    [{ exclude: '/construct-metadata.json' }, 'directory.exclude = "/construct-metadata.json": starts with /'],
    [{ exclude: '{construct-metadata.json,old.yaml' }, 'directory.exclude = "{construct-metadata.json,old.yaml": has unbalanced { } or [ ]'],
    [{ include: 'a}.yaml' }, 'directory.include = "a}.yaml": has unbalanced'],
    [{ include: '[a.yaml' }, 'directory.include = "[a.yaml": has unbalanced'],
    [{ exlude: 'x' }, 'directory.exlude = "x": is not a prop of ArgoCdDirectory, so it would be ignored. Fix: rename it to exclude'],
  ])('refuses directory %j', (directory, message) => {
    expect(refusal({ directory })).toContain(message);
  });
});

describe('syncOptions', () => {
  test('are rendered as given, beside automated sync and without it', () => {
    expect(spec({ syncOptions: ['CreateNamespace=true', 'ServerSideApply=true', 'PrunePropagationPolicy=foreground'] }).syncPolicy.syncOptions)
      .toEqual(['CreateNamespace=true', 'ServerSideApply=true', 'PrunePropagationPolicy=foreground']);
    expect(spec({ automated: false, syncOptions: ['CreateNamespace=true'] }).syncPolicy).toEqual({ syncOptions: ['CreateNamespace=true'] });
    expect(spec({ syncOptions: [] }).syncPolicy.syncOptions).toBeUndefined();
  });

  test.each([
    ['CreateNamespace', 'syncOptions[0] = "CreateNamespace": must be CreateNamespace=value with value true or false. Fix: write CreateNamespace=true'],
    ['CreateNamespace=yes', 'syncOptions[0] = "CreateNamespace=yes": must be CreateNamespace=value with value true or false'],
    ['PrunePropagationPolicy=Foreground', 'with value foreground or background or orphan'],
    ['CreateNamespaces=true', 'syncOptions[0] = "CreateNamespaces=true": is not an Application sync option Argo CD knows, so it would be ignored. Fix: use CreateNamespace=true'],
    ['Frobnicate=true', 'Fix: use Name=value with one of Validate, CreateNamespace'],
    ['Delete=false', 'syncOptions[0] = "Delete=false": is a per-object option'],
    ['Prune=false', 'syncOptions[0] = "Prune=false": is a per-object option'],
  ])('refuses %s', (option, message) => {
    expect(refusal({ syncOptions: [option] })).toContain(message);
  });

  test('a wrong type is a finding', () => {
    expect(refusal({ syncOptions: 'CreateNamespace=true' })).toContain('syncOptions = "CreateNamespace=true": must be an array of a string items');
  });
});

describe('retry', () => {
  test('defaults to 5 retries, 5 s doubling to 3 min, with automated sync; none with manual sync unless asked', () => {
    expect(spec({}).syncPolicy.retry).toEqual({ limit: 5, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } });
    expect(spec({}).syncPolicy.retry).toEqual(ARGOCD_DEFAULT_RETRY);
    expect(Object.isFrozen(ARGOCD_DEFAULT_RETRY.backoff)).toBe(true);
    expect(spec({ automated: false }).syncPolicy).toBeUndefined();
    expect(spec({ automated: false, retry: { limit: 2 } }).syncPolicy).toEqual({ retry: { limit: 2, backoff: ARGOCD_DEFAULT_RETRY.backoff } });
    expect(spec({ retry: false }).syncPolicy).toEqual({ automated: { prune: true, selfHeal: true } });
  });

  test('each field can be set; the others keep their defaults', () => {
    expect(spec({ retry: { limit: -1, backoff: { duration: '10', factor: 3, maxDuration: '1h30m' } } }).syncPolicy.retry)
      .toEqual({ limit: -1, backoff: { duration: '10', factor: 3, maxDuration: '1h30m' } });
    expect(spec({ retry: { limit: 0 } }).syncPolicy.retry.limit).toBe(0);
    expect(spec({ retry: { backoff: { duration: '500ms' } } }).syncPolicy.retry).toEqual({ limit: 5, backoff: { duration: '500ms', factor: 2, maxDuration: '3m' } });
    expect(spec({ retry: { backoff: { maxDuration: '1.5h' } } }).syncPolicy.retry.backoff.maxDuration).toBe('1.5h');
  });

  test.each<[Record<string, unknown>, string]>([
    [{ limit: 2.5 }, 'retry.limit = 2.5: must be a whole number: 0 for no retry, -1 for no limit'],
    [{ limit: -2 }, 'retry.limit = -2: must be a whole number'],
    [{ limit: '5' }, 'retry.limit = "5": must be a number, not a string. Fix: write 5 without quotes'],
    [{ backoff: { duration: '5 s' } }, 'retry.backoff.duration = "5 s": is not a duration Argo CD reads (seconds, or a number with ns, us, ms, s, m or h). Fix: use e.g. \'5s\''],
    [{ backoff: { duration: '5sec' } }, 'retry.backoff.duration = "5sec": is not a duration'],
    [{ backoff: { duration: '-5s' } }, 'retry.backoff.duration = "-5s": is not a duration'],
    [{ backoff: { maxDuration: '3d' } }, 'retry.backoff.maxDuration = "3d": is not a duration Argo CD reads (seconds, or a number with ns, us, ms, s, m or h). '
      + 'Fix: use e.g. \'3m\''],
    [{ backoff: { factor: 0 } }, 'retry.backoff.factor = 0: must be a whole number of at least 1'],
    [{ backoff: { factor: 1.5 } }, 'retry.backoff.factor = 1.5: must be a whole number of at least 1'],
  ])('refuses retry %j', (retry, message) => {
    expect(refusal({ retry })).toContain(message);
  });

  test('true is refused (false turns retries off; an object sets them)', () => {
    expect(refusal({ retry: true })).toContain('retry = true: must be false or a retry object');
  });

  test('all problems at once', () => {
    const message = refusal({ retry: { limit: 1.5, backoff: { duration: 'x', factor: 0 } }, syncOptions: ['Nope=1'] });
    for (const prop of ['retry.limit', 'retry.backoff.duration', 'retry.backoff.factor', 'syncOptions[0]']) expect(message).toContain(`${prop} = `);
  });
});

describe('ignoreDifferences', () => {
  test('are rendered with the core group spelled out', () => {
    const secret = { namespace: 'shop', jqPathExpressions: ['.data.token'], managedFieldsManagers: ['vault'] };
    expect(spec({ ignoreDifferences: [{ group: 'apps', kind: 'Deployment', name: 'web', jsonPointers: ['/spec/replicas'] }, { kind: 'Secret', ...secret }] }).ignoreDifferences)
      .toEqual([{ group: 'apps', kind: 'Deployment', name: 'web', jsonPointers: ['/spec/replicas'] }, { group: '', kind: 'Secret', ...secret }]);
    expect(spec({ ignoreDifferences: [] }).ignoreDifferences).toBeUndefined();
  });

  test.each<[Record<string, unknown>, string]>([
    [{ kind: 'Deployment' }, 'ignoreDifferences[0] = {"kind":"Deployment"}: says which objects but not which fields, so Argo CD ignores nothing'],
    [{ kind: '', jsonPointers: ['/a'] }, 'ignoreDifferences[0].kind = "": is empty'],
    [{ jsonPointers: ['/a'] }, 'ignoreDifferences[0].kind = undefined: is required'],
    [{ group: 'Apps', kind: 'Deployment', jsonPointers: ['/a'] }, 'ignoreDifferences[0].group = "Apps": is not an API group'],
    [{ kind: 'Deployment', jsonPointers: ['spec.replicas'] },
      "ignoreDifferences[0].jsonPointers[0] = \"spec.replicas\": must start with '/' (a JSON pointer, e.g. '/spec/replicas'). Fix: write e.g. '/spec/replicas'"],
    [{ kind: 'Deployment', jsonPointers: ['/metadata/annotations/a~b'] }, "jsonPointers[0] = \"/metadata/annotations/a~b\": has '~' not followed by 0 or 1"],
    [{ kind: 'Deployment', jqPathExpressions: ['spec/replicas'] },
      "ignoreDifferences[0].jqPathExpressions[0] = \"spec/replicas\": is not a jq path expression (it starts with '.'). Fix: write e.g. '.spec.replicas'"],
  ])('refuses %j', (difference, message) => {
    expect(refusal({ ignoreDifferences: [difference] })).toContain(message);
  });

  test('accepts escaped pointers and the core group', () => {
    expect(spec({ ignoreDifferences: [{ group: '', kind: 'ConfigMap', jsonPointers: ['/metadata/annotations/a~1b~0c'] }] }).ignoreDifferences).toHaveLength(1);
  });
});

describe('destination, project and names in the formats Argo CD and Kubernetes accept', () => {
  test('destinationName replaces the server', () => {
    expect(spec({ destinationName: 'prod-eu' }).destination).toEqual({ name: 'prod-eu', namespace: 'shop' });
    expect(spec({ destinationServer: 'https://10.0.0.1:6443/k8s' }).destination).toEqual({ server: 'https://10.0.0.1:6443/k8s', namespace: 'shop' });
    expect(spec({ destinationServer: 'http://127.0.0.1:8001' }).destination.server).toBe('http://127.0.0.1:8001');
  });

  test.each<[Record<string, unknown>, string]>([
    [{ destinationServer: 'kubernetes.default.svc' },
      'destinationServer = "kubernetes.default.svc": is not a cluster API server URL. Fix: use the URL Argo CD registered the cluster with'],
    [{ destinationServer: 'https://' }, 'destinationServer = "https://": is not a cluster API server URL'],
    [{ destinationServer: 'https://a b' }, 'destinationServer = "https://a b": is not a cluster API server URL'],
    [{ destinationServer: 'in-cluster' }, "or set destinationName to the cluster's name"],
    [{ destinationServer: 'https://x', destinationName: 'x' },
      'destinationServer/destinationName = {"destinationServer":"https://x","destinationName":"x"}: name the cluster twice'],
    [{ destinationName: ' ' }, 'destinationName = " ": is empty'],
    [{ project: 'My Project' }, 'project = "My Project": is not a valid Argo CD project name (a DNS-1123 subdomain): it contains'],
    [{ destinationNamespace: 'Shop' }, 'destinationNamespace = "Shop": is not a valid namespace (a DNS-1123 label)'],
    [{ destinationNamespace: 'shop.eu' }, 'destinationNamespace = "shop.eu": is not a valid namespace (a DNS-1123 label)'],
    [{ namespace: 'Argo' }, 'namespace = "Argo": is not a valid namespace'],
    [{ name: 'Shop_App' }, 'name = "Shop_App": is not a valid Application name (a DNS-1123 subdomain)'],
  ])('refuses %j', (change, message) => {
    expect(refusal(change)).toContain(message);
  });

  test('dotted projects and names are accepted (DNS-1123 subdomains)', () => {
    expect(spec({ project: 'team.web', name: 'shop.eu' }).project).toBe('team.web');
  });
});

describe.each(KUBERNETES_VERSIONS)('every option is strictly valid against the vendored Argo CD Application CRD on Kubernetes %s', (version) => {
  const validator = new SchemaValidator(version);
  test('all options set', () => {
    const app = one(synth((chart) => new ArgoCdApplication(chart, 'app', {
      ...props, destinationName: 'prod', syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
      retry: { limit: 3, backoff: { duration: '10s', factor: 3, maxDuration: '5m' } },
      ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'], jqPathExpressions: ['.spec.x'], managedFieldsManagers: ['m'] }],
      directory: { recurse: true, include: '*.yaml', exclude: ARGOCD_METADATA_EXCLUDE },
    })), 'Application');
    expect(validator.errors(app)).toEqual([]);
  });
});
