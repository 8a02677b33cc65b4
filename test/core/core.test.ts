import { ConfigurationError, PropChecker } from '../../lib/core/configuration-error';
import { selectorLabels, standardLabels } from '../../lib/core/labels';

test('selector labels are the stable identity only; standard labels add part-of and managed-by', () => {
  const id = { name: 'wordpress', instance: 'blog', component: 'frontend', partOf: 'wordpress' };
  expect(selectorLabels(id)).toEqual({ 'app.kubernetes.io/name': 'wordpress', 'app.kubernetes.io/instance': 'blog', 'app.kubernetes.io/component': 'frontend' });
  expect(standardLabels(id)).toEqual({ ...selectorLabels(id), 'app.kubernetes.io/part-of': 'wordpress', 'app.kubernetes.io/managed-by': 'cdk8s' });
  expect(selectorLabels({ name: 'a', instance: 'b' })).toEqual({ 'app.kubernetes.io/name': 'a', 'app.kubernetes.io/instance': 'b' });
});

test('PropChecker collects every problem and throws one ConfigurationError naming each prop, value and fix', () => {
  const check = new PropChecker();
  check.throwIfAny('Nothing');
  check.wholeNumber('a', 1.5, 0);
  check.wholeNumber('b', 2, 0);
  check.addFindingsAt([{ field: 'limits.cpu', problem: 'is low', fix: 'raise it' }], 'resources', { limits: { cpu: '1m' } });
  let error: ConfigurationError | undefined;
  try { check.throwIfAny('Thing "x"'); } catch (e) { error = e as ConfigurationError; }
  expect(error).toBeInstanceOf(ConfigurationError);
  expect(error!.problems.map((p) => [p.prop, p.value])).toEqual([['a', 1.5], ['resources.limits.cpu', '1m']]);
  expect(error!.message).toBe(
    '2 problems in 1 construct; nothing was written.\n\nThing "x": 2 invalid props\n'
      + '  - a = 1.5: 1.5 is not a whole number. Fix: use a whole number of at least 0.\n  - resources.limits.cpu = "1m": is low. Fix: raise it.',
  );
});

