/**
 * npm run rollout-lab: the source articles' load test on the real cluster (`npm run cluster -- up`
 * first), through rollouts, an undo, a drain, a scale-down and an autoscaler's scale-up, with
 * ZeroDowntimeDeployment's defaults and with the articles' mistakes; then the endpoint-propagation
 * delay over repeated pod deletions. Prints a table and writes docs/rollout-lab.md, docs/rollout-lab.json,
 * docs/rollout-timeline.json (every scenario's timeline) and the picture docs/rollout-timeline.svg.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Manifest, rolloutPlans, RolloutPlan } from '../lib/analysis';
import { kubectl, kubectlAsync, kubectlResult, ROOT } from '../test/cluster/kube';
import { brokenManifests, defaultsManifests, deploy, LabResult, Load, Mistake, propagationSample, PropagationSample, rollout, underLoad } from '../test/cluster/rollout-lab';
import { Timeline } from '../test/cluster/rollout-recorder';
import { recordedPanels, renderTimelines, TIMELINE_PICTURE } from './rollout-timeline';

const V1 = 'zdc.local/demo-server:v1';
const V2 = 'zdc.local/demo-server:v2';
const run = Date.now().toString(36);
const HEADLINE: Load = { qps: 500, requests: 30_000 };
const FRESH: Load = { qps: 500, seconds: 60, keepAlive: false };

interface Scenario {
  readonly name: string;
  readonly manifests: (ns: string) => string;
  readonly load: Load;
  readonly change: (ns: string) => Promise<unknown>;
  /** Waits before the load starts (for the autoscaler's minimum: the Deployment is created with 1 replica). */
  readonly prepare?: (ns: string) => Promise<void>;
}

async function runScenario(s: Scenario): Promise<LabResult> {
  const ns = `lab-${run}-${s.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-+$/, '').slice(0, 40)}`;
  deploy(ns, s.manifests(ns));
  try {
    await s.prepare?.(ns);
    const result = await underLoad(s.name, ns, s.load, () => s.change(ns));
    process.stderr.write(`${s.name}: ${result.requests} requests, ${result.errors} errors ${JSON.stringify(result.codes)}, change ${result.changeSeconds.toFixed(1)} s, `
      + `peak ${result.timeline.peakPods} pods (${result.timeline.peakLivePods} not Terminating)\n`);
    return result;
  } finally {
    kubectlResult(['delete', 'namespace', ns, '--wait=false']);
  }
}

interface PodJson { spec: { nodeName: string }; metadata: { labels: Record<string, string> } }

function podsOf(ns: string): PodJson[] {
  return JSON.parse(kubectl(['-n', ns, 'get', 'pods', '-o', 'json'])).items;
}

/** Drains the node that runs the first of the Deployment's pods (the eviction API, so PDBs apply). */
async function drain(ns: string): Promise<void> {
  const pod = podsOf(ns)[0];
  const node = pod.spec.nodeName;
  const selector = Object.entries(pod.metadata.labels).filter(([k]) => k !== 'pod-template-hash').map(([k, v]) => `${k}=${v}`).join(',');
  try {
    await kubectlAsync(['drain', node, '--ignore-daemonsets', '--delete-emptydir-data', `--pod-selector=${selector}`, '--timeout=180s']);
    await kubectlAsync(['-n', ns, 'rollout', 'status', 'deploy/demo', '--timeout=180s']);
  } finally {
    kubectl(['uncordon', node]);
  }
}

async function scale(ns: string, replicas: number): Promise<void> {
  await kubectlAsync(['-n', ns, 'scale', 'deploy/demo', `--replicas=${replicas}`]);
  await kubectlAsync(['-n', ns, 'rollout', 'status', 'deploy/demo', '--timeout=120s']);
}

