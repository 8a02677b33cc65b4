/**
 * The cluster script's refusals: each is one clear line, at once, never a hang. Run while the cluster
 * is up (npm run test:cluster), so that a second `up` meets the running one.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from './kube';

const script = path.join(ROOT, 'cluster', 'cluster.sh');
function cluster(args: string[], options: { env?: NodeJS.ProcessEnv; asUser?: number } = {}) {
  const user = options.asUser;
  const command = user === undefined ? ['/bin/bash', script, ...args] : ['setpriv', `--reuid=${user}`, `--regid=${user}`, '--clear-groups', 'bash', script, ...args];
  const r = spawnSync(command[0], command.slice(1), { encoding: 'utf8', timeout: 30_000, env: options.env ?? process.env });
  return { status: r.status, stderr: r.stderr, timedOut: r.error !== undefined };
}

test('not root: refused at once, naming how to run it', () => {
  const r = cluster(['up'], { asUser: 65534 });
  expect(r.timedOut).toBe(false);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^cluster: error: must run as root .*; run: sudo npm run cluster -- up\n$/);
});

test('a second up while one runs: refused, naming the running one', () => {
  const r = cluster(['up']);
  expect(r.timedOut).toBe(false);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/cluster: error: a cluster is already up \(started .*\); stop it first: npm run cluster -- down/);
});

test('a missing Debian package: refused with the apt-get line', () => {
  // A PATH with the shell tools the script needs, and none of the cluster's programs.
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'path-'));
  for (const tool of ['id', 'dirname', 'grep', 'sort', 'tr', 'cat', 'mkdir']) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    fs.symlinkSync(found, path.join(bin, tool));
  }
  const r = cluster(['up'], { env: { ...process.env, PATH: bin } });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^cluster: error: missing containerd .*; install with: apt-get install -y .*\bcontainerd\b.*\biptables\b/m);
});

test('an unknown command: the usage line', () => {
  const r = cluster(['start']);
  expect(r.status).toBe(2);
  expect(r.stderr).toBe('usage: npm run cluster -- up|status|down\n');
});
