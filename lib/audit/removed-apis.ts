/**
 * API versions that Kubernetes stopped serving, from the Kubernetes Deprecated API Migration Guide
 * (kubernetes.io/docs/reference/using-api/deprecation-guide), plus PodPreset's alpha API.
 */

/** The Kubernetes version the project targets, and the audit's default. */
export const TARGET_KUBERNETES_VERSION = '1.27';

/** One removed API version of one kind. */
export interface RemovedApi {
  readonly apiVersion: string;
  /** The kinds removed with it; empty means every kind of that version. */
  readonly kinds: readonly string[];
  /** The minor version of Kubernetes 1.x that stopped serving it. */
  readonly removedIn: number;
  /** What to use instead. */
  readonly replacement: string;
  /** Set when a project other than Kubernetes stopped serving it (then `removedIn` is 0: any version). */
  readonly removedBy?: string;
}

const WORKLOADS = ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'ControllerRevision'];
const FLOW_CONTROL = ['FlowSchema', 'PriorityLevelConfiguration'];

/** Every removal, oldest first. */
export const REMOVED_APIS: readonly RemovedApi[] = [
  { apiVersion: 'extensions/v1beta1', kinds: WORKLOADS, removedIn: 16, replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta1', kinds: [], removedIn: 16, replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kinds: [], removedIn: 16, replacement: 'apps/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], removedIn: 16, replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], removedIn: 16, replacement: 'policy/v1beta1, itself removed in 1.25: use Pod Security Admission' },
  { apiVersion: 'settings.k8s.io/v1alpha1', kinds: ['PodPreset'], removedIn: 20,
    replacement: 'nothing: PodPreset was removed; set the fields in the pod template, or mutate with an admission webhook (e.g. Kyverno)' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], removedIn: 22,
    replacement: 'networking.k8s.io/v1 (spec.rules[].http.paths[].backend.service.name/port, pathType required)' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress', 'IngressClass'], removedIn: 22, replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], removedIn: 22,
    replacement: 'admissionregistration.k8s.io/v1 (sideEffects and admissionReviewVersions required)' },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], removedIn: 22,
    replacement: 'apiextensions.k8s.io/v1 (a structural schema per version required)' },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], removedIn: 22, replacement: 'apiregistration.k8s.io/v1' },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['TokenReview'], removedIn: 22, replacement: 'authentication.k8s.io/v1' },
  { apiVersion: 'authorization.k8s.io/v1beta1', kinds: ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview'], removedIn: 22,
    replacement: 'authorization.k8s.io/v1' },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], removedIn: 22, replacement: 'certificates.k8s.io/v1 (spec.signerName required)' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], removedIn: 22, replacement: 'coordination.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], removedIn: 22,
    replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], removedIn: 22, replacement: 'scheduling.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], removedIn: 22, replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], removedIn: 25, replacement: 'batch/v1' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], removedIn: 25, replacement: 'discovery.k8s.io/v1' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], removedIn: 25, replacement: 'events.k8s.io/v1' },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], removedIn: 25, replacement: 'autoscaling/v2' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], removedIn: 25, replacement: 'policy/v1 (an empty selector now selects every pod in the namespace)' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], removedIn: 25, replacement: 'nothing: PodSecurityPolicy was removed; use Pod Security Admission' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], removedIn: 25, replacement: 'node.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: FLOW_CONTROL, removedIn: 26, replacement: 'flowcontrol.apiserver.k8s.io/v1beta3 (or v1 from 1.29)' },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], removedIn: 26, replacement: 'autoscaling/v2' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], removedIn: 27, replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: FLOW_CONTROL, removedIn: 29, replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: FLOW_CONTROL, removedIn: 32, replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'traefik.containo.us/v1alpha1', kinds: [], removedIn: 0, removedBy: 'Traefik v3', replacement: 'traefik.io/v1alpha1' },
];

const byApiVersion = new Map<string, RemovedApi[]>();
for (const removed of REMOVED_APIS) byApiVersion.set(removed.apiVersion, [...byApiVersion.get(removed.apiVersion) ?? [], removed]);

/** The removal that applies to this apiVersion and kind on Kubernetes 1.`minor`, if any. */
export function removedApi(apiVersion: string, kind: string, minor: number): RemovedApi | undefined {
  return byApiVersion.get(apiVersion)?.find((r) => r.removedIn <= minor && (r.kinds.length === 0 || r.kinds.includes(kind)));
}

/** The minor version of a Kubernetes version written `1.27`, `v1.27` or `1.27.3`; undefined when it is not one. */
export function kubernetesMinor(version: string): number | undefined {
  const match = /^v?1\.(\d{1,3})(\.\d+)?$/.exec(version.trim());
  return match ? Number(match[1]) : undefined;
}
