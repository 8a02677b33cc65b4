import { ConfigurationError, PreStop, Probe, QosClass, ZERO_DOWNTIME_DEFAULTS, ZeroDowntimeDeployment, ZeroDowntimeDeploymentProps } from '../../lib';
import { Chart, Testing } from 'cdk8s';
import { KubernetesVersion } from '../../lib';
import { baseProps, Manifest, one, selects, synth } from '../helpers';

function build(overrides: Partial<ZeroDowntimeDeploymentProps> = {}, namespace?: string): { manifests: Manifest[]; zdd: ZeroDowntimeDeployment } {
  let zdd!: ZeroDowntimeDeployment;
  const manifests = synth((chart) => { zdd = new ZeroDowntimeDeployment(chart, 'web', baseProps(overrides)); }, namespace);
  return { manifests, zdd };
}

function container(manifests: Manifest[]): any {
  return one(manifests, 'Deployment').spec.template.spec.containers[0];
}

function errorOf(overrides: Partial<ZeroDowntimeDeploymentProps>): ConfigurationError {
  try {
    build(overrides);
  } catch (e) {
    if (e instanceof ConfigurationError) return e;
    throw e;
  }
  throw new Error('expected a ConfigurationError');
}

describe('defaults', () => {
  const { manifests, zdd } = build();
  const deployment = one(manifests, 'Deployment');

  test('whole manifest set is pinned', () => {
    expect(manifests).toMatchSnapshot();
  });

  test('renders a Deployment, Service and PDB and nothing else', () => {
    expect(manifests.map((m) => `${m.apiVersion}/${m.kind}/${m.metadata.name}`)).toEqual([
      'apps/v1/Deployment/web', 'v1/Service/web', 'policy/v1/PodDisruptionBudget/web',
    ]);
  });

  test('rolling update: surge 1, unavailable 0, minReady 5, history 10, deadline 600, 3 replicas', () => {
    expect(deployment.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } });
    expect(deployment.spec.minReadySeconds).toBe(5);
    expect(deployment.spec.revisionHistoryLimit).toBe(10);
    expect(deployment.spec.progressDeadlineSeconds).toBe(600);
    expect(deployment.spec.replicas).toBe(3);
  });

  test('preStop sleeps 20 s through /bin/sh and the grace period is 30 s, above it', () => {
    expect(container(manifests).lifecycle).toEqual({ preStop: { exec: { command: ['/bin/sh', '-c', 'sleep 20'] } } });
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBe(30);
    expect(zdd.preStopSeconds).toBe(20);
    expect(zdd.terminationGracePeriodSeconds).toBe(30);
  });

  test('Guaranteed QoS: requests equal limits, and the construct says so', () => {
    expect(container(manifests).resources).toEqual({ requests: { cpu: '250m', memory: '128Mi' }, limits: { cpu: '250m', memory: '128Mi' } });
    expect(zdd.qosClass).toBe(QosClass.GUARANTEED);
  });

  test('readiness probe renders every timing field on the named port; no liveness, no startup', () => {
    expect(container(manifests).readinessProbe).toEqual({
      httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' },
      initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3,
    });
    expect(container(manifests).livenessProbe).toBeUndefined();
    expect(container(manifests).startupProbe).toBeUndefined();
  });

  test('container: named port, IfNotPresent, no security context or other cdk8s-plus defaults', () => {
    const c = container(manifests);
    expect(c.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
    expect(c.imagePullPolicy).toBe('IfNotPresent');
    expect(c.securityContext).toBeUndefined();
    expect(deployment.spec.template.spec.securityContext).toBeUndefined();
    expect(deployment.spec.template.spec.automountServiceAccountToken).toBeUndefined();
  });

  test('preferred pod ANTI-affinity on the hostname, never podAffinity', () => {
    const affinity = deployment.spec.template.spec.affinity;
    expect(affinity.podAffinity).toBeUndefined();
    expect(affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution).toEqual([{
      weight: 100,
      podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: deployment.spec.selector.matchLabels } },
    }]);
    expect(deployment.spec.template.spec.topologySpreadConstraints).toBeUndefined();
  });

  test('PDB: policy/v1, maxUnavailable 1, selecting exactly the Deployment pods', () => {
    const pdb = one(manifests, 'PodDisruptionBudget');
    expect(pdb.apiVersion).toBe('policy/v1');
    expect(pdb.spec.maxUnavailable).toBe(1);
    expect(pdb.spec.minAvailable).toBeUndefined();
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
  });

  test('Service: ClusterIP, selects the pods, targetPort is the named container port', () => {
    const service = one(manifests, 'Service');
    expect(service.spec.type).toBe('ClusterIP');
    expect(selects(service.spec.selector, deployment.spec.template.metadata.labels)).toBe(true);
    expect(service.spec.ports).toEqual([{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }]);
  });

  test('names as given, namespace always explicit, stable selector of app.kubernetes.io labels only', () => {
    for (const m of manifests) {
      expect(m.metadata.name).toBe('web');
      expect(m.metadata.namespace).toBe('default');
      expect(m.metadata.labels['app.kubernetes.io/managed-by']).toBe('cdk8s');
    }
    expect(deployment.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/instance': 'web' });
    expect(deployment.spec.template.metadata.labels['app.kubernetes.io/version']).toBe('1.27.3');
    expect(JSON.stringify(manifests)).not.toContain('cdk8s.io/metadata.addr');
  });
});

