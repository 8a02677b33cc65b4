import { fixedReplicaRangeProblem } from '../../lib/policy/autoscaling';

test('a replica range that cannot scale: maxReplicas equal to minReplicas', () => {
  expect(fixedReplicaRangeProblem(3, 3)).toEqual({
    field: 'maxReplicas',
    problem: 'maxReplicas 3 equals minReplicas, so the autoscaler can never scale',
    fix: 'raise maxReplicas above minReplicas, or drop the autoscaler and set a fixed replica count',
  });
});

test('a range that can scale passes; one with maxReplicas below minReplicas is left to the API server rule', () => {
  expect(fixedReplicaRangeProblem(3, 4)).toBeUndefined();
  expect(fixedReplicaRangeProblem(3, 2)).toBeUndefined();
});
