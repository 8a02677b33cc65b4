/**
 * Pod specs and pod templates: core/validation/validation.go ValidatePodSpec,
 * ValidatePodTemplateSpec, validateContainers, validateInitContainers, AccumulateUniqueHostPorts (1.27).
 */
import { ContainerFacts, checkContainer, newFacts } from './container';
import { checkEnum } from './enums';
import { Findings, findings, report, show } from './finding-list';
import { checkLabels, checkAnnotations } from './metadata';
import { checkFormat, DNS1123_LABEL, DNS1123_SUBDOMAIN } from './names';
import { child, index } from '../grammar/field-path';
import { Json, readInt, readList, readRecord, readString } from './values';
import { checkAffinity, checkSecurityContext, checkTolerations, checkTopologySpreadConstraints } from './scheduling';
import { checkVolumes } from './volumes';
import { isObject } from '../grammar/json';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

/** What the owner of a pod template allows. */
export interface PodRules {
  /** The restart policies the owner accepts (Deployments and StatefulSets: only Always; Jobs: OnFailure or Never). */
  readonly restartPolicies?: readonly string[];
  /** Whether activeDeadlineSeconds is refused (ValidatePodTemplateSpecForReplicaSet / ForStatefulSet). */
  readonly forbidActiveDeadline?: boolean;
  /** What the owner is, for messages. */
  readonly owner?: string;
  /** Volume names that come from elsewhere (a StatefulSet's volumeClaimTemplates). */
  readonly extraVolumes?: Iterable<string>;
}

/** What the pod spec checks learned, for the owner's checks. */
export interface PodFacts {
  readonly containers: ContainerFacts[];
  readonly volumeNames: Set<string>;
}

/** Checks a pod spec. */
export function checkPodSpec(out: Findings, value: unknown, field: string, rules: PodRules = {}): PodFacts | undefined {
  const spec = readRecord(out, value, field);
  if (!spec) {
    if (value === undefined || value === null) report(out, field, 'the pod spec is missing', 'add spec.containers with at least one container');
    return undefined;
  }
  const facts: PodFacts = { containers: [], volumeNames: new Set(rules.extraVolumes ?? []) };
  checkVolumes(out, spec.volumes, child(field, 'volumes'), facts.volumeNames);
  const grace = typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 30;
  checkPodContainers(out, spec, field, facts, grace);
  checkPodFields(out, spec, field, rules);
  checkAffinity(out, spec.affinity, child(field, 'affinity'));
  checkTopologySpreadConstraints(out, spec.topologySpreadConstraints, child(field, 'topologySpreadConstraints'));
  checkTolerations(out, spec.tolerations, child(field, 'tolerations'));
  checkSecurityContext(out, spec.securityContext, child(field, 'securityContext'));
  return facts;
}


/**
 * validateContainers / validateInitContainers: each container, then names unique across containers and
 * init containers, and (AccumulateUniqueHostPorts) each host port and protocol used once per pod.
 */
function checkPodContainers(out: Findings, spec: Json, field: string, facts: PodFacts, grace: number): void {
  const names = new Map<string, string>();
  let hostPorts: Map<string, string> | undefined;
  for (const list of ['initContainers', 'containers']) {
    const listPath = child(field, list);
    const items = readList(out, spec[list], listPath);
    if (list === 'containers' && (!items || items.length === 0)) {
      // validateContainers: "Required value" when empty.
      if (spec.containers === undefined || spec.containers === null || Array.isArray(spec.containers)) {
        report(out, listPath, 'the pod has no containers', 'add at least one container with a name and an image');
      }
    }
    if (!items) continue;
    for (let i = 0; i < items.length; i++) {
      const path = index(listPath, i);
      const name = isObject(items[i]) && typeof (items[i] as Json).name === 'string' ? (items[i] as Json).name as string : undefined;
      const facts1 = newFacts(name);
      const container = checkContainer(out, items[i], path, facts1, { init: list === 'initContainers', volumeNames: facts.volumeNames, gracePeriodSeconds: grace });
      if (!container) continue;
      facts.containers.push(facts1);
      // validateContainers / validateInitContainers: names unique across containers and init containers.
      if (name) {
        const earlier = names.get(name);
        // validateContainers reports a clash with an init container on the init container.
        if (earlier) report(out, child(list === 'containers' && earlier.startsWith(child(field, 'initContainers')) ? earlier : path, 'name'),
          `container name ${show(name)} is already used by ${list === 'containers' && earlier.startsWith(child(field, 'initContainers')) ? path : earlier}`,
            'give every container and init container its own name');
        else names.set(name, path);
      }
      // AccumulateUniqueHostPorts: a host port and protocol may be used once per pod.
      for (const hp of facts1.hostPorts) {
        hostPorts ??= new Map();
        const earlier = hostPorts.get(hp);
        if (earlier) report(out, child(path, 'ports'), `host port ${hp} is already used by ${earlier}`, 'use a different hostPort, or none');
        else hostPorts.set(hp, path);
      }
    }
  }
}