describe('options', () => {
  test('namespace comes from the chart when not given', () => {
    const { manifests } = build({}, 'shop');
    expect(manifests.every((m) => m.metadata.namespace === 'shop')).toBe(true);
  });

  test('autoscaling renders an autoscaling/v2 HPA and the Deployment has no spec.replicas', () => {
    const { manifests, zdd } = build({ autoscaling: { minReplicas: 3, maxReplicas: 6, cpuUtilization: 20 } });
    expect(one(manifests, 'Deployment').spec.replicas).toBeUndefined();
    const hpa = one(manifests, 'HorizontalPodAutoscaler');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 3, maxReplicas: 6,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 20 } } }],
    });
    expect(zdd.horizontalPodAutoscaler).toBeDefined();
  });

  test('autoscaling defaults to 80% CPU, and renders memory and behavior when given', () => {
    expect(one(build({ autoscaling: { minReplicas: 2, maxReplicas: 4 } }).manifests, 'HorizontalPodAutoscaler').spec.metrics)
      .toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
    const behavior = { scaleDown: { stabilizationWindowSeconds: 600 } };
    const hpa = one(build({ autoscaling: { minReplicas: 2, maxReplicas: 4, memoryUtilization: 70, behavior } }).manifests, 'HorizontalPodAutoscaler');
    expect(hpa.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 70 } } }]);
    expect(hpa.spec.behavior).toEqual(behavior);
  });

  test('native preStop sleep is patched in (the 1.27 types lack it) for a 1.30 cluster', () => {
    const app = Testing.app();
    KubernetesVersion.set(app, '1.30');
    const chart = new Chart(app, 'test');
    new ZeroDowntimeDeployment(chart, 'web', baseProps({ preStop: PreStop.nativeSleep(15) }));
    const manifests = chart.toJson() as Manifest[];
    expect(container(manifests).lifecycle).toEqual({ preStop: { sleep: { seconds: 15 } } });
    expect(one(manifests, 'Deployment').spec.template.spec.terminationGracePeriodSeconds).toBe(25);
  });

  test.each([
    ['1.29', { exec: { command: ['/bin/sh', '-c', 'sleep 20'] } }],
    ['1.30', { sleep: { seconds: 20 } }],
    ['v1.31', { sleep: { seconds: 20 } }],
  ])('the default preStop for a %s target: the native sleep from 1.30 (no shell needed), else /bin/sh', (version, preStop) => {
    const app = Testing.app();
    KubernetesVersion.set(app, version);
    const chart = new Chart(app, 'test');
    const zdd = new ZeroDowntimeDeployment(chart, 'web', baseProps());
    const manifests = chart.toJson() as Manifest[];
    expect(container(manifests).lifecycle).toEqual({ preStop });
    expect(zdd.preStopSeconds).toBe(20);
    expect(one(manifests, 'Deployment').spec.template.spec.terminationGracePeriodSeconds).toBe(30);
  });

  test('native preStop sleep is refused for the default 1.27, naming the way out', () => {
    expect(errorOf({ preStop: PreStop.nativeSleep(15) }).message).toMatch(
      /preStop = "PreStop\.nativeSleep\(15\)": the native sleep hook exists only from Kubernetes 1\.30.*Fix: use PreStop\.sleep\(15\), or, if every cluster runs 1\.30 or later, new ZeroDowntimeApp\(\{ kubernetesVersion: '1\.30' \}\)/,
    );
  });

  test('httpGet and custom-command preStop hooks (seed 002)', () => {
    expect(container(build({ preStop: PreStop.httpGet({ path: '/drain', durationSeconds: 15 }) }).manifests).lifecycle)
      .toEqual({ preStop: { httpGet: { path: '/drain', port: 'http', scheme: 'HTTP' } } });
    const command = ['/bin/sh', '-c', 'rm /usr/share/nginx/html/healthy.html && sleep 10'];
    const { manifests, zdd } = build({ preStop: PreStop.command(command, 10) });
    expect(container(manifests).lifecycle).toEqual({ preStop: { exec: { command } } });
    expect(zdd.terminationGracePeriodSeconds).toBe(20);
  });

  test('startup and liveness probes, tcp and exec actions', () => {
    const c = container(build({
      startupProbe: Probe.tcpSocket({ initialDelaySeconds: 20, failureThreshold: 30, periodSeconds: 5 }),
      livenessProbe: Probe.exec(['cat', '/tmp/healthy'], { failureThreshold: 6 }),
    }).manifests);
    expect(c.startupProbe).toEqual({ tcpSocket: { port: 'http' }, initialDelaySeconds: 20, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 30 });
    expect(c.livenessProbe.exec).toEqual({ command: ['cat', '/tmp/healthy'] });
  });

  test('explicit Burstable QoS is accepted and reported', () => {
    const { manifests, zdd } = build({ resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' }, qosClass: QosClass.BURSTABLE } });
    expect(zdd.qosClass).toBe(QosClass.BURSTABLE);
    expect(container(manifests).resources).toEqual({ requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } });
  });

  test('env from Secrets, command, args, volumes, labels, annotations, change-cause, security context', () => {
    const { manifests } = build({
      env: { DB_HOST: 'db:3306', DB_PASSWORD: { secretKeyRef: { name: 'db', key: 'password' } } },
      command: ['/bin/app'], args: ['--port', '8080'],
      volumes: [
        { name: 'data', mountPath: '/data', source: { persistentVolumeClaim: { claimName: 'data', accessMode: 'ReadWriteMany' } } },
        { name: 'tmp', mountPath: '/tmp', source: { emptyDir: { sizeLimit: '1Gi' } } },
      ],
      labels: { tier: 'frontend' }, annotations: { team: 'web' }, podAnnotations: { 'prometheus.io/scrape': 'true' },
      changeCause: 'upgrade to 1.27.3', securityContext: { allowPrivilegeEscalation: false },
      component: 'frontend', partOf: 'shop',
    });
    const d = one(manifests, 'Deployment');
    const c = container(manifests);
    expect(c.env).toEqual([{ name: 'DB_HOST', value: 'db:3306' }, { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }]);
    expect(c.command).toEqual(['/bin/app']);
    expect(c.args).toEqual(['--port', '8080']);
    expect(c.volumeMounts).toEqual([{ name: 'data', mountPath: '/data' }, { name: 'tmp', mountPath: '/tmp' }]);
    expect(d.spec.template.spec.volumes).toEqual([{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }, { name: 'tmp', emptyDir: { sizeLimit: '1Gi' } }]);
    expect(d.metadata.annotations).toEqual({ team: 'web', 'kubernetes.io/change-cause': 'upgrade to 1.27.3', 'zero-downtime.audit/qos-class': 'Guaranteed' });
    expect(d.spec.template.metadata.annotations).toEqual({ 'prometheus.io/scrape': 'true' });
    expect(d.spec.template.metadata.labels.tier).toBe('frontend');
    expect(d.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/instance': 'web', 'app.kubernetes.io/component': 'frontend' });
    expect(d.metadata.labels['app.kubernetes.io/part-of']).toBe('shop');
    expect(c.securityContext).toEqual({ allowPrivilegeEscalation: false });
  });

  test('required anti-affinity, zone spread, NodePort service', () => {
    const { manifests } = build({ spread: { podAntiAffinity: 'required', zoneSpread: true }, service: { type: 'NodePort', port: 80, nodePort: 30012 } });
    const spec = one(manifests, 'Deployment').spec.template.spec;
    expect(spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey).toBe('kubernetes.io/hostname');
    expect(spec.topologySpreadConstraints).toEqual([
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: one(manifests, 'Deployment').spec.selector.matchLabels },
      },
    ]);
    expect(one(manifests, 'Service').spec).toMatchObject({ type: 'NodePort', ports: [{ port: 80, nodePort: 30012, targetPort: 'http' }] });
  });

  test('single replica is accepted only with allowSingleReplica', () => {
    expect(one(build({ replicas: 1, allowSingleReplica: true, disruptionBudget: { maxUnavailable: 1 }, rollout: { maxSurge: 1 } }).manifests, 'Deployment').spec.replicas).toBe(1);
  });
});

