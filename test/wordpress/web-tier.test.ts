import { Probe, WordpressApp, WordpressAppProps } from '../../lib';
import { Manifest, one, refusalOf, synth } from '../helpers';
import { bundledScript } from '../../lib/wordpress/bundled';
import { withClass } from './with-class';

const SITE = { siteUrl: 'https://blog.example.com' };

function stack(props: WordpressAppProps = {}, namespace?: string): Manifest[] {
  return synth((chart) => new WordpressApp(chart, 'wordpress', withClass({ ...SITE, ...props })), namespace);
}

const errorOf = (props: WordpressAppProps): string => refusalOf(() => stack(props)).message;

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

describe('uploads, memory and Apache knobs reach the pods', () => {
  test('defaults: 64M uploads, 256M memory_limit, KeepAlive off, opcache table for plugin-heavy sites', () => {
    const c = config(stack());
    expect(c['php.ini']).toContain('upload_max_filesize = 64M\npost_max_size = 64M\n');
    expect(c['php.ini']).toContain('opcache.max_accelerated_files = 16229');
    expect(c['apache.conf'].split('\n')).toEqual(expect.arrayContaining(['KeepAlive Off', 'php_admin_value memory_limit 256M']));
  });

  test('the props are rendered, and a change rolls the pods (config checksum)', () => {
    const defaults = stack();
    const changed = stack({ php: { uploadMaxFilesize: '10M', postMaxSize: '12M', keepAliveTimeoutSeconds: 2 } });
    expect(config(changed)['php.ini']).toContain('upload_max_filesize = 10M\npost_max_size = 12M\n');
    expect(config(changed)['apache.conf'].split('\n')).toEqual(expect.arrayContaining(['KeepAlive On', 'KeepAliveTimeout 2']));
    const checksum = (m: Manifest[]) => one(m, 'Deployment').spec.template.metadata.annotations['checksum/config'];
    expect(checksum(changed)).not.toBe(checksum(defaults));
  });

  test('every bad upload or keep-alive setting is reported at once, with the prop named', () => {
    const message = errorOf({ php: { uploadMaxFilesize: '1.5G', postMaxSize: '64MB', keepAliveTimeoutSeconds: 30 } });
    expect(message).toMatch(/php\.uploadMaxFilesize = "1\.5G": is not a PHP size/);
    expect(message).toMatch(/php\.postMaxSize = "64MB": is not a PHP size/);
    expect(message).toMatch(/php\.keepAliveTimeoutSeconds = 30: must be a whole number from 0 \(KeepAlive off\) to 15/);
  });

  test('a wrong type is a finding, not a crash', () => {
    expect(errorOf({ php: { uploadMaxFilesize: 64 as any } })).toMatch(/php\.uploadMaxFilesize = 64: .*string/);
  });
});

describe('probes: tolerant readiness, TCP liveness after a startup probe', () => {
  const c = wordpressContainer(stack());

  test('readiness fails after about a minute, not 15 s', () => {
    const r = c.readinessProbe;
    expect(r.httpGet.path).toBe('/-/ready');
    expect(r.periodSeconds * r.failureThreshold).toBeGreaterThanOrEqual(60);
    expect(r.timeoutSeconds).toBeGreaterThanOrEqual(5);
  });

  test('liveness is a TCP connect, so a busy pod is never restarted for running PHP; startup covers the core copy', () => {
    expect(c.livenessProbe.tcpSocket).toEqual({ port: 'wdport' });
    expect(c.livenessProbe.httpGet).toBeUndefined();
    expect(c.startupProbe.tcpSocket).toEqual({ port: 'wdport' });
    expect(c.startupProbe.periodSeconds * c.startupProbe.failureThreshold).toBe(300);
  });

  test('a given liveness probe replaces the default', () => {
    const given = wordpressContainer(stack({ livenessProbe: Probe.tcpSocket({ periodSeconds: 20, failureThreshold: 3 }) })).livenessProbe;
    expect(given).toMatchObject({ tcpSocket: { port: 'wdport' }, periodSeconds: 20, failureThreshold: 3 });
  });
});

describe('the readiness endpoint is not public', () => {
  test('Apache refuses /-/ready to any request that came through a proxy', () => {
    const apache = config(stack())['apache.conf'];
    const block = apache.slice(apache.indexOf('<Directory /usr/local/share/wordpress-k8s>'), apache.indexOf('</Directory>'));
    expect(block).toMatch(/<If "-n req\('X-Forwarded-For'\) \|\| %\{REMOTE_ADDR\} != %\{CONN_REMOTE_ADDR\}">\n\t\tRequire all denied\n\t<\/If>\n\t<Else>\n\t\tRequire all granted\n\t<\/Else>/);
  });
});

describe('pods write wp-content as www-data', () => {
  test('the WordPress pods and every wp-cli pod give their volumes to group 33', () => {
    const manifests = stack();
    const pods = [one(manifests, 'Deployment').spec.template.spec, ...manifests.filter((m) => m.kind === 'Job').map((j) => j.spec.template.spec),
      one(manifests, 'CronJob', 'wordpress-cron').spec.jobTemplate.spec.template.spec];
    for (const pod of pods) expect(pod.securityContext).toMatchObject({ fsGroup: 33, fsGroupChangePolicy: 'OnRootMismatch' });
  });
});

