import { endpointPropagationProblem, shutdownProblems } from '../../lib/policy/shutdown';

test('grace period must exceed preStop by the shutdown budget', () => {
  expect(shutdownProblems({ preStopSeconds: 20, terminationGracePeriodSeconds: 30, shutdownBudgetSeconds: 10 })).toEqual([]);
  expect(shutdownProblems({ preStopSeconds: 10, terminationGracePeriodSeconds: 10, shutdownBudgetSeconds: 5 })[0].problem).toMatch(/the moment the sleep ends/);
  expect(shutdownProblems({ preStopSeconds: 40, terminationGracePeriodSeconds: 30, shutdownBudgetSeconds: 5 })[0].problem).toMatch(/before the sleep ends/);
  expect(shutdownProblems({ preStopSeconds: 20, terminationGracePeriodSeconds: 25, shutdownBudgetSeconds: 10 })[0].fix).toMatch(/at least 30/);
});

test('preStop must outlast endpoint propagation', () => {
  expect(endpointPropagationProblem(5)).toBeUndefined();
  expect(endpointPropagationProblem(3)).toMatch(/shorter than the 5s/);
  expect(endpointPropagationProblem(8, 10)).toMatch(/shorter than the 10s/);
});
