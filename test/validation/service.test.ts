import { validateObject } from '../../lib/validation';
import { DELETE, expectClean, expectOne, service, withField } from './helpers';

const P = 'spec.ports[0]';
const set = (path: string, value: unknown): any => withField(service(), path, value);

describe('Service type (ValidateService)', () => {
  test('enum, default ClusterIP', () => {
    for (const type of ['ClusterIP', 'NodePort', 'LoadBalancer']) expectClean(set('spec.type', type));
    expectClean(set('spec.type', DELETE));
    expectOne(set('spec.type', 'Nodeport'), 'spec.type', /"Nodeport" is not supported/);
    expect(validateObject(set('spec.type', 'Nodeport'))[0].fix).toContain('did you mean "NodePort"');
  });
  test('ExternalName needs a DNS name, and no ports', () => {
    const ext = withField(withField(set('spec.type', 'ExternalName'), 'spec.ports', DELETE), 'spec.externalName', 'db.example.com.');
    expectClean(ext);
    expectOne(withField(ext, 'spec.externalName', DELETE), 'spec.externalName', /needs externalName/);
    expectOne(withField(ext, 'spec.externalName', 'DB.example.com'), 'spec.externalName', /contains "D"/);
  });
  test('headless may not be NodePort or LoadBalancer', () => {
    expectClean(set('spec.clusterIP', 'None'));
    expectOne(withField(set('spec.clusterIP', 'None'), 'spec.type', 'NodePort'), 'spec.clusterIP', /may not be used with type NodePort/);
    expectOne(withField(set('spec.clusterIP', 'None'), 'spec.type', 'LoadBalancer'), 'spec.clusterIP', /LoadBalancer/);
  });
  test('ports required unless headless or ExternalName', () => {
    expectOne(set('spec.ports', []), 'spec.ports', /no ports/);
    expectOne(set('spec.ports', DELETE), 'spec.ports', /no ports/);
    expectClean(withField(set('spec.ports', []), 'spec.clusterIP', 'None'));
  });
});

describe('Service ports (validateServicePort)', () => {
  test('port 1..65535', () => {
    expectClean(set(`${P}.port`, 1));
    expectClean(set(`${P}.port`, 65535));
    expectOne(set(`${P}.port`, 0), `${P}.port`, /out of range/);
    expectOne(set(`${P}.port`, 70000), `${P}.port`, /out of range/);
    expectOne(set(`${P}.port`, DELETE), `${P}.port`, /no port number/);
    expectOne(set(`${P}.port`, '80'), `${P}.port`, /a string, not a whole number/);
  });
  test('targetPort: number 1..65535 or IANA name; 0 and unset default to port', () => {
    expectClean(set(`${P}.targetPort`, 8080));
    expectClean(set(`${P}.targetPort`, 0));
    expectClean(set(`${P}.targetPort`, DELETE));
    expectOne(set(`${P}.targetPort`, 65536), `${P}.targetPort`, /out of range/);
    expectOne(set(`${P}.targetPort`, 'HTTP'), `${P}.targetPort`, /IANA_SVC_NAME/);
    expectOne(set(`${P}.targetPort`, '8080'), `${P}.targetPort`, /quoted number/);
    expectOne(set(`${P}.targetPort`, 1.5), `${P}.targetPort`, /not a whole number or a string/);
  });
  test('names: required with several ports, DNS-1123 labels, unique', () => {
    const two = set('spec.ports', [{ name: 'http', port: 80 }, { name: 'https', port: 443 }]);
    expectClean(two);
    expectOne(withField(two, 'spec.ports[1].name', DELETE), 'spec.ports[1].name', /needs a name on each/);
    expectOne(withField(two, 'spec.ports[1].name', 'http'), 'spec.ports[1].name', /used twice/);
    expectOne(withField(two, 'spec.ports[1].name', 'HTTPS'), 'spec.ports[1].name', /DNS-1123 label/);
    expectClean(set(`${P}.name`, DELETE));
  });
  test('protocol enum; (port, protocol) unique', () => {
    expectOne(set(`${P}.protocol`, 'HTTP'), `${P}.protocol`, /not supported/);
    const dup = set('spec.ports', [{ name: 'a', port: 53 }, { name: 'b', port: 53 }]);
    expectOne(dup, 'spec.ports[1]', /53\/TCP is already declared/);
    expectClean(withField(dup, 'spec.ports[1].protocol', 'UDP'));
  });
  test('nodePort: only on NodePort/LoadBalancer, 30000..32767, unique', () => {
    const np = (n: unknown, type = 'NodePort'): any => withField(set(`${P}.nodePort`, n), 'spec.type', type);
    expectClean(np(30000));
    expectClean(np(32767));
    expectClean(np(31000, 'LoadBalancer'));
    expectOne(np(29999), `${P}.nodePort`, /outside the default node port range 30000-32767/);
    expectOne(np(32768), `${P}.nodePort`, /outside/);
    expectOne(np(70000), `${P}.nodePort`, /out of range/);
    expectOne(np(30080, 'ClusterIP'), `${P}.nodePort`, /only be set on NodePort and LoadBalancer/);
    expectOne(set(`${P}.nodePort`, 30080), `${P}.nodePort`, /not ClusterIP/);
    expectClean(np(0, 'ClusterIP'));
    const dup = withField(set('spec.ports', [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, nodePort: 30080 }]), 'spec.type', 'NodePort');
    expectOne(dup, 'spec.ports[1].nodePort', /already used by ports\[0\]/);
    // The allocator shares a node port only between protocols of one port number.
    const ports = (second: Record<string, unknown>): any => withField(set('spec.ports', [{ name: 'a', port: 53, nodePort: 30053 }, { name: 'b', nodePort: 30053, ...second }]),
      'spec.type', 'NodePort');
    expectClean(ports({ port: 53, protocol: 'UDP' }));
    expectOne(ports({ port: 54, protocol: 'UDP' }), 'spec.ports[1].nodePort', /already used by ports\[0\]/);
    const twice = validateObject(ports({ port: 53 })).map((f) => `${f.field}: ${f.problem}`);
    expect(twice).toContainEqual(expect.stringMatching(/^spec\.ports\[1\]\.nodePort: .*already used by ports\[0\]/));
  });
  test('a LoadBalancer may not expose the kubelet port', () => {
    expectOne(withField(set(`${P}.port`, 10250), 'spec.type', 'LoadBalancer'), `${P}.port`, /kubelet/);
    expectClean(set(`${P}.port`, 10250));
  });
});

