import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { build, Variant } from './workloads';

/**
 * `npm run bench`: first the default app (main.ts) synthesized three ways, interleaved: `cdk8s synth`,
 * the direct swc-transpiled run that `cdk8s synth` executes, and `ts-node main.ts` with type-checking.
 * Then, for N = 10, 100, 1000, builds and synthesizes N services with ZeroDowntimeDeployment (props
 * checked, every object API-validated and audited, under ZeroDowntimeApp) and by hand with cdk8s-plus-27,
 * each run in a fresh node process so that peak RSS is its own, the two variants interleaved so that
 * load on the machine hits both alike. Prints medians of RUNS runs: in-process build+synth time (the
 * ratio), process wall time (node start to exit), time per deployment, peak RSS.
 */
const SIZES = [10, 100, 1000];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROOT = path.join(__dirname, '..', '..');

interface Sample { wallMs: number; synthMs: number; rssMb: number }

/** One run in this process, called in the child: reports in-process synth time and peak RSS. */
function child(variant: Variant, n: number): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const start = process.hrtime.bigint();
  build(variant, n, outdir).synth();
  const synthMs = Number(process.hrtime.bigint() - start) / 1e6;
  fs.rmSync(outdir, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ synthMs, rssMb: process.resourceUsage().maxRSS / 1024 }));
}

function sample(variant: Variant, n: number): Sample {
  const start = process.hrtime.bigint();
  const out = execFileSync(process.execPath, ['-r', './lib/cli/register-ts.js', __filename, 'child', variant, String(n)], { cwd: ROOT, encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  return { wallMs, ...JSON.parse(out) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall time of one command, in ms, with its output sent to a fresh folder. */
function timeCommand(command: string, args: string[]): number {
  const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'synth-')), 'dist');
  const start = process.hrtime.bigint();
  execFileSync(command, args, { cwd: ROOT, env: { ...process.env, CDK8S_OUTDIR: outdir, CDK8S_CHECK_UPGRADE: 'false' }, stdio: 'pipe' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function synthComparison(): void {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const commands: Array<[string, string, string[]]> = [
    ['npx cdk8s synth', npx, ['cdk8s', 'synth', '--no-check-upgrade', '-o', '$OUT']],
    ['node -r ./lib/cli/register-ts.js main.ts (direct)', process.execPath, ['-r', './lib/cli/register-ts.js', 'main.ts']],
    ['npx ts-node main.ts (type-checks)', npx, ['ts-node', 'main.ts']],
  ];
  const times: number[][] = commands.map(() => []);
  for (let run = 0; run < RUNS; run++) {
    commands.forEach(([, command, args], i) => {
      const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'synth-')), 'dist');
      times[i].push(timeCommand(command, args.map((a) => (a === '$OUT' ? out : a))));
    });
  }
  const tsNode = median(times[2]);
  console.log('default app (main.ts: production, staging, Argo CD):');
  commands.forEach(([name], i) => console.log(`  ${name.padEnd(50)} ${(median(times[i]) / 1000).toFixed(2)} s  (${(median(times[i]) / tsNode).toFixed(2)} x ts-node)`));
}

function main(): void {
  console.log(`${os.cpus().length} cores, node ${process.version}, median of ${RUNS} runs each`);
  if (!process.env.BENCH_SKIP_SYNTH) synthComparison();
  const rows: string[][] = [];
  const perDeployment: Record<string, Record<number, number>> = {};
  const walls: Record<string, Record<number, number>> = {};
  for (const n of SIZES) {
    const variants: Variant[] = ['zero-downtime', 'cdk8s-plus'];
    const all: Record<string, Sample[]> = { 'zero-downtime': [], 'cdk8s-plus': [] };
    for (let run = 0; run < RUNS; run++) for (const variant of variants) all[variant].push(sample(variant, n));
    for (const variant of variants) {
      const samples = all[variant];
      const wall = median(samples.map((s) => s.wallMs));
      const synth = median(samples.map((s) => s.synthMs));
      (perDeployment[variant] ??= {})[n] = synth / n;
      (walls[variant] ??= {})[n] = wall;
      rows.push([
        String(n),
        variant,
        `${(wall / 1000).toFixed(2)} s`,
        `${synth.toFixed(0)} ms`,
        `${(synth / n).toFixed(2)} ms`,
        `${median(samples.map((s) => s.rssMb)).toFixed(0)} MB`,
      ]);
    }
  }
  const header = ['N', 'BUILT WITH', 'WALL (PROCESS)', 'BUILD+SYNTH', 'PER DEPLOYMENT', 'PEAK RSS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
  const z = perDeployment['zero-downtime'];
  const ratio = z[1000] / perDeployment['cdk8s-plus'][1000];
  const wallRatio = walls['zero-downtime'][1000] / walls['cdk8s-plus'][1000];
  console.log(
    `N = 1000: zero-downtime / cdk8s-plus build+synth ${ratio.toFixed(2)}x (wall ${wallRatio.toFixed(2)}x); `
      + `time per deployment at 1000 / at 100: ${(z[1000] / z[100]).toFixed(2)}x`,
  );
}

if (process.argv[2] === 'child') child(process.argv[3] as Variant, Number(process.argv[4]));
else main();
