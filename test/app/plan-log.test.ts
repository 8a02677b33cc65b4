import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

// A ZeroDowntimeApp without a `log`, run in its own process so that its standard error can be read.
const SCRIPT = `
const { Chart } = require('cdk8s');
const { ZeroDowntimeApp, ZeroDowntimeDeployment } = require('./lib');
const { baseProps } = require('./test/helpers');
const app = new ZeroDowntimeApp({ outdir: process.argv[1] });
new ZeroDowntimeDeployment(new Chart(app, 'web'), 'web', baseProps());
app.synth();
`;

function run(env: Record<string, string>): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-log-'));
  try {
    const { CDK8S_OUTDIR: _drop, ...rest } = process.env;
    const result = spawnSync(process.execPath, ['-r', './lib/cli/register-ts.js', '-e', SCRIPT, outdir], { cwd: ROOT, env: { ...rest, ...env }, encoding: 'utf8' });
    expect(result.status).toBe(0);
    return result.stderr;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

test('the rollout plan is printed under cdk8s synth (CDK8S_OUTDIR set), and not in tests or scripts', () => {
  expect(run({ CDK8S_OUTDIR: 'dist' })).toMatch(/rollout plan\n/);
  expect(run({})).toBe('');
}, 30_000);
