/**
 * The rendered Apache configuration, run by Debian's Apache 2.4 (the images' server) under prefork:
 * it parses, KeepAlive is off, and the readiness endpoint answers the kubelet but not a request that
 * came through the ingress controller, with and without the official image's mod_remoteip (which consumes
 * X-Forwarded-For from private-range proxies). mod_php is not loaded here, so its one line is left out and the
 * readiness script is served as a file. The metrics sidecar's status host serves mod_status on its own
 * port, untouched by WordPress's rewrite rules in the docroot's .htaccess.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { apacheStatusConfig, STATUS_ADDRESS } from '../../lib/wordpress/metrics';
import { apacheConfig, CONFIG_DIR, DEFAULT_WORKER_BUDGET } from '../../lib/wordpress/php-memory';
import { canRun } from '../requires';

jest.setTimeout(30_000);

const runnable = canRun('test/wordpress/apache', [{ name: 'apache2', apt: 'apache2' }]);
const maybe = runnable ? describe : describe.skip;
const MODULES = '/usr/lib/apache2/modules';
// Debian installs it in /usr/sbin, which an ordinary user's PATH may lack.
const APACHE = fs.existsSync('/usr/sbin/apache2') ? '/usr/sbin/apache2' : 'apache2';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function get(port: number, urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; connection?: string }> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: urlPath, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
    }).on('error', reject);
  });
}

// The official WordPress image's remoteip.conf (a2enmod remoteip): X-Forwarded-For from a private-range
// proxy becomes the client address, and the header is consumed before access checks.
const OFFICIAL_REMOTEIP = [
  `LoadModule remoteip_module ${MODULES}/mod_remoteip.so`, 'RemoteIPHeader X-Forwarded-For',
  ...['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '127.0.0.0/8'].map((r) => `RemoteIPInternalProxy ${r}`),
];

maybe.each([
  ['without mod_remoteip', [] as string[]],
  ["with the official image's mod_remoteip", OFFICIAL_REMOTEIP],
])("Debian's Apache 2.4 with the rendered configuration, %s", (_name, modules) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wp-apache-'));
  // The children read the files as another user when Apache starts as root.
  fs.chmodSync(tmp, 0o755);
  let port: number;
  let conf: string;

  beforeAll(async () => {
    port = await freePort();
    const scripts = path.join(tmp, 'scripts');
    const docroot = path.join(tmp, 'html');
    fs.mkdirSync(scripts);
    fs.mkdirSync(docroot);
    fs.writeFileSync(path.join(scripts, 'ready.php'), 'ok\n');
    fs.writeFileSync(path.join(docroot, 'index.html'), 'site\n');
    const rendered = apacheConfig(DEFAULT_WORKER_BUDGET).split('\n').filter((l) => !l.startsWith('php_admin_value')).join('\n').split(CONFIG_DIR).join(scripts);
    conf = path.join(tmp, 'httpd.conf');
    fs.writeFileSync(conf, [
      ...['mpm_prefork', 'authz_core', 'alias'].map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
      `ServerRoot ${tmp}`, `PidFile ${tmp}/httpd.pid`, `ErrorLog ${tmp}/error.log`, `Listen 127.0.0.1:${port}`, 'ServerName localhost', 'User nobody', 'Group nogroup',
      `DocumentRoot ${docroot}`, `<Directory ${docroot}>`, '\tRequire all granted', '</Directory>',
      ...modules,
      rendered,
    ].join('\n'));
    execFileSync(APACHE, ['-f', conf, '-k', 'start'], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await get(port, '/index.html').then((r) => r.status === 200, () => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Apache did not start: ${fs.existsSync(`${tmp}/error.log`) ? fs.readFileSync(`${tmp}/error.log`, 'utf8') : ''}`);
  });

  afterAll(() => {
    execFileSync(APACHE, ['-f', conf, '-k', 'stop'], { stdio: 'ignore' });
  });

  test('the configuration parses', () => {
    expect(execFileSync(APACHE, ['-f', conf, '-t'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBe('');
  });

  test('the kubelet (no X-Forwarded-For) reaches /-/ready', async () => {
    expect((await get(port, '/-/ready', { Host: 'blog.example.com', 'X-Forwarded-Proto': 'https' })).status).toBe(200);
  });

  test('a request through the ingress controller (X-Forwarded-For) is refused /-/ready, and still gets the site', async () => {
    expect((await get(port, '/-/ready', { 'X-Forwarded-For': '203.0.113.7' })).status).toBe(403);
    expect((await get(port, '/index.html', { 'X-Forwarded-For': '203.0.113.7' })).status).toBe(200);
  });

  test('KeepAlive is off: Apache closes the connection after each response', async () => {
    expect((await get(port, '/index.html', { Connection: 'keep-alive' })).connection).toBe('close');
  });
});

/** A GET's status and body. */
function getBody(port: number, urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: urlPath, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    }).on('error', reject);
  });
}

