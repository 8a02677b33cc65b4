/**
 * The WordPress stack as the real-cluster scenarios (wordpress.test.ts) install it: the images built here,
 * this cluster's stand-in storage, and the Jobs' and pods' helpers.
 *
 * Images: built here from Debian's packages by cluster/images/wordpress.sh (Debian 12's WordPress 6.1.9 on
 * Apache + PHP 8.2 with GD, and Debian 13's 6.8 on PHP 8.4 as the next version; MariaDB 10.11 standing in for the official mysql image; a `wp` stand-in for wp-cli).
 * Storage: this cluster has no provisioner, so every claim the stack renders is pre-bound to a hostPath
 * PersistentVolume of a class made for the test (a STAND-IN for a provisioner). Both nodes share this
 * machine's file system, so the ReadWriteMany content volume really is shared: it stands in for CephFS or
 * another RWX class. hostPath volumes take no fsGroup, so the stand-in gives each folder to the fsGroup
 * of the pods that mount it (group-writable, set-group-ID), as the kubelet does on volumes that support it.
 * Ingress: no ingress controller runs here; a fortio pod carries the ingress controller's labels (the
 * stack's ingressController prop), so the stack's own NetworkPolicies admit it, and it sends what the
 * ingress would: the site's Host and X-Forwarded-Proto: https.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { SmtpEncryption, WordpressApp } from '../../lib';
import { api, kubectlResult } from './kube';

export const IMAGES = {
  wordpress: 'zdc.local/wordpress-debian:6.1.9-apache',
  // Debian 13's WordPress 6.8.x on PHP 8.4 (cluster/images/wordpress.sh): the next version.
  wordpressNext: 'zdc.local/wordpress-debian:6.8-apache',
  cli: 'zdc.local/wp-cli-standin:6.1.9-php8.2',
  mysql: 'zdc.local/mariadb:10.11-debian',
  fortio: 'zdc.local/fortio:v1.68.2',
  mailpit: 'zdc.local/mailpit:v1.33.1',
  // Debian's package of the upstream apache_exporter (cluster/images/apache-exporter.sh).
  apacheExporter: 'zdc.local/apache-exporter:0.12.0-debian',
};
export const HOST = 'wordpress.test.invalid';
export const CLIENT_LABELS = { 'app.kubernetes.io/name': 'stand-in-ingress-controller' };
export const SCRAPER_LABELS = { 'app.kubernetes.io/name': 'stand-in-prometheus' };

/** One installation: its namespace, the ingress controller's (its own, as a real one's), storage class and host folder. */
export class WordpressOnCluster {
  readonly ns = `wp-${Date.now().toString(36)}`;
  readonly clientNs = `${this.ns}-ingress`;
  readonly storageClass = `${this.ns}-hostpath`;
  readonly hostDir = `/tmp/zdc-${this.ns}`;

  /** The stack as a user would write it, with this cluster's images and storage class. */
  stack(image = IMAGES.wordpress): any[] {
    const chart = new Chart(new App(), 'wordpress');
    new WordpressApp(chart, 'wordpress', {
      namespace: this.ns,
      image,
      cliImage: IMAGES.cli,
      // Two replicas, the fewest the stack accepts; one per node (the Deployment's anti-affinity).
      replicas: 2,
      siteUrl: `https://${HOST}`,
      siteTitle: 'Real cluster',
      storage: { storageClassName: this.storageClass, size: '1Gi' },
      mysql: { image: IMAGES.mysql, storageClassName: this.storageClass, storageSize: '1Gi' },
      ingressController: { namespace: this.clientNs, podLabels: CLIENT_LABELS },
      // The relay: mailpit in the controller's namespace (a STAND-IN for a mail provider), without TLS.
      smtp: {
        host: `mailpit.${this.clientNs}.svc.cluster.local`, port: 1025, encryption: SmtpEncryption.NONE,
        fromAddress: 'blog@wordpress.test.invalid', fromName: 'Real cluster',
      },
      // The scraper: a fortio pod with Prometheus's part, in the controller's namespace.
      metrics: { image: IMAGES.apacheExporter, scraper: { namespace: this.clientNs, podLabels: SCRAPER_LABELS } },
      syncWaves: false,
    });
    return chart.toJson();
  }

  /** A hostPath volume pre-bound to one claim, its folder given to the claim's fsGroup. */
  volumeFor(claim: Claim): any {
    const folder = path.join(this.hostDir, claim.name);
    fs.mkdirSync(folder, { recursive: true });
    if (claim.fsGroup !== undefined) {
      fs.chownSync(folder, 0, claim.fsGroup);
      fs.chmodSync(folder, 0o2775);
    }
    return {
      apiVersion: 'v1', kind: 'PersistentVolume',
      metadata: { name: `${this.ns}-${claim.name}` },
      spec: {
        storageClassName: claim.spec.storageClassName,
        capacity: { storage: claim.spec.resources.requests.storage },
        accessModes: claim.spec.accessModes,
        persistentVolumeReclaimPolicy: 'Retain',
        claimRef: { namespace: this.ns, name: claim.name },
        hostPath: { path: folder, type: 'Directory' },
      },
    };
  }

