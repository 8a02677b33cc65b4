import { ConfigurationError, WordpressApp, WordpressAppProps } from '../../lib';
import { Manifest, one, synth } from '../helpers';

const SITE = { siteUrl: 'https://blog.example.com' };

function stack(props: WordpressAppProps = {}, namespace?: string): Manifest[] {
  return synth((chart) => new WordpressApp(chart, 'wordpress', { ...SITE, ...props }), namespace);
}

function errorOf(props: WordpressAppProps): string {
  try {
    stack(props);
  } catch (e) {
    if (e instanceof ConfigurationError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigurationError');
}

function wordpressContainer(manifests: Manifest[]): any {
  return one(manifests, 'Deployment', 'wordpress').spec.template.spec.containers[0];
}

function config(manifests: Manifest[]): Record<string, string> {
  return one(manifests, 'ConfigMap', 'wordpress-config').data;
}

describe("the Chart's namespace", () => {
  test('every object goes to the Chart namespace; the Namespace object is named for it and has no namespace itself', () => {
    const manifests = stack({}, 'blog');
    const namespace = one(manifests, 'Namespace');
    expect(namespace.metadata.name).toBe('blog');
    expect(namespace.metadata.namespace).toBeUndefined();
    const others = manifests.filter((m) => m.kind !== 'Namespace');
    expect(others.length).toBeGreaterThan(20);
    expect(others.filter((m) => m.metadata.namespace !== 'blog').map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([]);
    expect(JSON.stringify(manifests)).not.toContain('kube-example');
  });

  test('the namespace prop wins over the Chart namespace', () => {
    const manifests = stack({ namespace: 'web' }, 'blog');
    expect(one(manifests, 'Namespace').metadata).toMatchObject({ name: 'web' });
    expect(one(manifests, 'Namespace').metadata.namespace).toBeUndefined();
    expect(manifests.filter((m) => m.kind !== 'Namespace').every((m) => m.metadata.namespace === 'web')).toBe(true);
  });

  test("without either, the stack's default namespace", () => {
    expect(one(stack(), 'Deployment').metadata.namespace).toBe('kube-example');
  });
});

describe("the documented apply order selects on the objects' task label", () => {
  const manifests = stack();
  /** What `kubectl apply -l <selector>` selects: the objects' own labels, never their pod templates'. */
  const selected = (test: (labels: Record<string, string>) => boolean) =>
    manifests.filter((m) => test(m.metadata.labels ?? {})).map((m) => `${m.kind}/${m.metadata.name}`);

  test("-l task=update-db selects the update-db Job only; -l 'task!=update-db' everything else", () => {
    const updateDb = selected((l) => l.task === 'update-db');
    expect(updateDb).toEqual([expect.stringMatching(/^Job\/wordpress-update-db-[0-9a-f]{8}$/)]);
    expect(selected((l) => l.task !== 'update-db')).toHaveLength(manifests.length - 1);
  });

  test('each wp-cli object carries its task', () => {
    expect(selected((l) => l.task === 'install')).toEqual([expect.stringMatching(/^Job\/wordpress-install-/)]);
    expect(selected((l) => l.task === 'cron')).toEqual(['CronJob/wordpress-cron']);
  });
});
