/**
 * Deployments and StatefulSets: apps/validation/validation.go ValidateDeploymentSpec,
 * ValidateDeploymentStrategy, ValidateRollingUpdateDeployment, ValidateStatefulSetSpec (1.27).
 */
import { checkEnum } from './enums';
import { Findings, report } from './finding-list';
import { checkIntOrPercent } from './int-or-percent';
import { labelSelectorOf, selectorMatches } from '../grammar/label-selector';
import { checkLabelSelector, checkLabels } from './metadata';
import { checkFormat, DNS1123_LABEL } from './names';
import { child, index } from '../grammar/field-path';
import { checkPodTemplate, PodFacts, PodRules } from './pod';
import { checkPersistentVolumeClaimSpec } from './storage';
import { Json, readInt, readList, readRecord, readBoolean } from './values';
import { isObject } from '../grammar/json';

const MAX_INT = 2147483647;
// apps/v1 SetDefaults_Deployment.
const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

/** Checks a selector that must be set, non-empty and select the template's labels. */
export function checkOwnedSelector(out: Findings, spec: Json, field: string, templateLabels: Json | undefined, owner: string): void {
  const selectorPath = child(field, 'selector');
  if (spec.selector === undefined || spec.selector === null) {
    report(out, selectorPath, `the ${owner} has no selector`, 'set selector.matchLabels to labels of the pod template, e.g. app.kubernetes.io/name: my-app');
    return;
  }
  const before = out.length;
  const selector = checkLabelSelector(out, spec.selector, selectorPath);
  // A malformed selector is reported once, not again as a mismatch.
  if (!selector || out.length > before) return;
  if (selector.empty) {
    // ValidateDeploymentSpec / ValidateStatefulSetSpec: "empty selector is invalid for deployment".
    report(out, selectorPath, `the ${owner}'s selector is empty, which would select every pod in the namespace`,
      'set selector.matchLabels to labels of the pod template');
    return;
  }
  // "`selector` does not match template `labels`" (a missing template is reported on its own).
  if (isObject(spec.template) && !selectorMatches(labelSelectorOf(spec.selector), templateLabels as Record<string, string> | undefined)) {
    report(out, child(child(child(field, 'template'), 'metadata'), 'labels'), `the selector does not match the pod template's labels, so the ${owner} would never see its own pods`,
      'make template.metadata.labels include every selector.matchLabels entry');
  }
}

/** Checks the fields shared by the pod controllers: replicas, minReadySeconds, revisionHistoryLimit. */
function checkCounts(out: Findings, spec: Json, field: string): number | undefined {
  readInt(out, spec.replicas, child(field, 'replicas'), 0, MAX_INT, 2);
  readInt(out, spec.revisionHistoryLimit, child(field, 'revisionHistoryLimit'), 0, MAX_INT, 10);
  return readInt(out, spec.minReadySeconds, child(field, 'minReadySeconds'), 0, MAX_INT, 5);
}

const DEPLOYMENT_TEMPLATE: PodRules = { restartPolicies: ['Always'], forbidActiveDeadline: true, owner: 'Deployment' };

/** Checks a Deployment's spec. */
export function checkDeploymentSpec(out: Findings, value: unknown, field: string): PodFacts | undefined {
  const spec = readRecord(out, value, field);
  if (!spec) {
    if (value === undefined || value === null) report(out, field, 'the Deployment has no spec', 'add spec.selector and spec.template');
    return undefined;
  }
  // minReadySeconds is a plain int32: unset, it is 0.
  const minReady = checkCounts(out, spec, field) ?? (spec.minReadySeconds === undefined || spec.minReadySeconds === null ? 0 : undefined);
  // ValidateDeploymentSpec: progressDeadlineSeconds ≥ 0 and greater than minReadySeconds. apps/v1
  // defaults it to 600 (SetDefaults_Deployment), so a minReadySeconds of 600 or more fails alone.
  const given = readInt(out, spec.progressDeadlineSeconds, child(field, 'progressDeadlineSeconds'), 0, MAX_INT, 600);
  const deadline = spec.progressDeadlineSeconds === undefined || spec.progressDeadlineSeconds === null ? DEFAULT_PROGRESS_DEADLINE_SECONDS : given;
  if (deadline !== undefined && minReady !== undefined && deadline >= 0 && deadline <= minReady) {
    const defaulted = deadline === DEFAULT_PROGRESS_DEADLINE_SECONDS && given === undefined;
    report(out, child(field, 'progressDeadlineSeconds'),
      `progressDeadlineSeconds ${deadline}${defaulted ? ' (the default)' : ''} is not greater than minReadySeconds ${minReady}, so every rollout would be reported as failed`,
      `set progressDeadlineSeconds above ${minReady}, e.g. ${Math.max(600, minReady + 60)}`);
  }
  readBoolean(out, spec.paused, child(field, 'paused'));
  checkDeploymentStrategy(out, spec.strategy, child(field, 'strategy'));
  const template = checkPodTemplate(out, spec.template, child(field, 'template'), DEPLOYMENT_TEMPLATE);
  checkOwnedSelector(out, spec, field, template.labels, 'Deployment');
  return template.facts;
}

