import { audit } from '../../../lib/analysis';
import { shopWith } from '../fixtures';

const pod = (get: (kind: string) => any) => get('Deployment').spec.template.spec;
const sidecar = { name: 'log-shipper', image: 'ghcr.io/acme/shipper:1.0.0', resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '50m', memory: '64Mi' } } };
const hits = (change: Parameters<typeof shopWith>[0], id: string) =>
  audit(shopWith(change)).violations.filter((v) => v.ruleId === id).map((v) => v.field);

test('a sidecar without ports needs neither a preStop hook nor a readiness probe when another container serves', () => {
  const withSidecar = (get: (kind: string) => any) => { pod(get).containers.push({ ...sidecar }); };
  expect(hits(withSidecar, 'prestop-missing')).toEqual([]);
  expect(hits(withSidecar, 'rolling-update-without-readiness')).toEqual([]);
});

test('when no container declares a port, every container of a served workload counts as serving', () => {
  const portless = (get: (kind: string) => any) => { delete pod(get).containers[0].ports; pod(get).containers.push({ ...sidecar }); };
  expect(hits(portless, 'prestop-missing')).toEqual(['spec.template.spec.containers[1].lifecycle.preStop']);
  expect(hits(portless, 'rolling-update-without-readiness')).toEqual(['spec.template.spec.containers[1].readinessProbe']);
});

test('preStop through sh -c: equal to the grace period is an error, one second below it is not', () => {
  const sleep = (seconds: number, grace: number) => (get: (kind: string) => any) => {
    pod(get).terminationGracePeriodSeconds = grace;
    pod(get).containers[0].lifecycle.preStop.exec.command = ['/bin/sh', '-c', `sleep ${seconds}`];
  };
  expect(hits(sleep(30, 30), 'prestop-not-below-grace')).toEqual(['spec.template.spec.terminationGracePeriodSeconds']);
  expect(hits(sleep(29, 30), 'prestop-not-below-grace')).toEqual([]);
  expect(hits(sleep(29, 30), 'grace-below-shutdown-budget')).toEqual(['spec.template.spec.terminationGracePeriodSeconds']);
  expect(hits(sleep(20, 30), 'grace-below-shutdown-budget')).toEqual([]);
});

test('one replica (no autoscaler) that surges first hands over traffic; one replaced in place does not', () => {
  const single = (surge: number | string): Parameters<typeof shopWith>[0] => (get, all) => {
    all.splice(all.findIndex((m) => m.kind === 'HorizontalPodAutoscaler'), 1);
    get('Deployment').spec.replicas = 1;
    get('Deployment').spec.strategy.rollingUpdate = { maxSurge: surge, maxUnavailable: 1 };
    delete pod(get).containers[0].lifecycle;
  };
  expect(hits(single(1), 'prestop-missing')).toEqual(['spec.template.spec.containers[0].lifecycle.preStop']);
  expect(hits(single(0), 'prestop-missing')).toEqual([]);
});

test('a single replica whose maxSurge the API server refuses hands nothing over, and is no crash', () => {
  const refused = (get: (kind: string) => any, all: any[]) => {
    all.splice(all.indexOf(get('HorizontalPodAutoscaler')), 1);
    get('Deployment').spec.replicas = 1;
    get('Deployment').spec.strategy.rollingUpdate = { maxSurge: 'one', maxUnavailable: 0 };
    delete pod(get).containers[0].lifecycle;
  };
  expect(hits(refused, 'prestop-missing')).toEqual([]);
  const surging = (get: (kind: string) => any, all: any[]) => { refused(get, all); get('Deployment').spec.strategy.rollingUpdate.maxSurge = 1; };
  expect(hits(surging, 'prestop-missing')).toEqual(['spec.template.spec.containers[0].lifecycle.preStop']);
});