describe('refusals name the prop, the value and the fix', () => {
  const cases: Array<[string, Partial<ZeroDowntimeDeploymentProps>, RegExp]> = [
    ['maxSurge and maxUnavailable both 0', { rollout: { maxSurge: 0, maxUnavailable: 0 } }, /rollout\.maxSurge = 0: .*both come to 0.*Fix: set maxSurge to 1/],
    ['percentages that round to 0 and 0', { rollout: { maxSurge: '0%', maxUnavailable: '20%' } }, /rollout\.maxSurge = "0%".*both come to 0/],
    ['maxUnavailable >= replicas', { rollout: { maxUnavailable: 3 } }, /rollout\.maxUnavailable = 3: .*all 3 replicas down.*Fix: set maxUnavailable to 0/],
    [
      'preStop sleep equal to the grace period (seed 002)',
      { preStop: PreStop.sleep(10), terminationGracePeriodSeconds: 10 },
      /terminationGracePeriodSeconds = 10: .*not above the preStop sleep of 10s.*Fix: set terminationGracePeriodSeconds to at least 20/,
    ],
    ['preStop sleep above the grace period', { preStop: PreStop.sleep(40), terminationGracePeriodSeconds: 30 }, /SIGKILL before the sleep ends/],
    ['grace period below preStop + shutdown budget', { terminationGracePeriodSeconds: 25 }, /leaves 5s after the 20s preStop sleep, less than the 10s shutdown budget/],
    ['no readiness probe', { readinessProbe: undefined }, /readinessProbe = undefined: is required\. Fix: set it, e\.g\. readinessProbe: Probe\.httpGet/],
    ['liveness identical to readiness', { livenessProbe: Probe.httpGet({ path: '/healthz' }) }, /livenessProbe = .*identical to readinessProbe/],
    [
      'probe on an undeclared port number',
      { readinessProbe: Probe.httpGet({ port: 9090 }) },
      /readinessProbe\.httpGet\.port = 9090: readiness probe port 9090 is not declared by the container \(declared: http \(8080\)\)/,
    ],
    [
      'probe on an undeclared port name',
      { startupProbe: Probe.tcpSocket({ port: 'metrics' }) },
      /startupProbe\.tcpSocket\.port = "metrics": startup probe port "metrics" is not declared/,
    ],
    ['image without a tag', { image: 'nginx' }, /image = "nginx": has no tag.*Fix: pin the version you tested, e\.g\. 'nginx:1\.2\.3'/],
    ['image with latest', { image: 'nginx:latest' }, /image = "nginx:latest": uses the :latest tag/],
    ['registry:port/app counts as untagged', { image: 'registry.local:5000/app' }, /image = "registry.local:5000\/app": has no tag/],
    [
      'Guaranteed with a missing limit',
      { resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '100m' } } },
      /resources\.limits\.memory = undefined: is missing, so the pod cannot be Guaranteed/,
    ],
    [
      'Guaranteed with request != limit',
      { resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '200m', memory: '64Mi' } } },
      /resources\.requests\.cpu = "100m": 100m differs from limits\.cpu 200m, so the pod would be Burstable/,
    ],
    [
      'limit below request',
      { resources: { requests: { cpu: '1', memory: '64Mi' }, limits: { cpu: '500m' }, qosClass: QosClass.BURSTABLE } },
      /resources\.limits\.cpu = "500m": limit 500m is below the request 1/,
    ],
    ['not a quantity', { resources: { requests: { cpu: 'lots', memory: '64Mi' }, limits: { cpu: 'lots', memory: '64Mi' } } }, /'lots' is not a Kubernetes quantity/],
    [
      'PDB minAvailable >= replicas',
      { disruptionBudget: { minAvailable: 3 } },
      /disruptionBudget\.minAvailable = 3: minAvailable 3 allows no disruption at 3 replicas: every node drain would hang/,
    ],
    ['PDB maxUnavailable 0', { disruptionBudget: { maxUnavailable: 0 } }, /disruptionBudget\.maxUnavailable = 0: .*allows no disruption/],
    ['PDB with both fields', { disruptionBudget: { maxUnavailable: 1, minAvailable: 1 } }, /disruptionBudget\.minAvailable = 1: minAvailable and maxUnavailable are both set/],
    ['PDB that protects nothing', { disruptionBudget: { maxUnavailable: '100%' } }, /lets a drain evict all 3 replicas at once/],
    // The API server's rule, from the rendered HPA, named by the prop that set spec.maxReplicas.
    ['HPA min > max', { autoscaling: { minReplicas: 5, maxReplicas: 3 } }, /^1 problem in 1 construct[\s\S]*autoscaling\.maxReplicas = 3: maxReplicas 3 is below minReplicas 5\. Fix: set maxReplicas to at least 5/],
    ['HPA min == max', { autoscaling: { minReplicas: 3, maxReplicas: 3 } }, /^1 problem in 1 construct[\s\S]*autoscaling\.maxReplicas = 3: maxReplicas 3 equals minReplicas, so the autoscaler can never scale\. Fix: raise maxReplicas/],
    ['replicas with autoscaling', { replicas: 3, autoscaling: { minReplicas: 3, maxReplicas: 6 } }, /replicas = 3: is set together with autoscaling/],
    ['one replica without opt-in', { replicas: 1, disruptionBudget: { maxUnavailable: 1 } }, /replicas = 1: a single pod cannot survive a node drain.*allowSingleReplica: true/],
    ['HPA min 1 without opt-in', { autoscaling: { minReplicas: 1, maxReplicas: 3 } }, /autoscaling\.minReplicas = 1: lets the autoscaler go down to one pod/],
    [
      'ReadWriteOnce claim on a surging rollout',
      { volumes: [{ name: 'data', mountPath: '/data', source: { persistentVolumeClaim: { claimName: 'data', accessMode: 'ReadWriteOnce' } } }] },
      /volumes\[0\]\.source\.persistentVolumeClaim\.accessMode = "ReadWriteOnce": ReadWriteOnce attaches to one node, but a rollout with maxSurge 1 starts the new pod while the old one still holds the volume: the new pod hangs in ContainerCreating with a Multi-Attach error/,
    ],
    ['negative timing', { rollout: { minReadySeconds: -1 } }, /rollout\.minReadySeconds = -1: -1 is below the minimum of 0\. Fix: use a whole number of at least 0/],
    [
      'non-integer timing',
      { readinessProbe: Probe.httpGet({ periodSeconds: 2.5 }) },
      /readinessProbe\.periodSeconds = 2\.5: periodSeconds 2\.5 is a fractional number, not a whole number/,
    ],
    ['non-integer preStop', { preStop: PreStop.sleep(1.5) }, /preStop \(duration seconds\) = 1\.5: 1\.5 is not a whole number/],
    [
      'liveness successThreshold other than 1',
      { livenessProbe: Probe.tcpSocket({ successThreshold: 2 }) },
      /livenessProbe\.successThreshold = 2: successThreshold 2 is not allowed on a livenessProbe: it must be 1/,
    ],
    ['progressDeadline not above minReady', { rollout: { minReadySeconds: 600 } }, /rollout\.progressDeadlineSeconds = 600: must exceed minReadySeconds \(600\)/],
    ['literal password in env', { env: { DB_PASSWORD: 'hunter2' } }, /env\.DB_PASSWORD = "\(redacted\)": is a credential written as a literal/],
    ['invalid name', { name: 'Web_1' }, /name = "Web_1": must be a DNS-1035 label/],
    ['invalid port name', { portName: 'a--b' }, /portName = "a--b": must be an IANA service name: it contains '--'/],
    ['invalid port', { port: 70000 }, /port = 70000: must be a whole number from 1 to 65535/],
    ['bad maxSurge format', { rollout: { maxSurge: '1.5' } }, /rollout\.maxSurge = "1\.5": "1\.5" must be a whole number or a percentage/],
    [
      'two sources for one volume',
      { volumes: [{ name: 'x', mountPath: '/x', source: { emptyDir: {}, configMap: { name: 'c' } } }] },
      /volumes\[0\]\.source = \["configMap","emptyDir"\]|volumes\[0\]\.source = \["emptyDir","configMap"\]/,
    ],
  ];

  test.each(cases)('%s', (_title, overrides, message) => {
    expect(errorOf(overrides).message).toMatch(message);
  });

  test('every problem is reported at once, not just the first', () => {
    const error = errorOf({ image: 'nginx', rollout: { maxSurge: 0, maxUnavailable: 0 }, readinessProbe: undefined });
    expect(error.problems.map((p) => p.prop)).toEqual(['readinessProbe', 'image', 'rollout.maxSurge']);
    expect(error.message).toMatch(
      /^3 problems in 1 construct; nothing was written\.\n\ntest\/web \(test\/deployment\/zero-downtime-deployment\.test\.ts:\d+\) ZeroDowntimeDeployment "web": 3 invalid props\n/,
    );
  });

  test('allowLiteralSecrets lets a literal through for local experiments', () => {
    expect(container(build({ env: { DB_PASSWORD: 'dev' }, allowLiteralSecrets: true }).manifests).env).toEqual([{ name: 'DB_PASSWORD', value: 'dev' }]);
  });

  test('a ReadWriteOnce claim is accepted where no two pods can share it', () => {
    const volumes = [{ name: 'data', mountPath: '/data', source: { persistentVolumeClaim: { claimName: 'data', accessMode: 'ReadWriteOnce' as const } } }];
    expect(() => build({ volumes, replicas: 1, allowSingleReplica: true, rollout: { maxSurge: 0, maxUnavailable: 1 }, disruptionBudget: { maxUnavailable: 1 } })).not.toThrow();
  });
});

