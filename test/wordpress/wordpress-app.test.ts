import { ConfigurationError, HttpsIngress, QosClass, WordpressApp, WordpressAppProps } from '../../lib';
import { Manifest, one, selects, synth } from '../helpers';

function stack(props: WordpressAppProps = {}): Manifest[] {
  return synth((chart) => new WordpressApp(chart, 'wordpress', props));
}

function errorOf(props: WordpressAppProps): string {
  try {
    stack(props);
  } catch (e) {
    if (e instanceof ConfigurationError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigurationError');
}

const traefik = HttpsIngress.traefik({ host: 'wordpress.example.com', certResolver: 'letsencrypt' });

describe('the default stack', () => {
  const manifests = stack({ ingress: traefik });
  const deployment = one(manifests, 'Deployment', 'wordpress');
  const container = deployment.spec.template.spec.containers[0];
  const mysql = one(manifests, 'StatefulSet', 'wordpress-mysql');
  const mysqlContainer = mysql.spec.template.spec.containers[0];

  test('whole stack is pinned', () => {
    expect(manifests).toMatchSnapshot();
  });

  test('objects, in an order that applies in one pass', () => {
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
      'Namespace/kube-example', 'PersistentVolumeClaim/wordpress-pvc',
      'Service/wordpress-mysql', 'Service/wordpress-mysql-headless', 'StatefulSet/wordpress-mysql', 'NetworkPolicy/wordpress-mysql',
      'Deployment/wordpress', 'Service/wordpress', 'PodDisruptionBudget/wordpress', 'HorizontalPodAutoscaler/wordpress',
      'Middleware/wordpress-redirect-https', 'IngressRoute/wordpress-https', 'IngressRoute/wordpress-http',
    ]);
    expect(manifests.filter((m) => m.kind !== 'Namespace').every((m) => m.metadata.namespace === 'kube-example')).toBe(true);
  });

  test('MySQL: StatefulSet of 1 on a 20Gi RWO claim, pinned image, utf8mb4, no auth-plugin argument for 8.4', () => {
    expect(mysql.spec.replicas).toBe(1);
    expect(mysql.spec.serviceName).toBe('wordpress-mysql-headless');
    expect(mysqlContainer.image).toBe('mysql:8.4.3');
    expect(mysqlContainer.args).toEqual(['--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci']);
    expect(mysql.spec.volumeClaimTemplates[0].spec).toEqual({ accessModes: ['ReadWriteOnce'], storageClassName: 'rook-ceph-block', resources: { requests: { storage: '20Gi' } } });
    expect(mysqlContainer.volumeMounts).toEqual([{ name: 'data', mountPath: '/var/lib/mysql' }]);
    expect(mysql.spec.template.spec.terminationGracePeriodSeconds).toBe(60);
  });

  test('MySQL: database, user and passwords from the Secret, mysqladmin probes, Guaranteed', () => {
    expect(mysqlContainer.env).toEqual([
      { name: 'MYSQL_DATABASE', value: 'wordpress' },
      { name: 'MYSQL_USER', value: 'wordpress' },
      { name: 'MYSQL_PASSWORD', valueFrom: { secretKeyRef: { name: 'wordpress-db-pwd', key: 'dbpwd' } } },
      { name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'wordpress-db-pwd', key: 'rootpwd' } } },
    ]);
    expect(mysqlContainer.startupProbe.exec.command).toEqual(['mysqladmin', 'ping', '--host=127.0.0.1', '--silent']);
    expect(mysqlContainer.livenessProbe.exec.command[0]).toBe('mysqladmin');
    expect(mysqlContainer.readinessProbe.exec.command.join(' ')).toContain('SELECT 1');
    expect(mysqlContainer.resources).toEqual({ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '500m', memory: '1Gi' } });
  });

  test('MySQL Service on 3306 selects the MySQL pod; WordPress connects to wordpress-mysql:3306', () => {
    const service = one(manifests, 'Service', 'wordpress-mysql');
    expect(service.spec.ports).toEqual([{ name: 'mysql', port: 3306, targetPort: 'mysql', protocol: 'TCP' }]);
    expect(selects(service.spec.selector, mysql.spec.template.metadata.labels)).toBe(true);
    expect(selects(service.spec.selector, deployment.spec.template.metadata.labels)).toBe(false);
    expect(container.env[0]).toEqual({ name: 'WORDPRESS_DB_HOST', value: 'wordpress-mysql:3306' });
  });

  test('WordPress: pinned apache image, port 80 named wdport, Service 80 -> wdport', () => {
    expect(container.image).toBe('wordpress:6.7.1-apache');
    expect(container.ports).toEqual([{ name: 'wdport', containerPort: 80, protocol: 'TCP' }]);
    const service = one(manifests, 'Service', 'wordpress');
    expect(service.spec.ports).toEqual([{ name: 'wdport', port: 80, targetPort: 'wdport', protocol: 'TCP' }]);
    expect(selects(service.spec.selector, deployment.spec.template.metadata.labels)).toBe(true);
  });

  test('WordPress env: host, user, name, and the password from wordpress-db-pwd/dbpwd', () => {
    expect(container.env).toEqual([
      { name: 'WORDPRESS_DB_HOST', value: 'wordpress-mysql:3306' },
      { name: 'WORDPRESS_DB_USER', value: 'wordpress' },
      { name: 'WORDPRESS_DB_NAME', value: 'wordpress' },
      { name: 'WORDPRESS_DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'wordpress-db-pwd', key: 'dbpwd' } } },
    ]);
  });

  test('WordPress rollout: surge 1, unavailable 0, minReady 5, history 10, no spec.replicas (HPA owns it)', () => {
    expect(deployment.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } });
    expect(deployment.spec.minReadySeconds).toBe(5);
    expect(deployment.spec.revisionHistoryLimit).toBe(10);
    expect(deployment.spec.replicas).toBeUndefined();
  });

  test('WordPress probes and shutdown: startup httpGet on port 80, tcp readiness, preStop sleep 20 inside a 30 s grace period', () => {
    expect(container.startupProbe.httpGet).toEqual({ path: '/', port: 'wdport', scheme: 'HTTP' });
    expect(container.readinessProbe.tcpSocket).toEqual({ port: 'wdport' });
    expect(container.livenessProbe).toBeUndefined();
    expect(container.lifecycle.preStop.exec.command).toEqual(['/bin/sh', '-c', 'sleep 20']);
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBe(30);
  });

  test('WordPress QoS: Guaranteed 200m / 150Mi', () => {
    expect(container.resources).toEqual({ requests: { cpu: '200m', memory: '150Mi' }, limits: { cpu: '200m', memory: '150Mi' } });
  });

  test('WordPress spreading: preferred anti-affinity on hostname', () => {
    expect(deployment.spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey).toBe('kubernetes.io/hostname');
    expect(deployment.spec.template.spec.affinity.podAffinity).toBeUndefined();
  });

  test('HPA 3..6 at 20% CPU on the Deployment; PDB maxUnavailable 1 over exactly the WordPress pods', () => {
    const hpa = one(manifests, 'HorizontalPodAutoscaler');
    expect(hpa.spec).toMatchObject({ minReplicas: 3, maxReplicas: 6, scaleTargetRef: { kind: 'Deployment', name: 'wordpress' } });
    expect(hpa.spec.metrics[0].resource).toEqual({ name: 'cpu', target: { type: 'Utilization', averageUtilization: 20 } });
    const pdb = one(manifests, 'PodDisruptionBudget');
    expect(pdb.spec.maxUnavailable).toBe(1);
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    expect(selects(pdb.spec.selector.matchLabels, mysql.spec.template.metadata.labels)).toBe(false);
  });

  test('/var/www/html on a 2Gi ReadWriteMany claim on csi-cephfs', () => {
    const pvc = one(manifests, 'PersistentVolumeClaim', 'wordpress-pvc');
    expect(pvc.spec).toEqual({ accessModes: ['ReadWriteMany'], storageClassName: 'csi-cephfs', resources: { requests: { storage: '2Gi' } } });
    expect(container.volumeMounts).toEqual([{ name: 'wordpress-data', mountPath: '/var/www/html' }]);
    expect(deployment.spec.template.spec.volumes).toEqual([{ name: 'wordpress-data', persistentVolumeClaim: { claimName: 'wordpress-pvc' } }]);
  });

  test('no password and no Secret in the manifests', () => {
    expect(manifests.some((m) => m.kind === 'Secret')).toBe(false);
    expect(JSON.stringify(manifests)).not.toMatch(/"name":"[A-Z_]*PASSWORD","value"/);
  });

  test('NetworkPolicy admits only the WordPress pods to MySQL on 3306', () => {
    const policy = one(manifests, 'NetworkPolicy');
    expect(policy.spec.podSelector.matchLabels).toEqual(mysql.spec.selector.matchLabels);
    expect(policy.spec.policyTypes).toEqual(['Ingress']);
    expect(policy.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: deployment.spec.selector.matchLabels } }], ports: [{ protocol: 'TCP', port: 3306 }] }]);
  });

  test('tiers are distinguishable by label', () => {
    expect(deployment.spec.template.metadata.labels).toMatchObject({ tier: 'frontend', 'app.kubernetes.io/component': 'frontend', 'app.kubernetes.io/part-of': 'wordpress' });
    expect(mysql.spec.template.metadata.labels).toMatchObject({ tier: 'mysql', 'app.kubernetes.io/component': 'database', 'app.kubernetes.io/part-of': 'wordpress' });
  });

  test('Argo CD sync waves: namespace and storage 0, database 1, WordPress 2, ingress 3', () => {
    const wave = (m: Manifest) => m.metadata.annotations?.['argocd.argoproj.io/sync-wave'];
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}=${wave(m)}`)).toEqual([
      'Namespace/kube-example=0', 'PersistentVolumeClaim/wordpress-pvc=0',
      'Service/wordpress-mysql=1', 'Service/wordpress-mysql-headless=1', 'StatefulSet/wordpress-mysql=1', 'NetworkPolicy/wordpress-mysql=1',
      'Deployment/wordpress=2', 'Service/wordpress=2', 'PodDisruptionBudget/wordpress=2', 'HorizontalPodAutoscaler/wordpress=2',
      'Middleware/wordpress-redirect-https=3', 'IngressRoute/wordpress-https=3', 'IngressRoute/wordpress-http=3',
    ]);
    expect(deployment.spec.template.metadata.annotations).toBeUndefined();
    expect(stack({ syncWaves: false }).some((m) => wave(m) !== undefined)).toBe(false);
  });

  test('Traefik: websecure route with the cert resolver, web route that redirects to https (traefik.io/v1alpha1)', () => {
    const https = one(manifests, 'IngressRoute', 'wordpress-https');
    const http = one(manifests, 'IngressRoute', 'wordpress-http');
    const redirect = one(manifests, 'Middleware');
    expect(https.apiVersion).toBe('traefik.io/v1alpha1');
    expect(https.spec).toEqual({
      entryPoints: ['websecure'],
      routes: [{ kind: 'Rule', match: 'Host(`wordpress.example.com`)', services: [{ name: 'wordpress', port: 80 }] }],
      tls: { certResolver: 'letsencrypt', domains: [{ main: 'wordpress.example.com' }] },
    });
    expect(http.spec.entryPoints).toEqual(['web']);
    expect(http.spec.routes[0].middlewares).toEqual([{ name: redirect.metadata.name }]);
    expect(redirect.spec).toEqual({ redirectScheme: { scheme: 'https', permanent: true } });
  });
});

describe('options', () => {
  test('standard Ingress with TLS and a cert-manager issuer', () => {
    const ingress = one(stack({ ingress: HttpsIngress.standard({ host: 'blog.example.com', ingressClassName: 'nginx', tlsSecretName: 'blog-tls', clusterIssuer: 'letsencrypt' }) }), 'Ingress');
    expect(ingress.apiVersion).toBe('networking.k8s.io/v1');
    expect(ingress.metadata.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'letsencrypt', 'argocd.argoproj.io/sync-wave': '3' });
    expect(ingress.spec).toEqual({
      ingressClassName: 'nginx',
      tls: [{ hosts: ['blog.example.com'], secretName: 'blog-tls' }],
      rules: [{ host: 'blog.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'wordpress', port: { number: 80 } } } }] } }],
    });
  });

  test('no namespace object, no ingress, fixed replicas, other names and classes', () => {
    const manifests = stack({
      createNamespace: false, name: 'blog', namespace: 'web', replicas: 4,
      storage: { storageClassName: 'nfs', size: '5Gi' }, mysql: { storageClassName: 'gp3', storageSize: '50Gi' },
      databaseName: 'blog', databaseUser: 'blogger', credentials: { secretName: 'blog-db', passwordKey: 'pw', rootPasswordKey: 'root' },
      extraEnv: { WORDPRESS_CONFIG_EXTRA: "define('WP_HOME', 'https://blog.example.com');" },
    });
    expect(manifests.some((m) => ['Namespace', 'HorizontalPodAutoscaler', 'IngressRoute', 'Ingress'].includes(m.kind))).toBe(false);
    const d = one(manifests, 'Deployment', 'blog');
    expect(d.spec.replicas).toBe(4);
    expect(d.spec.template.spec.containers[0].env).toContainEqual({ name: 'WORDPRESS_DB_HOST', value: 'blog-mysql:3306' });
    expect(d.spec.template.spec.containers[0].env).toContainEqual({ name: 'WORDPRESS_CONFIG_EXTRA', value: "define('WP_HOME', 'https://blog.example.com');" });
    expect(d.spec.template.spec.containers[0].env).toContainEqual({ name: 'WORDPRESS_DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'blog-db', key: 'pw' } } });
    expect(one(manifests, 'PersistentVolumeClaim').spec).toMatchObject({ storageClassName: 'nfs', resources: { requests: { storage: '5Gi' } } });
    expect(one(manifests, 'StatefulSet').spec.volumeClaimTemplates[0].spec).toMatchObject({ storageClassName: 'gp3', resources: { requests: { storage: '50Gi' } } });
  });

  test('local-dev passwords render a Secret only with the explicit opt-in', () => {
    const manifests = stack({ localDevPasswords: { password: 'dev', rootPassword: 'devroot' }, allowPasswordsInManifests: true });
    expect(one(manifests, 'Secret', 'wordpress-db-pwd').stringData).toEqual({ dbpwd: 'dev', rootpwd: 'devroot' });
  });

  test('the construct exposes the QoS class of the WordPress tier', () => {
    let app!: WordpressApp;
    synth((chart) => { app = new WordpressApp(chart, 'w'); });
    expect(app.wordpress.qosClass).toBe(QosClass.GUARANTEED);
  });
});

describe('refusals', () => {
  test.each<[string, WordpressAppProps, RegExp]>([
    ['literal passwords without opt-in', { localDevPasswords: { password: 'a', rootPassword: 'b' } }, /localDevPasswords = "\(redacted\)": would write passwords into dist\/.*kubectl/],
    ['ReadWriteOnce files volume with several replicas', { storage: { accessMode: 'ReadWriteOnce' } }, /storage\.accessMode = "ReadWriteOnce": ReadWriteOnce attaches to one node, .*Multi-Attach/],
    ['replicas and autoscaling together', { replicas: 3, autoscaling: { minReplicas: 3, maxReplicas: 6 } }, /replicas = 3: is set together with autoscaling/],
    ['extraEnv overriding the database wiring', { extraEnv: { WORDPRESS_DB_HOST: 'elsewhere' } }, /extraEnv\.WORDPRESS_DB_HOST = .*would override the database wiring/],
    ['a literal password in extraEnv', { extraEnv: { WORDPRESS_AUTH_KEY: 'x', SMTP_PASSWORD: 'x' } }, /env\.SMTP_PASSWORD = "\(redacted\)": is a credential written as a literal/],
    ['an ingress host with a scheme', { ingress: HttpsIngress.traefik({ host: 'https://blog.example.com', certResolver: 'le' }) }, /ingress\.host = "https:\/\/blog\.example\.com": is not a non-wildcard DNS host name/],
    ['a Traefik route without a cert resolver', { ingress: HttpsIngress.traefik({ host: 'blog.example.com', certResolver: '' }) }, /ingress\.certResolver = "": is required for HTTPS/],
    ['a standard Ingress with a bad TLS secret name', { ingress: HttpsIngress.standard({ host: '*.example.com', ingressClassName: 'nginx', tlsSecretName: 'Blog TLS' }) }, /ingress\.tlsSecretName = "Blog TLS": is not a valid Secret name/],
    ['the auth-plugin argument on MySQL 8.4', { mysql: { extraArgs: ['--default-authentication-plugin=mysql_native_password'] } }, /args = "--default-authentication-plugin=mysql_native_password": was removed in MySQL 8\.4, so mysql:8\.4\.3 refuses to start/],
    ['an unpinned MySQL image', { mysql: { image: 'mysql' } }, /MysqlDatabase "wordpress-mysql": 1 invalid prop\n  - image = "mysql": has no tag/],
    ['Burstable MySQL resources asked as Guaranteed', { mysql: { resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } } } }, /resources\.requests\.cpu = "1": 1 differs from limits\.cpu 2/],
  ])('%s', (_title, props, message) => {
    expect(errorOf(props)).toMatch(message);
  });

  test('the auth-plugin argument is accepted where MySQL still has it (8.0)', () => {
    const args = one(stack({ mysql: { image: 'mysql:8.0.40', extraArgs: ['--default-authentication-plugin=mysql_native_password'] } }), 'StatefulSet').spec.template.spec.containers[0].args;
    expect(args).toContain('--default-authentication-plugin=mysql_native_password');
  });
});
