import { validateObject, validatePodSpec } from '../../lib/validation';
import { checkPodSpec } from '../../lib/validation/pod';
import { container, deployment, withField } from './helpers';

const shown = (findings: Array<{ field: string; problem: string }>): string[] => findings.map((f) => `${f.field}: ${f.problem}`);
const spec = (extra: object = {}): any => ({ containers: [{ name: 'web', image: 'nginx:1.27.3' }], ...extra });
const pod = (s: unknown, rules = {}): string[] => shown(validatePodSpec(s, 'spec', rules));

describe('pod specs and templates: boundaries (mutation tests)', () => {
  test('a missing pod spec is reported as missing; one of the wrong type as such', () => {
    expect(pod(spec())).toEqual([]);
    expect(pod(undefined)).toEqual(['spec: the pod spec is missing']);
    expect(pod(null)).toEqual(['spec: the pod spec is missing']);
    expect(pod('x')).toEqual(['spec: spec is a string ("x"), not an object']);
    expect(shown(validatePodSpec(null, 'template.spec'))).toEqual(['template.spec: the pod spec is missing']);
  });
  test('checkPodSpec returns what it learned: the well-typed containers and the volume names', () => {
    expect(checkPodSpec([], spec(), 'spec')).toEqual({ containers: [expect.objectContaining({ name: 'web' })], volumeNames: new Set() });
    expect(checkPodSpec([], { containers: [] }, 'spec')).toEqual({ containers: [], volumeNames: new Set() });
    expect(checkPodSpec([], { containers: ['x', { name: 'a', image: 'a:1' }] }, 'spec')?.containers).toEqual([expect.objectContaining({ name: 'a' })]);
    expect(checkPodSpec([], spec({ volumes: [{ name: 'data', emptyDir: {} }] }), 'spec', { extraVolumes: ['claim'] })?.volumeNames)
      .toEqual(new Set(['claim', 'data']));
    expect(checkPodSpec([], null, 'spec')).toBeUndefined();
  });
  test('a mount needs a declared volume: the pod starts with no volume names of its own', () => {
    const mounted = spec({ containers: [{ name: 'web', image: 'nginx:1.27.3', volumeMounts: [{ name: 'any name', mountPath: '/x' }] }] });
    expect(pod(mounted)).toHaveLength(1);
    expect(pod(mounted, { extraVolumes: ['any name'] })).toEqual([]);
  });
  test('a null containers list is a missing one', () => {
    expect(pod({ containers: null })).toEqual(['spec.containers: the pod has no containers']);
    expect(pod({})).toEqual(['spec.containers: the pod has no containers']);
    expect(pod({ containers: [] })).toEqual(['spec.containers: the pod has no containers']);
    expect(pod({ containers: 'web' })).toEqual(['spec.containers: containers is a string ("web"), not a list']);
  });
  test('container names: unique across containers and init containers', () => {
    const two = (a: object, b: object, list = 'containers'): any => ({ ...spec(), [list]: [{ image: 'a:1', ...a }, { image: 'b:1', ...b }] });
    expect(pod(two({ name: 'a' }, { name: 'b' }))).toEqual([]);
    expect(pod(two({ name: 'a' }, { name: 'a' }))).toEqual(['spec.containers[1].name: container name "a" is already used by spec.containers[0]']);
    expect(pod(two({ name: 'a' }, { name: 'a' }, 'initContainers')))
      .toEqual(['spec.initContainers[1].name: container name "a" is already used by spec.initContainers[0]']);
    // A clash of a container with an init container is reported on the init container.
    const clash = { initContainers: [{ name: 'web', image: 'a:1' }], containers: [{ name: 'web', image: 'b:1' }] };
    expect(pod(clash)).toEqual(['spec.initContainers[0].name: container name "web" is already used by spec.containers[0]']);
    // Unnamed (or badly named) containers do not clash with each other.
    expect(pod(two({}, {}))).toEqual(['spec.containers[0].name: container has no name', 'spec.containers[1].name: container has no name']);
    expect(pod(two({ name: '' }, { name: '' }))).toEqual(['spec.containers[0].name: container has no name', 'spec.containers[1].name: container has no name']);
    expect(pod(two({ name: 5 }, { name: 5 }))).toEqual([
      'spec.containers[0].name: container name 5 is a whole number, not a string',
      'spec.containers[1].name: container name 5 is a whole number, not a string',
    ]);
    // Entries that are not objects are reported once, and are no container.
    expect(pod({ containers: [null, 'x', { name: 'web', image: 'a:1' }] })).toEqual(['spec.containers[1]: containers[1] is a string ("x"), not an object']);
  });
  test('the pod grace period bounds a sleep hook; a grace period that is not a number means 30', () => {
    const sleeping = (grace: unknown, seconds: number): string[] => shown(validateObject(withField(withField(deployment(),
      'spec.template.spec.containers[0].lifecycle', { preStop: { sleep: { seconds } } }), 'spec.template.spec.terminationGracePeriodSeconds', grace),
    { kubernetesVersion: '1.30' }));
    const S = 'spec.template.spec.containers[0].lifecycle.preStop.sleep';
    expect(sleeping(10, 10)).toEqual([]);
    expect(sleeping(10, 20)).toEqual([`${S}: sleep 20s is longer than terminationGracePeriodSeconds 10`]);
    expect(sleeping(60, 40)).toEqual([]);
    expect(sleeping(undefined, 30)).toEqual([]);
    expect(sleeping(null, 30)).toEqual([]);
    expect(sleeping(undefined, 31)).toEqual([`${S}: sleep 31s is longer than terminationGracePeriodSeconds 30`]);
    expect(sleeping('10', 20)).toEqual(['spec.template.spec.terminationGracePeriodSeconds: terminationGracePeriodSeconds "10" is a string, not a whole number']);
  });
  test('restartPolicy: the owner narrows it, and the fix lists what it allows', () => {
    const fix = (restartPolicy: string, rules: object): string[] => validatePodSpec(spec({ restartPolicy }), 'spec', rules).map((f) => f.fix);
    expect(fix('Always', {})).toEqual([]);
    expect(fix('Never', { restartPolicies: ['Always'], owner: 'Deployment' })).toEqual(['use "Always", or leave it unset']);
    expect(fix('Always', { restartPolicies: ['OnFailure', 'Never'], owner: 'Job' })).toEqual(['use "OnFailure" or "Never"']);
    expect(pod(spec({ restartPolicy: 'Always' }), { restartPolicies: ['OnFailure', 'Never'], owner: 'Job' }))
      .toEqual(['spec.restartPolicy: restartPolicy "Always" is not supported in a Job template']);
  });
  test('activeDeadlineSeconds: refused where the owner forbids it, null is unset', () => {
    const rules = { forbidActiveDeadline: true, owner: 'Deployment' };
    expect(pod(spec({ activeDeadlineSeconds: null }), rules)).toEqual([]);
    expect(pod(spec(), rules)).toEqual([]);
    expect(pod(spec({ activeDeadlineSeconds: 60 }), rules))
      .toEqual(['spec.activeDeadlineSeconds: activeDeadlineSeconds is not supported in a Deployment template: pods would be killed after it']);
    expect(pod(spec({ activeDeadlineSeconds: 60 }))).toEqual([]);
    expect(pod(spec({ activeDeadlineSeconds: 0 }))).toEqual(['spec.activeDeadlineSeconds: activeDeadlineSeconds 0 is out of range: it must be at least 1']);
  });
  test('imagePullSecrets: entries that are not objects are reported or skipped', () => {
    expect(pod(spec({ imagePullSecrets: [null, { name: 'regcred' }] }))).toEqual([]);
    expect(pod(spec({ imagePullSecrets: ['regcred'] }))).toEqual(['spec.imagePullSecrets[0]: imagePullSecrets[0] is a string ("regcred"), not an object']);
  });
  test('pod templates: missing, of the wrong type, and annotations checked', () => {
    const template = (value: unknown): string[] => shown(validateObject(withField(deployment(), 'spec.template', value)));
    expect(template(null)).toEqual(['spec.template: the pod template is missing']);
    expect(template(undefined)).toEqual(['spec.template: the pod template is missing']);
    expect(template('x')).toEqual(['spec.template: template is a string ("x"), not an object']);
    const annotated = (annotations: object): string[] => template({
      metadata: { labels: { 'app.kubernetes.io/name': 'web' }, annotations }, spec: { containers: [container()] },
    });
    expect(annotated({ 'example.com/ok': 'x' })).toEqual([]);
    expect(annotated({ 'bad key!': 'x' })).toHaveLength(1);
    expect(annotated({ 'bad key!': 'x' })[0]).toMatch(/^spec\.template\.metadata\.annotations/);
  });
});
