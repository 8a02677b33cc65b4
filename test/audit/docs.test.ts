import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES, audit, loadManifests } from '../../lib/analysis';
import { documentationRow, Rule } from '../../lib/audit/rule';
import { FIXTURES, shopWith } from './fixtures';

const ROOT = path.join(__dirname, '..', '..');

test('docs/audit.md\'s rule table is the registry, row for row, with the cases that are only warnings', () => {
  const lines = fs.readFileSync(path.join(ROOT, 'docs', 'audit.md'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('| rule | severity |')) + 2;
  const rows = lines.slice(start).filter((_, i, all) => all.slice(0, i + 1).every((l) => l.startsWith('| `')));
  expect(rows).toEqual(ALL_RULES.map(documentationRow));
  expect(rows.find((r) => r.startsWith('| `recreate-strategy` |'))).toBe(
    '| `recreate-strategy` | error | strategy Recreate stops every pod before any new one starts: each rollout is an outage. '
    + '(a warning for a single replica, which min-replicas already reports) |');
});

test('a documentation row shows the cross-object and warningWhen notes only when the rule has them', () => {
  const rule = (extra: Partial<Rule>): Rule => ({ id: 'r', severity: 'error', summary: 'S.', check: () => [], ...extra });
  expect(documentationRow(rule({}))).toBe('| `r` | error | S. |');
  expect(documentationRow(rule({ crossObject: true }))).toBe('| `r` | error | S. (cross-object: a warning unless `--complete`) |');
  expect(documentationRow(rule({ warningWhen: 'for X' }))).toBe('| `r` | error | S. (a warning for X) |');
});

test('an error rule whose findings can be warnings says when, so its documentation matches what it reports', () => {
  const singleRecreate = shopWith((get, all) => {
    all.splice(all.indexOf(get('HorizontalPodAutoscaler')), 1);
    get('Deployment').spec.replicas = 1;
    get('Deployment').spec.strategy = { type: 'Recreate' };
  });
  const inputs = [singleRecreate, loadManifests([path.join(FIXTURES, 'broken')]).manifests];
  const lowered = new Set<string>();
  for (const manifests of inputs) {
    for (const v of audit(manifests, { complete: true }).violations) {
      const rule = ALL_RULES.find((r) => r.id === v.ruleId);
      if (rule?.severity === 'error' && v.severity === 'warning') lowered.add(rule.id);
    }
  }
  expect([...lowered]).toContain('recreate-strategy');
  for (const id of lowered) expect([id, ALL_RULES.find((r) => r.id === id)!.warningWhen]).toEqual([id, expect.any(String)]);
});
