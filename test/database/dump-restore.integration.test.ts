import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Manifest } from '../../lib/analysis';
import { WordpressDatabase } from '../../lib';
import { MYSQL_APP_USER_SCRIPT, MYSQL_DUMP_SCRIPT, MYSQL_RESTORE_SCRIPT } from '../../lib/database/scripts';
import { one, synth } from '../helpers';
import { canRun, MARIADB } from '../requires';
import { mariadbBinaries, TestServer } from './mariadb';

/**
 * The dump, restore and user-creation scripts, taken from the synthesized CronJobs and Job, run against a
 * real MariaDB server started for this file. Only the host, port, backup directory and Secret values are
 * substituted, through the same environment variables the pods get.
 */

const bin = canRun('test/database/dump-restore', MARIADB) ? mariadbBinaries() : undefined;
const ROOT_PASSWORD = 'r00t pass';
const SECRETS: Record<string, string> = { 'wordpress-db-pwd/rootpwd': ROOT_PASSWORD, 'wordpress-db-pwd/dbpwd': 'unused', 'wordpress-mysql-root/rootPassword': ROOT_PASSWORD };
const bind = { name: 'wordpress', namespace: 'blog', instance: 'wordpress', partOf: 'wordpress', clients: [], database: 'wordpress', user: 'wordpress',
  credentials: { secretName: 'wordpress-db-pwd', passwordKey: 'dbpwd', rootPasswordKey: 'rootpwd' } };

const describeWithServer = bin ? describe : describe.skip;

function podSpecOf(m: Manifest): any {
  return m.kind === 'CronJob' ? m.spec.jobTemplate.spec.template.spec : m.spec.template.spec;
}

