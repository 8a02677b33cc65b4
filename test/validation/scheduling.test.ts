import { validateAffinity, validateTopologySpreadConstraints } from '../../lib/validation';
import { deployment, expectClean, expectOne, withField } from './helpers';

const S = 'spec.template.spec';
const set = (path: string, value: unknown): any => withField(deployment(), `${S}.${path}`, value);
const term = (extra: object = {}): any => ({ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname', ...extra });

describe('pod (anti-)affinity (validatePodAffinityTerm, validateWeightedPodAffinityTerms)', () => {
  const preferred = (weight: unknown,
    t: unknown = term()): any => set('affinity', { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight, podAffinityTerm: t }] } });
  const P = `${S}.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]`;
  test('weight 1..100', () => {
    expectClean(preferred(1));
    expectClean(preferred(100));
    expectOne(preferred(0), `${P}.weight`, /between 1 and 100/);
    expectOne(preferred(101), `${P}.weight`, /between 1 and 100/);
    expectOne(preferred(undefined), `${P}.weight`, /no weight/);
    expectOne(preferred('100'), `${P}.weight`, /not a whole number/);
  });
  test('topologyKey required, a qualified name; selectors and namespaces valid', () => {
    expectOne(preferred(100, term({ topologyKey: '' })), `${P}.podAffinityTerm.topologyKey`, /missing or empty/);
    expectOne(preferred(100, term({ topologyKey: 'kubernetes.io/host name' })), `${P}.podAffinityTerm.topologyKey`, /contains a space/);
    expectOne(preferred(100, term({ labelSelector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] } })),
      `${P}.podAffinityTerm.labelSelector.matchExpressions[0].operator`, /not a selector operator/);
    expectOne(preferred(100, term({ namespaces: ['Shop'] })), `${P}.podAffinityTerm.namespaces[0]`, /namespace "Shop"/);
    expectOne(preferred(100, null), `${P}.podAffinityTerm`, /missing/);
  });
  test('required terms of podAffinity are checked too', () => {
    const R = `${S}.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]`;
    expectClean(set('affinity', { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term()] } }));
    expectOne(set('affinity', { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ topologyKey: undefined })] } }), `${R}.topologyKey`, /missing/);
  });
});

describe('node affinity (validateNodeAffinity)', () => {
  const N = `${S}.affinity.nodeAffinity`;
  const required = (terms: unknown): any => set('affinity', { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } });
  const expr = (e: object): any => required([{ matchExpressions: [{ key: 'disktype', ...e }] }]);
  const E = `${N}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0]`;
  test('operators and values', () => {
    expectClean(expr({ operator: 'In', values: ['ssd'] }));
    expectClean(expr({ operator: 'Exists' }));
    expectClean(expr({ operator: 'Gt', values: ['3'] }));
    expectOne(expr({ operator: 'In', values: [] }), `${E}.values`, /at least one value/);
    expectOne(expr({ operator: 'DoesNotExist', values: ['x'] }), `${E}.values`, /takes no values/);
    // The API server only counts the values; a non-integer is our judgement (the term never matches).
    expectOne(expr({ operator: 'Lt', values: ['x'] }), `${E}.values[0]`, /compares integers/);
    expectOne(expr({ operator: 'Gt', values: ['1', '2'] }), `${E}.values`, /exactly one value/);
    expectClean(expr({ operator: 'Gt', values: ['12'] }));
    expectOne(expr({ operator: 'Equals', values: ['x'] }), `${E}.operator`, /not supported/);
    expectOne(expr({ values: ['x'] }), `${E}.operator`, /missing/);
  });
  test('at least one term; matchFields only metadata.name with one value', () => {
    expectOne(required([]), `${N}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`, /at least one/);
    const F = `${N}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0]`;
    expectClean(required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }]));
    expectOne(required([{ matchFields: [{ key: 'metadata.uid', operator: 'In', values: ['x'] }] }]), `${F}.key`, /not a supported field selector/);
    expectOne(required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a', 'b'] }] }]), `${F}.values`, /exactly one value/);
  });
  test('preferred: weight 1..100', () => {
    const pref = (weight: number): any => set('affinity',
      { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight, preference: { matchExpressions: [{ key: 'zone', operator: 'Exists' }] } }] } });
    expectClean(pref(50));
    expectOne(pref(0), `${N}.preferredDuringSchedulingIgnoredDuringExecution[0].weight`, /between 1 and 100/);
  });
});

