import { audit } from '../../../lib/analysis';
import { shopWith } from '../fixtures';

type Change = Parameters<typeof shopWith>[0];
const container = (get: (kind: string) => any) => get('Deployment').spec.template.spec.containers[0];
const found = (change: Change, id: string) => audit(shopWith(change)).violations.filter((v) => v.ruleId === id);
const fields = (change: Change, id: string) => found(change, id).map((v) => v.field);

describe('requests-missing', () => {
  test('a limit without a request is no finding (the API server copies the limit into the request); neither is a finding', () => {
    const limitsOnly: Change = (get) => { container(get).resources = { limits: { cpu: '500m', memory: '256Mi' } }; };
    expect(fields(limitsOnly, 'requests-missing')).toEqual([]);
    const memoryLimitOnly: Change = (get) => { container(get).resources = { limits: { memory: '256Mi' } }; };
    expect(fields(memoryLimitOnly, 'requests-missing')).toEqual(['spec.template.spec.containers[0].resources.requests.cpu']);
  });
});

describe('qos-mismatch', () => {
  const burstable: Change = (get) => { container(get).resources.limits.cpu = '1'; };
  test('a Guaranteed declaration is fixed by the limits, any other by the annotation', () => {
    expect(found(burstable, 'qos-mismatch').map((v) => v.fix)).toEqual(['set every container\'s cpu and memory limits equal to its requests']);
    const declaredBestEffort: Change = (get, all) => {
      burstable(get, all);
      get('Deployment').metadata.annotations['zero-downtime.audit/qos-class'] = 'BestEffort';
    };
    expect(found(declaredBestEffort, 'qos-mismatch').map((v) => v.fix)).toEqual(['change the annotation to Burstable']);
  });
});

describe('image-not-pinned', () => {
  test('a container without an image (which the API server refuses) is not this rule\'s finding', () => {
    expect(fields((get) => { delete container(get).image; }, 'image-not-pinned')).toEqual([]);
    expect(fields((get) => { container(get).image = 'ghcr.io/acme/shop'; }, 'image-not-pinned')).toEqual(['spec.template.spec.containers[0].image']);
  });
});

describe('literal-secret-env', () => {
  test('an empty literal value is no credential; a non-empty one is', () => {
    expect(fields((get) => { container(get).env = [{ name: 'DB_PASSWORD', value: '' }]; }, 'literal-secret-env')).toEqual([]);
    expect(fields((get) => { container(get).env = [{ name: 'DB_PASSWORD', value: 'x' }]; }, 'literal-secret-env')).toEqual(['spec.template.spec.containers[0].env[0]']);
  });
});

describe('liveness-equals-readiness', () => {
  test('a handler written as null (YAML `httpGet:` with nothing after it) is no handler, as the API server reads it', () => {
    const same: Change = (get) => {
      container(get).readinessProbe = { tcpSocket: { port: 8080 }, periodSeconds: 5 };
      container(get).livenessProbe = { httpGet: null, tcpSocket: { port: 8080 }, periodSeconds: 5 };
    };
    expect(fields(same, 'liveness-equals-readiness')).toEqual(['spec.template.spec.containers[0].livenessProbe']);
    const other: Change = (get) => {
      container(get).readinessProbe = { tcpSocket: { port: 8080 }, periodSeconds: 5 };
      container(get).livenessProbe = { tcpSocket: { port: 8081 }, periodSeconds: 5 };
    };
    expect(fields(other, 'liveness-equals-readiness')).toEqual([]);
  });
});
