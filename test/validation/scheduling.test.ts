import { validateAffinity, validateObject, validateTopologySpreadConstraints } from '../../lib/validation';
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

describe('scheduling: each condition apart', () => {
  const lines = (fs: Array<{ field: string; problem: string }>): string[] => fs.map((f) => `${f.field}: ${f.problem}`);
  const nodeReq = (e: unknown): unknown[] => lines(validateAffinity({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {
    nodeSelectorTerms: [{ matchExpressions: [e] }] } } }));
  const E = 'affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0]';
  test('node requirements: a null entry is skipped, a null operator is missing, NotIn needs values, Gt of a non-string', () => {
    expect(nodeReq(null)).toEqual([]);
    expect(nodeReq({ key: 'disktype', operator: null, values: ['ssd'] })).toEqual([`${E}.operator: operator is missing`]);
    expect(nodeReq({ key: 'disktype', operator: 'NotIn', values: ['ssd'] })).toEqual([]);
    expect(nodeReq({ key: 'disktype', operator: 'NotIn', values: [] })).toEqual([`${E}.values: operator NotIn needs at least one value`]);
    // Only the type is reported for a boolean value, not that it is no integer.
    expect(nodeReq({ key: 'disktype', operator: 'Gt', values: [true] })).toEqual([`${E}.values[0]: node label value true is a boolean, not a string`]);
  });
  test('null terms and null preferred entries are skipped; a null weight is no weight', () => {
    expect(validateAffinity({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [null] } } })).toEqual([]);
    expect(validateAffinity({ nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [null] } })).toEqual([]);
    expect(validateAffinity({ nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: null }] } })).toEqual([]);
    expect(lines(validateAffinity({ podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: null, podAffinityTerm: term() }] } })))
      .toEqual(['affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: the preferred term has no weight']);
  });
  test('podAffinityTerm: not an object is not also missing; topologyKey null is missing, a number only of the wrong type', () => {
    const R = 'affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]';
    const req = (t: unknown): string[] => lines(validateAffinity({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [t] } }));
    expect(req('web')).toEqual([`${R}: requiredDuringSchedulingIgnoredDuringExecution[0] is a string ("web"), not an object`]);
    expect(req(term({ topologyKey: null }))).toEqual([`${R}.topologyKey: topologyKey is missing or empty`]);
    expect(req(term({ topologyKey: 5 }))).toEqual([`${R}.topologyKey: topologyKey 5 is a whole number, not a string`]);
    expect(req(term())).toEqual([]);
  });
  const c = (extra: object = {}): any => ({ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', ...extra });
  const tsc = (...cs: unknown[]): string[] => lines(validateTopologySpreadConstraints(cs));
  const T = 'topologySpreadConstraints[0]';
  test('spread constraints: null entry, null maxSkew, whenUnsatisfiable', () => {
    expect(tsc(null)).toEqual([]);
    expect(tsc(c({ maxSkew: null }))).toEqual([`${T}.maxSkew: maxSkew is missing`]);
    expect(tsc(c({ whenUnsatisfiable: null }))).toEqual([`${T}.whenUnsatisfiable: whenUnsatisfiable is missing`]);
  });
  test('spread constraints: topologyKey missing, null, empty, of another type, malformed', () => {
    const missing = `${T}.topologyKey: topologyKey is missing or empty`;
    expect(tsc(c({ topologyKey: undefined }))).toEqual([missing]);
    expect(tsc(c({ topologyKey: null }))).toEqual([missing]);
    expect(tsc(c({ topologyKey: '' }))).toEqual([missing]);
    expect(tsc(c({ topologyKey: 5 }))).toEqual([`${T}.topologyKey: topologyKey 5 is a whole number, not a string`]);
    expect(tsc(c({ topologyKey: 'a b' }))).toEqual([expect.stringMatching(/^topologySpreadConstraints\[0\]\.topologyKey: topologyKey "a b" is not a valid .*space/)]);
  });
  test('spread constraints: no repeat finding without a topologyKey; minDomains null; nodeTaintsPolicy values', () => {
    const noKey = c({ topologyKey: undefined });
    expect(tsc(noKey, noKey)).toEqual([`${T}.topologyKey: topologyKey is missing or empty`, 'topologySpreadConstraints[1].topologyKey: topologyKey is missing or empty']);
    expect(tsc(c({ minDomains: null }))).toEqual([]);
    expect(tsc(c({ minDomains: undefined }))).toEqual([]);
    expect(tsc(c({ nodeTaintsPolicy: 'Honor', nodeAffinityPolicy: 'Ignore' }), c({ whenUnsatisfiable: 'DoNotSchedule', nodeTaintsPolicy: 'Ignore' }))).toEqual([]);
  });
  const TOL = `${S}.tolerations[0]`;
  const tol = (...ts: unknown[]): any => set('tolerations', ts);
  const fieldsOfTol = (t: object): string[] => lines(validateObject(tol(t)));
  test('tolerations: null entry; operator null is Equal; an unsupported operator checks no value; Exists checks no value format', () => {
    expectClean(tol(null));
    expectOne(tol({ operator: null }), `${TOL}.operator`, /must be Exists when key is empty/);
    expectClean(tol({ key: 'k', operator: null, value: 'v' }));
    expect(fieldsOfTol({ key: 'k', operator: 'Equals', value: 'a b' })).toEqual([`${TOL}.operator: operator "Equals" is not supported`]);
    expect(fieldsOfTol({ key: 'k', operator: 'Exists', value: 'a b' })).toEqual([`${TOL}.operator: value must be empty when operator is 'Exists'`]);
    expectClean(tol({ key: 'k', operator: 'Exists' }));
  });
  test('tolerations: tolerationSeconds unset or null needs no NoExecute', () => {
    expectClean(tol({ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: null }));
    expectClean(tol({ key: 'k', operator: 'Exists', effect: 'NoSchedule' }));
    expectOne(tol({ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 0 }), `${TOL}.effect`, /needs effect 'NoExecute'/);
  });
  test('validateTopologySpreadConstraints reports on its own', () => {
    expect(validateTopologySpreadConstraints([c({ maxSkew: 0 })]).map((f) => f.field)).toEqual(['topologySpreadConstraints[0].maxSkew']);
  });
});

describe('tolerations: an empty operator means Equal, an empty effect matches every effect', () => {
  const tol = (t: object): any => set('tolerations', [t]);
  test('accepted as the API server accepts them', () => {
    expectClean(tol({ key: 'k', operator: '', value: 'v' }));
    expectClean(tol({ key: 'k', operator: 'Exists', effect: '' }));
  });
  test('an empty operator is Equal: it needs a key and a label value', () => {
    expectOne(tol({ operator: '' }), `${S}.tolerations[0].operator`, /operator must be Exists when key is empty/);
    expectOne(tol({ key: 'k', operator: '', value: 'a b' }), `${S}.tolerations[0].operator`, /toleration value "a b"/);
  });
  test('an empty effect is no NoExecute', () => {
    expectOne(tol({ key: 'k', operator: 'Exists', effect: '', tolerationSeconds: 5 }), `${S}.tolerations[0].effect`, /tolerationSeconds needs effect 'NoExecute'/);
  });
});
