/**
 * The PHP and shell that the stack renders, run for real: PHP 8.2 (the images' version) and a MariaDB
 * server, both from Debian packages (CI installs them). Only the image-specific paths are swapped.
 */
import { ChildProcess, execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_WORKER_BUDGET, readinessScript } from '../../lib/wordpress/php-memory';
import { stackConfigExtra } from '../../lib/wordpress/wordpress-app';
import { INSTALL_SCRIPT, UPDATE_DB_SCRIPT } from '../../lib/wordpress/wp-cli';
import { canRun, MARIADB, PHP } from '../requires';

jest.setTimeout(60_000);

const runnable = canRun('test/wordpress/real-php', [...MARIADB, ...PHP]);
const maybe = runnable ? describe : describe.skip;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wp-real-'));
let mariadb: ChildProcess;
let dbPort: number;
let web: ChildProcess;
let webPort: number;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function sql(statement: string): string {
  return execFileSync('mariadb', ['--no-defaults', '--protocol=TCP', '-h127.0.0.1', `-P${dbPort}`, '-uroot', '-N', '-e', statement], { encoding: 'utf8' });
}

const docroot = path.join(tmp, 'html');
const dbEnv = () => ({ WORDPRESS_DB_HOST: `127.0.0.1:${dbPort}`, WORDPRESS_DB_USER: 'wordpress', WORDPRESS_DB_PASSWORD: 'secret', WORDPRESS_DB_NAME: 'wordpress' });

