import { Chart, Testing } from 'cdk8s';
import { ConfigurationError, ZeroDowntimeDeploymentProps } from '../lib';
import { guaranteedResources } from '../lib/deployment/container';
import { Probe } from '../lib/deployment/probe';

/** A manifest object as synthesized. */
export type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; [k: string]: any }; spec?: any; [k: string]: any };

/** Synthesizes whatever `build` adds to a fresh chart. */
export function synth(build: (chart: Chart) => void, namespace?: string): Manifest[] {
  const chart = new Chart(Testing.app(), 'test', namespace ? { namespace } : {});
  build(chart);
  return chart.toJson() as Manifest[];
}

/** The one object of this kind (and name, when given); fails the test when there is not exactly one. */
export function one(manifests: Manifest[], kind: string, name?: string): Manifest {
  const found = manifests.filter((m) => m.kind === kind && (name === undefined || m.metadata.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind}${name ? ` ${name}` : ''}, found ${found.length}`);
  return found[0];
}

/** Minimal valid props, for tests that change one thing. */
export function baseProps(overrides: Partial<ZeroDowntimeDeploymentProps> = {}): ZeroDowntimeDeploymentProps {
  return {
    name: 'web',
    image: 'nginx:1.27.3',
    port: 8080,
    readinessProbe: Probe.httpGet({ path: '/healthz' }),
    resources: guaranteedResources({ cpu: '250m', memory: '128Mi' }),
    ...overrides,
  };
}

/** True when every label of the selector is on the object. */
export function selects(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** The one Job named `<prefix>-<8-character digest>` (the WordPress Jobs' names carry a digest of their spec). */
export function jobNamed(manifests: Manifest[], prefix: string): Manifest {
  const found = manifests.filter((m) => m.kind === 'Job' && new RegExp(`^${prefix}-[0-9a-f]{8}$`).test(m.metadata.name));
  if (found.length !== 1) throw new Error(`expected one Job ${prefix}-<digest>, found ${found.length}`);
  return found[0];
}

/** The ConfigurationError that `run` throws; fails when it throws nothing, rethrows any other error. */
export function refusalOf(run: () => unknown): ConfigurationError {
  try {
    run();
  } catch (e) {
    if (e instanceof ConfigurationError) return e;
    throw e;
  }
  throw new Error('expected a ConfigurationError');
}
