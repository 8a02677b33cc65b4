import { validateObject } from '../../lib/validation';
import { deployment, DELETE, expectClean, expectOne, fieldsOf, statefulSet, withField } from './helpers';

const set = (path: string, value: unknown): any => withField(deployment(), path, value);

describe('Deployment integer fields (ValidateDeploymentSpec)', () => {
  test.each(['replicas', 'minReadySeconds', 'revisionHistoryLimit'])('%s: a whole number ≥ 0', (field) => {
    expectClean(set(`spec.${field}`, 0));
    expectOne(set(`spec.${field}`, -1), `spec.${field}`, /out of range.*at least 0/);
    expectOne(set(`spec.${field}`, '3'), `spec.${field}`, /a string, not a whole number/);
    expectOne(set(`spec.${field}`, 1.5), `spec.${field}`, /fractional/);
    expectOne(set(`spec.${field}`, true), `spec.${field}`, /a boolean/);
  });
  test('progressDeadlineSeconds must exceed minReadySeconds', () => {
    expectClean(set('spec.progressDeadlineSeconds', 6));
    expectOne(set('spec.progressDeadlineSeconds', 5), 'spec.progressDeadlineSeconds', /not greater than minReadySeconds 5/);
    expectOne(set('spec.progressDeadlineSeconds', -1), 'spec.progressDeadlineSeconds', /out of range/);
    expectClean(withField(set('spec.progressDeadlineSeconds', 5), 'spec.minReadySeconds', DELETE));
    // Unset, the deadline defaults to 600.
    expectClean(withField(set('spec.progressDeadlineSeconds', DELETE), 'spec.minReadySeconds', 599));
    // Reported on progressDeadlineSeconds even when defaulted, as the API server does.
    expectOne(withField(set('spec.progressDeadlineSeconds', DELETE), 'spec.minReadySeconds', 600), 'spec.progressDeadlineSeconds',
      /600 \(the default\) is not greater than minReadySeconds 600/);
  });
  test('paused is a boolean', () => {
    expectOne(set('spec.paused', 'true'), 'spec.paused', /not true or false/);
  });
  test('the string "3" suggests the number', () => {
    expect(validateObject(set('spec.replicas', '3'))[0].fix).toContain('replicas: 3');
  });
});

describe('Deployment strategy (ValidateDeploymentStrategy, ValidateRollingUpdateDeployment)', () => {
  const rolling = (surge: unknown, unavailable: unknown): any => set('spec.strategy.rollingUpdate', { maxSurge: surge, maxUnavailable: unavailable });
  test('type enum; Recreate takes no rollingUpdate', () => {
    // ValidateDeploymentStrategy names the strategy, not its type.
    expectOne(set('spec.strategy.type', 'Rolling'), 'spec.strategy', /not supported/);
    expectOne(set('spec.strategy.type', 'Recreate'), 'spec.strategy.rollingUpdate', /Recreate/);
    expectClean(withField(set('spec.strategy.type', 'Recreate'), 'spec.strategy.rollingUpdate', DELETE));
  });
  test('int-or-percent, maxUnavailable ≤ 100%, maxSurge may exceed it', () => {
    expectClean(rolling('150%', 0));
    expectClean(rolling(0, '100%'));
    expectClean(rolling('25%', '25%'));
    expectOne(rolling(1, '101%'), 'spec.strategy.rollingUpdate.maxUnavailable', /more than 100%/);
    expectOne(rolling(-1, 0), 'spec.strategy.rollingUpdate.maxSurge', /negative/);
    expectOne(rolling(1, -1), 'spec.strategy.rollingUpdate.maxUnavailable', /negative/);
    expectOne(rolling('1', 0), 'spec.strategy.rollingUpdate.maxSurge', /neither a whole number nor a percentage/);
    expect(validateObject(rolling('1', 0))[0].fix).toContain('maxSurge: 1');
    expectOne(rolling('25 %', 0), 'spec.strategy.rollingUpdate.maxSurge', /neither/);
    expectOne(rolling(1.5, 0), 'spec.strategy.rollingUpdate.maxSurge', /not a whole number or a string/);
  });
  test('not both zero', () => {
    expectOne(rolling(0, 0), 'spec.strategy.rollingUpdate.maxUnavailable', /both 0/);
    expectOne(rolling('0%', 0), 'spec.strategy.rollingUpdate.maxUnavailable', /both 0/);
    expectClean(rolling(0, 1));
  });
});