/** Checks a Deployment's `strategy` (ValidateDeploymentStrategy, ValidateRollingUpdateDeployment). */
export function checkDeploymentStrategy(out: Findings, value: unknown, field: string): void {
  const strategy = readRecord(out, value, field);
  if (!strategy) return;
  // ValidateDeploymentStrategy reports an unknown type on the strategy.
  const type = checkEnum(out, strategy.type, field, ['Recreate', 'RollingUpdate'], 'strategy type');
  const rollingPath = child(field, 'rollingUpdate');
  if (type === 'Recreate' && strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null) {
    report(out, rollingPath, "rollingUpdate may not be set when the strategy type is 'Recreate'", "remove rollingUpdate, or use type: RollingUpdate");
    return;
  }
  const rolling = readRecord(out, strategy.rollingUpdate, rollingPath);
  if (!rolling) return;
  // ValidateRollingUpdateDeployment: both int-or-percent ≥ 0; maxUnavailable ≤ 100%, maxSurge may exceed it.
  const unavailable = checkIntOrPercent(out, rolling.maxUnavailable, child(rollingPath, 'maxUnavailable'), true);
  const surge = checkIntOrPercent(out, rolling.maxSurge, child(rollingPath, 'maxSurge'), false);
  // "may not be 0 when `maxSurge` is 0": the rollout could never make progress. Both default to 25%.
  if (unavailable === 0 && surge === 0) {
    report(out, child(rollingPath, 'maxUnavailable'), 'maxUnavailable and maxSurge are both 0, so the rollout can neither add nor remove a pod',
      'set maxSurge: 1 (keeps full capacity during the rollout)');
  }
}

/** Checks a StatefulSet's spec (ValidateStatefulSetSpec). */
export function checkStatefulSetSpec(out: Findings, value: unknown, field: string): PodFacts | undefined {
  const spec = readRecord(out, value, field);
  if (!spec) {
    if (value === undefined || value === null) report(out, field, 'the StatefulSet has no spec', 'add spec.selector, spec.serviceName and spec.template');
    return undefined;
  }
  checkCounts(out, spec, field);
  checkEnum(out, spec.podManagementPolicy, child(field, 'podManagementPolicy'), ['OrderedReady', 'Parallel'], 'podManagementPolicy');
  // ValidateStatefulSetSpec (1.34): a DNS-1123 label; every pod copies it into spec.subdomain.
  if (spec.serviceName !== undefined && spec.serviceName !== null && spec.serviceName !== '') {
    checkFormat(out, spec.serviceName, child(field, 'serviceName'), DNS1123_LABEL, 'serviceName');
  }
  const strategyPath = child(field, 'updateStrategy');
  const strategy = readRecord(out, spec.updateStrategy, strategyPath);
  if (strategy) {
    // ValidateStatefulSetUpdateStrategy names the strategy for an unknown type.
    const type = checkEnum(out, strategy.type, strategyPath, ['RollingUpdate', 'OnDelete'], 'updateStrategy type');
    const rollingPath = child(strategyPath, 'rollingUpdate');
    if (type === 'OnDelete' && strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null) {
      report(out, rollingPath, "rollingUpdate may not be set when the updateStrategy type is 'OnDelete'", 'remove rollingUpdate, or use type: RollingUpdate');
    } else {
      const rolling = readRecord(out, strategy.rollingUpdate, rollingPath);
      if (rolling) {
        readInt(out, rolling.partition, child(rollingPath, 'partition'), 0, MAX_INT, 0);
        // validateRollingUpdateStatefulSet (MaxUnavailableStatefulSet, alpha): int-or-percent ≤ 100%, not 0.
        // Without the gate the API server drops the field; 0 works nowhere, so it is reported either way.
        const max = checkIntOrPercent(out, rolling.maxUnavailable, child(rollingPath, 'maxUnavailable'), true);
        if (max === 0) report(out, child(rollingPath, 'maxUnavailable'), 'maxUnavailable 0 would never update a pod', 'use at least 1');
      }
    }
  }
  const retentionPath = child(field, 'persistentVolumeClaimRetentionPolicy');
  const retention = readRecord(out, spec.persistentVolumeClaimRetentionPolicy, retentionPath);
  if (retention) {
    for (const when of ['whenDeleted', 'whenScaled']) checkEnum(out, retention[when], child(retentionPath, when), ['Retain', 'Delete'], when);
  }
  // Claim templates first: each becomes a pod volume the containers may mount.
  const claimNames = new Set<string>();
  const claimsPath = child(field, 'volumeClaimTemplates');
  const claims = readList(out, spec.volumeClaimTemplates, claimsPath);
  if (claims) {
    for (let i = 0; i < claims.length; i++) {
      const path = index(claimsPath, i);
      const claim = readRecord(out, claims[i], path);
      if (!claim) continue;
      const meta = readRecord(out, claim.metadata, child(path, 'metadata'));
      // Each claim template becomes a pod volume, whose name must be a DNS-1123 label.
      const name = meta?.name;
      if (name === undefined || name === null || name === '') {
        report(out, child(child(path, 'metadata'), 'name'), 'the volume claim template has no name', 'set metadata.name, e.g. data, and mount it by that name');
      } else {
        checkFormat(out, name, child(child(path, 'metadata'), 'name'), DNS1123_LABEL, 'volume claim template name');
        // Known even when malformed, so a mount of it is not reported a second time.
        if (typeof name === 'string') claimNames.add(name);
      }
      if (meta) checkLabels(out, meta.labels, child(child(path, 'metadata'), 'labels'));
      checkPersistentVolumeClaimSpec(out, claim.spec, child(path, 'spec'));
    }
  }
  const template = checkPodTemplate(out, spec.template, child(field, 'template'),
    { restartPolicies: ['Always'], forbidActiveDeadline: true, owner: 'StatefulSet', extraVolumes: claimNames });
  checkOwnedSelector(out, spec, field, template.labels, 'StatefulSet');
  return template.facts;
}