describe('topology spread constraints (validateTopologySpreadConstraints)', () => {
  const T = `${S}.topologySpreadConstraints`;
  const c = (extra: object = {}): any => ({ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: { app: 'web' } }, ...extra });
  const tsc = (...cs: unknown[]): any => set('topologySpreadConstraints', cs);
  test('maxSkew ≥ 1', () => {
    expectClean(tsc(c()));
    expectOne(tsc(c({ maxSkew: 0 })), `${T}[0].maxSkew`, /out of range/);
    expectOne(tsc(c({ maxSkew: undefined })), `${T}[0].maxSkew`, /missing/);
  });
  test('topologyKey required, whenUnsatisfiable enum', () => {
    expectOne(tsc(c({ topologyKey: '' })), `${T}[0].topologyKey`, /missing or empty/);
    expectOne(tsc(c({ whenUnsatisfiable: 'DoNotScheduleAnyway' })), `${T}[0].whenUnsatisfiable`, /not supported/);
    expectOne(tsc(c({ whenUnsatisfiable: undefined })), `${T}[0].whenUnsatisfiable`, /missing/);
  });
  test('one constraint per (topologyKey, whenUnsatisfiable)', () => {
    // ValidateSpreadConstraintNotRepeat names the pair on the first constraint.
    expectOne(tsc(c(), c({ maxSkew: 2 })), `${T}[0].{topologyKey, whenUnsatisfiable}`, /\[1\] repeats topologyKey/);
    expectClean(tsc(c(), c({ whenUnsatisfiable: 'DoNotSchedule' })));
  });
  test('minDomains > 0 and only with DoNotSchedule; policies enums', () => {
    expectClean(tsc(c({ whenUnsatisfiable: 'DoNotSchedule', minDomains: 2 })));
    expectOne(tsc(c({ whenUnsatisfiable: 'DoNotSchedule', minDomains: 0 })), `${T}[0].minDomains`, /out of range/);
    expectOne(tsc(c({ minDomains: 2 })), `${T}[0].minDomains`, /only be used with whenUnsatisfiable: DoNotSchedule/);
    expectOne(tsc(c({ nodeTaintsPolicy: 'honor' })), `${T}[0].nodeTaintsPolicy`, /not supported/);
  });
  test('validateTopologySpreadConstraints on its own', () => {
    expect(validateTopologySpreadConstraints([c()])).toEqual([]);
    expect(validateAffinity({ podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, podAffinityTerm: term() }] } })[0].field)
      .toBe('affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight');
  });
});

describe('tolerations (ValidateTolerations)', () => {
  const T = `${S}.tolerations[0]`;
  const tol = (t: object): any => set('tolerations', [t]);
  test('rules', () => {
    expectClean(tol({ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }));
    expectClean(tol({ operator: 'Exists' }));
    expectClean(tol({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }));
    expectOne(tol({ value: 'x' }), `${T}.operator`, /must be Exists when key is empty/);
    expectOne(tol({ key: 'k', operator: 'Exists', value: 'x' }), `${T}.operator`, /must be empty/);
    expectOne(tol({ key: 'k', operator: 'equal' }), `${T}.operator`, /not supported/);
    expectOne(tol({ key: 'k', effect: 'NoRun' }), `${T}.effect`, /not supported/);
    expectOne(tol({ key: 'k', effect: 'NoSchedule', tolerationSeconds: 30 }), `${T}.effect`, /NoExecute/);
    expectOne(tol({ key: 'a b', operator: 'Exists' }), `${T}.key`, /contains a space/);
    expectOne(tol({ key: 'k', value: 'a b' }), `${T}.operator`, /contains a space/);
  });
});

describe('security context ids (IsValidUserID, IsValidGroupID)', () => {
  test('0..2147483647', () => {
    expectClean(set('securityContext', { runAsUser: 0, fsGroup: 2147483647 }));
    expectOne(set('securityContext', { runAsUser: -1 }), `${S}.securityContext.runAsUser`, /out of range/);
    expectOne(set('securityContext', { fsGroup: 2147483648 }), `${S}.securityContext.fsGroup`, /out of range/);
    expectOne(set('containers[0].securityContext', { runAsGroup: -5 }), `${S}.containers[0].securityContext.runAsGroup`, /out of range/);
  });
});
