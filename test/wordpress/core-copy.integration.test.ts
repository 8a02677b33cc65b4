/**
 * The wp-cli Jobs' init container, run for real as the Jobs run it: as uid 33, copying into an
 * emptyDir that belongs to root with mode 0777, as the kubelet creates it.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HttpsIngress, WordpressApp } from '../../lib';
import { one, synth } from '../helpers';
import { canRun } from '../requires';
import { withClass } from './with-class';

const runnable = canRun('test/wordpress/core-copy', [{ name: 'setpriv', apt: 'util-linux' }], true);
const describeIf = runnable ? describe : describe.skip;

const manifests = synth((chart) => new WordpressApp(chart, 'wordpress', withClass({
  ingress: HttpsIngress.traefik({ host: 'blog.example.com', certificate: { issuerName: 'letsencrypt' } }),
})));
const jobPods = [
  ...manifests.filter((m) => m.kind === 'Job').map((m) => m.spec.template.spec),
  one(manifests, 'CronJob', 'wordpress-cron').spec.jobTemplate.spec.template.spec,
];

/** An image-like source tree: core files, a dotfile, a nested folder, and wp-config-docker.php. */
function imageCore(root: string): string {
  const src = path.join(root, 'usr-src-wordpress');
  fs.mkdirSync(path.join(src, 'wp-includes'), { recursive: true });
  fs.writeFileSync(path.join(src, 'index.php'), '<?php');
  fs.writeFileSync(path.join(src, '.htaccess'), '# BEGIN WordPress');
  fs.writeFileSync(path.join(src, 'wp-includes', 'version.php'), "<?php $wp_version = '6.7.1';");
  fs.writeFileSync(path.join(src, 'wp-config-docker.php'), '<?php // from the environment');
  fs.utimesSync(src, new Date(0), new Date(0));
  return src;
}

function runAsWwwData(script: string, root: string): { status: number | null; stderr: string } {
  const src = imageCore(root);
  const core = path.join(root, 'core');
  fs.mkdirSync(core);
  fs.chmodSync(core, 0o777); // root-owned, world-writable: an emptyDir
  const local = script.split('/usr/src/wordpress').join(src).split('/core/').join(`${core}/`);
  const r = spawnSync('setpriv', ['--reuid=33', '--regid=33', '--clear-groups', '/bin/sh', '-c', local], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

describeIf('the core copy as uid 33 into a root-owned emptyDir', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'core-copy-'));
    fs.chmodSync(root, 0o755);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test.each(jobPods.map((pod, i) => [i, pod]))('Job pod %s: the init container succeeds and leaves core and wp-config.php', (_i, pod: any) => {
    const [init] = pod.initContainers;
    expect(init.command.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(pod.securityContext.runAsUser ?? init.securityContext.runAsUser).toBe(33);
    const { status, stderr } = runAsWwwData(init.command[2], root);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    for (const f of ['index.php', '.htaccess', 'wp-includes/version.php', 'wp-config.php']) {
      expect(fs.statSync(path.join(root, 'core', f)).uid).toBe(33);
    }
  });

  test('the same copy with cp -a fails there, as it did in the Jobs (so this suite can fail)', () => {
    const { status, stderr } = runAsWwwData('cp -a /usr/src/wordpress/. /core/', root);
    expect(status).toBe(1);
    expect(stderr).toMatch(/preserving times for '.*core\/\.': Operation not permitted/);
  });
});
