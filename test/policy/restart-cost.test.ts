import { singleInstanceRestartCost, startupBudgetSeconds } from '../../lib/policy/restart-cost';

test('the startup budget is initial delay + period x failure threshold, with the Kubernetes defaults', () => {
  expect(startupBudgetSeconds({ initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 30 })).toBe(305);
  expect(startupBudgetSeconds({})).toBe(30);
  expect(startupBudgetSeconds(undefined)).toBeUndefined();
});

test('the restart cost names the grace period, the volume move and the startup budget', () => {
  expect(singleInstanceRestartCost(60,
    { periodSeconds: 10, failureThreshold: 30 })).toBe('single instance, no replica to fail over to: a restart, drain or upgrade is an outage of up to 60s grace + volume ' +
      'detach/attach when the pod moves + startup (up to 300s by its startup probe)');
  expect(singleInstanceRestartCost(30, undefined)).toMatch(/30s grace .* \+ startup$/);
});
