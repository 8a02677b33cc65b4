import { WordpressDatabase, ConfigurationError, HttpsIngress, WordpressApp, WordpressAppProps } from '../../lib';
import { synth } from '../helpers';
import { withClass } from './with-class';
import { isSiteUrl } from '../../lib/wordpress/validate';

const base: WordpressAppProps = { ingress: HttpsIngress.traefik({ host: 'blog.example.com', certResolver: 'le' }) };

function outcome(props: WordpressAppProps): string {
  try {
    synth((chart) => new WordpressApp(chart, 'wordpress', withClass({ ...base, ...props })));
    return 'accepted';
  } catch (e) {
    if (e instanceof ConfigurationError) return e.message;
    throw e;
  }
}

const NGINX = { namespace: 'ingress-nginx', podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } };
const long = (n: number) => `w${'x'.repeat(n - 1)}`;

/** Each condition: a refused value with the message it must give, and the closest accepted value. */
const CONDITIONS: Array<[string, WordpressAppProps, RegExp, WordpressAppProps]> = [
  ['name is a DNS label', { name: 'Blog' }, /name = "Blog": is not a DNS label/, { name: 'blog' }],
  [
    'derived names fit the API server (the restore CronJob binds first)',
    { name: long(42) },
    /name = "wx+": is 42 characters, so the embedded database's restore CronJob \(its Jobs' names add 11\) 'wx+-db-restore' is 53, above the 52 the API server accepts\. Fix: use at most 41 characters/,
    { name: long(41) },
  ],
  [
    'image is not php-fpm',
    { image: 'wordpress:6.7.1-fpm' },
    /image = "wordpress:6\.7\.1-fpm": is a php-fpm image.*Fix: use an -apache image/,
    { image: 'wordpress:6.7.1-php8.3-apache' },
  ],
  ['cliImage is pinned', { cliImage: 'wordpress' }, /cliImage = "wordpress": has no tag/, { cliImage: `wordpress@sha256:${'a'.repeat(64)}` }],
  [
    'cliImage is a versioned cli tag',
    { cliImage: 'wordpress:cli' },
    /cliImage = "wordpress:cli": is not a versioned wordpress:cli tag/,
    { cliImage: 'wordpress:cli-2.11.0-php8.3' },
  ],
  [
    "cliImage of the official repository, however written, is a cli tag; another repository's pinned tag is accepted",
    { cliImage: 'docker.io/library/wordpress:6.7.1-apache' },
    /cliImage = "docker\.io\/library\/wordpress:6\.7\.1-apache": is not a versioned wordpress:cli tag/,
    { cliImage: 'zdc.local/wp-cli-standin:6.1.9-php8.2' },
  ],
  ['siteUrl without an ingress', { ingress: undefined }, /siteUrl = undefined: is required without an ingress/, { ingress: undefined, siteUrl: 'https://blog.example.com' }],
  ['siteUrl is a URL', { siteUrl: 'blog.example.com' }, /siteUrl = "blog\.example\.com": is not an http\(s\) URL/, { siteUrl: 'https://blog.example.com' }],
  [
    'siteUrl has no trailing slash',
    { siteUrl: 'https://blog.example.com/' },
    /siteUrl = "https:\/\/blog\.example\.com\/": is not an http\(s\) URL/,
    { siteUrl: 'https://blog.example.com/blog' },
  ],
  // The host is read by the URL parser and checked by the shared DNS-1123 subdomain rule: a host with an empty or '-'-edged part, or a port above 65535, is refused.
  [
    'siteUrl host is a DNS-1123 subdomain',
    { siteUrl: 'https://blog..example.com' },
    /siteUrl = "https:\/\/blog\.\.example\.com": is not an http\(s\) URL with a lower-case host/,
    { siteUrl: 'https://blog.example.com' },
  ],
  ['siteUrl port is a port', { siteUrl: 'http://blog.example.com:99999' }, /siteUrl = "http:\/\/blog\.example\.com:99999": is not an http\(s\) URL/, { siteUrl: 'http://blog.example.com:65535' }],
  [
    'siteUrl names the ingress host',
    { siteUrl: 'https://www.example.com' },
    /siteUrl = "https:\/\/www\.example\.com": names a host that ingress\.host 'blog\.example\.com' does not serve/,
    { siteUrl: 'http://blog.example.com:8080' },
  ],
  [
    'siteUrl names a host a wildcard ingress serves: one label in front',
    { ingress: HttpsIngress.standard({ host: '*.example.com', ingressClassName: 'nginx', tlsSecretName: 'wildcard-tls' }), ingressController: NGINX, siteUrl: 'https://a.blog.example.com' },
    /siteUrl = "https:\/\/a\.blog\.example\.com": names a host that ingress\.host '\*\.example\.com' does not serve/,
    { ingress: HttpsIngress.standard({ host: '*.example.com', ingressClassName: 'nginx', tlsSecretName: 'wildcard-tls' }), ingressController: NGINX, siteUrl: 'https://blog.example.com' },
  ],
  [
    'siteUrl is given with a wildcard ingress host',
    { ingress: HttpsIngress.standard({ host: '*.example.com', ingressClassName: 'nginx', tlsSecretName: 'wildcard-tls' }), ingressController: NGINX },
    /siteUrl = undefined: is required with the wildcard ingress\.host '\*\.example\.com'.*Fix: set siteUrl to a host the wildcard serves, e\.g\. 'https:\/\/blog\.example\.com'/,
    { ingress: HttpsIngress.standard({ host: '*.example.com', ingressClassName: 'nginx', tlsSecretName: 'wildcard-tls' }), ingressController: NGINX, siteUrl: 'https://www.example.com' },
  ],
  [
    'ingressController is given with a standard Ingress (NetworkPolicies on)',
    { ingress: HttpsIngress.standard({ host: 'blog.example.com', ingressClassName: 'nginx', tlsSecretName: 'blog-tls' }) },
    /ingressController = undefined: is required with HttpsIngress\.standard: the default admits only Traefik's pods.*Fix: give your controller's pods/,
    { ingress: HttpsIngress.standard({ host: 'blog.example.com', ingressClassName: 'nginx', tlsSecretName: 'blog-tls' }), ingressController: NGINX },
  ],
  [
    'ingressController may be left out with a standard Ingress when NetworkPolicies are off',
    { ingress: HttpsIngress.standard({ host: 'blog.example.com', ingressClassName: 'nginx', tlsSecretName: 'blog-tls' }), networkPolicies: true },
    /ingressController = undefined: is required with HttpsIngress\.standard/,
    { ingress: HttpsIngress.standard({ host: 'blog.example.com', ingressClassName: 'nginx', tlsSecretName: 'blog-tls' }), networkPolicies: false },
  ],
  [
    'storage.size is a Kubernetes quantity, named as the prop the user wrote',
    { storage: { storageClassName: 'rook-cephfs', size: '10GB' } },
    /storage\.size = "10GB": storage "10GB" is not a Kubernetes quantity: it has the unit "GB".*Fix: write a number with an optional unit, e\.g\. "20Gi"/,
    { storage: { storageClassName: 'rook-cephfs', size: '10G' } },
  ],
  ['storage.size is positive', { storage: { storageClassName: 'rook-cephfs', size: '0' } }, /storage\.size = "0": /, { storage: { storageClassName: 'rook-cephfs', size: '1' } }],
  [
    'mysql.storageSize is named as the user wrote it (not as the inner database construct\'s storageSize)',
    { mysql: { storageSize: '10GB' } },
    /WordpressApp: 1 invalid prop\n {2}- mysql\.storageSize = "10GB": is not a positive Kubernetes quantity\. Fix: use a size such as '20Gi'\.$/,
    { mysql: { storageSize: '10G' } },
  ],
  ['siteTitle is not empty', { siteTitle: ' ' }, /siteTitle = " ": is empty/, { siteTitle: 'B' }],
  [
    'saltsSecretName is a Secret name',
    { saltsSecretName: 'Salts' },
    /saltsSecretName = "Salts": is not a valid Secret name\. Fix: use e\.g\. 'wordpress-salts', created with: kubectl -n kube-example create secret generic Salts/,
    { saltsSecretName: 'salts' },
  ],
  // A v1.34.4 API server refuses the Secret names "a..b", "a.-b" and "a-.b" ("a lowercase RFC 1123 subdomain") and accepts
  // a 70-character part: a subdomain's parts are not DNS labels of at most 63.
  [
    'admin.secretName has no empty part',
    { admin: { secretName: 'admin..pw' } },
    /admin\.secretName = "admin\.\.pw": is not a valid Secret name/,
    { admin: { secretName: `${'a'.repeat(70)}.pw` } },
  ],
  [
    'admin.secretName parts end in a letter or digit',
    { admin: { secretName: 'admin-.pw' } },
    /admin\.secretName = "admin-\.pw": is not a valid Secret name/,
    { admin: { secretName: 'admin.pw' } },
  ],
  [
    'admin.passwordKey is not ..',
    { admin: { secretName: 'admin', passwordKey: '..' } },
    /admin\.passwordKey = "\.\.": is not a valid Secret key/,
    { admin: { secretName: 'admin', passwordKey: '.pw' } },
  ],
  ['admin.secretName is a Secret name', { admin: { secretName: 'Admin' } }, /admin\.secretName = "Admin": is not a valid Secret name/, { admin: { secretName: 'admin' } }],
  [
    'admin.userKey is a Secret key',
    { admin: { secretName: 'admin', userKey: 'a b' } },
    /admin\.userKey = "a b": is not a valid Secret key/,
    { admin: { secretName: 'admin', userKey: 'A_b.c-1' } },
  ],
  [
    'admin.passwordKey is a Secret key',
    { admin: { secretName: 'admin', passwordKey: '' } },
    /admin\.passwordKey = "": is not a valid Secret key/,
    { admin: { secretName: 'admin', passwordKey: 'pw' } },
  ],
  [
    'admin.emailKey is a Secret key',
    { admin: { secretName: 'admin', emailKey: 'e/mail' } },
    /admin\.emailKey = "e\/mail": is not a valid Secret key/,
    { admin: { secretName: 'admin', emailKey: 'mail' } },
  ],
  [
    'memory covers the workers',
    { php: { maxRequestWorkers: 5 } },
    /php\.maxRequestWorkers = 5: needs a memory limit of at least 1456Mi \(5 workers x \(256 MiB memory_limit \+ 16 MiB\) \+ 64 MiB opcache \+ 32 MiB = 1456 MiB\), but the limit is 1184Mi.*Fix: raise resources\.limits\.memory/,
    { php: { maxRequestWorkers: 3 } },
  ],
  [
    'memory covers memory_limit',
    { php: { phpMemoryLimitMi: 512 } },
    /php\.maxRequestWorkers = 4: needs a memory limit of at least 2208Mi/,
    { resources: { requests: { cpu: '200m', memory: '2208Mi' }, limits: { cpu: '200m', memory: '2208Mi' } }, php: { phpMemoryLimitMi: 512 } },
  ],
  ['memory covers opcache', { php: { opcacheMemoryMi: 65 } }, /needs a memory limit of at least 1185Mi/, { php: { opcacheMemoryMi: 64 } }],
  [
    'a memory limit is set',
    { resources: { requests: { cpu: '200m', memory: '1184Mi' }, qosClass: 'Burstable' as any } },
    /but the limit is unset/,
    { resources: { requests: { cpu: '200m', memory: '1184Mi' }, limits: { memory: '1184Mi' }, qosClass: 'Burstable' as any } },
  ],
  ['maxRequestWorkers is a whole number', { php: { maxRequestWorkers: 0 } }, /php\.maxRequestWorkers = 0: must be a whole number from 1 to 256/, { php: { maxRequestWorkers: 1 } }],
  [
    'phpMemoryLimitMi is a whole number',
    { php: { phpMemoryLimitMi: 12.5 } },
    /php\.phpMemoryLimitMi = 12\.5: must be a whole number from 32 to 4096/,
    { php: { phpMemoryLimitMi: 32 } },
  ],
  ['uploadMaxFilesize is a PHP size', { php: { uploadMaxFilesize: '64MB' } }, /php\.uploadMaxFilesize = "64MB": is not a PHP size.*Fix: use e\.g\. '64M'/, { php: { uploadMaxFilesize: '32M' } }],
  ['uploadMaxFilesize has no decimals', { php: { uploadMaxFilesize: '1.5G', postMaxSize: '2G' } }, /php\.uploadMaxFilesize = "1\.5G": is not a PHP size/, { php: { uploadMaxFilesize: '1536M', postMaxSize: '2G' } }],
  ['postMaxSize is a PHP size', { php: { postMaxSize: '64 M' } }, /php\.postMaxSize = "64 M": is not a PHP size/, { php: { postMaxSize: '65536K' } }],
  [
    'postMaxSize covers uploadMaxFilesize',
    { php: { uploadMaxFilesize: '128M' } },
    /php\.postMaxSize = "64M": is smaller than uploadMaxFilesize 128M.*Fix: raise postMaxSize to at least 128M/,
    { php: { uploadMaxFilesize: '128M', postMaxSize: '128M' } },
  ],
  ['keepAliveTimeoutSeconds is at most 15', { php: { keepAliveTimeoutSeconds: 16 } }, /php\.keepAliveTimeoutSeconds = 16: must be a whole number from 0 \(KeepAlive off\) to 15/, { php: { keepAliveTimeoutSeconds: 15 } }],
  ['keepAliveTimeoutSeconds is whole', { php: { keepAliveTimeoutSeconds: 1.5 } }, /php\.keepAliveTimeoutSeconds = 1\.5: must be a whole number/, { php: { keepAliveTimeoutSeconds: 2 } }],
  ['keepAliveTimeoutSeconds is not negative', { php: { keepAliveTimeoutSeconds: -1 } }, /php\.keepAliveTimeoutSeconds = -1: must be a whole number/, { php: { keepAliveTimeoutSeconds: 0 } }],
  ['opcacheMemoryMi is a whole number', { php: { opcacheMemoryMi: 4 } }, /php\.opcacheMemoryMi = 4: must be a whole number from 8 to 1024/, { php: { opcacheMemoryMi: 8 } }],
  ['shutdownBudgetSeconds is at least 30', { shutdownBudgetSeconds: 29 }, /shutdownBudgetSeconds = 29: 29 is below the minimum of 30/, { shutdownBudgetSeconds: 30 }],
  ['cron.schedule has five fields', { cron: { schedule: '*/5 * * *' } }, /cron\.schedule = "\*\/5 \* \* \*": has 4 fields/, { cron: { schedule: '@daily' } }],
  [
    'cron.schedule fields are cron fields',
    { cron: { schedule: '*/5 * * * ;' } },
    /cron\.schedule = .*day of week ";" is not a number or a name/,
    { cron: { schedule: '0 3 * * MON-FRI' } },
  ],
  // The schedule is a CronJob's: the API server refuses minute 99 and accepts @midnight and @every (lib/grammar/cron.ts).
  [
    'cron.schedule fields are in range',
    { cron: { schedule: '99 * * * *' } },
    /cron\.schedule = "99 \* \* \* \*": minute 99 is above 59/,
    { cron: { schedule: '@midnight' } },
  ],
  [
    'cron.schedule descriptors are known',
    { cron: { schedule: '@often' } },
    /cron\.schedule = "@often": is not a known descriptor/,
    { cron: { schedule: '@every 5m' } },
  ],
  [
    'cron.activeDeadlineSeconds is at least 1',
    { cron: { activeDeadlineSeconds: 0 } },
    /cron\.activeDeadlineSeconds = 0: 0 is below the minimum of 1/,
    { cron: { activeDeadlineSeconds: 1 } },
  ],
  [
    'cron.startingDeadlineSeconds is at least 1',
    { cron: { startingDeadlineSeconds: 0 } },
    /cron\.startingDeadlineSeconds = 0: 0 is below the minimum of 1/,
    { cron: { startingDeadlineSeconds: 1 } },
  ],
  [
    'storage.subPath is relative',
    { storage: { subPath: '/wp-content' } },
    /storage\.subPath = "\/wp-content": must be a folder relative to the claim root/,
    { storage: { subPath: 'html/wp-content' } },
  ],
  ['storage.subPath stays in the claim', { storage: { subPath: '../x' } }, /storage\.subPath = "\.\.\/x": must be a folder relative/, { storage: { subPath: 'x..y' } }],
  ['storage.claimName is a claim name', { storage: { claimName: 'WP' } }, /storage\.claimName = "WP": is not a valid claim name/, { storage: { claimName: 'wordpress-pvc' } }],
  [
    'ingressController.namespace is a namespace',
    { ingressController: { namespace: 'Traefik', podLabels: { a: 'b' } } },
    /ingressController\.namespace = "Traefik": is not a namespace name/,
    { ingressController: { namespace: 'kube-system', podLabels: { a: 'b' } } },
  ],
  [
    'ingressController.podLabels is not empty',
    { ingressController: { namespace: 'traefik', podLabels: {} } },
    /ingressController\.podLabels = \{\}: is empty, which would admit every pod of the namespace/,
    { ingressController: { namespace: 'traefik', podLabels: { app: 'traefik' } } },
  ],
  [
    'clusterDns.namespace is a namespace',
    { clusterDns: { namespace: '', podLabels: { a: 'b' } } },
    /clusterDns\.namespace = "": is not a namespace name/,
    { clusterDns: { namespace: 'dns', podLabels: { a: 'b' } } },
  ],
  [
    'clusterDns.podLabels is not empty',
    { clusterDns: { namespace: 'dns', podLabels: {} } },
    /clusterDns\.podLabels = \{\}: is empty/,
    { clusterDns: { namespace: 'dns', podLabels: { a: 'b' } } },
  ],
  ['egress.ports are TCP ports', { egress: { ports: [443, 0] } }, /egress\.ports\[1\] = 0: is not a TCP port/, { egress: { ports: [1, 65535] } }],
  [
    'egress.cidrs are CIDRs',
    { egress: { cidrs: ['10.0.0.0/33'] } },
    /egress\.cidrs\[0\] = "10\.0\.0\.0\/33": is not a CIDR/,
    { egress: { cidrs: ['10.0.0.0/32', '2001:db8::/32'] } },
  ],
];

