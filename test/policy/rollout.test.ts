import { peakPodsWithTerminating, rollingUpdateProblems, rolloutArithmetic, rolloutSecondsLowerBound, secondsToReady } from '../../lib/policy/rollout';

test('fence posts: surge rounds up, unavailable rounds down, 0/0 becomes unavailable 1', () => {
  expect(rolloutArithmetic({ replicas: 3, maxSurge: 1, maxUnavailable: 0 })).toEqual({ surge: 1, unavailable: 0, peakPods: 4, minReadyPods: 3, waves: 3 });
  expect(rolloutArithmetic({ replicas: 10, maxSurge: '25%', maxUnavailable: '25%' })).toEqual({ surge: 3, unavailable: 2, peakPods: 13, minReadyPods: 8, waves: 2 });
  expect(rolloutArithmetic({ replicas: 3, maxSurge: '0%', maxUnavailable: '25%' })).toMatchObject({ surge: 0, unavailable: 1 });
  expect(rolloutArithmetic({ replicas: 0, maxSurge: 1, maxUnavailable: 0 }).waves).toBe(0);
});

test('problems: both zero, all down, bad format', () => {
  expect(rollingUpdateProblems({ replicas: 3, maxSurge: 1, maxUnavailable: 0 })).toEqual([]);
  expect(rollingUpdateProblems({ replicas: 3, maxSurge: 0, maxUnavailable: 0 }).map((p) => p.field)).toEqual(['maxSurge']);
  expect(rollingUpdateProblems({ replicas: 4, maxSurge: 1, maxUnavailable: '100%' }).map((p) => p.field)).toEqual(['maxUnavailable']);
  expect(rollingUpdateProblems({ replicas: 1, maxSurge: 0, maxUnavailable: 1 })).toEqual([]);
  expect(rollingUpdateProblems({ replicas: 3, maxSurge: 'one', maxUnavailable: 0 })[0].problem).toMatch(/percentage/);
});

test('rollout duration lower bound from the probe timings', () => {
  const readiness = { initialDelaySeconds: 10, periodSeconds: 5, successThreshold: 3 };
  expect(secondsToReady(readiness, { initialDelaySeconds: 20, periodSeconds: 5, successThreshold: 1 })).toBe(30);
  expect(secondsToReady(readiness, undefined)).toBe(20);
  expect(secondsToReady(undefined, undefined)).toBe(0);
  expect(rolloutSecondsLowerBound(3, 20, 5)).toBe(75);
});

test('peak pods with the draining ones: old pods overlap while their preStop runs', () => {
  const defaults = rolloutArithmetic({ replicas: 3, maxSurge: 1, maxUnavailable: 0 });
  // 5 s waves against a 30 s grace period: every old pod may still drain when the last new one is Ready.
  expect(peakPodsWithTerminating(defaults, 3, 5, 30)).toBe(6);
  // Waves longer than the grace period: one old pod drains at a time.
  expect(peakPodsWithTerminating(defaults, 3, 40, 30)).toBe(5);
  // No wait between waves at all (no readiness timing, no minReadySeconds): bounded by the replicas.
  expect(peakPodsWithTerminating(defaults, 3, 0, 30)).toBe(6);
  // ... with no grace period either: still bounded by the replicas (0 seconds per wave is not divided by).
  expect(peakPodsWithTerminating(defaults, 3, 0, 0)).toBe(6);
  const wide = rolloutArithmetic({ replicas: 10, maxSurge: '25%', maxUnavailable: '25%' });
  expect(peakPodsWithTerminating(wide, 10, 10, 30)).toBe(20);
  expect(peakPodsWithTerminating(wide, 10, 100, 30)).toBe(18);
});