describeWithServer('against a real MariaDB server', () => {
  const server = bin ? new TestServer(bin, ROOT_PASSWORD) : (undefined as never);
  let work: string;
  let fakeBin: string;
  let backupDir: string;
  const manifests = synth((chart) => WordpressDatabase.embedded({ backup: { keep: 3 } }).bind(chart, bind));
  const backup = one(manifests, 'CronJob', 'wordpress-db-backup');
  const restore = one(manifests, 'CronJob', 'wordpress-db-restore');

  /** Runs a Job's container command with its rendered environment, Secrets resolved and `overrides` applied. */
  function run(job: Manifest, overrides: Record<string, string> = {}, secrets = SECRETS): { status: number | null; out: string } {
    const container = podSpecOf(job).containers[0];
    const env: Record<string, string> = {};
    for (const e of container.env) {
      const ref = e.valueFrom?.secretKeyRef;
      const value = ref ? secrets[`${ref.name}/${ref.key}`] : e.value;
      if (value !== undefined) env[e.name] = value;
      else if (!ref?.optional) throw new Error(`no value for ${e.name}`);
    }
    const r = spawnSync(container.command[0], container.command.slice(1), {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      // A clean environment (HOME included, so no profile is read): only what the pod would have.
      env: { HOME: work, PATH: `${fakeBin}${path.delimiter}${process.env.PATH}`, ...env, DB_HOST: '127.0.0.1', DB_PORT: String(server.port), BACKUP_DIR: backupDir, ...overrides },
    });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  }

  const dumps = () => fs.readdirSync(backupDir).sort();
  const contents = () => server.sql([
    'SELECT option_id, option_name, option_value, autoload FROM wp_options ORDER BY option_id;',
    'SELECT ID, post_title, post_content, post_date, comment_count FROM wp_posts ORDER BY ID;',
    'SELECT ID, user_login, user_pass FROM wp_users ORDER BY ID;',
    "SELECT TRIGGER_NAME, ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'wordpress';",
    "SELECT ROUTINE_NAME, ROUTINE_DEFINITION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = 'wordpress';",
  ].join('\n'), 'wordpress');

  beforeAll(async () => {
    await server.start();
    work = fs.mkdtempSync(path.join(server.dir, 'work-'));
    backupDir = path.join(work, 'backup');
    fs.mkdirSync(backupDir);
    // The dump names come from `date -u`: a fake date makes the clock a test input.
    fakeBin = path.join(work, 'bin');
    fs.mkdirSync(fakeBin);
    fs.writeFileSync(path.join(fakeBin, 'date'), '#!/bin/sh\nif [ -n "$FAKE_UTC_STAMP" ]; then echo "$FAKE_UTC_STAMP"; else exec /bin/date "$@"; fi\n', { mode: 0o755 });
    server.sql(`
      CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
      USE wordpress;
      CREATE TABLE wp_options (option_id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, option_name VARCHAR(191) NOT NULL UNIQUE, option_value LONGTEXT NOT NULL,
        autoload VARCHAR(20) NOT NULL DEFAULT 'yes') ENGINE=InnoDB;
      CREATE TABLE wp_posts (ID BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, post_title TEXT NOT NULL, post_content LONGTEXT NOT NULL, post_date DATETIME NOT NULL,
        comment_count BIGINT NOT NULL DEFAULT 0) ENGINE=InnoDB;
      CREATE TABLE wp_users (ID BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, user_login VARCHAR(60) NOT NULL, user_pass VARCHAR(255) NOT NULL) ENGINE=InnoDB;
      CREATE TABLE wp_comments (comment_ID BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, comment_post_ID BIGINT UNSIGNED NOT NULL) ENGINE=InnoDB;
      CREATE TRIGGER count_comments AFTER INSERT ON wp_comments FOR EACH ROW UPDATE wp_posts SET comment_count = comment_count + 1 WHERE ID = NEW.comment_post_ID;
      CREATE PROCEDURE published_posts() SELECT COUNT(*) FROM wp_posts;
      INSERT INTO wp_options (option_name, option_value) VALUES ('siteurl', 'https://blog.example.com'), ('blogname', 'Café ☕ — «naïve» 😀'),
        ('serialized', 'a:1:{s:3:"k\\'s";s:4:"v\\\\al";}');
      INSERT INTO wp_posts (post_title, post_content, post_date) VALUES ('Hello world!', 'Line one\\nLine two\\twith a tab', '2026-11-01 10:00:00'),
        ('Ünïcödé 😀', REPEAT('lorem ipsum ', 2000), '2026-11-02 11:30:00');
      INSERT INTO wp_users (user_login, user_pass) VALUES ('admin', '$P$Bxyz/abc.def'), ('o''brien', '$wp$2y$10$hash');
      INSERT INTO wp_comments (comment_post_ID) VALUES (1), (1);
    `);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  test('the CronJobs run the shared scripts, with the backup directory where the claim is mounted', () => {
    for (const [job, script] of [[backup, MYSQL_DUMP_SCRIPT], [restore, MYSQL_RESTORE_SCRIPT]] as const) {
      const container = podSpecOf(job).containers[0];
      expect(container.command).toEqual(['/bin/bash', '-c', script]);
      const dir = container.env.find((e: any) => e.name === 'BACKUP_DIR').value;
      expect(container.volumeMounts.map((m: any) => m.mountPath)).toContain(dir);
    }
    expect(MYSQL_DUMP_SCRIPT).toContain('mysqldump --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" --default-character-set=utf8mb4 --single-transaction --routines '
      + '--triggers --databases "$DB_NAME" | gzip -c');
  });

  test('the dump and the restore wait for a server that does not answer yet, and give up after $WAIT_ATTEMPTS tries, writing nothing', () => {
    // The restore looks for its dump before it connects: one is there for it.
    const placed = path.join(backupDir, 'wordpress-20261031T000000Z.sql.gz');
    fs.writeFileSync(placed, '');
    for (const job of [backup, restore]) {
      const r = run(job, { DB_PORT: '1', WAIT_ATTEMPTS: '2', WAIT_SECONDS: '0', FAKE_UTC_STAMP: '20261101T000000Z' });
      expect(r.status).toBe(1);
      expect(r.out).toMatch(/^waiting for 127\.0\.0\.1:1 \(attempt 1\): .*Can't connect/m);
      expect(r.out).toMatch(/^waiting for 127\.0\.0\.1:1 \(attempt 2\): /m);
      expect(r.out).not.toMatch(/attempt 3/);
    }
    fs.rmSync(placed);
    expect(dumps()).toEqual([]);
  });

  test('dump, drop the database, restore: every row, the trigger and the procedure come back', () => {
    const before = contents();
    expect(before).toContain('Café ☕ — «naïve» 😀');
    expect(before).toContain('count_comments');
    expect(before).toContain('published_posts');
    const dumped = run(backup, { FAKE_UTC_STAMP: '20261101T031700Z' });
    expect(dumped).toMatchObject({ status: 0 });
    expect(dumped.out).toMatch(/^wrote wordpress-20261101T031700Z\.sql\.gz: \d+ bytes$/m);
    expect(dumps()).toEqual(['wordpress-20261101T031700Z.sql.gz']);
    const dump = fs.readFileSync(path.join(backupDir, 'wordpress-20261101T031700Z.sql.gz'));
    expect(dump.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    server.sql('DROP DATABASE wordpress');
    expect(server.sql("SHOW DATABASES LIKE 'wordpress'")).toBe('');
    const restored = run(restore);
    expect(restored.out).toContain('restored wordpress-20261101T031700Z.sql.gz');
    expect(restored.status).toBe(0);
    expect(contents()).toEqual(before);
    // The trigger still works after the restore.
    server.sql('INSERT INTO wp_comments (comment_post_ID) VALUES (2)', 'wordpress');
    expect(server.sql('SELECT comment_count FROM wp_posts WHERE ID = 2', 'wordpress').trim()).toBe('1');
    server.sql('DELETE FROM wp_comments WHERE comment_post_ID = 2; UPDATE wp_posts SET comment_count = 0 WHERE ID = 2', 'wordpress');
  });

  test('restore picks a named dump, or the newest with DUMP=latest', () => {
    const older = contents();
    server.sql("UPDATE wp_options SET option_value = 'Renamed' WHERE option_name = 'blogname'", 'wordpress');
    const newer = contents();
    expect(run(backup, { FAKE_UTC_STAMP: '20261102T031700Z' }).status).toBe(0);
    expect(run(restore, { DUMP: 'wordpress-20261101T031700Z.sql.gz' }).status).toBe(0);
    expect(contents()).toEqual(older);
    expect(run(restore, { DUMP: 'latest' }).status).toBe(0);
    expect(contents()).toEqual(newer);
    const missing = run(restore, { DUMP: 'wordpress-19990101T000000Z.sql.gz' });
    expect(missing.status).not.toBe(0);
    expect(missing.out).toContain('no dump wordpress-19990101T000000Z.sql.gz');
  });

  test('retention keeps the newest `keep` dumps of this database, and nothing else is touched', () => {
    fs.writeFileSync(path.join(backupDir, 'notes.txt'), 'not a dump');
    fs.writeFileSync(path.join(backupDir, 'other-20261101T000000Z.sql.gz'), 'another database');
    for (const day of ['03', '04', '05', '06']) expect(run(backup, { FAKE_UTC_STAMP: `202611${day}T031700Z` }).status).toBe(0);
    expect(dumps()).toEqual(['notes.txt', 'other-20261101T000000Z.sql.gz', 'wordpress-20261104T031700Z.sql.gz', 'wordpress-20261105T031700Z.sql.gz',
      'wordpress-20261106T031700Z.sql.gz']);
  });

  test('a failed dump exits non-zero and leaves the kept dumps as they were, with no partial file', () => {
    const kept = dumps();
    const failed = run(backup, { FAKE_UTC_STAMP: '20261107T031700Z' }, { ...SECRETS, 'wordpress-db-pwd/rootpwd': 'wrong password' });
    expect(failed.status).not.toBe(0);
    expect(failed.out).toMatch(/Access denied/);
    // The server answered: a wrong password is not waited out.
    expect(failed.out).not.toMatch(/waiting for/);
    expect(fs.readdirSync(backupDir, { withFileTypes: true }).map((e) => e.name).sort()).toEqual(kept);
  });

  test('the InnoDB Cluster user Job creates the database and a non-root user, idempotently, and applies a new password', () => {
    const cluster = WordpressDatabase.innoDbCluster({ rootSecretName: 'wordpress-mysql-root', disableBackups: true });
    const jobs = synth((chart) => cluster.bind(chart, { ...bind, database: 'wp_cluster', user: 'wp_app' }));
    const job = one(jobs, 'Job');
    expect(podSpecOf(job).containers[0].command).toEqual(['/bin/bash', '-c', MYSQL_APP_USER_SCRIPT]);
    const password = 'p\'a"s\\s $word `x`';
    const secrets = { ...SECRETS, 'wordpress-db-pwd/dbpwd': password };
    for (let i = 0; i < 2; i++) {
      const r = run(job, {}, secrets);
      expect(r).toEqual({ status: 0, out: 'database wp_cluster and user wp_app are in place\n' });
    }
    expect(server.tcp('wp_app', password, 'CREATE TABLE wp_cluster.t (id INT); INSERT INTO wp_cluster.t VALUES (1); SELECT COUNT(*) FROM wp_cluster.t').out.trim()).toBe('1');
    const elsewhere = server.tcp('wp_app', password, 'SELECT COUNT(*) FROM wordpress.wp_posts');
    expect(elsewhere.status).not.toBe(0);
    expect(elsewhere.out).toMatch(/denied/);
    expect(run(job, {}, { ...secrets, 'wordpress-db-pwd/dbpwd': 'rotated' }).status).toBe(0);
    expect(server.tcp('wp_app', 'rotated', 'SELECT 1').status).toBe(0);
    expect(server.tcp('wp_app', password, 'SELECT 1').status).not.toBe(0);
  });
});
