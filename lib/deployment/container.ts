import * as k8s from '../../imports/k8s';
import { QosClass } from '../policy/qos';

/** The value of one environment variable: a literal, or a reference resolved by the kubelet. */
export type EnvValue =
  | string
  | { readonly secretKeyRef: { readonly name: string; readonly key: string; readonly optional?: boolean } }
  | { readonly configMapKeyRef: { readonly name: string; readonly key: string; readonly optional?: boolean } }
  | { readonly fieldRef: { readonly fieldPath: string } };

/** Renders environment variables in the order given. */
export function renderEnv(env: Record<string, EnvValue>): k8s.EnvVar[] {
  return Object.entries(env).map(([name, value]) => (typeof value === 'string' ? { name, value } : { name, valueFrom: value }));
}

/** Access modes of a PersistentVolumeClaim. */
export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';

/** Where a volume's data comes from. Exactly one field is set. */
export interface VolumeSource {
  /**
   * A PersistentVolumeClaim; give `accessMode` so that a ReadWriteOnce claim on a surging rollout is refused.
   * @default - not a claim
   */
  readonly persistentVolumeClaim?: { readonly claimName: string; readonly accessMode?: AccessMode; readonly readOnly?: boolean };
  /**
   * A Secret's keys as files.
   * @default - not a Secret
   */
  readonly secret?: { readonly secretName: string; readonly defaultMode?: number };
  /**
   * A ConfigMap's keys as files.
   * @default - not a ConfigMap
   */
  readonly configMap?: { readonly name: string; readonly defaultMode?: number };
  /**
   * Scratch space that lives as long as the pod.
   * @default - not an emptyDir
   */
  readonly emptyDir?: { readonly medium?: 'Memory'; readonly sizeLimit?: string };
}

/** A volume and where the container mounts it. */
export interface VolumeProps {
  /** Volume name, unique in the pod. */
  readonly name: string;
  /** Absolute path in the container. */
  readonly mountPath: string;
  /** The data. */
  readonly source: VolumeSource;
  /**
   * Mount read-only.
   * @default false
   */
  readonly readOnly?: boolean;
  /**
   * Mount only this sub-path of the volume.
   * @default - the whole volume
   */
  readonly subPath?: string;
}

/** The pod volume for a VolumeProps (the claim's access mode is ours, not the API's, and is left out). */
export function renderVolume(volume: VolumeProps): k8s.Volume {
  const { persistentVolumeClaim: claim, emptyDir, ...others } = volume.source;
  return {
    name: volume.name,
    ...others,
    ...(emptyDir ? { emptyDir: { ...emptyDir, sizeLimit: emptyDir.sizeLimit === undefined ? undefined : k8s.Quantity.fromString(emptyDir.sizeLimit) } } : {}),
    ...(claim ? { persistentVolumeClaim: { claimName: claim.claimName, ...(claim.readOnly ? { readOnly: true } : {}) } } : {}),
  };
}

/** The container mount for a VolumeProps. */
export function renderVolumeMount(volume: VolumeProps): k8s.VolumeMount {
  return {
    name: volume.name,
    mountPath: volume.mountPath,
    ...(volume.readOnly ? { readOnly: true } : {}),
    ...(volume.subPath ? { subPath: volume.subPath } : {}),
  };
}

/** cpu and memory amounts as Kubernetes quantities (`'200m'`, `'100Mi'`). A type, not an interface, so it fits the policy functions' plain records. */
export type ComputeResources = {
  /**
   * CPU, e.g. `'200m'`.
   * @default - unset
   */
  readonly cpu?: string;
  /**
   * Memory, e.g. `'100Mi'`.
   * @default - unset
   */
  readonly memory?: string;
};

/** Requests, limits and the QoS class they must produce. */
export interface ContainerResources {
  /** What the scheduler reserves for the container. */
  readonly requests: ComputeResources;
  /**
   * The most the container may use. Required for Guaranteed (equal to the requests).
   * @default - unset (only allowed for Burstable)
   */
  readonly limits?: ComputeResources;
  /**
   * The QoS class the pod must get. Guaranteed pods are evicted last under node pressure;
   * Burstable is accepted only when asked for here.
   * @default QosClass.GUARANTEED
   */
  readonly qosClass?: QosClass.GUARANTEED | QosClass.BURSTABLE;
}

/** Guaranteed resources: the same cpu and memory as requests and limits. */
export function guaranteedResources(amounts: { readonly cpu: string; readonly memory: string }): ContainerResources {
  return { requests: { ...amounts }, limits: { ...amounts }, qosClass: QosClass.GUARANTEED };
}

/** Renders requests and limits as L1 quantities, cpu before memory. */
export function renderResources(resources: ContainerResources): k8s.ResourceRequirements {
  const list = (amounts: ComputeResources | undefined) => {
    const entries = (['cpu', 'memory'] as const).filter((r) => amounts?.[r] !== undefined).map((r) => [r, k8s.Quantity.fromString(amounts![r]!)]);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  };
  const limits = list(resources.limits);
  return { ...(limits ? { limits } : {}), requests: list(resources.requests) ?? {} };
}
