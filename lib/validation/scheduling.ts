/**
 * Scheduling constraints of a pod spec: core/validation/validation.go validateAffinity,
 * validateNodeAffinity, ValidateNodeSelector(Term/Requirement), validatePodAffinityTerm,
 * validateWeightedPodAffinityTerms, validateTopologySpreadConstraints, ValidateTolerations (1.27).
 */
import { checkEnum } from './enums';
import { Findings, findings, report, show } from './finding-list';
import { checkLabelSelector } from './metadata';
import { checkFormat, DNS1123_LABEL, LABEL_VALUE, QUALIFIED_NAME } from './names';
import { child, index } from '../grammar/field-path';
import { Json, readInt, readList, readRecord, readString } from './values';

const MAX_INT = 2147483647;
const NODE_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];

/** ValidateNodeSelectorRequirement (matchExpressions) and ValidateNodeFieldSelectorRequirement (matchFields). */
function checkNodeRequirements(out: Findings, value: unknown, field: string, fields: boolean): void {
  const list = readList(out, value, field);
  if (!list) return;
  for (let i = 0; i < list.length; i++) {
    const path = index(field, i);
    const req = readRecord(out, list[i], path);
    if (!req) continue;
    const values = readList(out, req.values, child(path, 'values')) ?? [];
    const op = checkEnum(out, req.operator, child(path, 'operator'), fields ? ['In', 'NotIn'] : NODE_OPERATORS, 'operator');
    if (req.operator === undefined || req.operator === null) report(out, child(path, 'operator'), 'operator is missing', 'set operator, e.g. In');
    if (fields) {
      // matchFields: only metadata.name, with exactly one value.
      if (req.key !== 'metadata.name') report(out, child(path, 'key'), `${show(req.key)} is not a supported field selector`, 'use key: metadata.name');
      if (values.length !== 1) report(out, child(path, 'values'), `must have exactly one value, not ${values.length}`, 'list the one node name');
      continue;
    }
    checkFormat(out, req.key ?? '', child(path, 'key'), QUALIFIED_NAME, 'node label key');
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) report(out, child(path, 'values'), `operator ${op} needs at least one value`, 'list the node label values to match');
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) report(out, child(path, 'values'), `operator ${op} takes no values`, 'remove values');
    } else if (op === 'Gt' || op === 'Lt') {
      if (values.length !== 1) {
        report(out, child(path, 'values'), `operator ${op} needs exactly one value`, `e.g. values: ["3"]`);
      } else if (typeof values[0] === 'string' && !/^-?\d+$/.test(values[0])) {
        // Not an API rule: the scheduler compares the node label as an integer, so this term never matches.
        report(out, index(child(path, 'values'), 0), `operator ${op} compares integers, and ${show(values[0])} is not one, so the term never matches`, `e.g. values: ["3"]`);
      }
    }
    for (let j = 0; j < values.length; j++) {
      const v = values[j];
      checkFormat(out, v, index(child(path, 'values'), j), LABEL_VALUE, 'node label value');
    }
  }
}

function checkNodeSelectorTerm(out: Findings, value: unknown, field: string): void {
  const term = readRecord(out, value, field);
  if (!term) return;
  checkNodeRequirements(out, term.matchExpressions, child(field, 'matchExpressions'), false);
  checkNodeRequirements(out, term.matchFields, child(field, 'matchFields'), true);
}

/** validateWeight-style check of `weight` in [1, 100] (preferred terms). */
function checkWeight(out: Findings, term: Json, field: string): void {
  if (term.weight === undefined || term.weight === null) {
    report(out, child(field, 'weight'), 'the preferred term has no weight', 'set weight between 1 and 100, e.g. weight: 100');
    return;
  }
  readInt(out, term.weight, child(field, 'weight'), 1, 100, 100);
}

/** validatePodAffinityTerm: selectors, namespaces, and a topologyKey. */
function checkPodAffinityTerm(out: Findings, value: unknown, field: string): void {
  const term = readRecord(out, value, field);
  if (!term) {
    if (value === undefined || value === null) report(out, field, 'podAffinityTerm is missing', 'add podAffinityTerm with labelSelector and topologyKey');
    return;
  }
  checkLabelSelector(out, term.labelSelector, child(field, 'labelSelector'));
  checkLabelSelector(out, term.namespaceSelector, child(field, 'namespaceSelector'));
  const namespaces = readList(out, term.namespaces, child(field, 'namespaces'));
  if (namespaces) {
    for (let i = 0; i < namespaces.length; i++) checkFormat(out, namespaces[i], index(child(field, 'namespaces'), i), DNS1123_LABEL, 'namespace');
  }
  const key = readString(out, term.topologyKey, child(field, 'topologyKey'));
  if (!key) {
    if (term.topologyKey === undefined || term.topologyKey === null || term.topologyKey === '') {
      report(out, child(field, 'topologyKey'), 'topologyKey is missing or empty',
        'set topologyKey, e.g. kubernetes.io/hostname (spread over nodes) or topology.kubernetes.io/zone');
    }
  } else {
    checkFormat(out, key, child(field, 'topologyKey'), QUALIFIED_NAME, 'topologyKey');
  }
}