/** ValidatePodSpec's own fields: restart and DNS policies, deadlines, names, node selector and pull secrets. */
function checkPodFields(out: Findings, spec: Json, field: string, rules: PodRules): void {
  // ValidatePodSpec: restartPolicy enum; the owner narrows it.
  const allowedRestart = rules.restartPolicies ?? RESTART_POLICIES;
  const restart = checkEnum(out, spec.restartPolicy, child(field, 'restartPolicy'), RESTART_POLICIES, 'restartPolicy');
  if (restart && !allowedRestart.includes(restart)) {
    report(out, child(field, 'restartPolicy'), `restartPolicy ${show(restart)} is not supported in a ${rules.owner ?? 'pod'} template`,
      `use ${allowedRestart.map((r) => JSON.stringify(r)).join(' or ')}${allowedRestart.length === 1 ? ', or leave it unset' : ''}`);
  }
  checkEnum(out, spec.dnsPolicy, child(field, 'dnsPolicy'), DNS_POLICIES, 'dnsPolicy');
  // ValidatePodSpec: terminationGracePeriodSeconds — negative values are clearly broken (the API
  // server clamps them to 1 on delete, so no grace at all).
  readInt(out, spec.terminationGracePeriodSeconds, child(field, 'terminationGracePeriodSeconds'), 0, Number.MAX_SAFE_INTEGER, 30);
  // ValidatePodSpec: activeDeadlineSeconds in [1, MaxInt32]; not allowed in ReplicaSet and StatefulSet templates.
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null && rules.forbidActiveDeadline) {
    report(out, child(field, 'activeDeadlineSeconds'), `activeDeadlineSeconds is not supported in a ${rules.owner} template: pods would be killed after it`,
      'remove activeDeadlineSeconds');
  } else {
    readInt(out, spec.activeDeadlineSeconds, child(field, 'activeDeadlineSeconds'), 1, 2147483647, 600);
  }
  // ValidatePodSpec: serviceAccountName ValidateServiceAccountName (DNS subdomain); hostname and subdomain DNS labels.
  // schedulerName is not checked: the API server accepts any name.
  for (const name of ['serviceAccountName', 'priorityClassName']) {
    const v = readString(out, spec[name], child(field, name));
    if (v) checkFormat(out, v, child(field, name), DNS1123_SUBDOMAIN, name);
  }
  for (const name of ['hostname', 'subdomain']) {
    const v = readString(out, spec[name], child(field, name));
    if (v) checkFormat(out, v, child(field, name), DNS1123_LABEL, name);
  }
  // ValidatePodSpec: nodeSelector is a label map.
  checkLabels(out, spec.nodeSelector, child(field, 'nodeSelector'));
  // Accepted by the API server, but a name that is no Secret name can never authenticate a pull (a judgement).
  const pullSecrets = readList(out, spec.imagePullSecrets, child(field, 'imagePullSecrets'));
  if (pullSecrets) {
    for (let i = 0; i < pullSecrets.length; i++) {
      const ref = readRecord(out, pullSecrets[i], index(child(field, 'imagePullSecrets'), i));
      if (ref) checkFormat(out, ref.name ?? '', child(index(child(field, 'imagePullSecrets'), i), 'name'), DNS1123_SUBDOMAIN, 'Secret name');
    }
  }
}

/** Findings for a pod spec (`field` is where it sits, e.g. `spec.template.spec`). */
export function validatePodSpec(spec: unknown, field = 'spec', rules: PodRules = {}): Findings {
  return findings((out) => checkPodSpec(out, spec, field, rules));
}

/** Checks a pod template (metadata labels and annotations, then the spec). */
export function checkPodTemplate(out: Findings, value: unknown, field: string, rules: PodRules): { labels?: Json; facts?: PodFacts } {
  const template = readRecord(out, value, field);
  if (!template) {
    if (value === undefined || value === null) report(out, field, 'the pod template is missing', 'add template.metadata.labels and template.spec.containers');
    return {};
  }
  const meta = readRecord(out, template.metadata, child(field, 'metadata'));
  const labels = meta ? checkLabels(out, meta.labels, child(child(field, 'metadata'), 'labels')) : undefined;
  if (meta) checkAnnotations(out, meta.annotations, child(child(field, 'metadata'), 'annotations'));
  const facts = checkPodSpec(out, template.spec, child(field, 'spec'), rules);
  return { labels, facts };
}
