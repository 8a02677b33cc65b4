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