function checkPodAffinity(out: Findings, value: unknown, field: string): void {
  const affinity = readRecord(out, value, field);
  if (!affinity) return;
  const required = readList(out, affinity.requiredDuringSchedulingIgnoredDuringExecution, child(field, 'requiredDuringSchedulingIgnoredDuringExecution'));
  if (required) {
    for (let i = 0; i < required.length; i++) checkPodAffinityTerm(out, required[i], index(child(field, 'requiredDuringSchedulingIgnoredDuringExecution'), i));
  }
  // validateWeightedPodAffinityTerms: weight 1-100.
  checkWeightedTerms(out, affinity, field, 'podAffinityTerm', checkPodAffinityTerm);
}

/** Checks `preferredDuringSchedulingIgnoredDuringExecution` of `owner`: each term's weight and its `termKey` term. */
function checkWeightedTerms(out: Findings, owner: Readonly<Record<string, unknown>>, field: string, termKey: string,
  checkTerm: (out: Findings, value: unknown, field: string) => void): void {
  const preferredPath = child(field, 'preferredDuringSchedulingIgnoredDuringExecution');
  const preferred = readList(out, owner.preferredDuringSchedulingIgnoredDuringExecution, preferredPath);
  if (!preferred) return;
  for (let i = 0; i < preferred.length; i++) {
    const path = index(preferredPath, i);
    const term = readRecord(out, preferred[i], path);
    if (!term) continue;
    checkWeight(out, term, path);
    checkTerm(out, term[termKey], child(path, termKey));
  }
}

/** Checks `affinity` of a pod spec. */
export function checkAffinity(out: Findings, value: unknown, field: string): void {
  const affinity = readRecord(out, value, field);
  if (!affinity) return;
  const nodePath = child(field, 'nodeAffinity');
  const node = readRecord(out, affinity.nodeAffinity, nodePath);
  if (node) {
    const requiredPath = child(nodePath, 'requiredDuringSchedulingIgnoredDuringExecution');
    const required = readRecord(out, node.requiredDuringSchedulingIgnoredDuringExecution, requiredPath);
    if (required) {
      // ValidateNodeSelector: "must have at least one node selector term".
      const terms = readList(out, required.nodeSelectorTerms, child(requiredPath, 'nodeSelectorTerms'));
      if (!terms || terms.length === 0) {
        report(out, child(requiredPath, 'nodeSelectorTerms'), 'a required node affinity needs at least one nodeSelectorTerm', 'add nodeSelectorTerms with matchExpressions');
      } else {
        for (let i = 0; i < terms.length; i++) checkNodeSelectorTerm(out, terms[i], index(child(requiredPath, 'nodeSelectorTerms'), i));
      }
    }
    checkWeightedTerms(out, node, nodePath, 'preference', checkNodeSelectorTerm);
  }
  checkPodAffinity(out, affinity.podAffinity, child(field, 'podAffinity'));
  checkPodAffinity(out, affinity.podAntiAffinity, child(field, 'podAntiAffinity'));
}

