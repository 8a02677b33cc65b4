import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { WordpressApp, ZeroDowntimeApp, ZeroDowntimeDeployment } from '../../lib';
import { baseProps } from '../helpers';

function synthApp(build: (chart: Chart) => void): { files: string[]; log: string[] } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'optin-'));
  const log: string[] = [];
  const app = new ZeroDowntimeApp({ outdir, log: (t) => log.push(t) });
  build(new Chart(app, 'c'));
  app.synth();
  return { files: fs.readdirSync(outdir), log };
}

test('allowLiteralSecrets: ZeroDowntimeApp accepts the literal and reports it as suppressed, with the reason', () => {
  const { files, log } = synthApp((c) => new ZeroDowntimeDeployment(c, 'web', baseProps({ env: { API_TOKEN: 'dev-token' }, allowLiteralSecrets: true })));
  expect(files).toEqual(['c.k8s.yaml']);
  expect(log[0]).toMatch(/suppressed by annotation:\n {2}literal-secret-env Deployment default\/web: allowLiteralSecrets: literal values in API_TOKEN, for a local experiment/);
  expect(log[0]).toMatch(/audit: 0 error\(s\), \d+ warning\(s\), 1 suppressed$/);
});

test('without allowLiteralSecrets no suppression is rendered', () => {
  const { log } = synthApp((c) => new ZeroDowntimeDeployment(c, 'web', baseProps({ env: { API_URL: 'https://x' } })));
  expect(log[0]).not.toContain('literal-secret-env');
});

test('allowPasswordsInManifests: the generated Secret carries the suppression, so ZeroDowntimeApp accepts it and reports it', () => {
  const { files, log } = synthApp((c) => new WordpressApp(c, 'wp', { siteUrl: 'https://blog.example.com', storage: { storageClassName: 'rook-cephfs' }, localDevPasswords: { password: 'a', rootPassword: 'b' }, allowPasswordsInManifests: true }));
  expect(files).toEqual(['c.k8s.yaml']);
  expect(log[0]).toMatch(/secret-with-data Secret kube-example\/wordpress-db-pwd: allowPasswordsInManifests: passwords for a local experiment/);
});
