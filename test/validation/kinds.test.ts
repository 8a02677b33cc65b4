import { builtinKind, nameRule } from '../../lib/validation/kinds';
import { DNS1035_LABEL, DNS1123_LABEL, PATH_SEGMENT } from '../../lib/validation/names';
import { SUBDOMAIN_NAME } from '../../lib/validation/metadata';

describe('builtinKind: group/Kind for the API groups whose rules are built in', () => {
  test('the core group is the empty one', () => {
    expect(builtinKind('v1', 'Service')).toBe('/Service');
    expect(builtinKind('apps/v1', 'Deployment')).toBe('apps/Deployment');
    expect(builtinKind('rbac.authorization.k8s.io/v1', 'Role')).toBe('rbac.authorization.k8s.io/Role');
  });
  test('other groups, and values that are not strings, have none', () => {
    expect(builtinKind('example.com/v1', 'Widget')).toBeUndefined();
    expect(builtinKind('cert-manager.io/v1', 'Certificate')).toBeUndefined();
    expect(builtinKind(1, 'Service')).toBeUndefined();
    expect(builtinKind('v1', 1)).toBeUndefined();
    expect(builtinKind(undefined, undefined)).toBeUndefined();
  });
});

describe('nameRule', () => {
  test('kinds with their own name rule', () => {
    expect(nameRule('/Service')).toEqual({ format: DNS1035_LABEL });
    expect(nameRule('/Namespace')).toEqual({ format: DNS1123_LABEL });
    expect(nameRule('policy/PodDisruptionBudget')).toEqual({ format: PATH_SEGMENT });
    expect(nameRule('batch/CronJob')).toMatchObject({ format: SUBDOMAIN_NAME.format, maxLength: 52 });
    expect(nameRule('batch/Job')).toMatchObject({ format: SUBDOMAIN_NAME.format, maxLength: 63 });
    expect(nameRule('apps/StatefulSet')).toMatchObject({ format: SUBDOMAIN_NAME.format, maxLength: 52 });
  });
  test('every other kind, and a custom resource, takes the DNS-1123 subdomain', () => {
    expect(nameRule('apps/Deployment')).toBe(SUBDOMAIN_NAME);
    expect(nameRule(undefined)).toBe(SUBDOMAIN_NAME);
    expect(nameRule('')).toBe(SUBDOMAIN_NAME);
  });
});
