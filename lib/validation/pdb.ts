/**
 * PodDisruptionBudgets (policy/v1): policy/validation/validation.go ValidatePodDisruptionBudgetSpec (1.27).
 */
import { checkEnum } from './enums';
import { Findings, findings, report } from './finding-list';
import { checkIntOrPercent } from './int-or-percent';
import { checkLabelSelector } from './metadata';
import { child } from '../grammar/field-path';
import { readRecord } from './values';

/** Checks a PDB spec. */
export function checkPodDisruptionBudgetSpec(out: Findings, value: unknown, field: string): void {
  const spec = readRecord(out, value, field);
  if (!spec) {
    // Not an API rule: accepted, but a budget without a selector protects no pod.
    if (value === undefined || value === null) report(out, field, 'the PodDisruptionBudget has no spec', 'add spec.selector and spec.maxUnavailable (or minAvailable)');
    return;
  }
  const hasMin = spec.minAvailable !== undefined && spec.minAvailable !== null;
  const hasMax = spec.maxUnavailable !== undefined && spec.maxUnavailable !== null;
  // "minAvailable and maxUnavailable cannot be both set".
  if (hasMin && hasMax) {
    report(out, field, 'minAvailable and maxUnavailable are both set; a PodDisruptionBudget takes one of them',
      'keep maxUnavailable (it keeps working when the workload scales) and remove minAvailable');
  }
  // ValidatePositiveIntOrPercent + IsNotMoreThan100Percent for each (an unset one is not checked).
  checkIntOrPercent(out, spec.minAvailable, child(field, 'minAvailable'), true);
  checkIntOrPercent(out, spec.maxUnavailable, child(field, 'maxUnavailable'), true);
  checkLabelSelector(out, spec.selector, child(field, 'selector'));
  checkEnum(out, spec.unhealthyPodEvictionPolicy, child(field, 'unhealthyPodEvictionPolicy'), ['IfHealthyBudget', 'AlwaysAllow'], 'unhealthyPodEvictionPolicy');
}

/** Findings for a PodDisruptionBudget spec. */
export function validatePodDisruptionBudgetSpec(spec: unknown, field = 'spec'): Findings {
  return findings((out) => checkPodDisruptionBudgetSpec(out, spec, field));
}
