/**
 * HorizontalPodAutoscalers (autoscaling/v2): autoscaling/validation/validation.go
 * validateHorizontalPodAutoscalerSpec, ValidateCrossVersionObjectReference, validateMetrics,
 * validateMetricSpec, validateMetricTarget, validateBehavior, validateScalingRules,
 * validateScalingPolicy (1.27).
 */
import { checkEnum } from './enums';
import { Findings, findings, report } from './finding-list';
import { checkFormat, DNS1123_LABEL, PATH_SEGMENT } from './names';
import { child, index } from '../grammar/field-path';
import { checkQuantity } from './quantity';
import { Json, readInt, readList, readRecord } from './values';

// MaxPeriodSeconds and MaxStabilizationWindowSeconds.
export const MAX_PERIOD_SECONDS = 1800;
export const MAX_STABILIZATION_WINDOW_SECONDS = 3600;
const MAX_INT = 2147483647;
const METRIC_TYPES = ['Object', 'Pods', 'Resource', 'External', 'ContainerResource'];
const SOURCE_FIELDS: Record<string, string> = { Object: 'object', Pods: 'pods', Resource: 'resource', External: 'external', ContainerResource: 'containerResource' };
const SOURCE_FIELD_NAMES = Object.values(SOURCE_FIELDS);

/** ValidateCrossVersionObjectReference: kind and name required, valid path segments. */
function checkObjectReference(out: Findings, value: unknown, field: string): void {
  const ref = readRecord(out, value, field);
  if (!ref) {
    if (value === undefined || value === null) report(out, field, `${field.slice(field.lastIndexOf('.') + 1)} is missing`,
      'name the workload: { apiVersion: apps/v1, kind: Deployment, name: web }');
    return;
  }
  for (const name of ['kind', 'name']) {
    if (ref[name] === undefined || ref[name] === null || ref[name] === '') report(out, child(field, name), `${name} is missing`,
      name === 'kind' ? 'set kind, e.g. Deployment' : 'set the workload name');
    else checkFormat(out, ref[name], child(field, name), PATH_SEGMENT, name);
  }
}

/** validateMetricTarget plus the per-source rules on which target fields must be set. */
function checkTarget(out: Findings, value: unknown, field: string, source: string): void {
  const target = readRecord(out, value, field);
  if (!target) {
    report(out, field, 'the metric has no target', 'set target, e.g. { type: Utilization, averageUtilization: 70 }');
    return;
  }
  if (target.type === undefined || target.type === null || target.type === '') report(out, child(field, 'type'), 'target type is missing',
    'set type: Utilization, Value or AverageValue');
  else checkEnum(out, target.type, child(field, 'type'), ['Utilization', 'Value', 'AverageValue'], 'target type');
  // Value and averageValue must be positive; averageUtilization at least 1.
  const has = (k: string): boolean => target[k] !== undefined && target[k] !== null;
  for (const k of ['value', 'averageValue']) {
    if (has(k)) checkQuantity(out, target[k], child(field, k), k, { positive: true, example: '500m' });
  }
  if (has('averageUtilization')) readInt(out, target.averageUtilization, child(field, 'averageUtilization'), 1, MAX_INT, 70);
  if (source === 'resource' || source === 'containerResource') {
    // validateResourceSource: utilization or raw value, not both.
    if (!has('averageUtilization') && !has('averageValue')) report(out, child(field, 'averageUtilization'), 'a resource metric needs averageUtilization or averageValue',
      'e.g. averageUtilization: 70');
    if (has('averageUtilization') && has('averageValue')) report(out, child(field, 'averageValue'), 'averageUtilization and averageValue may not both be set', 'keep one');
  } else if (source === 'pods') {
    if (!has('averageValue')) report(out, child(field, 'averageValue'), 'a pods metric needs a positive averageValue', 'e.g. averageValue: "100"');
  } else if (source === 'object') {
    if (!has('value') && !has('averageValue')) report(out, child(field, 'averageValue'), 'an object metric needs value or averageValue', 'e.g. value: "100"');
  } else if (source === 'external') {
    if (!has('value') && !has('averageValue')) report(out, child(field, 'averageValue'), 'an external metric needs value or averageValue', 'e.g. averageValue: "30"');
    if (has('value') && has('averageValue')) report(out, child(field, 'value'), 'value and averageValue may not both be set', 'keep one');
  }
}

/** validateMetricIdentifier: name required, a valid path segment. */
function checkMetricIdentifier(out: Findings, value: unknown, field: string): void {
  const metric = readRecord(out, value, field);
  if (!metric || metric.name === undefined || metric.name === null || metric.name === '') {
    report(out, child(field, 'name'), 'the metric has no name', 'set metric.name, e.g. requests-per-second');
    return;
  }
  checkFormat(out, metric.name, child(field, 'name'), PATH_SEGMENT, 'metric name');
}

