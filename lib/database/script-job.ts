import * as k8s from '../../imports/k8s';
import { ContainerResources, EnvValue, renderEnv, renderResources } from '../deployment/container';

/** A volume claim mounted into a script Job. */
export interface ScriptJobClaim {
  readonly claimName: string;
  readonly mountPath: string;
  readonly readOnly?: boolean;
}

/** What a database tier's script Job (backup, restore, user creation, pruning) runs, and as whom. */
export interface ScriptJobOptions {
  /** Container name. */
  readonly name: string;
  readonly image: string;
  /** A bash script; see lib/database/scripts.ts. */
  readonly script: string;
  readonly env: Record<string, EnvValue>;
  readonly resources: ContainerResources;
  /** Labels of the pod, which NetworkPolicies select. */
  readonly podLabels: Record<string, string>;
  /** The image's unprivileged user, which owns what the Job writes. */
  readonly runAsUser: number;
  readonly claims?: readonly ScriptJobClaim[];
  /** Seconds before the Job is stopped, retries included. */
  readonly activeDeadlineSeconds: number;
  /** Retries after a failed pod. */
  readonly backoffLimit: number;
}

/**
 * The Job spec of a database script: one bash container, hardened (non-root, no privilege escalation,
 * no capabilities, read-only root with a scratch /tmp, no service-account token), failed pods kept
 * for their logs (restartPolicy Never), bounded in time and retries.
 */
export function scriptJobSpec(o: ScriptJobOptions): k8s.JobSpec {
  const claims = o.claims ?? [];
  return {
    backoffLimit: o.backoffLimit,
    activeDeadlineSeconds: o.activeDeadlineSeconds,
    template: {
      metadata: { labels: o.podLabels },
      spec: {
        restartPolicy: 'Never',
        automountServiceAccountToken: false,
        securityContext: { runAsNonRoot: true, runAsUser: o.runAsUser, runAsGroup: o.runAsUser, fsGroup: o.runAsUser, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [{
          name: o.name,
          image: o.image,
          imagePullPolicy: 'IfNotPresent',
          command: ['/bin/bash', '-c', o.script],
          env: renderEnv(o.env),
          resources: renderResources(o.resources),
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
          volumeMounts: [
            { name: 'tmp', mountPath: '/tmp' },
            ...claims.map((c, i) => ({ name: `data-${i}`, mountPath: c.mountPath, ...(c.readOnly ? { readOnly: true } : {}) })),
          ],
        }],
        volumes: [
          { name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString('64Mi') } },
          ...claims.map((c, i) => ({ name: `data-${i}`, persistentVolumeClaim: { claimName: c.claimName, ...(c.readOnly ? { readOnly: true } : {}) } })),
        ],
      },
    },
  };
}
