import { ConfigurationError, PreStop, Probe, QosClass, ZeroDowntimeDeploymentProps, ZeroDowntimeDeployment } from '../../lib';
import { baseProps, synth } from '../helpers';

function problems(overrides: Partial<ZeroDowntimeDeploymentProps>): string[] {
  try {
    synth((chart) => new ZeroDowntimeDeployment(chart, 'web', baseProps(overrides)));
  } catch (e) {
    if (e instanceof ConfigurationError) return e.problems.map((p) => `${p.prop}: ${p.problem}`);
    throw e;
  }
  return [];
}

const burstable = { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '1', memory: '64Mi' }, qosClass: QosClass.BURSTABLE as const };

test.each<[string, Partial<ZeroDowntimeDeploymentProps>, RegExp | undefined]>([
  [
    'HPA cpu target 101% on Guaranteed pods',
    { autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 101 } },
    /^autoscaling\.cpuUtilization: is above 100% of the request, but Guaranteed pods/,
  ],
  ['HPA cpu target 100% on Guaranteed pods', { autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 100 } }, undefined],
  ['HPA cpu target 150% on Burstable pods', { resources: burstable, autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 150 } }, undefined],
  [
    'httpGet preStop on an undeclared number',
    { preStop: PreStop.httpGet({ path: '/drain', port: 9090, durationSeconds: 20 }) },
    /^preStop\.port: port 9090 is not declared by the container \(declared: http \(8080\)\): the GET fails at once/,
  ],
  ['httpGet preStop on the declared number', { preStop: PreStop.httpGet({ path: '/drain', port: 8080, durationSeconds: 20 }) }, undefined],
  ['httpGet preStop on the declared name', { preStop: PreStop.httpGet({ path: '/drain', port: 'http', durationSeconds: 20 }) }, undefined],
  ['command preStop without a sleep', { preStop: PreStop.command(['nginx', '-s', 'quit'], 20) }, /^preStop: declares 20s, but nothing in the command waits/],
  ['command preStop sleeping less than declared', { preStop: PreStop.command(['/bin/sh', '-c', 'sleep 5'], 20) }, /^preStop: declares 20s, but the command's last sleep waits 5s/],
  ['command preStop sleeping as declared', { preStop: PreStop.command(['/bin/sh', '-c', 'sleep 20 && nginx -s quit'], 20) }, undefined],
  ['service port 0', { service: { port: 0 } }, /^service\.port: must be a whole number from 1 to 65535/],
  ['service port 65536', { service: { port: 65536 } }, /^service\.port: must be a whole number from 1 to 65535/],
  ['service port 65535', { service: { port: 65535 } }, undefined],
  ['nodePort on ClusterIP', { service: { nodePort: 30080 } }, /^service\.nodePort: is set on a ClusterIP Service/],
  ['nodePort 29999 on NodePort', { service: { type: 'NodePort', nodePort: 29999 } }, /^service\.nodePort: is outside the node port range 30000-32767/],
  ['nodePort 32768 on LoadBalancer', { service: { type: 'LoadBalancer', nodePort: 32768 } }, /^service\.nodePort: is outside the node port range/],
  ['nodePort 32767 on NodePort', { service: { type: 'NodePort', nodePort: 32767 } }, undefined],
  ['anti-affinity weight 0', { spread: { antiAffinityWeight: 0 } }, /^spread\.antiAffinityWeight: must be a whole number from 1 to 100/],
  ['anti-affinity weight 101', { spread: { antiAffinityWeight: 101 } }, /^spread\.antiAffinityWeight: must be a whole number from 1 to 100/],
  ['anti-affinity weight 1.5', { spread: { antiAffinityWeight: 1.5 } }, /^spread\.antiAffinityWeight: must be a whole number from 1 to 100/],
  ['anti-affinity weight 1', { spread: { antiAffinityWeight: 1 } }, undefined],
  [
    "liveness on port 8080 and readiness on port 'http'",
    { readinessProbe: Probe.httpGet({ path: '/healthz' }), livenessProbe: Probe.httpGet({ path: '/healthz', port: 8080 }) },
    /^livenessProbe: is identical to readinessProbe/,
  ],
  ['liveness on another path', { livenessProbe: Probe.httpGet({ path: '/livez', port: 8080 }) }, undefined],
  ["maxSurge '150%'", { rollout: { maxSurge: '150%' } }, undefined],
  ['literal STRIPE_KEY', { env: { STRIPE_KEY: 'sk_live_x' } }, /^env\.STRIPE_KEY: is a credential written as a literal/],
  ['literal KEYCLOAK_URL', { env: { KEYCLOAK_URL: 'https://sso' } }, undefined],
  ...['DB_PASS', 'PASS', 'DB_PASSWD', 'PASSWD', 'TOKEN', 'API_KEY', 'APIKEY', 'PRIVATEKEY', 'SMTP_PASS_FILE', 'DB_PWD']
    .map((name): [string, Partial<ZeroDowntimeDeploymentProps>, RegExp] =>
    [`literal ${name}`, { env: { [name]: 'x' } }, new RegExp(`^env\\.${name}: is a credential written as a literal`)]),
  ...['BYPASS_CACHE', 'PASSENGER_MODE', 'PWD', 'COMPASS_URL', 'MAPIKEYS'].map((name): [string, Partial<ZeroDowntimeDeploymentProps>, undefined] =>
    [`literal ${name}`, { env: { [name]: 'x' } }, undefined]),
  [
    'labels overwriting the selector name label',
    { labels: { 'app.kubernetes.io/name': 'other' } },
    /^labels\[app\.kubernetes\.io\/name\]: overwrites the selector label app\.kubernetes\.io\/name = 'web' \(set by appName, from name\)/,
  ],
  ['labels overwriting the selector instance label', { instance: 'blue', labels: { 'app.kubernetes.io/instance': 'green' } },
    /^labels\[app\.kubernetes\.io\/instance\]: overwrites the selector label app\.kubernetes\.io\/instance = 'blue' \(set by instance\)/],
  ['labels overwriting the selector component label', { component: 'api', labels: { 'app.kubernetes.io/component': 'x' } }, /^labels\[app\.kubernetes\.io\/component\]: overwrites the selector label .*component = 'api'/],
  ['labels repeating a selector label', { labels: { 'app.kubernetes.io/name': 'web', team: 'a' } }, undefined],
  ['labels with a component when the selector has none', { labels: { 'app.kubernetes.io/component': 'x' } }, undefined],
  ['labels setting part-of', { labels: { 'app.kubernetes.io/part-of': 'shop' } }, undefined],
])('%s', (_title, overrides, expected) => {
  const found = problems(overrides);
  if (expected) expect(found).toEqual([expect.stringMatching(expected)]);
  else expect(found).toEqual([]);
});