maybe('against PHP 8.2 and a MariaDB server', () => {
  beforeAll(async () => {
    const data = path.join(tmp, 'data');
    execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'ignore' });
    dbPort = await freePort();
    mariadb = spawn(
      'mariadbd',
      ['--no-defaults', `--datadir=${data}`, '--user=root', `--port=${dbPort}`, '--bind-address=127.0.0.1', `--socket=${path.join(tmp, 'sock')}`, '--skip-log-error'],
      { stdio: 'ignore' },
    );
    await waitFor(() => spawnSync('mariadb', ['--no-defaults', '--protocol=TCP', '-h127.0.0.1', `-P${dbPort}`, '-uroot', '-e', 'SELECT 1']).status === 0, 'MariaDB');
    sql("CREATE DATABASE wordpress; CREATE USER 'wordpress'@'%' IDENTIFIED BY 'secret'; GRANT ALL ON wordpress.* TO 'wordpress'@'%';");

    // The readiness script as the ConfigMap carries it, with the image's docroot swapped for a temporary one.
    fs.mkdirSync(docroot);
    const scripts = path.join(tmp, 'scripts');
    fs.mkdirSync(scripts);
    fs.writeFileSync(path.join(scripts, 'ready.php'), readinessScript().replace("'/var/www/html/'", JSON.stringify(`${docroot}/`)));
    webPort = await freePort();
    web = spawn('php', ['-S', `127.0.0.1:${webPort}`, '-t', scripts], { stdio: 'ignore', env: { ...process.env, ...dbEnv() } });
    await waitFor(
      () =>
        new Promise((resolve) =>
          net
            .connect(webPort, '127.0.0.1')
            .on('connect', function (this: net.Socket) {
              this.end();
              resolve(true);
            })
            .on('error', () => resolve(false)),
        ),
      'php -S',
    );
  });

  afterAll(() => {
    web?.kill();
    mariadb?.kill();
  });

  function ready(): Promise<[number, string]> {
    return new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: webPort, path: '/ready.php', headers: { Host: 'blog.example.com', 'X-Forwarded-Proto': 'https' } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve([res.statusCode!, body.trim()]));
      }).on('error', reject);
    });
  }

  test("the stack's wp-config.php settings take update_core from every user and nothing else, also when evaluated in a function (wp-cli)", () => {
    const extra = stackConfigExtra(DEFAULT_WORKER_BUDGET);
    const php = `function load() { eval(${JSON.stringify(extra).replace(/\$/g, '\\$')}); }
load();
$hook = $GLOBALS['wp_filter']['map_meta_cap'][10][0];
echo json_encode([$hook['accepted_args'], $hook['function'](['manage_options'], 'update_core'), $hook['function'](['edit_posts'], 'update_plugins'), WP_AUTO_UPDATE_CORE]);`;
    expect(JSON.parse(execFileSync('php', ['-r', php], { encoding: 'utf8' }))).toEqual([2, ['do_not_allow'], ['edit_posts'], false]);
  });

  test('the readiness script is valid PHP', () => {
    const file = path.join(tmp, 'lint.php');
    fs.writeFileSync(file, readinessScript());
    expect(execFileSync('php', ['-l', file], { encoding: 'utf8' })).toMatch(/No syntax errors detected/);
  });

  describe('readiness, in order of a first install', () => {
    test('503 until the entrypoint has put core and wp-config.php in place', async () => {
      expect(await ready()).toEqual([503, 'core is not in place yet']);
    });

    test('503 while WordPress is not installed: the install wizard is never served', async () => {
      fs.mkdirSync(path.join(docroot, 'wp-includes'));
      fs.writeFileSync(path.join(docroot, 'wp-includes', 'version.php'), '<?php');
      fs.writeFileSync(path.join(docroot, 'wp-config.php'), '<?php');
      expect(await ready()).toEqual([503, 'not installed: the install Job has not run']);
      sql('CREATE TABLE wordpress.wp_options (option_name VARCHAR(191) PRIMARY KEY, option_value LONGTEXT)');
      expect(await ready()).toEqual([503, 'not installed: the install Job has not run']);
    });

    test('200 once installed', async () => {
      sql("INSERT INTO wordpress.wp_options VALUES ('siteurl', 'https://blog.example.com')");
      expect(await ready()).toEqual([200, 'ok']);
    });

    test('200 when the check itself fails for another reason (here a revoked privilege): logged, the pod stays in the Service', async () => {
      sql("REVOKE SELECT ON wordpress.* FROM 'wordpress'@'%'");
      try {
        expect(await ready()).toEqual([200, "database error 1142: serving WordPress's own answer"]);
      } finally {
        sql("GRANT SELECT ON wordpress.* TO 'wordpress'@'%'");
      }
      expect(await ready()).toEqual([200, 'ok']);
    });

    test('503 when the options table exists but siteurl is gone', async () => {
      sql("UPDATE wordpress.wp_options SET option_name = 'siteurl-moved' WHERE option_name = 'siteurl'");
      try {
        expect(await ready()).toEqual([503, 'not installed: the install Job has not run']);
      } finally {
        sql("UPDATE wordpress.wp_options SET option_name = 'siteurl' WHERE option_name = 'siteurl-moved'");
      }
    });

    test('503 in maintenance mode', async () => {
      fs.writeFileSync(path.join(docroot, '.maintenance'), '<?php $upgrading = time();');
      expect(await ready()).toEqual([503, 'maintenance mode']);
      fs.unlinkSync(path.join(docroot, '.maintenance'));
      expect(await ready()).toEqual([200, 'ok']);
    });

    test('200 when the database is unreachable: the pods stay in the Service and serve the error page', async () => {
      sql("ALTER USER 'wordpress'@'%' IDENTIFIED BY 'changed'");
      try {
        expect(await ready()).toEqual([200, "database unreachable: serving WordPress's error page"]);
      } finally {
        sql("ALTER USER 'wordpress'@'%' IDENTIFIED BY 'secret'");
      }
      expect(await ready()).toEqual([200, 'ok']);
    });
  });

  /** Runs a wp-cli Job script with real sh and PHP, and a stand-in `wp` that records its calls against a state file. */
  function runScript(script: string, installed: boolean, extraEnv: Record<string, string> = {}): { status: number | null; calls: string[]; out: string } {
    const bin = fs.mkdtempSync(path.join(tmp, 'bin-'));
    const state = path.join(bin, 'installed');
    if (installed) fs.writeFileSync(state, '');
    const log = path.join(bin, 'calls');
    fs.writeFileSync(path.join(bin, 'wp'), `#!/bin/sh
  echo "$*" >> ${log}
  case "$1 $2" in
    "core is-installed") [ -e ${state} ] ;;
    "core install") touch ${state} ;;
    "option get") echo "https://blog.example.com" ;;
    "core version") echo "6.7.2" ;;
  esac
  `, { mode: 0o755 });
    const result = spawnSync('/bin/sh', ['-c', script], {
      encoding: 'utf8',
      env: { PATH: `${bin}:${process.env.PATH}`, ...dbEnv(), WP_SITE_URL: 'https://blog.example.com', WP_SITE_TITLE: 'My blog', WP_ADMIN_USER: 'admin', WP_ADMIN_PASSWORD: 'p4ss word', WP_ADMIN_EMAIL: 'a@example.com', ...extraEnv },
    });
    return { status: result.status, calls: fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [], out: result.stdout + result.stderr };
  }

  describe('the Job scripts, with a real database', () => {
    test('install on a fresh site: waits for the database, then installs with the URL, title and admin account', () => {
      const run = runScript(INSTALL_SCRIPT, false);
      expect(run.status).toBe(0);
      expect(run.calls).toEqual(['core is-installed', 'core install --url=https://blog.example.com --title=My blog --admin_user=admin --admin_password=p4ss word --admin_email=a@example.com --skip-email']);
    });

    test('install is idempotent: an installed site is left alone', () => {
      const run = runScript(INSTALL_SCRIPT, true);
      expect(run.status).toBe(0);
      expect(run.calls).toEqual(['core is-installed', 'option get siteurl']);
      expect(run.out).toContain('WordPress is already installed at https://blog.example.com: nothing to do');
    });

    test('update-db on an installed site upgrades the database', () => {
      const run = runScript(UPDATE_DB_SCRIPT, true);
      expect(run.status).toBe(0);
      expect(run.calls).toEqual(['core is-installed', 'core update-db', 'core version', 'option get db_version']);
    });

    test('the database wait passes only when the credentials work', () => {
      const wait = INSTALL_SCRIPT.slice(0, INSTALL_SCRIPT.indexOf('done') + 4).replace('-le 120', '-le 1').replace('sleep 5', 'sleep 0');
      expect(runScript(wait, false).status).toBe(0);
      const refused = runScript(wait, false, { WORDPRESS_DB_PASSWORD: 'wrong' });
      expect(refused.status).toBe(1);
      expect(refused.out).toContain(`the database at 127.0.0.1:${dbPort} is unreachable`);
      // A TLS connection is asked for with MYSQLI_CLIENT_SSL: this server has no TLS, so it is refused.
      expect(runScript(wait, false, { WORDPRESS_K8S_DB_TLS: 'true' }).status).toBe(1);
    });
  });
});
