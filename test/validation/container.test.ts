import { validateContainer, validateObject } from '../../lib/validation';
import { deployment, DELETE, expectClean, expectOne, repeat, withField } from './helpers';

const C = 'spec.template.spec.containers[0]';
const set = (path: string, value: unknown): any => withField(deployment(), `${C}.${path}`, value);

describe('container name (validateContainerCommon)', () => {
  test('required DNS-1123 label', () => {
    expectClean(set('name', repeat('c', 63)));
    expectOne(set('name', repeat('c', 64)), `${C}.name`, /more than 63/);
    expectOne(set('name', 'Web'), `${C}.name`, /container name "Web"/);
    expectOne(set('name', 'web_1'), `${C}.name`, /contains "_"/);
    expectOne(set('name', DELETE), `${C}.name`, /no name/);
    expectOne(set('name', ''), `${C}.name`, /no name/);
  });
  test('unique across containers and init containers', () => {
    const twice = withField(deployment(), 'spec.template.spec.initContainers', [{ name: 'web', image: 'busybox:1.36' }]);
    // The API server names the init container (checked against kube-apiserver 1.34).
    expectOne(twice, 'spec.template.spec.initContainers[0].name', /already used by spec.template.spec.containers\[0\]/);
    const containers = withField(deployment(), 'spec.template.spec.containers[1]', { name: 'web', image: 'busybox:1.36' });
    expectOne(containers, 'spec.template.spec.containers[1].name', /already used by spec.template.spec.containers\[0\]/);
  });
});

describe('container image', () => {
  test('required, pullable', () => {
    expectOne(set('image', DELETE), `${C}.image`, /no image/);
    expectOne(set('image', 'Nginx:1'), `${C}.image`, /must be lowercase/);
  });
  test('imagePullPolicy enum', () => {
    expectClean(set('imagePullPolicy', 'IfNotPresent'));
    expectOne(set('imagePullPolicy', 'ifnotpresent'), `${C}.imagePullPolicy`, /not supported/);
    expect(validateObject(set('imagePullPolicy', 'ifnotpresent'))[0].fix).toContain('did you mean "IfNotPresent"');
  });
});

describe('container ports (validateContainerPorts)', () => {
  const port = (p: unknown): any => set('ports', [p]);
  test('containerPort required, 1..65535', () => {
    expectClean(port({ containerPort: 1 }));
    expectClean(port({ containerPort: 65535 }));
    expectOne(port({ containerPort: 0 }), `${C}.ports[0].containerPort`, /missing or 0/);
    expectOne(port({ name: 'http' }), `${C}.ports[0].containerPort`, /missing or 0/);
    expectOne(port({ containerPort: 65536 }), `${C}.ports[0].containerPort`, /out of range.*between 1 and 65535/);
    expectOne(port({ containerPort: -1 }), `${C}.ports[0].containerPort`, /out of range/);
    expectOne(port({ containerPort: '8080' }), `${C}.ports[0].containerPort`, /a string, not a whole number/);
    expect(validateObject(port({ containerPort: '8080' }))[0].fix).toContain('containerPort: 8080');
    expectOne(port({ containerPort: 80.5 }), `${C}.ports[0].containerPort`, /fractional/);
  });
  test('names are IANA_SVC_NAMEs, unique in the container', () => {
    expectOne(port({ containerPort: 80, name: 'HTTP' }), `${C}.ports[0].name`, /IANA_SVC_NAME/);
    expectOne(port({ containerPort: 80, name: 'web-server-http-1' }), `${C}.ports[0].name`, /more than 15/);
    expectOne(set('ports', [{ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'http' }]), `${C}.ports[1].name`, /declared twice/);
  });
  test('protocol enum; hostPort range and uniqueness in the pod', () => {
    expectOne(port({ containerPort: 80, protocol: 'tcp' }), `${C}.ports[0].protocol`, /not supported/);
    expectClean(port({ containerPort: 80, hostPort: 8080 }));
    expectOne(port({ containerPort: 80, hostPort: 70000 }), `${C}.ports[0].hostPort`, /out of range/);
    const two = withField(set('ports', [{ containerPort: 80, hostPort: 8080 }]), 'spec.template.spec.containers[1]',
      { name: 'side', image: 'busybox:1.36', ports: [{ containerPort: 81, hostPort: 8080 }] });
    expectOne(two, 'spec.template.spec.containers[1].ports', /host port 8080\/TCP is already used/);
    const udp = withField(two, 'spec.template.spec.containers[1].ports[0].protocol', 'UDP');
    expectClean(udp);
  });
  test('(containerPort, protocol) unique: the list-map key of ports', () => {
    expectOne(set('ports', [{ containerPort: 80, name: 'http' }, { containerPort: 80, name: 'web' }]), `${C}.ports[1].containerPort`, /80\/TCP is already declared by ports\[0\]/);
    expectOne(set('ports', [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'UDP' }]), `${C}.ports[1].containerPort`, /53\/UDP/);
    expectClean(set('ports', [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'TCP' }]));
  });
  test('ports as a map is a finding', () => {
    expectOne(set('ports', { http: 8080 }), `${C}.ports`, /an object .* not a list/);
  });
});