describe('Service selector and policies', () => {
  test('selector is a label map', () => {
    expectOne(set('spec.selector', { app: 'we b' }), 'spec.selector[app]', /contains a space/);
  });
  test('externalTrafficPolicy only when externally reachable; enums', () => {
    expectClean(withField(set('spec.externalTrafficPolicy', 'Local'), 'spec.type', 'LoadBalancer'));
    expectOne(set('spec.externalTrafficPolicy', 'Local'), 'spec.externalTrafficPolicy', /only be set on externally reachable Services/);
    expectOne(withField(set('spec.externalTrafficPolicy', 'local'), 'spec.type', 'NodePort'), 'spec.externalTrafficPolicy', /not supported/);
    expectOne(set('spec.sessionAffinity', 'Sticky'), 'spec.sessionAffinity', /not supported/);
    expectOne(set('spec.internalTrafficPolicy', 'Node'), 'spec.internalTrafficPolicy', /not supported/);
    expectClean(withField(set('spec.externalTrafficPolicy', 'Local'), 'spec.externalIPs', ['203.0.113.10']));
  });
  test('sessionAffinityConfig: only with ClientIP, timeout 1..86400', () => {
    const sticky = (timeoutSeconds: number): any => withField(set('spec.sessionAffinity', 'ClientIP'), 'spec.sessionAffinityConfig', { clientIP: { timeoutSeconds } });
    expectClean(sticky(1));
    expectClean(sticky(86400));
    expectOne(sticky(0), 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', /between 1 and 86400/);
    expectOne(sticky(86401), 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', /between 1 and 86400/);
    expectOne(set('spec.sessionAffinityConfig', { clientIP: { timeoutSeconds: 10 } }), 'spec.sessionAffinityConfig', /only be set with sessionAffinity: ClientIP/);
  });
  test('externalIPs are IPs; loadBalancerSourceRanges only on LoadBalancers, CIDRs', () => {
    expectOne(set('spec.externalIPs', ['203.0.113.300']), 'spec.externalIPs[0]', /not an IP address/);
    expectOne(set('spec.externalIPs', ['fe80::1%eth0']), 'spec.externalIPs[0]', /not an IP address/);
    const lb = (ranges: unknown[]): any => withField(set('spec.loadBalancerSourceRanges', ranges), 'spec.type', 'LoadBalancer');
    expectClean(lb(['203.0.113.0/24', ' 10.0.0.0/8 ']));
    expectOne(lb(['203.0.113.0']), 'spec.loadBalancerSourceRanges[0]', /no prefix length/);
    expectOne(set('spec.loadBalancerSourceRanges', ['10.0.0.0/8']), 'spec.loadBalancerSourceRanges', /only be used with type LoadBalancer/);
  });
});

describe('service: each condition apart', () => {
  const problems = (obj: unknown): string[][] => validateObject(obj).map((f) => [f.field, f.problem]);
  const fields = (obj: unknown): string[] => validateObject(obj).map((f) => f.field);

  test('targetPort "" is unset, as 0 is', () => {
    expectClean(set(`${P}.targetPort`, ''));
  });
  test('a spec of null is missing; of another type it is reported once', () => {
    expect(problems(set('spec', null))).toEqual([['spec', 'the Service has no spec']]);
    expect(fields(set('spec', 'x'))).toEqual(['spec']);
  });
  test('a type of null or unset is ClusterIP: externalIPs make it externally reachable, and a nodePort is refused as on ClusterIP', () => {
    for (const type of [null, DELETE]) {
      const svc = withField(set('spec.type', type), 'spec.externalTrafficPolicy', 'Local');
      expectClean(withField(svc, 'spec.externalIPs', ['203.0.113.10']));
      expect(problems(svc).map(([, p]) => p)).toEqual([
        'externalTrafficPolicy may only be set on externally reachable Services (NodePort, LoadBalancer, or with externalIPs), not ClusterIP',
      ]);
      expect(problems(withField(set('spec.type', type), `${P}.nodePort`, 30080)).map(([, p]) => p))
        .toEqual(['nodePort may only be set on NodePort and LoadBalancer Services, not ClusterIP']);
    }
  });
  test('externalIPs make only a ClusterIP Service externally reachable, and only when not empty', () => {
    const ext = withField(withField(set('spec.type', 'ExternalName'), 'spec.ports', DELETE), 'spec.externalName', 'db.example.com');
    expect(problems(withField(withField(ext, 'spec.externalIPs', ['203.0.113.10']), 'spec.externalTrafficPolicy', 'Local')))
      .toEqual([['spec.externalTrafficPolicy',
        'externalTrafficPolicy may only be set on externally reachable Services (NodePort, LoadBalancer, or with externalIPs), not ExternalName']]);
    expectOne(withField(set('spec.externalIPs', []), 'spec.externalTrafficPolicy', 'Local'), 'spec.externalTrafficPolicy', /only be set on externally reachable/);
  });
  test('ports: null is no ports; another type is reported once', () => {
    expectOne(set('spec.ports', null), 'spec.ports', /no ports/);
    expect(fields(set('spec.ports', 'http'))).toEqual(['spec.ports']);
  });
  test('an externalIPs or loadBalancerSourceRanges entry that is not a string is reported once', () => {
    expect(fields(set('spec.externalIPs', [5]))).toEqual(['spec.externalIPs[0]']);
    const lb = withField(set('spec.loadBalancerSourceRanges', [5]), 'spec.type', 'LoadBalancer');
    expect(fields(lb)).toEqual(['spec.loadBalancerSourceRanges[0]']);
  });
  test('an empty loadBalancerSourceRanges is unset, on any type', () => {
    expectClean(set('spec.loadBalancerSourceRanges', []));
  });
  test('sessionAffinityConfig without clientIP is accepted with ClientIP affinity', () => {
    expectClean(withField(set('spec.sessionAffinity', 'ClientIP'), 'spec.sessionAffinityConfig', {}));
  });
  test('port name, appProtocol and nodePort of null are unset; a port name "" is unset on a single port', () => {
    expectClean(set(`${P}.name`, null));
    expectClean(set(`${P}.name`, ''));
    expectClean(set(`${P}.appProtocol`, null));
    expectClean(set(`${P}.nodePort`, null));
  });
  test('port null is missing', () => {
    expect(problems(set(`${P}.port`, null))).toEqual([[`${P}.port`, 'the Service port has no port number']]);
  });
  test('ports without a number, or with a nodePort of the wrong type, are no duplicates', () => {
    expect(fields(set('spec.ports', [{ name: 'a' }, { name: 'b' }]))).toEqual(['spec.ports[0].port', 'spec.ports[1].port']);
    const np = withField(set('spec.ports', [{ name: 'a', port: 80, nodePort: 'x' }, { name: 'b', port: 81, nodePort: 'y' }]), 'spec.type', 'NodePort');
    expect(fields(np)).toEqual(['spec.ports[0].nodePort', 'spec.ports[1].nodePort']);
  });
});