describe('digest pinning', () => {
  const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;

  test('an image pinned by digest runs in the pods and the Jobs, and the tag still names the version', () => {
    const image = `wordpress:6.7.1-apache@${digest}`;
    const manifests = stack({ image, cliImage: `wordpress:cli-2.11.0-php8.2@${digest}` });
    expect(wordpressContainer(manifests).image).toBe(image);
    const install = manifests.find((m) => m.kind === 'Job' && m.metadata.name.startsWith('wordpress-install-'))!;
    expect(install.spec.template.spec.initContainers[0].image).toBe(image);
    expect(install.spec.template.metadata.labels['app.kubernetes.io/version']).toBe('6.7.1-apache');
  });

  test('a malformed digest is refused by the shared image grammar, naming the prop', () => {
    expect(errorOf({ cliImage: 'wordpress:cli-2.11.0-php8.2@sha256:abc' })).toMatch(/cliImage = "wordpress:cli-2\.11\.0-php8\.2@sha256:abc": has a malformed digest/);
    expect(errorOf({ image: `wordpress@sha256:${'A'.repeat(64)}` })).toMatch(/image = "wordpress@sha256:A+.*: has a malformed digest/);
  });
});

describe('the ReadWriteMany content claim names its class', () => {
  test('without a class: refused, naming the prop and the usual ReadWriteMany classes by their real names', () => {
    const message = errorOf({ storage: { storageClassName: undefined } });
    expect(message).toMatch(/storage\.storageClassName = undefined: is required: the wp-content claim is ReadWriteMany/);
    for (const name of ['efs-sc', 'standard-rwx', 'azurefile-csi', 'rook-cephfs', 'nfs-client']) expect(message).toContain(`'${name}'`);
    // The articles' cluster named its class csi-cephfs; that is not Rook's name, and it belongs in main.ts only.
    expect(message).not.toContain('csi-cephfs');
  });

  test('the given class is rendered, with a 20Gi default for a media library', () => {
    const claim = one(stack({ storage: { storageClassName: 'efs-sc' } }), 'PersistentVolumeClaim', 'wordpress-wp-content');
    expect(claim.spec).toEqual({ accessModes: ['ReadWriteMany'], storageClassName: 'efs-sc', resources: { requests: { storage: '20Gi' } } });
  });

  test("'' binds a pre-provisioned PersistentVolume", () => {
    expect(one(stack({ storage: { storageClassName: '' } }), 'PersistentVolumeClaim', 'wordpress-wp-content').spec.storageClassName).toBe('');
  });

  test('a malformed class name is refused', () => {
    expect(errorOf({ storage: { storageClassName: 'EFS SC' } })).toMatch(/storage\.storageClassName = "EFS SC": is not a StorageClass name\..*Fix: use your cluster's ReadWriteMany class/);
  });
});

describe('.htaccess from the ConfigMap', () => {
  const rules = '# BEGIN WordPress\nRewriteEngine On\nRewriteRule ^index\\.php$ - [L]\n# END WordPress\n';

  test('without the prop, the image keeps its own .htaccess: nothing is mounted over it', () => {
    const manifests = stack();
    expect(config(manifests).htaccess).toBeUndefined();
    expect(wordpressContainer(manifests).volumeMounts.map((m: any) => m.mountPath)).not.toContain('/var/www/html/.htaccess');
  });

  test('the rules go into the ConfigMap and every pod mounts them read-only at the docroot', () => {
    const manifests = stack({ htaccess: rules });
    expect(config(manifests).htaccess).toBe(rules);
    expect(wordpressContainer(manifests).volumeMounts).toContainEqual({ name: 'htaccess', mountPath: '/var/www/html/.htaccess', subPath: 'htaccess', readOnly: true });
    expect(one(manifests, 'Deployment').spec.template.spec.volumes).toContainEqual({ name: 'htaccess', configMap: { name: 'wordpress-config' } });
  });

  test('empty rules or a wrong type are refused with the prop named', () => {
    expect(errorOf({ htaccess: ' \n' })).toMatch(/htaccess = " \\n": is empty, which would turn off WordPress's permalink rules/);
    expect(errorOf({ htaccess: 42 as any })).toMatch(/htaccess = 42: .*string/);
  });
});

describe('bundled plugins and themes an administrator deleted stay deleted', () => {
  test("the container runs the script on the claim's wp-content, then the image's entrypoint with Apache", () => {
    const c = wordpressContainer(stack());
    expect(c.command).toEqual(['/bin/sh', '-c', bundledScript('/var/www/html/wp-content'), 'wordpress-k8s']);
    expect(c.args).toEqual(['apache2-foreground']);
    expect(c.command[2]).toMatch(/\nexec docker-entrypoint\.sh "\$@"\n$/);
  });
});
