/**
 * The short rollout lab in CI: a rolling update under the articles' load (fortio, 8 connections,
 * 500 qps for 30 s, through kube-proxy); `npm run rollout-lab` runs the long scenarios. With
 * ZeroDowntimeDeployment's defaults no request fails; with the articles' mistake (no preStop) some do,
 * which shows that the test can fail. The recorder's timeline must show each pod's life.
 */
import { kubectlResult } from './kube';
import { brokenManifests, defaultsManifests, deploy, LabResult, rollout, underLoad } from './rollout-lab';

jest.setTimeout(300_000);
const run = Date.now().toString(36);
const namespaces: string[] = [];
afterAll(() => { for (const ns of namespaces) kubectlResult(['delete', 'namespace', ns, '--wait=false']); });

/** The timeline of a 3-replica rollout: 3 old pods Terminating and gone, 3 new ones Ready, load every second. */
function expectRecordedRollout(result: LabResult): void {
  const { timeline } = result;
  const old = timeline.pods.filter((p) => p.version === 'v1');
  const fresh = timeline.pods.filter((p) => p.version === 'v2');
  expect(old).toHaveLength(3);
  expect(fresh).toHaveLength(3);
  for (const p of fresh) expect(p.ready).toBeGreaterThan(p.created);
  for (const p of old) {
    expect(p.terminating).toBeGreaterThan(0);
    expect(p.unrouted).toBeGreaterThanOrEqual(p.terminating!);
    if (p.gone !== undefined) expect(p.gone).toBeGreaterThan(p.unrouted!);
  }
  // The first old pod's drain (preStop 20 s at most) ends inside the run; later ones may outlast it.
  expect(old.some((p) => p.gone !== undefined)).toBe(true);
  expect(timeline.peakPods).toBeGreaterThan(3);
  const counted = timeline.load.reduce((sum, s) => sum + s.ok + s.errors, 0);
  expect(counted).toBe(result.requests);
  expect(timeline.load.reduce((sum, s) => sum + s.errors, 0)).toBe(result.errors);
}

test('defaults: an image change under load fails no request', async () => {
  const ns = `lab-defaults-${run}`;
  namespaces.push(ns);
  deploy(ns, defaultsManifests(ns, 'zdc.local/demo-server:v1'));
  // One connection per request: every request is routed by kube-proxy afresh, the strictest client.
  // 45 s: the 20 s preStop of the first old pod ends inside the run, so the timeline shows it gone.
  const result = await underLoad('rollout, defaults', ns, { qps: 500, seconds: 45, keepAlive: false }, () => rollout(ns, 'zdc.local/demo-server:v2'));
  process.stderr.write(`${JSON.stringify({ ...result, timeline: undefined })}\n`);
  expect(result.requests).toBeGreaterThan(18_000);
  expect(result.codes).toEqual({ 200: result.requests });
  expectRecordedRollout(result);
  // maxSurge 1, maxUnavailable 0: never fewer than 3 ready endpoints, never more than 4 pods counted by the controller.
  expect(result.timeline.minReadyPods).toBeGreaterThanOrEqual(3);
  expect(result.timeline.peakLivePods).toBe(4);
});

test('the articles\' mistake (no preStop): the same change under load fails requests', async () => {
  const ns = `lab-noprestop-${run}`;
  namespaces.push(ns);
  deploy(ns, brokenManifests(ns, 'zdc.local/demo-server:v1', 'no-prestop'));
  const result = await underLoad('rollout, no preStop', ns, { qps: 500, seconds: 30, keepAlive: false }, () => rollout(ns, 'zdc.local/demo-server:v2'));
  process.stderr.write(`${JSON.stringify({ ...result, timeline: undefined })}\n`);
  expect(result.errors).toBeGreaterThan(0);
  expectRecordedRollout(result);
});
