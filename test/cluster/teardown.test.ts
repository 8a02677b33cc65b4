/**
 * After `npm run cluster -- down`: no process, mount, network namespace, link, route or iptables
 * chain of the cluster is left on the machine. Checked from the machine's own tables, not from the
 * cluster script's bookkeeping.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const STATE = path.join(ROOT, '.cluster');
const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

test('no process runs a cluster binary or holds cluster files', () => {
  const procs = sh('ps', ['-eo', 'pid=,args=']).split('\n')
    // Every cluster process names its state (certificates, kubeconfigs, node folders) or /run/zdc;
    // the binaries alone may be shared with other programs.
    .filter((l) => ['pki', 'kubeconfigs', 'nodes'].some((d) => l.includes(`${STATE}/${d}/`)) || l.includes('/run/zdc/'));
  expect(procs).toEqual([]);
});

test('no mount under the cluster\'s folders, and no pod network namespace mount', () => {
  const mounts = fs.readFileSync('/proc/self/mounts', 'utf8').split('\n')
    .filter((l) => l.includes(`${STATE}/`) || l.includes('/run/zdc') || / \/run\/netns\/(zdc-|cni-)/.test(l));
  expect(mounts).toEqual([]);
});

test('no network namespace, link or route of the cluster', () => {
  expect(sh('ip', ['netns', 'list']).split('\n').filter((l) => /^(zdc-|cni-)/.test(l))).toEqual([]);
  expect(sh('ip', ['-o', 'link', 'show']).split('\n').filter((l) => /: (zdc|cni0|veth)/.test(l))).toEqual([]);
  expect(sh('ip', ['route', 'show']).split('\n').filter((l) => /198\.1[89]\./.test(l))).toEqual([]);
});

test('no iptables chain or rule of the cluster in the host\'s tables', () => {
  for (const table of ['filter', 'nat', 'mangle']) {
    const rules = sh('iptables', ['-t', table, '-S']).split('\n').filter((l) => /ZDC|KUBE|198\.1[89]\./.test(l));
    expect(rules).toEqual([]);
  }
});

test('no cgroup of the nodes remains', () => {
  const left = fs.readdirSync('/sys/fs/cgroup').flatMap((h) => {
    try { return fs.readdirSync(path.join('/sys/fs/cgroup', h)).filter((d) => d.startsWith('zdc-node')).map((d) => `${h}/${d}`); } catch { return []; }
  });
  expect(left).toEqual([]);
});