/** Checks `topologySpreadConstraints` of a pod spec (validateTopologySpreadConstraints). */
export function checkTopologySpreadConstraints(out: Findings, value: unknown, field: string): void {
  const constraints = readList(out, value, field);
  if (!constraints) return;
  const seen = new Map<string, number>();
  for (let i = 0; i < constraints.length; i++) {
    const path = index(field, i);
    const c = readRecord(out, constraints[i], path);
    if (!c) continue;
    // ValidateMaxSkew: must be greater than zero.
    if (c.maxSkew === undefined || c.maxSkew === null) report(out, child(path, 'maxSkew'), 'maxSkew is missing', 'set maxSkew: 1');
    else readInt(out, c.maxSkew, child(path, 'maxSkew'), 1, MAX_INT, 1);
    // ValidateTopologyKey: required, a qualified name.
    const key = readString(out, c.topologyKey, child(path, 'topologyKey'));
    if (!key) {
      if (c.topologyKey === undefined || c.topologyKey === null || c.topologyKey === '') report(out, child(path, 'topologyKey'), 'topologyKey is missing or empty',
        'set topologyKey, e.g. topology.kubernetes.io/zone');
    } else {
      checkFormat(out, key, child(path, 'topologyKey'), QUALIFIED_NAME, 'topologyKey');
    }
    // ValidateWhenUnsatisfiable: required enum.
    if (c.whenUnsatisfiable === undefined || c.whenUnsatisfiable === null) {
      report(out, child(path, 'whenUnsatisfiable'), 'whenUnsatisfiable is missing', 'set whenUnsatisfiable: DoNotSchedule or ScheduleAnyway');
    }
    const when = checkEnum(out, c.whenUnsatisfiable, child(path, 'whenUnsatisfiable'), ['DoNotSchedule', 'ScheduleAnyway'], 'whenUnsatisfiable');
    // ValidateSpreadConstraintNotRepeat: one constraint per (topologyKey, whenUnsatisfiable).
    if (key && when) {
      const pair = `${key}/${when}`;
      const first = seen.get(pair);
      // ValidateSpreadConstraintNotRepeat names the pair on the first of the two constraints.
      if (first !== undefined) report(out, `${index(field, first)}.{topologyKey, whenUnsatisfiable}`,
        `topologySpreadConstraints[${i}] repeats topologyKey ${show(key)} with ${when}`, 'merge the two constraints');
      else seen.set(pair, i);
    }
    // validateMinDomains: > 0, only with DoNotSchedule.
    if (c.minDomains !== undefined && c.minDomains !== null) {
      readInt(out, c.minDomains, child(path, 'minDomains'), 1, MAX_INT, 1);
      if (when && when !== 'DoNotSchedule') report(out, child(path, 'minDomains'), 'minDomains may only be used with whenUnsatisfiable: DoNotSchedule',
        'remove minDomains or use DoNotSchedule');
    }
    checkEnum(out, c.nodeAffinityPolicy, child(path, 'nodeAffinityPolicy'), ['Honor', 'Ignore'], 'nodeAffinityPolicy');
    checkEnum(out, c.nodeTaintsPolicy, child(path, 'nodeTaintsPolicy'), ['Honor', 'Ignore'], 'nodeTaintsPolicy');
    checkLabelSelector(out, c.labelSelector, child(path, 'labelSelector'));
    const keys = readList(out, c.matchLabelKeys, child(path, 'matchLabelKeys'));
    if (keys) for (let j = 0; j < keys.length; j++) checkFormat(out, keys[j], index(child(path, 'matchLabelKeys'), j), QUALIFIED_NAME, 'label key');
  }
}

/** Checks `tolerations` of a pod spec (ValidateTolerations). */
export function checkTolerations(out: Findings, value: unknown, field: string): void {
  const tolerations = readList(out, value, field);
  if (!tolerations) return;
  for (let i = 0; i < tolerations.length; i++) {
    const path = index(field, i);
    const t = readRecord(out, tolerations[i], path);
    if (!t) continue;
    const key = readString(out, t.key, child(path, 'key'));
    if (key) checkFormat(out, key, child(path, 'key'), QUALIFIED_NAME, 'toleration key');
    // An empty operator means Equal; an empty effect matches every effect.
    const operator = t.operator === undefined || t.operator === null || t.operator === '' ? 'Equal'
      : checkEnum(out, t.operator, child(path, 'operator'), ['Equal', 'Exists'], 'operator');
    if (!key && operator === 'Equal') {
      report(out, child(path, 'operator'), "operator must be Exists when key is empty (an empty key matches every taint)", 'set operator: Exists, or name the key');
    }
    const tValue = readString(out, t.value, child(path, 'value'));
    // ValidateTolerations reports it on the operator.
    if (operator === 'Exists' && tValue) report(out, child(path, 'operator'), "value must be empty when operator is 'Exists'", 'remove value, or use operator: Equal');
    // ValidateTolerations names the operator for a malformed value too.
    if (operator === 'Equal' && tValue) checkFormat(out, tValue, child(path, 'operator'), LABEL_VALUE, 'toleration value');
    const effect = t.effect === '' ? undefined : checkEnum(out, t.effect, child(path, 'effect'), ['NoSchedule', 'PreferNoSchedule', 'NoExecute'], 'effect');
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) {
      readInt(out, t.tolerationSeconds, child(path, 'tolerationSeconds'), Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      if (effect !== 'NoExecute') report(out, child(path, 'effect'), "tolerationSeconds needs effect 'NoExecute'", 'set effect: NoExecute, or remove tolerationSeconds');
    }
  }
}

/** Checks a pod- or container-level securityContext's user and group ids (IsValidUserID / IsValidGroupID). */
export function checkSecurityContext(out: Findings, value: unknown, field: string): void {
  const context = readRecord(out, value, field);
  if (!context) return;
  for (const name of ['runAsUser', 'runAsGroup', 'fsGroup']) readInt(out, context[name], child(field, name), 0, MAX_INT, 1000);
  const groups = readList(out, context.supplementalGroups, child(field, 'supplementalGroups'));
  if (groups) for (let i = 0; i < groups.length; i++) readInt(out, groups[i], index(child(field, 'supplementalGroups'), i), 0, MAX_INT, 1000);
}

/** Findings for a pod's `affinity`. */
export function validateAffinity(affinity: unknown, field = 'affinity'): Findings {
  return findings((out) => checkAffinity(out, affinity, field));
}

/** Findings for a pod's `topologySpreadConstraints`. */
export function validateTopologySpreadConstraints(constraints: unknown, field = 'topologySpreadConstraints'): Findings {
  return findings((out) => checkTopologySpreadConstraints(out, constraints, field));
}
