import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * `npm run bench`, second part: the audit command's throughput on N × (Deployment + Service +
 * PodDisruptionBudget), N = 5,000 by default (15,000 objects, 8.5 MB of YAML), run on the compiled
 * package (build/, what `npx zero-downtime-audit` runs) in a fresh node process per run.
 * Prints medians of RUNS runs: in-process time (read, parse, index, rules, rollout plans, JSON report),
 * objects per second, process wall time, CPU time and peak RSS.
 */
const N = Number(process.env.BENCH_AUDIT_N ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROOT = path.join(__dirname, '..', '..');

/** One hand-written service (the shapes of test/fixtures/good/shop.yaml): a Deployment, its Service and its PDB. */
function service(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-${i}
  namespace: bench
  labels:
    app: svc-${i}
spec:
  replicas: 3
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  minReadySeconds: 5
  revisionHistoryLimit: 10
  progressDeadlineSeconds: 600
  selector:
    matchLabels:
      app: svc-${i}
  template:
    metadata:
      labels:
        app: svc-${i}
    spec:
      terminationGracePeriodSeconds: 30
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels:
                    app: svc-${i}
      containers:
        - name: app
          image: ghcr.io/acme/svc-${i}:1.0.${i}
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: http
            periodSeconds: 5
          lifecycle:
            preStop:
              exec:
                command: ["/bin/sh", "-c", "sleep 20"]
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
            limits:
              cpu: 250m
              memory: 256Mi
---
apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
  namespace: bench
spec:
  selector:
    app: svc-${i}
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: svc-${i}
  namespace: bench
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: svc-${i}
`;
}

/** Runs in the child: the CLI's main() on the file, output discarded; reports time, CPU and peak RSS. */
const CHILD = `
const { main } = require(process.argv[1]);
const cpu = process.cpuUsage();
const start = process.hrtime.bigint();
let bytes = 0;
Promise.resolve(main(['--format', 'json', process.argv[2]], (t) => { bytes += t.length; }, (t) => process.stderr.write(t + '\\n'))).then((code) => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  process.stdout.write(JSON.stringify({ code, ms, cpuMs: (used.user + used.system) / 1000, rssMb: process.resourceUsage().maxRSS / 1024, bytes }));
});`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-bench-'));
  const input = path.join(dir, 'manifests.yaml');
  fs.writeFileSync(input, Array.from({ length: N }, (_, i) => service(i)).join('---\n'));
  const objects = 3 * N;
  const cli = path.join(ROOT, 'build', 'lib', 'cli', 'audit.js');
  const samples = Array.from({ length: RUNS }, () => {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['-e', CHILD, cli, input], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (child.status !== 0) throw new Error(`audit run failed: ${child.stderr}`);
    const result = JSON.parse(child.stdout);
    if (result.code !== 0) throw new Error(`the bench input should audit clean, got exit ${result.code}`);
    return { wallMs, ...result };
  });
  const ms = median(samples.map((s) => s.ms));
  const wall = median(samples.map((s) => s.wallMs));
  const size = fs.statSync(input).size / 2 ** 20;
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(
    `audit throughput: ${N} x (Deployment + Service + PDB) = ${objects} objects, ${size.toFixed(1)} MB of YAML; `
      + `${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, node ${process.version}, median of ${RUNS} runs`,
  );
  console.log(`  in-process (read, parse, index, rules, plans, JSON): ${ms.toFixed(0)} ms = ${Math.round(objects / (ms / 1000)).toLocaleString('en-US')} objects/s`);
  console.log(`  whole process (node start to exit):                 ${wall.toFixed(0)} ms = ${Math.round(objects / (wall / 1000)).toLocaleString('en-US')} objects/s`);
  const cpu = median(samples.map((s) => s.cpuMs));
  // On a shared machine wall time includes waiting for a core; CPU time is what the audit itself costs.
  console.log(`  CPU time (user + system, in-process):                ${cpu.toFixed(0)} ms = ${Math.round(objects / (cpu / 1000)).toLocaleString('en-US')} objects per CPU-second`);
  console.log(`  peak RSS ${median(samples.map((s) => s.rssMb)).toFixed(0)} MB`);
}

main();
