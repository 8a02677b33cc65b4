import { isSingleAttach, multiAttachProblem } from '../../lib/policy/volumes';
import { wholeNumberProblem } from '../../lib/grammar/finding';

test('single-attach access modes', () => {
  expect(isSingleAttach('ReadWriteOnce')).toBe(true);
  expect(isSingleAttach('ReadWriteOncePod')).toBe(true);
  expect(isSingleAttach('ReadWriteMany')).toBe(false);
  expect(isSingleAttach('ReadOnlyMany')).toBe(false);
  expect(isSingleAttach(undefined)).toBe(false);
});

test('Multi-Attach: a surge names the rollout as the cause', () => {
  const problem = multiAttachProblem('ReadWriteOnce', 1, 1);
  expect(problem).toContain('ReadWriteOnce attaches to one node');
  expect(problem).toContain('maxSurge 1 starts the new pod');
  expect(problem).not.toContain('replicas share it');
  expect(multiAttachProblem('ReadWriteOncePod', 2, 1)).toContain('maxSurge 2');
});

test('Multi-Attach: without a surge, only more than one pod is a problem, and the replicas are the cause', () => {
  expect(multiAttachProblem('ReadWriteOnce', 0, 1)).toBeUndefined();
  expect(multiAttachProblem('ReadWriteOnce', 0, 0)).toBeUndefined();
  const problem = multiAttachProblem('ReadWriteOnce', 0, 2);
  expect(problem).toContain('2 replicas share it');
  expect(problem).not.toContain('maxSurge');
});

test('Multi-Attach: a many-attach claim is never a problem', () => {
  expect(multiAttachProblem('ReadWriteMany', 1, 3)).toBeUndefined();
  expect(multiAttachProblem(undefined, 1, 3)).toBeUndefined();
});

test('wholeNumberProblem: a whole number at or above the minimum', () => {
  expect(wholeNumberProblem(1, 1)).toBeUndefined();
  expect(wholeNumberProblem(2, 1)).toBeUndefined();
  expect(wholeNumberProblem(0, 1)).toBe('0 is below the minimum of 1');
  expect(wholeNumberProblem(1.5, 1)).toBe('1.5 is not a whole number');
  expect(wholeNumberProblem('1', 1)).toBe('"1" is not a whole number');
  expect(wholeNumberProblem(undefined, 0)).toBe('undefined is not a whole number');
});
