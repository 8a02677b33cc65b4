import { findings, report, withCode } from '../../lib/validation/finding-list';

test('findings returns what the check appended, in order, on a fresh list each call', () => {
  const check = (out: Parameters<Parameters<typeof findings>[0]>[0]) => { report(out, 'a', 'p1', 'f1'); report(out, 'b', 'p2', 'f2'); };
  expect(findings(check)).toEqual([{ field: 'a', problem: 'p1', fix: 'f1' }, { field: 'b', problem: 'p2', fix: 'f2' }]);
  expect(findings(check)).toHaveLength(2);
  expect(findings(() => undefined)).toEqual([]);
});

test('withCode gives a code to the findings its check appends, and to no earlier one', () => {
  const out = findings((o) => {
    report(o, 'before', 'p', 'f');
    withCode(o, 'probe-timing', () => report(o, 'inside', 'p', 'f'));
  });
  expect(out).toStrictEqual([{ field: 'before', problem: 'p', fix: 'f' }, { field: 'inside', problem: 'p', fix: 'f', code: 'probe-timing' }]);
});