describe('Deployment selector and template', () => {
  test('selector required, non-empty, matching the template', () => {
    expectOne(set('spec.selector', DELETE), 'spec.selector', /no selector/);
    expectOne(set('spec.selector', {}), 'spec.selector', /empty/);
    expectOne(set('spec.selector.matchLabels', { 'app.kubernetes.io/name': 'api' }), 'spec.template.metadata.labels', /does not match/);
    expectOne(set('spec.template.metadata.labels', { other: 'x' }), 'spec.template.metadata.labels', /does not match/);
    expectClean(set('spec.selector', { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: ['web'] }] }));
    expectOne(set('spec.selector', { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'NotIn', values: ['web'] }] }), 'spec.template.metadata.labels',
      /does not match/);
  });
  test('template: restartPolicy Always only, no activeDeadlineSeconds', () => {
    expectClean(set('spec.template.spec.restartPolicy', 'Always'));
    expectOne(set('spec.template.spec.restartPolicy', 'Never'), 'spec.template.spec.restartPolicy', /not supported in a Deployment template/);
    expectOne(set('spec.template.spec.restartPolicy', 'Sometimes'), 'spec.template.spec.restartPolicy', /not supported/);
    expectOne(set('spec.template.spec.activeDeadlineSeconds', 60), 'spec.template.spec.activeDeadlineSeconds', /not supported in a Deployment/);
    expectOne(set('spec.template', DELETE), 'spec.template', /missing/);
    expectOne(set('spec', DELETE), 'spec', /no spec/);
  });
});

describe('pod spec fields (ValidatePodSpec)', () => {
  const S = 'spec.template.spec';
  test('containers required', () => {
    expectOne(set(`${S}.containers`, []), `${S}.containers`, /no containers/);
    expectOne(set(`${S}.containers`, DELETE), `${S}.containers`, /no containers/);
    expectOne(set(`${S}.containers`, { web: {} }), `${S}.containers`, /not a list/);
  });
  test('terminationGracePeriodSeconds ≥ 0', () => {
    expectClean(set(`${S}.terminationGracePeriodSeconds`, 0));
    expectOne(set(`${S}.terminationGracePeriodSeconds`, -1), `${S}.terminationGracePeriodSeconds`, /out of range/);
    expectOne(set(`${S}.terminationGracePeriodSeconds`, '30'), `${S}.terminationGracePeriodSeconds`, /not a whole number/);
  });
  test('names: serviceAccountName subdomain, hostname/subdomain labels, nodeSelector labels', () => {
    expectClean(set(`${S}.serviceAccountName`, 'web.sa'));
    expectOne(set(`${S}.serviceAccountName`, 'Web'), `${S}.serviceAccountName`, /DNS-1123 subdomain/);
    expectOne(set(`${S}.priorityClassName`, 'High'), `${S}.priorityClassName`, /DNS-1123 subdomain/);
    // The API server accepts any schedulerName.
    expectClean(set(`${S}.schedulerName`, 'My_Scheduler'));
    expectOne(set(`${S}.hostname`, 'a.b'), `${S}.hostname`, /contains "\."/);
    expectOne(set(`${S}.nodeSelector`, { 'kubernetes.io/os': 'li nux' }), `${S}.nodeSelector[kubernetes.io/os]`, /contains a space/);
    expectOne(set(`${S}.dnsPolicy`, 'clusterFirst'), `${S}.dnsPolicy`, /not supported/);
    expectOne(set(`${S}.imagePullSecrets`, [{ name: 'Regcred' }]), `${S}.imagePullSecrets[0].name`, /Secret name/);
  });
  test('activeDeadlineSeconds 1..MaxInt32 where allowed', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }], activeDeadlineSeconds: 0 } };
    expectOne(pod, 'spec.activeDeadlineSeconds', /at least 1/);
    expectClean({ ...pod, spec: { ...pod.spec, activeDeadlineSeconds: 1 } });
  });
});

