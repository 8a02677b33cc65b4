/**
 * The short rollout lab in CI: a rolling update under the articles' load (fortio, 8 connections,
 * 500 qps for 30 s, through kube-proxy); `npm run rollout-lab` runs the long scenarios. With ZeroDowntimeDeployment's defaults no request fails; with the
 * articles' mistake (no preStop) some do, which shows that the test can fail.
 */
import { kubectlResult } from './kube';
import { brokenManifests, defaultsManifests, deploy, rollout, underLoad } from './rollout-lab';

jest.setTimeout(300_000);
const run = Date.now().toString(36);
const namespaces: string[] = [];
afterAll(() => { for (const ns of namespaces) kubectlResult(['delete', 'namespace', ns, '--wait=false']); });

test('defaults: an image change under load fails no request', async () => {
  const ns = `lab-defaults-${run}`;
  namespaces.push(ns);
  deploy(ns, defaultsManifests(ns, 'zdc.local/demo-server:v1'));
  // One connection per request: every request is routed by kube-proxy afresh, the strictest client.
  const result = await underLoad('rollout, defaults', ns, { qps: 500, seconds: 30, keepAlive: false }, () => rollout(ns, 'zdc.local/demo-server:v2'));
  process.stderr.write(`${JSON.stringify(result)}\n`);
  expect(result.requests).toBeGreaterThan(12_000);
  expect(result.codes).toEqual({ 200: result.requests });
});

test('the articles\' mistake (no preStop): the same change under load fails requests', async () => {
  const ns = `lab-noprestop-${run}`;
  namespaces.push(ns);
  deploy(ns, brokenManifests(ns, 'zdc.local/demo-server:v1', 'no-prestop'));
  const result = await underLoad('rollout, no preStop', ns, { qps: 500, seconds: 30, keepAlive: false }, () => rollout(ns, 'zdc.local/demo-server:v2'));
  process.stderr.write(`${JSON.stringify(result)}\n`);
  expect(result.errors).toBeGreaterThan(0);
});
