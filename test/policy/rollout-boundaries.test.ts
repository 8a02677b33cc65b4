import { rollingUpdateProblems, rolloutArithmetic, rolloutArithmeticIfWellFormed } from '../../lib/policy/rollout';
import { disruptionProblems } from '../../lib/policy/disruption';
import { shutdownProblems } from '../../lib/policy/shutdown';

test('10% of 3 replicas: maxSurge rounds up to 1, maxUnavailable rounds down to 0', () => {
  expect(rolloutArithmetic({ replicas: 3, maxSurge: '10%', maxUnavailable: '10%' })).toMatchObject({ surge: 1, unavailable: 0, peakPods: 4, minReadyPods: 3 });
  expect(rollingUpdateProblems({ replicas: 3, maxSurge: '10%', maxUnavailable: 0 })).toEqual([]);
  expect(rollingUpdateProblems({ replicas: 3, maxSurge: 0, maxUnavailable: '10%' }).map((p) => p.field)).toEqual(['maxSurge']);
});

test('maxUnavailable is raised to 1 only when both come to 0', () => {
  expect(rolloutArithmetic({ replicas: 4, maxSurge: 0, maxUnavailable: 0 })).toMatchObject({ surge: 0, unavailable: 1, waves: 4 });
  expect(rolloutArithmetic({ replicas: 4, maxSurge: 0, maxUnavailable: 2 })).toMatchObject({ surge: 0, unavailable: 2, waves: 2 });
  expect(rolloutArithmetic({ replicas: 4, maxSurge: 1, maxUnavailable: 0 })).toMatchObject({ surge: 1, unavailable: 0, waves: 4 });
  expect(rolloutArithmetic({ replicas: 0, maxSurge: 1, maxUnavailable: 0 })).toMatchObject({ waves: 0, minReadyPods: 0 });
});

test('rolloutArithmeticIfWellFormed: undefined when either field is malformed; maxSurge may exceed 100%', () => {
  expect(rolloutArithmeticIfWellFormed({ replicas: 2, maxSurge: '150%', maxUnavailable: 0 })).toMatchObject({ surge: 3, unavailable: 0 });
  expect(rolloutArithmeticIfWellFormed({ replicas: 2, maxSurge: 'lots', maxUnavailable: 0 })).toBeUndefined();
  expect(rolloutArithmeticIfWellFormed({ replicas: 2, maxSurge: 1, maxUnavailable: '150%' })).toBeUndefined();
  expect(rolloutArithmeticIfWellFormed({ replicas: 2, maxSurge: 1, maxUnavailable: -1 })).toBeUndefined();
});

test('disruption problems name the field that is set', () => {
  expect(disruptionProblems({ minAvailable: 3 }, 3)[0].field).toBe('minAvailable');
  expect(disruptionProblems({ minAvailable: 3 }, 3)[0].problem).toContain('minAvailable 3 allows no disruption at 3 replicas');
  expect(disruptionProblems({ maxUnavailable: 0 }, 3)[0].field).toBe('maxUnavailable');
  expect(disruptionProblems({ maxUnavailable: 0 }, 3)[0].problem).toContain('maxUnavailable 0 allows no disruption');
  expect(disruptionProblems({ minAvailable: 0 }, 3)[0].problem).toContain('minAvailable 0 lets a drain evict all 3 replicas');
});

test('shutdown: preStop equal to grace is refused, with a fix of preStop plus at least one second', () => {
  const [equal] = shutdownProblems({ preStopSeconds: 10, terminationGracePeriodSeconds: 10, shutdownBudgetSeconds: 0 });
  expect(equal.problem).toContain('the moment the sleep ends');
  expect(equal.fix).toBe('set terminationGracePeriodSeconds to at least 11 (preStop + shutdown budget)');
  const [above] = shutdownProblems({ preStopSeconds: 12, terminationGracePeriodSeconds: 10, shutdownBudgetSeconds: 5 });
  expect(above.problem).toContain('before the sleep ends');
  expect(above.fix).toBe('set terminationGracePeriodSeconds to at least 17 (preStop + shutdown budget)');
  const [short] = shutdownProblems({ preStopSeconds: 5, terminationGracePeriodSeconds: 8, shutdownBudgetSeconds: 10 });
  expect(short.problem).toBe('terminationGracePeriodSeconds 8 leaves 3s after the 5s preStop sleep, less than the 10s shutdown budget');
  expect(shutdownProblems({ preStopSeconds: 5, terminationGracePeriodSeconds: 15, shutdownBudgetSeconds: 10 })).toEqual([]);
});