describe('StatefulSet (ValidateStatefulSetSpec)', () => {
  const sset = (path: string, value: unknown): any => withField(statefulSet(), path, value);
  test('the fixture is clean', () => expectClean(statefulSet()));
  test('podManagementPolicy and updateStrategy', () => {
    expectOne(sset('spec.podManagementPolicy', 'parallel'), 'spec.podManagementPolicy', /not supported/);
    expectOne(sset('spec.updateStrategy.type', 'Rolling'), 'spec.updateStrategy', /not supported/);
    expectOne(sset('spec.updateStrategy.type', 'OnDelete'), 'spec.updateStrategy.rollingUpdate', /OnDelete/);
    expectOne(sset('spec.updateStrategy.rollingUpdate.partition', -1), 'spec.updateStrategy.rollingUpdate.partition', /out of range/);
    expectOne(sset('spec.updateStrategy.rollingUpdate.maxUnavailable', 0), 'spec.updateStrategy.rollingUpdate.maxUnavailable', /never update/);
    expectOne(sset('spec.updateStrategy.rollingUpdate.maxUnavailable', '101%'), 'spec.updateStrategy.rollingUpdate.maxUnavailable', /more than 100%/);
  });
  test('retention policy enums', () => {
    expectOne(sset('spec.persistentVolumeClaimRetentionPolicy.whenDeleted', 'Keep'), 'spec.persistentVolumeClaimRetentionPolicy.whenDeleted', /not supported/);
    expectOne(sset('spec.persistentVolumeClaimRetentionPolicy.whenScaled', 'delete'), 'spec.persistentVolumeClaimRetentionPolicy.whenScaled', /not supported/);
  });
  test('serviceName becomes the pods\' subdomain: a DNS-1123 label', () => {
    expectOne(sset('spec.serviceName', 'db.headless'), 'spec.serviceName', /contains "\."/);
  });
  test('selector, template and claim templates', () => {
    expectOne(sset('spec.selector.matchLabels', { app: 'web' }), 'spec.template.metadata.labels', /does not match/);
    expectOne(sset('spec.template.spec.restartPolicy', 'OnFailure'), 'spec.template.spec.restartPolicy', /StatefulSet template/);
    const upper = withField(sset('spec.volumeClaimTemplates[0].metadata.name', 'Data'), 'spec.template.spec.containers[0].volumeMounts[0].name', 'Data');
    expectOne(upper, 'spec.volumeClaimTemplates[0].metadata.name', /volume claim template name/);
    expectOne(sset('spec.template.spec.containers[0].volumeMounts[0].name', 'date'), 'spec.template.spec.containers[0].volumeMounts[0].name', /no volume is named "date"/);
    expect(fieldsOf(sset('spec.volumeClaimTemplates[0].metadata.name', DELETE))).toEqual(['spec.volumeClaimTemplates[0].metadata.name',
      'spec.template.spec.containers[0].volumeMounts[0].name']);
    expectOne(sset('spec.volumeClaimTemplates[0].spec.resources.requests.storage', '0'), 'spec.volumeClaimTemplates[0].spec.resources[storage]', /not greater than zero/);
    expectOne(sset('spec.replicas', -1), 'spec.replicas', /out of range/);
  });
});

