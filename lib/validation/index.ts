/**
 * The Kubernetes API server's validation, as pure functions over plain objects: what `kubectl
 * apply` would refuse (and a few results that are clearly broken although accepted), found at synth
 * or audit time. Rules follow Kubernetes 1.27; each cites its upstream function.
 */
import type { Finding } from '../grammar/finding';
import { checkCronJobSpec, checkJobSpec } from './batch';
import { checkConfigMap, checkSecret, checkServiceAccount } from './config';
import { checkHorizontalPodAutoscalerSpec } from './hpa';
import { checkIngressSpec, checkNetworkPolicySpec } from './network';
import { checkPodDisruptionBudgetSpec } from './pdb';
import { checkPodSpec } from './pod';
import { Findings, report, show, typeName } from './finding-list';
import { builtinKind, nameRule } from './kinds';
import { checkObjectMeta } from './metadata';
import { index as indexPath } from '../grammar/field-path';
import { checkServiceSpec } from './service';
import { checkPersistentVolumeClaimSpec } from './storage';
import { Json } from './values';
import { parseMinor, TARGET_MINOR } from './version';
import { checkDeploymentSpec, checkStatefulSetSpec } from './workloads';
import { isObject } from '../grammar/json';

type SpecValidator = (out: Findings, obj: Json) => void;

const SPEC_VALIDATORS: Record<string, SpecValidator> = {
  '/Service': (out, obj) => checkServiceSpec(out, obj.spec, 'spec'),
  '/Secret': (out, obj) => checkSecret(out, obj),
  '/ConfigMap': (out, obj) => checkConfigMap(out, obj),
  '/PersistentVolumeClaim': (out, obj) => checkPersistentVolumeClaimSpec(out, obj.spec, 'spec'),
  'apps/Deployment': (out, obj) => { checkDeploymentSpec(out, obj.spec, 'spec'); },
  'apps/StatefulSet': (out, obj) => { checkStatefulSetSpec(out, obj.spec, 'spec'); },
  'policy/PodDisruptionBudget': (out, obj) => checkPodDisruptionBudgetSpec(out, obj.spec, 'spec'),
  'autoscaling/HorizontalPodAutoscaler': (out, obj) => checkHorizontalPodAutoscalerSpec(out, obj.spec, 'spec'),
  'networking.k8s.io/NetworkPolicy': (out, obj) => checkNetworkPolicySpec(out, obj.spec, 'spec'),
  'networking.k8s.io/Ingress': (out, obj) => checkIngressSpec(out, obj.spec, 'spec'),
  'batch/Job': (out, obj) => checkJobSpec(out, obj.spec, 'spec'),
  'batch/CronJob': (out, obj) => checkCronJobSpec(out, obj.spec, 'spec'),
  '/Pod': (out, obj) => { checkPodSpec(out, obj.spec, 'spec'); },
  '/ServiceAccount': (out, obj) => checkServiceAccount(out, obj),
};

/**
 * The API versions a spec validator is written for, where a kind has others with another shape: the
 * networking.k8s.io/v1 Ingress rules (pathType required, `service.port`) mean something else for a
 * v1beta1 Ingress (`serviceName`/`servicePort`). Objects of other versions get their metadata checked
 * only; removed versions are the deprecated-api rule's.
 */
const SPEC_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  'networking.k8s.io/Ingress': ['networking.k8s.io/v1'],
};

/** How to validate. */
export interface ValidateOptions {
  /**
   * The Kubernetes version of the cluster (`'1.30'`), for the few rules that changed after the
   * target: sidecar init containers and `status.hostIPs` in env (1.29+), lifecycle `sleep` hooks
   * (1.30+, 0 seconds from 1.33), relaxed environment variable names (1.32+), and LoadBalancers on
   * the kubelet port (accepted by 1.34).
   * @default '1.27'
   */
  readonly kubernetesVersion?: string;
}

/**
 * Every problem the API server would report for `obj` (a manifest as a plain object), plus results
 * that are accepted but clearly broken. `field` is a path inside the object
 * (`spec.template.spec.containers[0].ports[1].name`). Never throws: a value of the wrong type is a
 * finding.
 */
