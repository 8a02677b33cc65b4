/**
 * Which rules apply to which kind: the name function each API group's validation passes to
 * ValidateObjectMeta, and the spec validator.
 */
import { DNS1035_LABEL, DNS1123_LABEL, PATH_SEGMENT } from './names';
import { NameRule, SUBDOMAIN_NAME } from './metadata';

/** `group/Kind` for built-in kinds (`/Service`, `apps/Deployment`), or undefined for other API groups. */
export function builtinKind(apiVersion: unknown, kind: unknown): string | undefined {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return BUILTIN_GROUPS.has(group) ? `${group}/${kind}` : undefined;
}

const BUILTIN_GROUPS = new Set(['', 'apps', 'batch', 'policy', 'autoscaling', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'scheduling.k8s.io',
  'coordination.k8s.io', 'discovery.k8s.io']);

/**
 * Name rules that differ from the default DNS-1123 subdomain (ValidateNameFunc per kind):
 * - core/validation ValidateServiceName = NameIsDNS1035Label;
 * - ValidateNamespaceName = NameIsDNSLabel;
 * - batch/validation ValidateCronJobCreate: at most 52 characters (the controller appends an
 *   11-character suffix to name each Job, and a Job name must fit a 63-character label value);
 * - batch Jobs: the name becomes the `job-name` label value of its pods (at most 63 characters);
 * - StatefulSets: pods carry `controller-revision-hash: <name>-<10-character hash>`, a label value,
 *   so names over 52 characters leave the StatefulSet unable to create pods
 *   (kubernetes/kubernetes#64023, pkg/controller/history ControllerRevisionName);
 * - policy/validation ValidatePodDisruptionBudget passes no name function, so only the generic
 *   registry's path.ValidatePathSegmentName applies (uppercase is accepted);
 * - rbac/validation ValidateRBACName = path.IsValidPathSegmentName for Roles, ClusterRoles and their
 *   bindings, so `system:metrics-server` is a valid name.
 */
const NAME_RULES: Record<string, NameRule> = {
  '/Service': { format: DNS1035_LABEL },
  '/Namespace': { format: DNS1123_LABEL },
  'policy/PodDisruptionBudget': { format: PATH_SEGMENT },
  'rbac.authorization.k8s.io/Role': { format: PATH_SEGMENT },
  'rbac.authorization.k8s.io/ClusterRole': { format: PATH_SEGMENT },
  'rbac.authorization.k8s.io/RoleBinding': { format: PATH_SEGMENT },
  'rbac.authorization.k8s.io/ClusterRoleBinding': { format: PATH_SEGMENT },
  'batch/CronJob': { format: SUBDOMAIN_NAME.format, maxLength: 52,
    maxLengthReason: 'the CronJob controller appends an 11-character suffix to name each Job, and Job names must stay within 63' },
  'batch/Job': { format: SUBDOMAIN_NAME.format, maxLength: 63, maxLengthReason: "the Job's pods carry its name as the job-name label, and a label value is at most 63 characters" },
  'apps/StatefulSet': { format: SUBDOMAIN_NAME.format, maxLength: 52,
    maxLengthReason: "the StatefulSet's pods carry controller-revision-hash: <name>-<10-character hash>, a label value of at most 63 characters, so no pod could be created" },
};

/** The name rule for a kind (`group/Kind` from {@link builtinKind}, or undefined for custom resources). */
export function nameRule(kind: string | undefined): NameRule {
  return (kind && NAME_RULES[kind]) || SUBDOMAIN_NAME;
}