describe('env (ValidateEnv, 1.27)', () => {
  const env = (e: unknown[]): any => set('env', e);
  test('names', () => {
    expectClean(env([{ name: 'my.env-name', value: 'x' }, { name: '_X' }]));
    expectOne(env([{ name: 'A=B', value: 'x' }]), `${C}.env[0].name`, /contains "="/);
    expectOne(env([{ name: '1X', value: 'x' }]), `${C}.env[0].name`, /starts with a digit/);
    expectOne(env([{ value: 'x' }]), `${C}.env[0].name`, /no name/);
  });
  test('duplicates: the later silently wins, so refused', () => {
    expectOne(env([{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'A', value: '3' }]), `${C}.env[2].name`, /already set by env\[0\]/);
  });
  test('value must be a string', () => {
    expectOne(env([{ name: 'PORT', value: 3306 }]), `${C}.env[0].value`, /a whole number, not a string/);
    expect(validateObject(env([{ name: 'PORT', value: 3306 }]))[0].fix).toContain('"3306"');
  });
  test('valueFrom: one source, not with value', () => {
    const secret = { secretKeyRef: { name: 'db', key: 'password' } };
    expectClean(env([{ name: 'P', valueFrom: secret }]));
    expectOne(env([{ name: 'P', value: 'x', valueFrom: secret }]), `${C}.env[0].valueFrom`, /together with a non-empty value/);
    expectOne(env([{ name: 'P', valueFrom: {} }]), `${C}.env[0].valueFrom`, /no source/);
    expectOne(env([{ name: 'P', valueFrom: { ...secret, configMapKeyRef: { name: 'c', key: 'k' } } }]), `${C}.env[0].valueFrom`, /only one source/);
    expectOne(env([{ name: 'P', valueFrom: { secretKeyRef: { name: 'db' } } }]), `${C}.env[0].valueFrom.secretKeyRef.key`, /missing/);
    expectOne(env([{ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: 'a/b' } } }]), `${C}.env[0].valueFrom.secretKeyRef.key`, /contains "\/"/);
    expectOne(env([{ name: 'P', valueFrom: { secretKeyRef: { name: 'DB', key: 'k' } } }]), `${C}.env[0].valueFrom.secretKeyRef.name`, /Secret name "DB"/);
    expectOne(env([{ name: 'P', valueFrom: { configMapKeyRef: { key: 'k' } } }]), `${C}.env[0].valueFrom.configMapKeyRef.name`, /is empty/);
  });
  test('fieldRef and resourceFieldRef paths', () => {
    expectClean(env([{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'L', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } }]));
    expectOne(env([{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.nam' } } }]), `${C}.env[0].valueFrom.fieldRef.fieldPath`, /not supported/);
    expectOne(env([{ name: 'N', valueFrom: { fieldRef: {} } }]), `${C}.env[0].valueFrom.fieldRef.fieldPath`, /missing/);
    expectClean(env([{ name: 'M', valueFrom: { resourceFieldRef: { resource: 'limits.memory' } } }]));
    expectOne(env([{ name: 'M', valueFrom: { resourceFieldRef: { resource: 'limits.mem' } } }]), `${C}.env[0].valueFrom.resourceFieldRef.resource`, /not supported/);
  });
  test('envFrom: one source, prefix an env name', () => {
    expectClean(set('envFrom', [{ prefix: 'DB_', secretRef: { name: 'db' } }]));
    expectOne(set('envFrom', [{ prefix: '1_', secretRef: { name: 'db' } }]), `${C}.envFrom[0].prefix`, /starts with a digit/);
    expectOne(set('envFrom', [{}]), `${C}.envFrom[0]`, /no source/);
    expectOne(set('envFrom', [{ secretRef: { name: 'a' }, configMapRef: { name: 'b' } }]), `${C}.envFrom[0]`, /both/);
    expectOne(set('envFrom', [{ configMapRef: { name: 'A' } }]), `${C}.envFrom[0].configMapRef.name`, /ConfigMap name/);
  });
});

describe('resources (ValidateResourceRequirements)', () => {
  const res = (r: unknown): any => set('resources', r);
  test('names: standard or domain-prefixed', () => {
    expectClean(res({ limits: { 'nvidia.com/gpu': 1, 'ephemeral-storage': '1Gi' }, requests: { 'nvidia.com/gpu': 1 } }));
    expectOne(res({ limits: { gpu: 1 } }), `${C}.resources.limits[gpu]`, /not a standard container resource/);
  });
  test('quantities: syntax, not negative', () => {
    expectOne(res({ requests: { cpu: '-1' } }), `${C}.resources.requests[cpu]`, /negative/);
    expectOne(res({ requests: { memory: '1GB' } }), `${C}.resources.requests[memory]`, /unit "GB"/);
    expectOne(res({ requests: { memory: [] } }), `${C}.resources.requests[memory]`, /not a quantity/);
    expectClean(res({ requests: { cpu: 0, memory: 0 } }));
  });
  test('requests at most limits', () => {
    expectClean(res({ requests: { cpu: '0.5' }, limits: { cpu: '500m' } }));
    expectClean(res({ requests: { memory: '1Gi' }, limits: { memory: '1024Mi' } }));
    expectOne(res({ requests: { cpu: '501m' }, limits: { cpu: '500m' } }), `${C}.resources.requests[cpu]`, /more than its limit/);
    expectOne(res({ requests: { memory: '2Gi' }, limits: { memory: '1Gi' } }), `${C}.resources.requests[memory]`, /more than its limit \("2Gi" > "1Gi"\)/);
  });
  test('extended resources: whole numbers, request equal to limit, limit required', () => {
    expectOne(res({ limits: { 'nvidia.com/gpu': '1.5' } }), `${C}.resources.limits[nvidia.com/gpu]`, /whole number/);
    expectOne(res({ requests: { 'nvidia.com/gpu': 1 } }), `${C}.resources.limits[nvidia.com/gpu]`, /no limit/);
    expectOne(res({ requests: { 'nvidia.com/gpu': 1 }, limits: { 'nvidia.com/gpu': 2 } }), `${C}.resources.requests[nvidia.com/gpu]`, /cannot be overcommitted/);
  });
  test("memory in fractions of a byte ('256m') is refused as a unit mistake", () => {
    expectOne(res({ requests: { memory: '256m' }, limits: { memory: '256Mi' } }), `${C}.resources.requests[memory]`, /0\.256 bytes.*milli/);
    expect(validateObject(res({ requests: { memory: '256m' } }))[0].fix).toContain('"256Mi"');
    expectClean(res({ requests: { memory: '1.5Ki', cpu: '256m' } }));
  });
});

test('validateContainer checks a single container', () => {
  expect(validateContainer({ name: 'web', image: 'nginx:1.27.3' })).toEqual([]);
  expect(validateContainer({ name: 'Web', image: 'nginx:1.27.3' }, 'containers[0]')[0].field).toBe('containers[0].name');
});

describe('container: each condition apart', () => {
  const problems = (obj: unknown): string[][] => validateObject(obj).map((f) => [f.field, f.problem]);
  const pod = (spec: object, version?: string) => validateObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec },
    version ? { kubernetesVersion: version } : {});
  const web = (extra: object = {}) => ({ name: 'web', image: 'nginx:1.27.3', ...extra });

  test('port names of another type are reported and take no part in the duplicate check', () => {
    expect(problems(set('ports', [{ name: 5, containerPort: 80 }, { name: 5, containerPort: 81 }])).map(([f]) => f)).toEqual([`${C}.ports[0].name`, `${C}.ports[1].name`]);
  });
  test('a port name of null or "" is unset', () => {
    expectClean(set('ports', [{ name: null, containerPort: 80 }]));
    expectClean(set('ports', [{ name: '', containerPort: 80 }]));
  });
  test('containerPort null is missing; of another type it is reported once, without a duplicate key', () => {
    expectOne(set('ports', [{ containerPort: null }]), `${C}.ports[0].containerPort`, /containerPort is missing or 0/);
    expect(problems(set('ports', [{ containerPort: 'a' }, { containerPort: 'b' }])).map(([f]) => f)).toEqual([`${C}.ports[0].containerPort`, `${C}.ports[1].containerPort`]);
  });
  test('hostPort 0 and null are unset; of another type it takes no part in the host port clash', () => {
    expectClean(set('ports', [{ containerPort: 80, hostPort: 0 }]));
    expectClean(set('ports', [{ containerPort: 80, hostPort: null }]));
    const twoBad = pod({ containers: [web({ ports: [{ containerPort: 80, hostPort: 'x' }] }), { name: 'b', image: 'nginx:1', ports: [{ containerPort: 81, hostPort: 'y' }] }] });
    expect(twoBad.map((f) => f.field)).toEqual(['spec.containers[0].ports[0].hostPort', 'spec.containers[1].ports[0].hostPort']);
  });
  test('valueFrom: a null source is unset; two sources are named in the order of the API', () => {
    const env = (valueFrom: object) => set('env', [{ name: 'A', valueFrom }]);
    const secret = { name: 's', key: 'k' };
    expectClean(env({ secretKeyRef: secret, configMapKeyRef: null, fieldRef: null, resourceFieldRef: null }));
    expect(validateObject(env({ secretKeyRef: secret, fieldRef: { fieldPath: 'metadata.name' }, configMapKeyRef: null }))
      .map((f) => [f.problem, f.fix])).toEqual([['valueFrom sets fieldRef and secretKeyRef; only one source is allowed', 'keep one of fieldRef, secretKeyRef']]);
    expect(validateObject(env({ configMapKeyRef: secret, resourceFieldRef: { resource: 'limits.cpu' } })).map((f) => f.problem))
      .toEqual(['valueFrom sets resourceFieldRef and configMapKeyRef; only one source is allowed']);
  });
  test('a key reference: its name and a missing key are told apart for Secrets and ConfigMaps', () => {
    const env = (valueFrom: object) => set('env', [{ name: 'A', valueFrom }]);
    for (const [kind, what] of [['secretKeyRef', 'Secret'], ['configMapKeyRef', 'ConfigMap']]) {
      for (const key of [null, '', undefined]) {
        expect(validateObject(env({ [kind]: { name: 'n', key } })).map((f) => [f.field, f.problem, f.fix]))
          .toEqual([[`${C}.env[0].valueFrom.${kind}.key`, 'key is missing', `name the ${what} key to read, e.g. key: password`]]);
      }
      expect(validateObject(env({ [kind]: { name: 'N', key: 'k' } })).map((f) => f.problem)).toEqual([`${what} name "N" is not a valid DNS-1123 subdomain: it contains "N"`]);
      expect(problems(env({ [kind]: 'x' })).map(([f]) => f)).toEqual([`${C}.env[0].valueFrom.${kind}`]);
    }
  });
  test('env: distinct names are no duplicates; a null entry is skipped without a crash; a name of null or "" is missing', () => {
    expectClean(set('env', [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '3' }]));
    expect(problems(set('env', [null, { name: 'A', value: '1' }]))).toEqual([]);
    expectOne(set('env', [{ name: null, value: '1' }]), `${C}.env[0].name`, /env var has no name/);
    expectOne(set('env', [{ name: '', value: '1' }]), `${C}.env[0].name`, /env var has no name/);
  });
  test('envFrom: a null entry is skipped without a crash; a prefix of null or "" is unset; a null sibling source does not count', () => {
    expect(problems(set('envFrom', [null]))).toEqual([]);
    expectClean(set('envFrom', [{ prefix: '', configMapRef: { name: 'c' } }]));
    expectClean(set('envFrom', [{ prefix: null, configMapRef: { name: 'c' } }]));
    expectClean(set('envFrom', [{ configMapRef: { name: 'c' }, secretRef: null }]));
    expect(problems(set('envFrom', [{ configMapRef: 'c' }])).map(([f]) => f)).toEqual([`${C}.envFrom[0].configMapRef`]);
    expect(validateObject(set('envFrom', [{ secretRef: { name: 'S' } }])).map((f) => f.problem)).toEqual(['Secret name "S" is not a valid DNS-1123 subdomain: it contains "S"']);
    expect(validateObject(set('envFrom', [{ configMapRef: { name: 'S' } }])).map((f) => f.problem))
      .toEqual(['ConfigMap name "S" is not a valid DNS-1123 subdomain: it contains "S"']);
  });
  test('container name and image null are missing', () => {
    expectOne(set('name', null), `${C}.name`, /container has no name/);
    expectOne(set('image', null), `${C}.image`, /container has no image/);
  });
  test('command and args: each item must be a string', () => {
    expect(problems(set('command', ['sh', 1, 'x'])).map(([f]) => f)).toEqual([`${C}.command[1]`]);
    expect(problems(set('args', [2])).map(([f]) => f)).toEqual([`${C}.args[0]`]);
  });
  test('an init container with a null probe or null lifecycle has neither', () => {
    const init = (extra: object) => pod({ initContainers: [{ name: 'i', image: 'busybox:1.36', ...extra }], containers: [web()] });
    expect(init({ livenessProbe: null, lifecycle: null })).toEqual([]);
    expect(init({ lifecycle: { preStop: { exec: { command: ['true'] } } } }).map((f) => f.problem)).toEqual(['lifecycle may not be set on an init container']);
  });
  test('a sleep hook is bounded by the pod\'s grace period when it is set, by 30 seconds otherwise', () => {
    const hooked = (grace?: number) => pod({ ...(grace === undefined ? {} : { terminationGracePeriodSeconds: grace }),
      containers: [web({ lifecycle: { preStop: { sleep: { seconds: 45 } } } })] }, '1.30');
    expect(hooked(60)).toEqual([]);
    expect(hooked().map((f) => f.field)).toEqual(['spec.containers[0].lifecycle.preStop.sleep']);
  });
  test('a probe on an undeclared named port, with no ports declared: the fix says to declare it', () => {
    const probed = validateContainer(web({ readinessProbe: { httpGet: { path: '/', port: 'http' } } }));
    expect(probed.map((f) => f.fix)).toEqual(['declare it in ports (e.g. { name: "http", containerPort: 8080 }) or use a port number']);
  });
  test('validateContainer checks volume mounts only against the volume names given', () => {
    const mounted = web({ volumeMounts: [{ name: 'data', mountPath: '/data' }] });
    expect(validateContainer(mounted)).toEqual([]);
    expect(validateContainer(mounted, 'c', ['data'])).toEqual([]);
    expect(validateContainer(mounted, 'c', ['other']).map((f) => f.field)).toEqual(['c.volumeMounts[0].name']);
  });
});
