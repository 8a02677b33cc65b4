import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLE = path.relative(ROOT, path.join(__dirname, 'fixtures', 'two-constructs.ts'));
const APP = `node -r ./lib/cli/register-ts.js ${EXAMPLE}`;

function run(command: string, args: string[], env: Record<string, string> = {}): { status: number | null; out: string } {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false', ...env } });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

const BLOCK = new RegExp([
  '^(?:Synthesizing application\\n)?5 problems in 2 constructs; nothing was written\\.\\n\\n',
  `shop/api \\(${EXAMPLE.replace(/[./]/g, '\\$&')}:8\\) ZeroDowntimeDeployment "api": 4 invalid props\\n`,
  '  - terminationGracePeriodSecond = 90: .* Fix: rename it to terminationGracePeriodSeconds\\.\\n',
  "  - service\\.type = \"Nodeport\": .* Fix: use 'NodePort'\\.\\n",
  '  - preStop = \\["nginx","-s","quit"\\]: declares 20s, but nothing in the command waits.*\\n',
  "  - resources\\.requests\\.memory, resources\\.limits\\.memory = \"256m\": '256m' is 0\\.256 bytes.* Fix: write '256Mi'\\.\\n",
].join(''));

test('node main.ts: the block alone on stderr, exit code 1, no stack trace, nothing written', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-node-'));
  const { status, out } = run(process.execPath, ['-r', './lib/cli/register-ts.js', EXAMPLE], { CDK8S_OUTDIR: outdir });
  expect(status).toBe(1);
  expect(out).toMatch(BLOCK);
  expect(out).toMatch(/\n\nshop\/blog \(.*:19\) WordpressApp "blog": 1 invalid prop\n {2}- databaseUser = "root": .*\n$/);
  expect(out).not.toMatch(/^\s+at /m);
  expect(out).not.toMatch(/Error:|\^\n/);
  expect(fs.readdirSync(outdir)).toEqual([]);
}, 30000);

test('cdk8s synth: the block, the CLI\'s one-line failure, exit code 1, no stack trace, no output folder', () => {
  const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-cli-')), 'dist');
  const { status, out } = run(path.join(ROOT, 'node_modules', '.bin', 'cdk8s'), ['synth', '--no-check-upgrade', '--app', APP, '-o', outdir]);
  expect(status).toBe(1);
  expect(out).toMatch(BLOCK);
  expect(out.trimEnd().split('\n').pop()).toBe(`ERROR: synthesis failed, app expected to create "${outdir}"`);
  expect(out).not.toMatch(/^\s+at /m);
  expect(fs.existsSync(outdir)).toBe(false);
}, 60000);
