import { ChildProcess, execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

function which(names: string[]): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const name of names) for (const dir of dirs) if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  return undefined;
}

/** The MariaDB (or MySQL-compatible) binaries, when installed. */
export function mariadbBinaries(): { server: string; installDb: string; client: string } | undefined {
  const server = which(['mariadbd', 'mysqld']);
  const installDb = which(['mariadb-install-db', 'mysql_install_db']);
  const client = which(['mariadb', 'mysql']);
  const dump = which(['mysqldump']);
  return server && installDb && client && dump ? { server, installDb, client } : undefined;
}

function isWritableDir(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A private MariaDB server for one test file: its own datadir in a temp dir, a unix socket for the
 * test's administration, and a loopback TCP port on which `root` has a password, as the Jobs connect.
 */
export class TestServer {
  // On tmpfs when there is one: InnoDB's fsyncs then cost nothing, and the server starts in about a second.
  public readonly dir = fs.mkdtempSync(path.join(isWritableDir('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'mariadb-test-'));
  public readonly socket = path.join(this.dir, 'mysqld.sock');
  public port = 0;
  private process?: ChildProcess;

  constructor(private readonly bin: NonNullable<ReturnType<typeof mariadbBinaries>>, public readonly rootPassword: string) {}

  /** Initializes the datadir, starts the server and waits until it answers. */
  public async start(): Promise<void> {
    const datadir = path.join(this.dir, 'data');
    // Small InnoDB files, quick to create.
    const small = ['--innodb-log-file-size=8M', '--innodb-buffer-pool-size=16M'];
    execFileSync(this.bin.installDb, ['--no-defaults', ...small, `--datadir=${datadir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'],
      { stdio: 'ignore' });
    this.port = await freePort();
    this.process = spawn(this.bin.server, [
      '--no-defaults', `--datadir=${datadir}`, `--socket=${this.socket}`, `--port=${this.port}`, '--bind-address=127.0.0.1',
      '--user=root', '--skip-name-resolve', ...small, `--pid-file=${path.join(this.dir, 'mysqld.pid')}`,
      `--log-error=${path.join(this.dir, 'error.log')}`,
    ], { stdio: 'ignore' });
    const deadline = Date.now() + 20_000;
    while (spawnSync(this.bin.client, ['--no-defaults', `--socket=${this.socket}`, '-uroot', '-e', 'SELECT 1'], { stdio: 'ignore' }).status !== 0) {
      if (Date.now() > deadline || this.process.exitCode !== null) {
        throw new Error(`MariaDB did not start:\n${fs.existsSync(path.join(this.dir, 'error.log')) ? fs.readFileSync(path.join(this.dir, 'error.log'), 'utf8') : ''}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    this.sql(`ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '${this.rootPassword}'`);
  }

  /** Runs SQL as root over the socket; returns the tab-separated rows without headers. */
  public sql(statements: string, database?: string): string {
    return execFileSync(this.bin.client,
      ['--no-defaults', `--socket=${this.socket}`, '-uroot', '--default-character-set=utf8mb4', '-N', '-B', ...(database ? [database] : []), '-e', statements],
        { encoding: 'utf8' });
  }

  /** Runs SQL over TCP as `user`; returns the exit status and output. */
  public tcp(user: string, password: string, statements: string): { status: number | null; out: string } {
    const r = spawnSync(this.bin.client,
      ['--no-defaults', '--host=127.0.0.1', `--port=${this.port}`, `--user=${user}`, '--default-character-set=utf8mb4', '-N', '-B', '-e', statements],
        { encoding: 'utf8', env: { ...process.env, MYSQL_PWD: password } });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  }

  /** Shuts the server down and removes its files. */
  public async stop(): Promise<void> {
    if (this.process && this.process.exitCode === null) {
      const exited = new Promise((r) => this.process!.once('exit', r));
      this.process.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