describe('workloads survivors: null as unset, the deadline default, exact messages', () => {
  const sset = (path: string, value: unknown): any => withField(statefulSet(), path, value);
  const shown = (obj: unknown): string[] => validateObject(obj).map((f) => `${f.field}: ${f.problem} | ${f.fix}`);
  test('a Deployment spec: null or missing is "no spec", another type only "not an object"', () => {
    expect(shown(set('spec', null))).toEqual(['spec: the Deployment has no spec | add spec.selector and spec.template']);
    expect(shown(set('spec', DELETE))).toEqual(['spec: the Deployment has no spec | add spec.selector and spec.template']);
    expect(fieldsOf(set('spec', 'web'))).toEqual(['spec']);
    expectOne(set('spec', 'web'), 'spec', /not an object/);
  });
  test('a StatefulSet spec: null or missing is "no spec", another type only "not an object"', () => {
    expect(shown(sset('spec', null))).toEqual(['spec: the StatefulSet has no spec | add spec.selector, spec.serviceName and spec.template']);
    expect(shown(sset('spec', DELETE))).toEqual(['spec: the StatefulSet has no spec | add spec.selector, spec.serviceName and spec.template']);
    expectOne(sset('spec', ['db']), 'spec', /not an object/);
  });
  test('a null selector is a missing selector', () => {
    expectOne(set('spec.selector', null), 'spec.selector', /the Deployment has no selector/);
    expectOne(sset('spec.selector', null), 'spec.selector', /the StatefulSet has no selector/);
  });
  test('progressDeadlineSeconds: null defaults to 600; 0 against minReadySeconds 0', () => {
    expect(shown(withField(set('spec.progressDeadlineSeconds', null), 'spec.minReadySeconds', 600))).toEqual([
      'spec.progressDeadlineSeconds: progressDeadlineSeconds 600 (the default) is not greater than minReadySeconds 600, so every rollout would be reported as failed'
        + ' | set progressDeadlineSeconds above 600, e.g. 660',
    ]);
    expectClean(withField(set('spec.progressDeadlineSeconds', null), 'spec.minReadySeconds', 599));
    expect(shown(withField(set('spec.progressDeadlineSeconds', 0), 'spec.minReadySeconds', 0))).toEqual([
      'spec.progressDeadlineSeconds: progressDeadlineSeconds 0 is not greater than minReadySeconds 0, so every rollout would be reported as failed'
        + ' | set progressDeadlineSeconds above 0, e.g. 600',
    ]);
    expectClean(withField(set('spec.progressDeadlineSeconds', 1), 'spec.minReadySeconds', 0));
  });
  test('"(the default)" only when progressDeadlineSeconds is unset; the example is at least 600 and 60 above', () => {
    expect(shown(withField(set('spec.progressDeadlineSeconds', 600), 'spec.minReadySeconds', 600))).toEqual([
      'spec.progressDeadlineSeconds: progressDeadlineSeconds 600 is not greater than minReadySeconds 600, so every rollout would be reported as failed'
        + ' | set progressDeadlineSeconds above 600, e.g. 660',
    ]);
    expect(shown(set('spec.progressDeadlineSeconds', 5))).toEqual([
      'spec.progressDeadlineSeconds: progressDeadlineSeconds 5 is not greater than minReadySeconds 5, so every rollout would be reported as failed'
        + ' | set progressDeadlineSeconds above 5, e.g. 600',
    ]);
    expect(validateObject(withField(set('spec.progressDeadlineSeconds', 700), 'spec.minReadySeconds', 700))[0].fix)
      .toBe('set progressDeadlineSeconds above 700, e.g. 760');
  });
  test('a null rollingUpdate is unset beside Recreate and OnDelete', () => {
    expectClean(withField(set('spec.strategy.type', 'Recreate'), 'spec.strategy.rollingUpdate', null));
    expectClean(withField(sset('spec.updateStrategy.type', 'OnDelete'), 'spec.updateStrategy.rollingUpdate', null));
    expectClean(withField(sset('spec.updateStrategy.type', 'OnDelete'), 'spec.updateStrategy.rollingUpdate', DELETE));
  });
  test('serviceName: unset, null or empty is not checked; a non-string is', () => {
    expectClean(sset('spec.serviceName', DELETE));
    expectClean(sset('spec.serviceName', null));
    expectClean(sset('spec.serviceName', ''));
    expectClean(sset('spec.serviceName', 'db'));
    expectOne(sset('spec.serviceName', 5), 'spec.serviceName', /not a string/);
  });
  test('a volume claim template named null or "" has no name', () => {
    for (const name of [null, '']) {
      expect(shown(sset('spec.volumeClaimTemplates[0].metadata.name', name))[0]).toBe(
        'spec.volumeClaimTemplates[0].metadata.name: the volume claim template has no name | set metadata.name, e.g. data, and mount it by that name');
    }
  });
  test('volume claim template labels are checked', () => {
    expectOne(sset('spec.volumeClaimTemplates[0].metadata.labels', { app: 'd b' }), 'spec.volumeClaimTemplates[0].metadata.labels[app]', /contains a space/);
    expectClean(sset('spec.volumeClaimTemplates[0].metadata.labels', { app: 'db' }));
  });
  test('the StatefulSet template: restartPolicy Always allowed, activeDeadlineSeconds refused', () => {
    expectClean(sset('spec.template.spec.restartPolicy', 'Always'));
    expectOne(sset('spec.template.spec.restartPolicy', 'Never'), 'spec.template.spec.restartPolicy', /not supported in a StatefulSet template/);
    expectOne(sset('spec.template.spec.activeDeadlineSeconds', 60), 'spec.template.spec.activeDeadlineSeconds', /not supported in a StatefulSet template/);
  });
});

describe('progressDeadlineSeconds against an unset minReadySeconds (0)', () => {
  const pds = (value: unknown): any => withField(deployment(), 'spec.progressDeadlineSeconds', value);
  test('0 is not greater than the default minReadySeconds 0; 1 is', () => {
    expect(validateObject(withField(pds(0), 'spec.minReadySeconds', DELETE)).map((f) => [f.field, f.problem])).toEqual([
      ['spec.progressDeadlineSeconds', 'progressDeadlineSeconds 0 is not greater than minReadySeconds 0, so every rollout would be reported as failed'],
    ]);
    expect(validateObject(withField(pds(0), 'spec.minReadySeconds', null)).map((f) => f.field)).toEqual(['spec.progressDeadlineSeconds']);
    expectClean(withField(pds(1), 'spec.minReadySeconds', DELETE));
  });
  test('a minReadySeconds of the wrong type is reported alone', () => {
    expect(validateObject(withField(pds(0), 'spec.minReadySeconds', 'x')).map((f) => f.field)).toEqual(['spec.minReadySeconds']);
  });
});
