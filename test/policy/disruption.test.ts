import { allowedDisruptions, disruptionProblems } from '../../lib/policy/disruption';

test('allowed disruptions as the disruption controller counts them', () => {
  expect(allowedDisruptions({ maxUnavailable: 1 }, 3)).toBe(1);
  expect(allowedDisruptions({ maxUnavailable: '50%' }, 3)).toBe(2);
  expect(allowedDisruptions({ minAvailable: 2 }, 3)).toBe(1);
  expect(allowedDisruptions({ minAvailable: '50%' }, 3)).toBe(1);
  expect(allowedDisruptions({ minAvailable: 5 }, 3)).toBe(0);
  expect(allowedDisruptions({}, 3)).toBe(0);
});

test('problems: drains that hang, budgets that protect nothing, both or neither field', () => {
  expect(disruptionProblems({ maxUnavailable: 1 }, 3)).toEqual([]);
  expect(disruptionProblems({ minAvailable: 3 }, 3)[0].problem).toMatch(/every node drain would hang/);
  expect(disruptionProblems({ maxUnavailable: 0 }, 3)[0].problem).toMatch(/allows no disruption/);
  expect(disruptionProblems({ maxUnavailable: 3 }, 3)[0].problem).toMatch(/protects nothing/);
  expect(disruptionProblems({ maxUnavailable: 1 }, 1)).toEqual([]);
  expect(disruptionProblems({ minAvailable: 1, maxUnavailable: 1 }, 3)[0].problem).toMatch(/both set/);
  expect(disruptionProblems({}, 3)[0].problem).toMatch(/neither/);
  expect(disruptionProblems({ maxUnavailable: '1.5' }, 3)[0].problem).toMatch(/percentage/);
});
