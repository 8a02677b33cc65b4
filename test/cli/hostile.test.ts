import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES } from '../audit/fixtures';
import { run, tmpFile } from './run';

const ROOT = path.join(__dirname, '..', '..');
const shopYaml = () => fs.readFileSync(path.join(FIXTURES, 'good', 'shop.yaml'), 'utf8');
const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-'));

/** Unusable input: exit 2, one line on stderr that names the file, no stack trace, no raw bytes, nothing on stdout. */
async function expectRefused(argv: string[], message: RegExp, names: string = argv[argv.length - 1]): Promise<string> {
  const { code, out, err } = await run(argv);
  expect(code).toBe(2);
  expect(out).toBe('');
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at /);
  expect(err).toMatch(/^zero-downtime-audit: unusable input: /);
  // eslint-disable-next-line no-control-regex
  expect(err.replace(names, '')).not.toMatch(/[\x00-\x08\x0e-\x1f\x7f-\uffff]/);
  expect(err).toContain(names);
  expect(err).toMatch(message);
  return err;
}

const BILLION_LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`),
  'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: bomb}', 'data: {x: *i}'].join('\n');

describe('exit 2 with a one-line message naming the file, and no stack trace', () => {
  test('a billion-laughs YAML bomb', async () => {
    await expectRefused([tmpFile('bomb.yaml', BILLION_LAUGHS)], /:1: document 1 expands to more than 1,000,000 nodes through YAML aliases \(a YAML bomb\); refused$/m);
  });

  test('a self-referencing alias', async () => {
    await expectRefused([tmpFile('cycle.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: &d\n  x: *d\n')], /(YAML bomb|unidentified alias)/);
  });

  test('a dangling symlink, named or in a folder', async () => {
    const dir = tmpDir();
    fs.symlinkSync(path.join(dir, 'gone.yaml'), path.join(dir, 'link.yaml'));
    await expectRefused([path.join(dir, 'link.yaml')], /link\.yaml: dangling symlink \(it points to .*gone\.yaml, which does not exist\)$/m);
    await expectRefused([dir], /link\.yaml: dangling symlink/, path.join(dir, 'link.yaml'));
  });

  test('a self-referencing symlink and a folder symlink loop', async () => {
    const dir = tmpDir();
    fs.symlinkSync(path.join(dir, 'self.yaml'), path.join(dir, 'self.yaml'));
    await expectRefused([path.join(dir, 'self.yaml')], /self\.yaml: symlink loop/);
    const loop = tmpDir();
    fs.writeFileSync(path.join(loop, 'app.yaml'), shopYaml());
    fs.mkdirSync(path.join(loop, 'sub'));
    fs.symlinkSync(loop, path.join(loop, 'sub', 'back'));
    await expectRefused([loop], /back: symlink loop \(it leads back to /, path.join(loop, 'sub', 'back'));
  });

  test('binary data is named, not echoed', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x9c]);
    await expectRefused([tmpFile('logo.yaml', png)], /logo\.yaml: binary data \(a NUL byte at offset 8\), not YAML or JSON$/m);
  });

  test('bad encodings: invalid UTF-8, UTF-16 without a BOM, UTF-32', async () => {
    await expectRefused(
      [tmpFile('latin1.yaml', Buffer.from('apiVersion: v1\nkind: ConfigMap\ndata: {x: "caf\xe9"}\n', 'latin1'))],
      /latin1\.yaml: not valid UTF-8 .*convert it to UTF-8$/m,
    );
    await expectRefused([tmpFile('utf16.yaml', Buffer.from(shopYaml(), 'utf16le'))], /utf16\.yaml: UTF-16 text without a byte-order mark; convert it to UTF-8/);
    await expectRefused([tmpFile('utf32.yaml', Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]))], /utf32\.yaml: UTF-32 text; convert it to UTF-8/);
  });

  test('YAML syntax errors and duplicate keys, with line and column', async () => {
    await expectRefused([tmpFile('bad.yaml', 'kind: Deployment\n  name: [unclosed\n')], /bad\.yaml:2:\d+: bad indentation of a mapping entry$/m);
    await expectRefused([tmpFile('dup.yaml', 'apiVersion: v1\nkind: ConfigMap\nkind: Secret\n')], /dup\.yaml:3:\d+: duplicated mapping key$/m);
  });

  test('nesting too deep to parse', async () => {
    await expectRefused([tmpFile('deep.yaml', `${'['.repeat(200_000)}${']'.repeat(200_000)}\n`)], /deep\.yaml/);
  });

  test('a named file that is not Kubernetes objects, a named Helm template, an empty folder, a missing path', async () => {
    await expectRefused([tmpFile('list.yaml', '- a\n- b\n')], /list\.yaml: not a Kubernetes object \(document 1 is a list\)$/m);
    await expectRefused([tmpFile('values.yaml', 'replicaCount: 2\n')], /values\.yaml: Helm values$/m);
    await expectRefused([tmpFile('deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "x.fullname" . }}\n')],
      /deploy\.yaml: a Helm template \(\{\{ \.\.\. \}\}\), not a manifest; render it first: helm template <release> <chart> \| zero-downtime-audit -$/m);
    const empty = tmpDir();
    await expectRefused([empty], /no Kubernetes objects found in /);
    await expectRefused(['/no/such/path'], /\/no\/such\/path: no such file or folder$/m);
  });

  test('garbage on standard input', async () => {
    const { code, err } = await run(['-'], Buffer.from([0, 1, 2, 3, 0xff]));
    expect(code).toBe(2);
    expect(err).toBe('zero-downtime-audit: unusable input: <stdin>: binary data (a NUL byte at offset 0), not YAML or JSON\n');
  });
});

describe('read, or skipped with a note', () => {
  test('UTF-16 with a byte-order mark is decoded (little and big endian), and a UTF-8 BOM is dropped', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(shopYaml(), 'utf16le')]);
    expect((await run([tmpFile('le.yaml', le)])).code).toBe(0);
    const be = Buffer.from(le);
    be.swap16();
    expect((await run([tmpFile('be.yaml', be)])).code).toBe(0);
    expect((await run([tmpFile('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(shopYaml())]))])).code).toBe(0);
  });

  test('a Helm chart folder: Chart.yaml, values.yaml, templates and a kustomization are skipped and listed; rendered manifests are audited', async () => {
    const chart = tmpDir();
    fs.writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: shop\nversion: 1.0.0\n');
    fs.writeFileSync(path.join(chart, 'values.yaml'), 'replicaCount: 2\nimage: {tag: 1.4.2}\n');
    fs.writeFileSync(path.join(chart, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [rendered.yaml]\n');
    fs.mkdirSync(path.join(chart, 'templates'));
    fs.writeFileSync(path.join(chart, 'templates', 'deployment.yaml'), '{{- if .Values.enabled }}\napiVersion: apps/v1\nkind: Deployment\n{{- end }}\n');
    fs.writeFileSync(path.join(chart, 'rendered.yaml'), shopYaml());
    const { code, out } = await run(['--no-plan', chart]);
    expect(code).toBe(0);
    expect(out).toContain([
      'skipped:',
      `  ${path.join(chart, 'Chart.yaml')}: Helm chart metadata`,
      `  ${path.join(chart, 'kustomization.yaml')}: a kustomization: render it first: kustomize build <folder> | zero-downtime-audit -`,
      `  ${path.join(chart, 'templates', 'deployment.yaml')}: a Helm template; render it first: helm template <release> <chart> | zero-downtime-audit -`,
      `  ${path.join(chart, 'values.yaml')}: Helm values`,
    ].join('\n'));
    const json = await run(['--format', 'json', chart]);
    expect(JSON.parse(json.out).skipped).toHaveLength(4);
    expect(json.err).toContain(`zero-downtime-audit: skipped ${path.join(chart, 'Chart.yaml')}: Helm chart metadata`);
  });

  test('a chart folder with nothing rendered says to render it first', async () => {
    const chart = tmpDir();
    fs.writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: shop\nversion: 1.0.0\n');
    fs.mkdirSync(path.join(chart, 'templates'));
    fs.writeFileSync(path.join(chart, 'templates', 'svc.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n');
    await expectRefused(
      [chart],
      /no Kubernetes objects found in .*; skipped: .*Chart\.yaml \(Helm chart metadata\), .*svc\.yaml \(a Helm template; render it first: helm template <release> <chart> \| zero-downtime-audit -\)$/m,
      chart,
    );
  });

  test('manifests that merely contain {{ in a string are audited', async () => {
    const alert = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: alerts}\ndata:\n  rule: "Instance {{ $labels.instance }} down"\n';
    expect((await run([tmpFile('alerts.yaml', alert)])).code).toBe(0);
  });

  test('a FIFO in a folder is skipped unopened (a run never hangs on it); a named FIFO too', async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'app.yaml'), shopYaml());
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const { code, out } = await run(['--no-plan', dir]);
    expect(code).toBe(0);
    expect(out).toContain(`skipped:\n  ${path.join(dir, 'pipe.yaml')}: a FIFO, not opened`);
    await expectRefused(
      [path.join(dir, 'pipe.yaml')],
      /no Kubernetes objects found in .*pipe\.yaml; skipped: .*pipe\.yaml \(a FIFO, not opened \(to audit a stream, pipe it to `zero-downtime-audit -`\)\)$/m,
    );
  }, 10_000);
});

describe('the command as a process', () => {
  const cli = (args: string[], input?: string) => spawnSync(process.execPath, ['-r', './lib/cli/register-ts.js', 'lib/cli/audit.ts', ...args], {
    cwd: ROOT, input, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' },
  });

  test('stdin through `-`, a FIFO in the folder, exit codes and no stack trace', () => {
    const dir = tmpDir();
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    fs.writeFileSync(path.join(dir, 'bomb.yaml'), BILLION_LAUGHS);
    const piped = cli(['--format', 'sarif', '-'], shopYaml().replace('ghcr.io/acme/shop:1.4.2', 'ghcr.io/acme/shop:latest'));
    expect(piped.status).toBe(1);
    expect(JSON.parse(piped.stdout).runs[0].results[0].ruleId).toBe('image-not-pinned');
    const bombed = cli([dir]);
    expect(bombed.status).toBe(2);
    expect(bombed.stderr).toMatch(/^zero-downtime-audit: unusable input: .*bomb\.yaml:1: document 1 expands to more than 1,000,000 nodes/);
    expect(bombed.stderr).not.toMatch(/\n\s+at /);
  });
});