test('a labels clash names the prop and the fix, and is said once', () => {
  const found = problems({ labels: { 'app.kubernetes.io/name': 'other' } });
  expect(found).toHaveLength(1);
  try {
    synth((chart) => new ZeroDowntimeDeployment(chart, 'web', baseProps({ labels: { 'app.kubernetes.io/name': 'other' } })));
  } catch (e) {
    expect((e as Error).message).toMatch(/Fix: set appName: 'other' instead, and remove app\.kubernetes\.io\/name from labels/);
    expect((e as Error).message).not.toMatch(/template\.metadata\.labels/);
  }
  expect.assertions(3);
});

test('image fixes name the user\'s own repository, never another image', () => {
  expect(problems({ image: 'ghcr.io/acme/api' })).toEqual([expect.stringMatching(/^image: has no tag/)]);
  try {
    synth((chart) => new ZeroDowntimeDeployment(chart, 'web', baseProps({ image: 'ghcr.io/acme/api:latest' })));
  } catch (e) {
    expect((e as ConfigurationError).problems[0].fix).toBe("pin the version you tested, e.g. 'ghcr.io/acme/api:1.2.3', or a digest 'ghcr.io/acme/api@sha256:…'");
  }
});

test('the grace period fix passes every shutdown rule: preStop + shutdown budget', () => {
  for (const [preStop, budget, grace] of [[20, 10, 20], [20, 10, 25], [40, 5, 30]]) {
    let fix = '';
    try {
      synth(
        (chart) => new ZeroDowntimeDeployment(chart, 'web', baseProps({ preStop: PreStop.sleep(preStop), shutdownBudgetSeconds: budget, terminationGracePeriodSeconds: grace })),
      );
    } catch (e) {
      fix = (e as ConfigurationError).problems[0].fix;
    }
    const suggested = Number(/at least (\d+)/.exec(fix)![1]);
    expect(suggested).toBe(preStop + budget);
    expect(problems({ preStop: PreStop.sleep(preStop), shutdownBudgetSeconds: budget, terminationGracePeriodSeconds: suggested })).toEqual([]);
  }
});
