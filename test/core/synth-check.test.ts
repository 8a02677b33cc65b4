import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import * as k8s from '../../imports/k8s';
import { ConfigurationError, WordpressApp, ZeroDowntimeApp, ZeroDowntimeDeployment } from '../../lib';
import { PropChecker } from '../../lib/core/configuration-error';
import { userLocation } from '../../lib/core/source-location';
import { baseProps } from '../helpers';

function refusal(build: (chart: Chart) => void, app: App = Testing.app()): ConfigurationError {
  const chart = new Chart(app, 'c');
  build(chart);
  try {
    chart.toJson();
  } catch (e) {
    if (e instanceof ConfigurationError) return e;
    throw e;
  }
  throw new Error('expected a ConfigurationError');
}

test('constructs report at synth, not in the constructor, so every construct is in one error, in tree order', () => {
  const error = refusal((c) => {
    expect(() => new ZeroDowntimeDeployment(c, 'a', baseProps({ port: 0 }))).not.toThrow();
    new ZeroDowntimeDeployment(c, 'b', baseProps({ name: 'api', replicas: 1 }));
  });
  expect(error.constructs.map((r) => [r.path, r.label, r.problems.map((p) => p.prop)])).toEqual([
    ['c/a', 'ZeroDowntimeDeployment "web"', ['port']],
    ['c/b', 'ZeroDowntimeDeployment "api"', ['replicas']],
  ]);
});

test("each construct names the user's own source line, not the library's", () => {
  const error = refusal((c) => new WordpressApp(c, 'blog', { databaseUser: 'root', storage: { storageClassName: 'rook-cephfs' } }));
  expect(error.constructs[0].location).toMatch(/^test\/core\/synth-check\.test\.ts:\d+$/);
  expect(userLocation(undefined)).toBeUndefined();
  expect(userLocation({ stack: 'Error\n    at x (/usr/lib/node_modules/x/index.js:1:1)\n    at node:internal/main:2:3' })).toBeUndefined();
});

test("other constructs' own cdk8s validations are in the same block", () => {
  const error = refusal((c) => {
    new ZeroDowntimeDeployment(c, 'a', baseProps({ port: 0 }));
    new Construct(c, 'custom').node.addValidation({ validate: () => ['custom rule failed'] });
  });
  expect(error.message).toMatch(/c\/custom Construct: 1 invalid prop\n {2}- \(construct\) = "custom": custom rule failed\./);
});

test('a rule that a construct and the construct it builds both apply is said once, by the outer one', () => {
  const error = refusal((c) => new WordpressApp(c, 'blog', { databaseUser: 'root', storage: { storageClassName: 'rook-cephfs' } }));
  expect(error.constructs.map((r) => r.path)).toEqual(['c/blog']);
});

test('the same value refused for the same reason in two props is one line naming both', () => {
  const error = refusal((c) => new ZeroDowntimeDeployment(c, 'a', baseProps({ resources: { requests: { cpu: '1', memory: '1m' }, limits: { cpu: '1', memory: '1m' } } })));
  expect(error.problems.map((p) => p.prop)).toEqual(['resources.requests.memory, resources.limits.memory']);
});

test('different values for the same reason stay separate lines', () => {
  const error = refusal((c) => new ZeroDowntimeDeployment(c, 'a', baseProps({ resources: { requests: { cpu: '1', memory: '1m' }, limits: { cpu: '1', memory: '2m' } } })));
  expect(error.problems.map((p) => p.prop)).toEqual(expect.arrayContaining(['resources.requests.memory', 'resources.limits.memory']));
});

test('two constructs rendering the same objects: one line on the later construct, naming the earlier one', () => {
  const error = refusal((c) => {
    new ZeroDowntimeDeployment(c, 'a', baseProps({ name: 'api' }));
    new ZeroDowntimeDeployment(c, 'b', baseProps({ name: 'api' }));
  });
  expect(error.constructs).toHaveLength(1);
  expect(error.message).toMatch(
    /c\/b .*: 1 invalid prop\n {2}- name = "api": renders Deployment default\/api, Service default\/api, PodDisruptionBudget default\/api, which c\/a also renders/,
  );
});

test('objects outside the constructs clash too, named by kind', () => {
  const error = refusal((c) => {
    new k8s.KubeConfigMap(c, 'one', { metadata: { name: 'cfg' } });
    new k8s.KubeConfigMap(c, 'two', { metadata: { name: 'cfg' } });
  }, new ZeroDowntimeApp({ log: () => undefined }));
  expect(error.message).toMatch(/c\/two ConfigMap "cfg": 1 invalid prop\n {2}- ConfigMap metadata\.name = "cfg": renders ConfigMap cfg, which c\/one also renders/);
});

test('the same name in two namespaces or of two kinds is no clash', () => {
  const chart = new Chart(Testing.app(), 'c');
  new k8s.KubeConfigMap(chart, 'one', { metadata: { name: 'cfg', namespace: 'a' } });
  new k8s.KubeConfigMap(chart, 'two', { metadata: { name: 'cfg', namespace: 'b' } });
  new k8s.KubeSecret(chart, 'three', { metadata: { name: 'cfg', namespace: 'a' } });
  new ZeroDowntimeDeployment(chart, 'web', baseProps());
  expect(() => chart.toJson()).not.toThrow();
});

test('PropChecker.reportTo adds the problems to the construct, reported at synth with its own', () => {
  const error = refusal((c) => {
    const wp = new WordpressApp(c, 'blog', { siteUrl: 'https://blog.example.com', databaseUser: 'root', storage: { storageClassName: 'rook-cephfs' } });
    const check = new PropChecker();
    check.add('extra', 1, 'is bad', 'use 2');
    expect(() => check.reportTo(wp)).not.toThrow();
    new PropChecker().reportTo(wp);
  });
  expect(error.constructs.map((r) => [r.path, r.problems.map((p) => p.prop)])).toEqual([['c/blog', ['databaseUser', 'extra']]]);
});

test('PropChecker.throwIfAny outside any construct throws at once', () => {
  const check = new PropChecker();
  check.add('a', 1, 'is bad', 'use 2');
  expect(() => check.throwIfAny('Thing')).toThrow(/^1 problem in 1 construct; nothing was written\.\n\nThing: 1 invalid prop\n {2}- a = 1: is bad\. Fix: use 2\.$/);
});

test('the error carries no enumerable fields, so node and jest print its message alone', () => {
  const error = refusal((c) => new ZeroDowntimeDeployment(c, 'a', baseProps({ port: 0 })));
  expect(Object.keys(error)).toEqual([]);
  expect(error.name).toBe('ConfigurationError');
});

test("a plain App checks the constructs' own objects only; ZeroDowntimeApp checks every object", () => {
  const build = (app: App) => {
    const chart = new Chart(app, 'c');
    new k8s.KubeConfigMap(chart, 'raw', { metadata: { name: 'cfg' }, data: { 'bad key': 'x' } });
    return chart;
  };
  expect(() => build(Testing.app()).toJson()).not.toThrow();
  expect(() => build(new ZeroDowntimeApp({ log: () => undefined })).toJson()).toThrow(/c\/raw ConfigMap "cfg": 1 invalid prop\n {2}- ConfigMap data\[bad key\] = "x": /);
});

test('API-server findings name the prop that produced the field, with the final value after escape hatches', () => {
  const error = refusal((c) => new ZeroDowntimeDeployment(c, 'a', baseProps({ containerName: 'Web_1', labels: { tier: 'front end' } })));
  expect(error.problems.map((p) => [p.prop, p.value])).toEqual([['labels.tier', 'front end'], ['containerName', 'Web_1']]);
});