test('the Deployment declares its QoS class for the audit', () => {
  expect(one(build().manifests, 'Deployment').metadata.annotations).toEqual({ 'zero-downtime.audit/qos-class': 'Guaranteed' });
  expect(
    one(build({ resources: { requests: { cpu: '1', memory: '1Gi' }, qosClass: QosClass.BURSTABLE } }).manifests, 'Deployment').metadata.annotations[
      'zero-downtime.audit/qos-class'
    ],
  ).toBe('Burstable');
});

describe('public state cannot be changed from outside', () => {
  test('ZERO_DOWNTIME_DEFAULTS is frozen, nested objects included', () => {
    expect(Object.isFrozen(ZERO_DOWNTIME_DEFAULTS)).toBe(true);
    expect(Object.isFrozen(ZERO_DOWNTIME_DEFAULTS.disruptionBudget)).toBe(true);
    expect(() => { (ZERO_DOWNTIME_DEFAULTS.disruptionBudget as any).maxUnavailable = 0; }).toThrow(TypeError);
  });

  test('mutating zdd.selector after construction changes neither the Deployment nor the Service selector', () => {
    let zdd!: ZeroDowntimeDeployment;
    const manifests = synth((chart) => {
      zdd = new ZeroDowntimeDeployment(chart, 'web', baseProps());
      try { (zdd.selector as any)['app.kubernetes.io/name'] = 'other'; } catch { /* frozen: refused in strict mode */ }
    });
    expect(zdd.selector['app.kubernetes.io/name']).toBe('web');
    expect(one(manifests, 'Deployment').spec.selector.matchLabels['app.kubernetes.io/name']).toBe('web');
    expect(one(manifests, 'Service').spec.selector['app.kubernetes.io/name']).toBe('web');
  });

  test('probe timings are frozen', () => {
    expect(Object.isFrozen(Probe.tcpSocket().timings)).toBe(true);
  });
});
