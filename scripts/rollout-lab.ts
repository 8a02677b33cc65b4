/**
 * npm run rollout-lab: the source articles' load test on the real cluster (`npm run cluster -- up`
 * first), through rollouts, an undo, a drain and a scale-down, with ZeroDowntimeDeployment's defaults
 * and with the articles' mistakes; then the endpoint-propagation delay over repeated pod deletions.
 * Prints a table and writes docs/rollout-lab.md and docs/rollout-lab.json.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { kubectl, kubectlResult, ROOT } from '../test/cluster/kube';
import { brokenManifests, defaultsManifests, deploy, LabResult, Load, propagationSample, PropagationSample, rollout, underLoad } from '../test/cluster/rollout-lab';

const V1 = 'zdc.local/demo-server:v1';
const V2 = 'zdc.local/demo-server:v2';
const run = Date.now().toString(36);
const HEADLINE: Load = { qps: 500, requests: 30_000 };
const FRESH: Load = { qps: 500, seconds: 60, keepAlive: false };

async function scenario(name: string, manifests: (ns: string) => string, load: Load, change: (ns: string) => void): Promise<LabResult> {
  const ns = `lab-${run}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-+$/, '').slice(0, 40)}`;
  deploy(ns, manifests(ns));
  try {
    const result = await underLoad(name, ns, load, () => change(ns));
    process.stderr.write(`${name}: ${result.requests} requests, ${result.errors} errors ${JSON.stringify(result.codes)}, change ${result.changeSeconds.toFixed(1)} s\n`);
    return result;
  } finally {
    kubectlResult(['delete', 'namespace', ns, '--wait=false']);
  }
}

function drain(ns: string): void {
  const node = JSON.parse(kubectl(['-n', ns, 'get', 'pods', '-l', 'app.kubernetes.io/name=demo', '-o', 'json'])).items[0].spec.nodeName;
  try {
    kubectl(['drain', node, '--ignore-daemonsets', '--delete-emptydir-data', '--pod-selector=app.kubernetes.io/name=demo', '--timeout=180s']);
    kubectl(['-n', ns, 'rollout', 'status', 'deploy/demo', '--timeout=120s']);
  } finally {
    kubectl(['uncordon', node]);
  }
}

function scale(ns: string, replicas: number): void {
  kubectl(['-n', ns, 'scale', 'deploy/demo', `--replicas=${replicas}`]);
  kubectl(['-n', ns, 'rollout', 'status', 'deploy/demo', '--timeout=120s']);
}

async function main(): Promise<void> {
  const defaults = (ns: string) => defaultsManifests(ns, V1);
  const results: LabResult[] = [];
  results.push(await scenario('rollout, defaults (keep-alive, 30,000 requests)', defaults, HEADLINE, (ns) => rollout(ns, V2)));
  results.push(await scenario('rollout, defaults (new connection per request)', defaults, FRESH, (ns) => rollout(ns, V2)));
  results.push(await scenario('rollout undo, defaults', defaults, FRESH, (ns) => {
    rollout(ns, V2);
    kubectl(['-n', ns, 'rollout', 'undo', 'deploy/demo']);
    kubectl(['-n', ns, 'rollout', 'status', 'deploy/demo', '--timeout=180s']);
  }));
  results.push(await scenario('drain of a node, defaults', defaults, FRESH, drain));
  results.push(await scenario('scale-down 3 to 2, defaults', defaults, FRESH, (ns) => scale(ns, 2)));
  results.push(await scenario('rollout, no preStop (keep-alive)', (ns) => brokenManifests(ns, V1, 'no-prestop'), { qps: 500, seconds: 60 }, (ns) => rollout(ns, V2)));
  results.push(await scenario('rollout, no preStop (new connection per request)', (ns) => brokenManifests(ns, V1, 'no-prestop'), FRESH, (ns) => rollout(ns, V2)));
  results.push(await scenario('rollout, no readiness probe, 25%/25% strategy', (ns) => brokenManifests(ns, V1, 'no-readiness-default-strategy'), FRESH, (ns) => rollout(ns, V2)));

  const ns = `lab-${run}-propagation`;
  deploy(ns, defaultsManifests(ns, V1, { replicas: 4 }));
  const samples: PropagationSample[] = [];
  for (let i = 0; i < 12; i++) {
    samples.push(await propagationSample(ns));
    kubectl(['-n', ns, 'rollout', 'status', 'deploy/demo', '--timeout=120s']);
    await new Promise((r) => setTimeout(r, 2000));
  }
  kubectlResult(['delete', 'namespace', ns, '--wait=false']);
  const stats = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] }; };
  const propagation = { samples, endpointSlice: stats(samples.map((s) => s.endpointSliceSeconds)), iptables: stats(samples.map((s) => s.iptablesSeconds)) };

  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average at the end ${os.loadavg()[0].toFixed(2)}`;
  fs.writeFileSync(path.join(ROOT, 'docs', 'rollout-lab.json'), `${JSON.stringify({ when: new Date().toISOString(), machine, results, propagation }, null, 2)}\n`);
  const fmt = (n: number) => n.toFixed(2);
  const table = [
    '| scenario | requests | errors | codes | change took (s) |', '|---|---:|---:|---|---:|',
    ...results.map((r) => `| ${r.scenario} | ${r.requests} | ${r.errors} | ${Object.entries(r.codes).map(([c, n]) => `${c}: ${n}`).join(', ')} | ${r.changeSeconds.toFixed(1)} |`),
  ].join('\n');
  const doc = `# Rollout lab: measured on the real cluster

Generated by \`npm run rollout-lab\` (${new Date().toISOString().slice(0, 10)}; ${machine}): fortio ${'`-a -c 8 -qps 500`'} against
the Service's ClusterIP, through kube-proxy, while the Deployment changes. Codes are fortio's (-1: a
connection error). The cluster is the one \`npm run cluster -- up\` starts: two nodes, containerd, kube-proxy
in iptables mode. The application closes its listener on SIGTERM and exits when in-flight requests finish.

${table}

## Endpoint propagation after a pod's deletion (${samples.length} deletions)

| from the delete request until | min (s) | median (s) | max (s) |
|---|---:|---:|---:|
| the EndpointSlice marks the address not ready | ${fmt(propagation.endpointSlice.min)} | ${fmt(propagation.endpointSlice.median)} | ${fmt(propagation.endpointSlice.max)} |
| no kube-proxy routes to it (both nodes and the load generator) | ${fmt(propagation.iptables.min)} | ${fmt(propagation.iptables.median)} | ${fmt(propagation.iptables.max)} |
`;
  fs.writeFileSync(path.join(ROOT, 'docs', 'rollout-lab.md'), doc);
  process.stdout.write(`${doc}\n`);
}

main().catch((e) => { process.stderr.write(`rollout-lab: ${e instanceof Error ? e.message : String(e)}\n`); process.exitCode = 1; });
