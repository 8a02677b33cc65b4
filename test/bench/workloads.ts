import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as k8s from '../../imports/k8s';
import { guaranteedResources, Probe, ZeroDowntimeApp, ZeroDowntimeDeployment } from '../../lib';

/** The two ways of building the same N web services that the benchmark compares. */
export type Variant = 'zero-downtime' | 'cdk8s-plus';

const image = (i: number) => `ghcr.io/acme/svc-${i}:1.0.${i}`;

/** N ZeroDowntimeDeployments (Deployment, Service, PDB, HPA each), audited at synth. */
function zeroDowntime(n: number, outdir: string): App {
  const app = new ZeroDowntimeApp({ outdir, log: () => undefined });
  const chart = new Chart(app, 'bench', { namespace: 'bench' });
  for (let i = 0; i < n; i++) {
    new ZeroDowntimeDeployment(chart, `svc-${i}`, {
      name: `svc-${i}`,
      image: image(i),
      port: 8080,
      readinessProbe: Probe.httpGet({ path: '/ready' }),
      resources: guaranteedResources({ cpu: '250m', memory: '256Mi' }),
      autoscaling: { minReplicas: 2, maxReplicas: 6, cpuUtilization: 70 },
    });
  }
  return app;
}

/** The same N services built by hand with cdk8s-plus-27 Deployments, Services and HPAs, and L1 PDBs. */
function cdk8sPlus(n: number, outdir: string): App {
  const app = new App({ outdir });
  const chart = new Chart(app, 'bench', { namespace: 'bench' });
  for (let i = 0; i < n; i++) {
    const deployment = new kplus.Deployment(chart, `svc-${i}`, {
      metadata: { name: `svc-${i}` },
      containers: [{
        image: image(i),
        portNumber: 8080,
        readiness: kplus.Probe.fromHttpGet('/ready'),
        resources: { cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(250) }, memory: { request: Size.mebibytes(256), limit: Size.mebibytes(256) } },
      }],
    });
    deployment.exposeViaService({ name: `svc-${i}` });
    new kplus.HorizontalPodAutoscaler(chart, `svc-${i}-hpa`, {
      target: deployment,
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [kplus.Metric.resourceCpu(kplus.MetricTarget.averageUtilization(70))],
    });
    new k8s.KubePodDisruptionBudget(chart, `svc-${i}-pdb`, {
      metadata: { name: `svc-${i}` },
      spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: deployment.matchLabels } },
    });
  }
  return app;
}

/** Builds and synthesizes one variant. */
export function build(variant: Variant, n: number, outdir: string): App {
  return variant === 'zero-downtime' ? zeroDowntime(n, outdir) : cdk8sPlus(n, outdir);
}