  secret(name: string, data: Record<string, string>): any {
    return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: this.ns }, type: 'Opaque', stringData: data };
  }

  /** Waits for a Job to complete; fails fast, with its pods' logs, when it fails. */
  async jobCompletes(name: string, seconds: number): Promise<void> {
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
      const job = (await api('GET', `/apis/batch/v1/namespaces/${this.ns}/jobs/${name}`)).body;
      const conditions: any[] = job?.status?.conditions ?? [];
      if (conditions.some((c) => c.type === 'Complete' && c.status === 'True')) return;
      const failed = conditions.some((c) => c.type === 'Failed' && c.status === 'True');
      if (failed || Date.now() > deadline) {
        const logs = kubectlResult(['-n', this.ns, 'logs', `job/${name}`, '--all-containers', '--tail=40']);
        throw new Error(`job ${name} ${failed ? 'failed' : `not complete after ${seconds}s`}:\n${logs.stdout}${logs.stderr}\n${this.describe()}`);
      }
      await sleep(2000);
    }
  }

  describe(): string {
    return kubectlResult(['-n', this.ns, 'get', 'pods,pvc,jobs', '-o', 'wide']).stdout;
  }

  /** A pod in the ingress controller's namespace, with `labels`: fortio, or another image kept running. */
  clientPod(name: string, labels: Record<string, string>, image = IMAGES.fortio): any {
    const fortio = image === IMAGES.fortio;
    return {
      apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: this.clientNs, labels },
      spec: {
        securityContext: { runAsNonRoot: true, runAsUser: fortio ? 65534 : 33, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [{
          name: 'client', image, imagePullPolicy: 'IfNotPresent',
          ...(fortio ? { args: ['server', '-http-port', '8080', '-grpc-port', 'disabled', '-redirect-port', 'disabled'] } : { command: ['sleep', 'infinity'] }),
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        }],
      },
    };
  }

  /** mailpit, an SMTP server that keeps every message and lists them over HTTP, with its Service. */
  mailServer(): any[] {
    const labels = { 'app.kubernetes.io/name': 'mailpit' };
    return [
      {
        apiVersion: 'v1', kind: 'Pod', metadata: { name: 'mailpit', namespace: this.clientNs, labels },
        spec: {
          securityContext: { runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [{
            name: 'mailpit', image: IMAGES.mailpit, imagePullPolicy: 'IfNotPresent', args: ['--smtp', '0.0.0.0:1025', '--listen', '0.0.0.0:8025'],
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          }],
        },
      },
      {
        apiVersion: 'v1', kind: 'Service', metadata: { name: 'mailpit', namespace: this.clientNs },
        spec: { selector: labels, ports: [{ name: 'smtp', port: 1025 }, { name: 'http', port: 8025 }] },
      },
    ];
  }
}

/** A claim the manifests make (StatefulSet claim templates included), with the fsGroup of the pods that mount it. */
export interface Claim {
  readonly name: string;
  readonly spec: any;
  readonly fsGroup?: number;
}

/** Every claim the manifests make, as its name with its spec and its pods' fsGroup. */
export function claimsOf(objects: any[]): Claim[] {
  const templates = objects.map((o) => ({ o, t: o.spec?.template ?? o.spec?.jobTemplate?.spec?.template })).filter((x) => x.t);
  const fsGroupOf = (claimName: string) => templates.find(({ t }) => (t.spec.volumes ?? [])
    .some((v: any) => v.persistentVolumeClaim?.claimName === claimName))?.t.spec.securityContext?.fsGroup;
  const claims: Claim[] = objects.filter((o) => o.kind === 'PersistentVolumeClaim')
    .map((o) => ({ name: o.metadata.name, spec: o.spec, fsGroup: fsGroupOf(o.metadata.name) }));
  for (const set of objects.filter((o) => o.kind === 'StatefulSet')) {
    for (const t of set.spec.volumeClaimTemplates ?? []) {
      for (let i = 0; i < (set.spec.replicas ?? 1); i++) {
        claims.push({ name: `${t.metadata.name}-${set.metadata.name}-${i}`, spec: t.spec, fsGroup: set.spec.template.spec.securityContext?.fsGroup });
      }
    }
  }
  return claims;
}

export const list = (items: any[]) => JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The PHP script of this folder's wordpress/ subfolder, to run with `php -- /dev/stdin` in a pod. */
export function phpScript(name: string): string {
  return fs.readFileSync(path.join(__dirname, 'wordpress', name), 'utf8');
}
