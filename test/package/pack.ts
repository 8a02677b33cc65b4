import { execFileSync, spawn, spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The repository root. */
export const REPO = path.join(__dirname, '..', '..');

/** What `npm pack --json` says about the tarball. */
export interface PackResult {
  readonly tarball: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: readonly string[];
}

/** Everything the tarball is built from: a change to any of these makes a new one. */
function packInputs(): string[] {
  const under = (dir: string): string[] => fs.readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? under(path.join(dir, e.name)) : [path.join(dir, e.name)]);
  return ['package.json', 'README.md', 'LICENSE', 'tsconfig.json', 'tsconfig.build.json', ...under('bin'), ...under('lib'), ...under('imports')]
    .filter((f) => fs.existsSync(path.join(REPO, f))).sort();
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * `npm pack` of the repository (its prepare script builds), once per content: the test files of one
 * run share the tarball, kept in node_modules/.cache under the hash of its inputs.
 */
export function packedTarball(): PackResult {
  const hash = crypto.createHash('sha1');
  for (const f of packInputs()) hash.update(f).update(fs.readFileSync(path.join(REPO, f)));
  const dir = path.join(REPO, 'node_modules', '.cache', 'zero-downtime-charts-pack', hash.digest('hex'));
  const result = path.join(dir, 'pack.json');
  const lock = `${dir}.lock`;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  for (const deadline = Date.now() + 180_000; !fs.existsSync(result);) {
    try {
      fs.mkdirSync(lock);
    } catch {
      // Another test file is packing: wait for its result (a lock older than the deadline is stale).
      if (Date.now() > deadline) fs.rmSync(lock, { recursive: true, force: true });
      sleep(200);
      continue;
    }
    try {
      const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'zdc-pack-'));
      const out = execFileSync('npm', ['pack', '--json', '--pack-destination', staging], { cwd: REPO, env: npmEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const [info] = JSON.parse(out.slice(out.indexOf('[')));
      fs.mkdirSync(dir, { recursive: true });
      const tarball = path.join(dir, info.filename);
      fs.copyFileSync(path.join(staging, info.filename), tarball);
      fs.rmSync(staging, { recursive: true, force: true });
      const packed: PackResult = { tarball, size: info.size, unpackedSize: info.unpackedSize, files: info.files.map((f: { path: string }) => f.path).sort() };
      fs.writeFileSync(`${result}.tmp`, JSON.stringify(packed));
      fs.renameSync(`${result}.tmp`, result);
      removeOldPacks(path.dirname(dir));
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
  return JSON.parse(fs.readFileSync(result, 'utf8'));
}

/** Deletes tarballs of earlier contents (older than ten minutes, so none a concurrent run still uses). */
function removeOldPacks(cache: string): void {
  for (const entry of fs.readdirSync(cache)) {
    const full = path.join(cache, entry);
    if (Date.now() - fs.statSync(full).mtimeMs > 600_000) fs.rmSync(full, { recursive: true, force: true });
  }
}

/**
 * The environment for npm in another folder: without the npm_* variables of an enclosing `npm test`
 * (their prefix would point npm back at this repository), but with its cache and registry.
 */
export function npmEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || keep.has(k.toLowerCase())));
}

/** The version installed here, so that an install elsewhere is served from the npm cache. */
export function installedVersion(pkg: string): string {
  return JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/** Installs packages into `dir` from the npm cache (the registry only for what the cache lacks). */
export function npmInstall(dir: string, specs: readonly string[]): void {
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-update-notifier', ...specs], dir, { check: true });
}

/** The outcome of one command. */
export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock milliseconds. */
  readonly ms: number;
}

/** Runs a command; with `check`, a non-zero exit fails with its output. */
export function run(cmd: string, args: readonly string[], cwd: string, options: { check?: boolean; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const start = Date.now();
  const r = spawnSync(cmd, args, { cwd, env: { ...npmEnv(), ...options.env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const result = { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - start };
  if (options.check && result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** Runs a command without blocking, so that several can run at once. */
export function runAsync(cmd: string, args: readonly string[], cwd: string, options: { env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...npmEnv(), ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, ms: Date.now() - start }));
  });
}