export function validateObject(obj: unknown, options: ValidateOptions = {}): Finding[] {
  const out: Findings = [];
  let minor = TARGET_MINOR;
  if (options.kubernetesVersion !== undefined) {
    const parsed = typeof options.kubernetesVersion === 'string' ? parseMinor(options.kubernetesVersion) : undefined;
    if (parsed === undefined) {
      report(out, '', `kubernetesVersion ${show(options.kubernetesVersion)} is not a Kubernetes version; validating for 1.${TARGET_MINOR}`, "write the version as '1.30'");
    } else {
      minor = parsed;
    }
  }
  out.minor = minor;
  try {
    checkObject(out, obj, '');
  } catch (error) {
    // A validator bug must not hide the object's other problems, nor crash synth.
    report(out, '', `the validator failed on this object (${error instanceof Error ? error.message : String(error)})`,
      'report this as a bug in zero-downtime-charts, with the manifest');
  }
  // A plain list for the caller, without the version it carried.
  return out.slice();
}

function prefixed(prefix: string, field: string): string {
  return prefix === '' ? field : `${prefix}.${field}`;
}

function checkObject(out: Findings, obj: unknown, prefix: string): void {
  if (!isObject(obj)) {
    report(out, prefix, `the manifest is ${typeName(obj)} (${show(obj)}), not an object`, 'write a Kubernetes object with apiVersion, kind and metadata');
    return;
  }
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') {
    report(out, prefixed(prefix, 'apiVersion'), `apiVersion ${show(obj.apiVersion)} is missing or not a string`, 'set apiVersion, e.g. apps/v1');
  }
  if (typeof obj.kind !== 'string' || obj.kind === '') {
    report(out, prefixed(prefix, 'kind'), `kind ${show(obj.kind)} is missing or not a string`, 'set kind, e.g. Deployment');
    return;
  }
  // kubectl expands a List client-side; each item is an object of its own.
  if (obj.kind === 'List' || (obj.kind.endsWith('List') && Array.isArray(obj.items))) {
    // One level only: a List inside a List is not something kubectl accepts, and a cyclic one must not recurse forever.
    if (prefix !== '') {
      report(out, prefixed(prefix, 'kind'), 'a List nested in a List is not applied by kubectl', 'flatten the items into one List');
    } else if (Array.isArray(obj.items)) for (let i = 0; i < obj.items.length; i++) checkObject(out, obj.items[i], indexPath(prefixed(prefix, 'items'), i));
    return;
  }
  const kind = builtinKind(obj.apiVersion, obj.kind);
  const start = out.length;
  checkObjectMeta(out, obj.metadata, 'metadata', nameRule(kind));
  const versions = kind ? SPEC_VERSIONS[kind] : undefined;
  const validator = kind && (!versions || versions.includes(obj.apiVersion as string)) ? SPEC_VALIDATORS[kind] : undefined;
  if (validator) validator(out, obj);
  if (prefix !== '') {
    for (let i = start; i < out.length; i++) out[i] = { ...out[i], field: prefixed(prefix, out[i].field) };
  }
}

export type { Finding } from '../grammar/finding';
export { show } from './finding-list';
export { parseImage, validateImageReference, imageReferenceProblems, digestProblem } from './image';
export type { ImageReference } from './image';
export {
  validateAnnotations, validateLabels, validateLabelSelector, validateObjectMeta, TOTAL_ANNOTATION_SIZE_LIMIT_BYTES,
} from './metadata';
export type { NameRule } from './metadata';
export {
  validateConfigMapKey, validateDns1035Label, validateDns1123Label, validateDns1123Subdomain, validateEnvVarName,
  validateHttpHeaderName, validateLabelValue, validatePortName, validateQualifiedName,
} from './names';
export { parseQuantity, validateQuantity } from './quantity';
export type { QuantityOptions } from './quantity';
export { validateContainer } from './container';
export { validateLifecycle, validateProbe } from './handlers';
export type { ProbeKind } from './handlers';
export { validateVolumeMounts, validateVolumes } from './volumes';
export { validateAffinity, validateTopologySpreadConstraints } from './scheduling';
export { validateResources } from './resources';
export { validatePodSpec } from './pod';
export { nameRule, builtinKind } from './kinds';
export { NODE_PORT_MAX, NODE_PORT_MIN } from './service';
export { validatePodDisruptionBudgetSpec } from './pdb';
export { validateHorizontalPodAutoscalerSpec, MAX_PERIOD_SECONDS, MAX_STABILIZATION_WINDOW_SECONDS } from './hpa';
export { validateIngressSpec, validateNetworkPolicySpec } from './network';
export { validateCronSchedule } from './batch';
export { cronScheduleProblem } from '../grammar/cron';
