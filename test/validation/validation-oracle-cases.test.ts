/**
 * Our side of the agreement cases with the real API server (test/cluster/validation-oracle.test.ts):
 * each case's bad object is reported by the rule it names, at its field; each near miss and each
 * base object passes; every rule of lib/validation has a case or a reason it cannot be asked.
 */
import { validateObject } from '../../lib/validation';
import { BASES, CASES, DISAGREEMENTS, NOT_ASKED, ORACLE_VERSION, REMOVED_RULES } from './oracle-cases';
import { validationRules } from './rules';

const validate = (obj: unknown) => validateObject(obj, { kubernetesVersion: ORACLE_VERSION });

test.each(Object.entries(BASES))('the base %s is valid', (_, base) => {
  expect(validate(base())).toEqual([]);
});

describe.each(CASES.map((c, i) => [`${i} ${c.rule.id} (${c.title})`, c] as const))('%s', (_, c) => {
  test('the bad object is reported by its rule at its field', () => {
    const findings = validate(c.bad());
    expect(findings.filter((f) => f.field === c.field && c.rule.pattern.test(f.problem))).not.toEqual([]);
  });
  test('the near miss passes', () => {
    expect(validate(c.good())).toEqual([]);
  });
});

test('every rule has an agreement case or a reason it cannot be asked', () => {
  const covered = new Set([...CASES.map((c) => c.rule.id), ...Object.keys(NOT_ASKED)]);
  expect(validationRules().map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
});

test('no case names a rule twice over as asked and not asked', () => {
  expect(CASES.filter((c) => c.rule.id in NOT_ASKED).map((c) => c.rule.id)).toEqual([]);
});

test('every resolved disagreement still has a case (or a reason it cannot be asked), and every removed rule is gone', () => {
  const asked = new Set([...CASES.map((c) => c.rule.id), ...Object.keys(NOT_ASKED)]);
  expect(DISAGREEMENTS.filter((d) => !asked.has(d.rule.id)).map((d) => d.rule.id)).toEqual([]);
  const ids = validationRules().map((r) => r.id);
  expect(REMOVED_RULES.filter((r) => ids.includes(r.rule)).map((r) => r.rule)).toEqual([]);
});
