import { checkPodDisruptionBudgetSpec } from '../../lib/validation/pdb';
import { findings } from '../../lib/validation/finding-list';

const check = (spec: unknown): string[] => findings((out) => checkPodDisruptionBudgetSpec(out, spec, 'spec')).map((f) => `${f.field}: ${f.problem}`);
const selector = { matchLabels: { app: 'web' } };

describe('checkPodDisruptionBudgetSpec (ValidatePodDisruptionBudgetSpec)', () => {
  test('no spec is one finding; a spec of the wrong type is only a type finding', () => {
    expect(check(undefined)).toEqual(['spec: the PodDisruptionBudget has no spec']);
    expect(check(null)).toEqual(['spec: the PodDisruptionBudget has no spec']);
    expect(check([])).toEqual(['spec: spec is a list (a list of 0), not an object']);
  });
  test('minAvailable and maxUnavailable: one, none, or both (refused); null is not set', () => {
    expect(check({ selector, maxUnavailable: 1 })).toEqual([]);
    expect(check({ selector, minAvailable: 1 })).toEqual([]);
    expect(check({ selector })).toEqual([]);
    expect(check({ selector, minAvailable: 1, maxUnavailable: null })).toEqual([]);
    expect(check({ selector, minAvailable: null, maxUnavailable: 1 })).toEqual([]);
    expect(check({ selector, minAvailable: 1, maxUnavailable: 1 })).toEqual(['spec: minAvailable and maxUnavailable are both set; a PodDisruptionBudget takes one of them']);
  });
  test('each one set is checked as an int-or-percent of at most 100%', () => {
    expect(check({ selector, minAvailable: '101%' })).toEqual(['spec.minAvailable: minAvailable "101%" is more than 100%']);
    expect(check({ selector, maxUnavailable: '101%' })).toEqual(['spec.maxUnavailable: maxUnavailable "101%" is more than 100%']);
    expect(check({ selector, minAvailable: -1, maxUnavailable: '200%' })).toEqual([
      'spec: minAvailable and maxUnavailable are both set; a PodDisruptionBudget takes one of them',
      'spec.minAvailable: minAvailable -1 is negative',
      'spec.maxUnavailable: maxUnavailable "200%" is more than 100%',
    ]);
  });
  test('the selector and the eviction policy', () => {
    expect(check({ selector: 'app=web', maxUnavailable: 1 })).toEqual([expect.stringMatching(/^spec\.selector: /)]);
    expect(check({ selector, maxUnavailable: 1, unhealthyPodEvictionPolicy: 'IfHealthyBudget' })).toEqual([]);
    expect(check({ selector, maxUnavailable: 1, unhealthyPodEvictionPolicy: 'Never' }))
      .toEqual(['spec.unhealthyPodEvictionPolicy: unhealthyPodEvictionPolicy "Never" is not supported']);
  });
});