test.each(CONDITIONS)('%s: refused with the prop, the value and the fix; the nearest valid value is accepted', (_t, refused, message, accepted) => {
  expect(outcome(refused)).toMatch(message);
  expect(outcome(refused)).toMatch(/Fix: /);
  expect(outcome(accepted)).toBe('accepted');
});

test('every problem is reported at once', () => {
  expect(outcome({ name: 'Blog', siteTitle: '', shutdownBudgetSeconds: 10, egress: { ports: [0] } })).toMatch(/WordpressApp "Blog": 4 invalid props/);
});

test.each<[string, any, RegExp]>([
  ['a number as a string', { php: { maxRequestWorkers: '4' } }, /php\.maxRequestWorkers = "4": must be a number/],
  ['a misspelled storage prop', { storage: { subpath: 'wp-content' } }, /storage\.subpath = .*is not a prop of WordpressStorageProps.*subPath/],
  ['a misspelled top-level prop', { saltSecretName: 'salts' }, /saltSecretName = "salts": is not a prop of WordpressAppProps.*saltsSecretName/],
  ['egress ports as a number', { egress: { ports: 443 } }, /egress\.ports = 443: must be/],
  [
    'a connection without a password Secret',
    { database: WordpressDatabase.fromConnection({ host: 'db', port: 3306, database: 'wp', user: 'wp', egressPeers: [] } as any) },
    /database\.passwordSecret = undefined: is required/,
  ],
  ['a plain object as the liveness probe', { livenessProbe: { tcpSocket: { port: 80 } } }, /livenessProbe = .*must be a Probe built by its factory methods/],
])('wrong types and unknown keys are findings, not crashes: %s', (_t, props, message) => {
  expect(outcome(props)).toMatch(message);
});

describe('a site address: the URL parser, and the host by the shared DNS-1123 subdomain rule', () => {
  test.each(['https://blog.example.com', 'http://blog.example.com:8080', 'https://blog.example.com/blog', 'https://localhost', 'https://10.0.0.1', 'https://xn--bcher-kva.de'])(
    'accepts %p', (url) => expect(isSiteUrl(url)).toBe(true));
  test.each([
    'blog.example.com', 'ftp://blog.example.com', 'HTTPS://blog.example.com', 'https://Blog.example.com', 'https://blog.example.com/', 'https://blog.example.com?p=1', 'https://blog.example.com#top',
    'https://user@blog.example.com', 'https://[::1]', 'https://bücher.de', 'https://a_b.example.com', 'https://a..b', 'https://a.-b.com', 'https://a-.b.com', 'https://a.com:99999', 'https://a.com:',
    // IPv4 shorthands the URL parser rewrites (1.2.3 is 1.2.0.3): the host as written is not the host WordPress would be served at.
    'https://1.2.3', 'https://0x7f.1', `https://${'a'.repeat(250)}.com`, 42,
  ])('refuses %p', (url) => expect(isSiteUrl(url)).toBe(false));
});