// WordPress's own permalink rules, as it writes them into the docroot's .htaccess.
const WORDPRESS_HTACCESS = [
  '# BEGIN WordPress', 'RewriteEngine On', 'RewriteBase /', 'RewriteRule ^index\\.php$ - [L]', 'RewriteCond %{REQUEST_FILENAME} !-f',
  'RewriteCond %{REQUEST_FILENAME} !-d', 'RewriteRule . /index.php [L]', '# END WordPress', '',
].join('\n');

maybe("Debian's Apache 2.4 with the metrics sidecar's status host, and WordPress's rewrite rules in the docroot", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wp-apache-status-'));
  fs.chmodSync(tmp, 0o755);
  let site: number;
  let status: number;
  let conf: string;

  beforeAll(async () => {
    [site, status] = [await freePort(), await freePort()];
    const docroot = path.join(tmp, 'html');
    const empty = path.join(tmp, 'empty');
    fs.mkdirSync(docroot);
    fs.mkdirSync(empty);
    fs.writeFileSync(path.join(docroot, 'index.php'), 'wordpress\n');
    fs.writeFileSync(path.join(docroot, '.htaccess'), WORDPRESS_HTACCESS);
    conf = path.join(tmp, 'httpd.conf');
    fs.writeFileSync(conf, [
      ...['mpm_prefork', 'authz_core', 'authz_host', 'rewrite', 'status'].map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
      `ServerRoot ${tmp}`, `PidFile ${tmp}/httpd.pid`, `ErrorLog ${tmp}/error.log`, `Listen 127.0.0.1:${site}`, 'ServerName localhost', 'User nobody', 'Group nogroup',
      `DocumentRoot ${docroot}`, `<Directory ${docroot}>`, '\tAllowOverride All', '\tRequire all granted', '</Directory>',
      apacheStatusConfig(empty).split(STATUS_ADDRESS).join(`127.0.0.1:${status}`),
    ].join('\n'));
    execFileSync(APACHE, ['-f', conf, '-k', 'start'], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await getBody(site, '/index.php').then((r) => r.status === 200, () => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Apache did not start: ${fs.existsSync(`${tmp}/error.log`) ? fs.readFileSync(`${tmp}/error.log`, 'utf8') : ''}`);
  });

  afterAll(() => {
    execFileSync(APACHE, ['-f', conf, '-k', 'stop'], { stdio: 'ignore' });
  });

  test("the status host answers mod_status's machine-readable page, as apache_exporter reads it", async () => {
    const page = await getBody(status, '/server-status?auto');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/^Total Accesses: \d+$/m);
    expect(page.body).toMatch(/^Scoreboard: /m);
  });

  test("on the site's port, /server-status is WordPress's: the rewrite rules send it to index.php", async () => {
    expect(await getBody(site, '/server-status?auto')).toEqual({ status: 200, body: 'wordpress\n' });
  });
});