/** Waits until the Deployment has `replicas` available (the autoscaler's doing: it owns the count). */
async function available(ns: string, replicas: number, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const d = JSON.parse(await kubectlAsync(['-n', ns, 'get', 'deploy', 'demo', '-o', 'json']));
    if ((d.spec.replicas ?? 0) >= replicas && (d.status.availableReplicas ?? 0) >= replicas) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${ns}/demo did not reach ${replicas} available replicas within ${seconds} s`);
}

const broken = (mistake: Mistake) => (ns: string) => brokenManifests(ns, V1, mistake);
const defaults = (ns: string) => defaultsManifests(ns, V1);
const autoscaling = { minReplicas: 2, maxReplicas: 4 };
/** Requests that take 2.5 s (the application waits before it answers), on kept-alive connections: more than the 2 s kubelet allows after a preStop that spent the grace period. */
const SLOW = { RESPONSE_DELAY_MS: '2500' };
const SLOW_LOAD: Load = { qps: 500, seconds: 60, timeout: '10s' };

const SCENARIOS: readonly Scenario[] = [
  { name: 'rollout, defaults (keep-alive, 30,000 requests)', manifests: defaults, load: HEADLINE, change: (ns) => rollout(ns, V2) },
  { name: 'rollout, defaults (new connection per request)', manifests: defaults, load: FRESH, change: (ns) => rollout(ns, V2) },
  { name: 'rollout undo, defaults', manifests: defaults, load: FRESH, change: async (ns) => {
    await rollout(ns, V2);
    await kubectlAsync(['-n', ns, 'rollout', 'undo', 'deploy/demo']);
    await kubectlAsync(['-n', ns, 'rollout', 'status', 'deploy/demo', '--timeout=180s']);
  } },
  { name: 'drain of a node, defaults', manifests: defaults, load: FRESH, change: drain },
  { name: 'scale-down 3 to 2, defaults', manifests: defaults, load: FRESH, change: (ns) => scale(ns, 2) },
  // 1 ms of CPU per request against 100m-CPU pods: 2 pods cannot keep up, so the autoscaler adds pods.
  { name: 'autoscaler scale-up 2 to 4, defaults (1 ms CPU per request)', manifests: (ns) => defaultsManifests(ns, V1, { autoscaling }),
    load: { qps: 500, seconds: 120, keepAlive: false, path: '/?burn=1' }, prepare: (ns) => available(ns, autoscaling.minReplicas, 60),
    change: (ns) => available(ns, autoscaling.maxReplicas, 110) },
  { name: 'rollout, no preStop (keep-alive)', manifests: broken('no-prestop'), load: { qps: 500, seconds: 60 }, change: (ns) => rollout(ns, V2) },
  { name: 'rollout, no preStop (new connection per request)', manifests: broken('no-prestop'), load: FRESH, change: (ns) => rollout(ns, V2) },
  { name: 'rollout, no readiness probe, 25%/25% strategy', manifests: broken('no-readiness-default-strategy'), load: FRESH, change: (ns) => rollout(ns, V2) },
  { name: 'rollout, preStop 10 s = grace period 10 s', manifests: broken('prestop-equals-grace'), load: FRESH, change: (ns) => rollout(ns, V2) },
  { name: 'rollout, preStop 10 s = grace period 10 s, 2.5 s requests (keep-alive)', manifests: (ns) => brokenManifests(ns, V1, 'prestop-equals-grace', SLOW), load: SLOW_LOAD,
    change: (ns) => rollout(ns, V2) },
  { name: 'drain of a node, podAffinity instead of anti-affinity, no PDB', manifests: broken('pod-affinity'), load: { ...FRESH, seconds: 75 }, change: drain },
];

/** The scenarios the picture sets side by side: the defaults and the articles' first mistake, same load. */
const PICTURE = ['rollout, defaults (new connection per request)', 'rollout, no preStop (new connection per request)'];

function manifestsOf(jsonLines: string): Manifest[] {
  return jsonLines.split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** Seconds each pod took from Terminating to gone (the drain of one pod), as min-max. */
function drainSeconds(t: Timeline): string {
  const xs = t.pods.filter((p) => p.terminating !== undefined && p.gone !== undefined).map((p) => p.gone! - p.terminating!);
  return xs.length === 0 ? 'none' : `${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)}`;
}

const took = (t: Timeline) => (t.change.end - t.change.start).toFixed(1);

/** The rollout plan's predictions against what the recorder saw, for the defaults' scenarios. */
function planComparison(results: readonly LabResult[]): string {
  const plan: RolloutPlan = rolloutPlans(manifestsOf(defaultsManifests('lab', V1)))[0];
  const r = (name: string) => results.find((x) => x.scenario.startsWith(name))!;
  const roll = r('rollout, defaults (keep-alive').timeline;
  const fresh = r('rollout, defaults (new connection').timeline;
  const drained = r('drain of a node, defaults').timeline;
  const rows = [
    ['pods at the peak, not Terminating (the controller\'s count)', String(plan.peakPods), `${roll.peakLivePods} / ${fresh.peakLivePods}`],
    ['pods at the peak, Terminating ones included (what the nodes hold)', String(plan.peakPodsWithTerminating), `${roll.peakPods} / ${fresh.peakPods}`],
    ['fewest ready endpoints during the rollout', String(plan.minReadyPods), `${roll.minReadyPods} / ${fresh.minReadyPods}`],
    ['rollout duration (s)', `>= ${plan.rolloutSecondsAtLeast}`, `${took(roll)} / ${took(fresh)}`],
    ['one pod\'s drain, Terminating to gone (s)', `${plan.preStopSeconds} preStop, at most ${plan.terminationGracePeriodSeconds}`,
      `${drainSeconds(roll)} / ${drainSeconds(fresh)}`],
    ['evictions at once in a node drain (PDB)', String(plan.pdbAllowedDisruptions),
      `${drained.peakTerminating} Terminating at once; fewest ready endpoints ${drained.minReadyPods}`],
  ];
  return ['| | the rollout plan | measured (keep-alive / new connection; drain scenario) |', '|---|---|---|', ...rows.map((c) => `| ${c.join(' | ')} |`)].join('\n');
}

async function main(): Promise<void> {
  const results: LabResult[] = [];
  const failed: string[] = [];
  const only = process.env.ROLLOUT_LAB_ONLY;
  for (const s of SCENARIOS.filter((x) => !only || x.name.includes(only))) {
    try {
      results.push(await runScenario(s));
    } catch (e) {
      // A scenario that cannot finish (an autoscaler that never scales) is reported, not a reason to lose the others.
      failed.push(`${s.name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      process.stderr.write(`${failed[failed.length - 1]}\n`);
    }
  }
  if (only) {
    for (const r of results) process.stdout.write(`${JSON.stringify({ ...r, timeline: { ...r.timeline, load: undefined } })}\n`);
    return;
  }

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
  const when = new Date().toISOString();
  const summary = results.map(({ timeline, ...r }) => ({ ...r, peakPods: timeline.peakPods, peakLivePods: timeline.peakLivePods,
    minReadyPods: timeline.minReadyPods, peakTerminating: timeline.peakTerminating }));
  fs.writeFileSync(path.join(ROOT, 'docs', 'rollout-lab.json'), `${JSON.stringify({ when, machine, results: summary, propagation }, null, 2)}\n`);
  const timelines = Object.fromEntries(results.map((r) => [r.scenario, { requests: r.requests, errors: r.errors, ...r.timeline }]));
  fs.writeFileSync(path.join(ROOT, 'docs', 'rollout-timeline.json'), `${JSON.stringify({ when, machine, picture: PICTURE, timelines })}\n`);
  fs.writeFileSync(path.join(ROOT, TIMELINE_PICTURE), renderTimelines(recordedPanels({ picture: PICTURE, timelines })));

  const fmt = (n: number) => n.toFixed(2);
  const table = [
    '| scenario | requests | errors | codes | change took (s) | peak pods (not Terminating) |', '|---|---:|---:|---|---:|---:|',
    ...summary.map((r) => `| ${r.scenario} | ${r.requests} | ${r.errors} | ${Object.entries(r.codes).map(([c, n]) => `${c}: ${n}`).join(', ')} `
      + `| ${r.changeSeconds.toFixed(1)} | ${r.peakPods} (${r.peakLivePods}) |`),
  ].join('\n');
  const doc = `# Rollout lab: measured on the real cluster

Generated by \`npm run rollout-lab\` (${when.slice(0, 10)}; ${machine}): fortio ${'`-a -c 8 -qps 500`'} against
the Service's ClusterIP, through kube-proxy, while the Deployment changes. Codes are fortio's (-1: a
connection error). The cluster is the one \`npm run cluster -- up\` starts: two nodes, containerd, kube-proxy
in iptables mode. The application closes its listener on SIGTERM and exits when in-flight requests finish.
Pods are sampled from the API server every 200 ms (peak pods: Terminating ones included; in brackets, not Terminating).

${table}
${failed.length > 0 ? `\nDid not finish: ${failed.join('; ')}.\n` : ''}
## One rollout under load, second by second

![The defaults and the no-preStop mistake: requests and errors per second, and each pod's life](rollout-timeline.svg)

Drawn by \`scripts/rollout-timeline.ts\` from docs/rollout-timeline.json (every scenario's timeline is
recorded there; \`node -r ./lib/cli/register-ts.js scripts/rollout-timeline.ts\` redraws the picture).

## The rollout plan against what happened (defaults, 3 replicas)

${planComparison(results)}

## Endpoint propagation after a pod's deletion (${samples.length} deletions)

| from the delete request until | min (s) | median (s) | max (s) |
|---|---:|---:|---:|
| the EndpointSlice marks the address not ready | ${fmt(propagation.endpointSlice.min)} | ${fmt(propagation.endpointSlice.median)} | ${fmt(propagation.endpointSlice.max)} |
| no kube-proxy routes to it (both nodes and the load generator) | ${fmt(propagation.iptables.min)} | ${fmt(propagation.iptables.median)} | ${fmt(propagation.iptables.max)} |
`;
  // What follows "## Notes" is written by hand (the explanations of the numbers) and kept across runs.
  const previous = fs.existsSync(path.join(ROOT, 'docs', 'rollout-lab.md')) ? fs.readFileSync(path.join(ROOT, 'docs', 'rollout-lab.md'), 'utf8') : '';
  const notes = previous.indexOf('\n## Notes');
  fs.writeFileSync(path.join(ROOT, 'docs', 'rollout-lab.md'), notes >= 0 ? `${doc}${previous.slice(notes)}` : doc);
  process.stdout.write(`${doc}\n`);
}

main().catch((e) => { process.stderr.write(`rollout-lab: ${e instanceof Error ? e.message : String(e)}\n`); process.exitCode = 1; });