function checkMetric(out: Findings, metric: Json, path: string): string | undefined {
  // validateMetricSpec: type required and known; only its source populated.
  if (metric.type === undefined || metric.type === null || metric.type === '') {
    report(out, child(path, 'type'), 'the metric has no type', 'set type: Resource (with resource: { name: cpu, target: ... })');
    return undefined;
  }
  const type = checkEnum(out, metric.type, child(path, 'type'), METRIC_TYPES, 'metric type');
  if (!type) return undefined;
  const expected = SOURCE_FIELDS[type];
  for (const other of SOURCE_FIELD_NAMES) {
    if (other !== expected && metric[other] !== undefined && metric[other] !== null) {
      report(out, child(path, other), `${other} is set on a metric of type ${type}`, `remove ${other}, or set type to match it`);
    }
  }
  const sourcePath = child(path, expected);
  const source = readRecord(out, metric[expected], sourcePath);
  if (!source) {
    if (metric[expected] === undefined || metric[expected] === null) report(out, sourcePath, `a ${type} metric needs ${expected}`,
      `add ${expected} with the metric and its target`);
    return type;
  }
  switch (expected) {
    case 'resource':
    case 'containerResource':
      // validateResourceSource: name required (cpu, memory, ...); containerResource also names a container (DNS label).
      if (source.name === undefined || source.name === null || source.name === '') report(out, child(sourcePath, 'name'), 'the resource metric has no resource name',
        'set name: cpu or name: memory');
      if (expected === 'containerResource') {
        if (source.container === undefined || source.container === null || source.container === '') report(out, child(sourcePath, 'container'),
          'the container resource metric names no container', 'set container to the container name');
        else checkFormat(out, source.container, child(sourcePath, 'container'), DNS1123_LABEL, 'container');
      }
      break;
    case 'object':
      checkObjectReference(out, source.describedObject, child(sourcePath, 'describedObject'));
      checkMetricIdentifier(out, source.metric, child(sourcePath, 'metric'));
      break;
    default:
      checkMetricIdentifier(out, source.metric, child(sourcePath, 'metric'));
  }
  checkTarget(out, source.target, child(sourcePath, 'target'), expected);
  return type;
}

/** validateScalingRules and validateScalingPolicy for scaleUp or scaleDown. */
function checkScalingRules(out: Findings, value: unknown, field: string): void {
  const rules = readRecord(out, value, field);
  if (!rules) return;
  // stabilizationWindowSeconds in [0, MaxStabilizationWindowSeconds].
  readInt(out, rules.stabilizationWindowSeconds, child(field, 'stabilizationWindowSeconds'), 0, MAX_STABILIZATION_WINDOW_SECONDS, 300);
  checkEnum(out, rules.selectPolicy, child(field, 'selectPolicy'), ['Max', 'Min', 'Disabled'], 'selectPolicy');
  const policiesPath = child(field, 'policies');
  const policies = readList(out, rules.policies, policiesPath);
  // Unset policies are defaulted; an explicitly empty list is "must specify at least one Policy".
  if (policies && policies.length === 0) report(out, policiesPath, 'policies is an empty list',
    'remove policies to get the defaults, or add e.g. { type: Pods, value: 1, periodSeconds: 60 }');
  if (!policies) return;
  for (let i = 0; i < policies.length; i++) {
    const path = index(policiesPath, i);
    const policy = readRecord(out, policies[i], path);
    if (!policy) continue;
    if (policy.type === undefined || policy.type === null) report(out, child(path, 'type'), 'the policy has no type', 'set type: Pods or Percent');
    else checkEnum(out, policy.type, child(path, 'type'), ['Pods', 'Percent'], 'policy type');
    if (policy.value === undefined || policy.value === null) report(out, child(path, 'value'), 'the policy has no value', 'set value, e.g. 1');
    else readInt(out, policy.value, child(path, 'value'), 1, MAX_INT, 1);
    if (policy.periodSeconds === undefined || policy.periodSeconds === null) report(out, child(path, 'periodSeconds'), 'the policy has no periodSeconds',
      'set periodSeconds, e.g. 60');
    else readInt(out, policy.periodSeconds, child(path, 'periodSeconds'), 1, MAX_PERIOD_SECONDS, 60);
  }
}

/** Checks an HPA spec. */
export function checkHorizontalPodAutoscalerSpec(out: Findings, value: unknown, field: string): void {
  const spec = readRecord(out, value, field);
  if (!spec) {
    if (value === undefined || value === null) report(out, field, 'the HorizontalPodAutoscaler has no spec', 'add scaleTargetRef, minReplicas, maxReplicas and metrics');
    return;
  }
  // minReplicas ≥ 1 (HPAScaleToZero is alpha in 1.27); maxReplicas ≥ 1 and ≥ minReplicas.
  const min = readInt(out, spec.minReplicas, child(field, 'minReplicas'), 1, MAX_INT, 2);
  let max: number | undefined;
  if (spec.maxReplicas === undefined || spec.maxReplicas === null) {
    report(out, child(field, 'maxReplicas'), 'maxReplicas is missing', 'set maxReplicas, e.g. 10');
  } else {
    max = readInt(out, spec.maxReplicas, child(field, 'maxReplicas'), 1, MAX_INT, 10);
  }
  if (min !== undefined && max !== undefined && max >= 1 && min >= 1 && max < min) {
    report(out, child(field, 'maxReplicas'), `maxReplicas ${max} is below minReplicas ${min}`, `set maxReplicas to at least ${min}`);
  }
  checkObjectReference(out, spec.scaleTargetRef, child(field, 'scaleTargetRef'));
  const metricsPath = child(field, 'metrics');
  const metrics = readList(out, spec.metrics, metricsPath);
  if (metrics) {
    for (let i = 0; i < metrics.length; i++) {
      const metric = readRecord(out, metrics[i], index(metricsPath, i));
      if (metric) checkMetric(out, metric, index(metricsPath, i));
    }
  }
  const behavior = readRecord(out, spec.behavior, child(field, 'behavior'));
  if (behavior) {
    checkScalingRules(out, behavior.scaleUp, child(child(field, 'behavior'), 'scaleUp'));
    checkScalingRules(out, behavior.scaleDown, child(child(field, 'behavior'), 'scaleDown'));
  }
}

/** Findings for an HPA spec. */
export function validateHorizontalPodAutoscalerSpec(spec: unknown, field = 'spec'): Findings {
  return findings((out) => checkHorizontalPodAutoscalerSpec(out, spec, field));
}
