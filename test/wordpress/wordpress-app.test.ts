import { WordpressDatabase, HttpsIngress, QosClass, WordpressApp, WordpressAppProps } from '../../lib';
import { DatabaseConnection } from '../../lib/database/connection';
import { Manifest, one, refusalOf, selects, synth, jobNamed } from '../helpers';
import { NO_DASHBOARD_CORE_UPDATE } from '../../lib/wordpress/wordpress-app';
import { withClass } from './with-class';

const SITE = { siteUrl: 'https://blog.example.com' };

function stack(props: WordpressAppProps = {}): Manifest[] {
  return synth((chart) => new WordpressApp(chart, 'wordpress', withClass({ ...(props.ingress ? {} : SITE), ...props })));
}

const errorOf = (props: WordpressAppProps): string => refusalOf(() => stack(props)).message;

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
      'Namespace/kube-example', 'ConfigMap/wordpress-config', 'PersistentVolumeClaim/wordpress-wp-content',
      'PersistentVolumeClaim/wordpress-db-backup', 'CronJob/wordpress-db-backup', 'CronJob/wordpress-db-restore', 'NetworkPolicy/wordpress-db-backup',
      'Service/wordpress-mysql', 'Service/wordpress-mysql-headless', 'StatefulSet/wordpress-mysql', 'NetworkPolicy/wordpress-mysql',
      'Deployment/wordpress', 'Service/wordpress', 'PodDisruptionBudget/wordpress', 'HorizontalPodAutoscaler/wordpress',
      expect.stringMatching(/^Job\/wordpress-install-[0-9a-f]{8}$/), expect.stringMatching(/^Job\/wordpress-update-db-[0-9a-f]{8}$/), 'CronJob/wordpress-cron',
      'NetworkPolicy/wordpress-default-deny', 'NetworkPolicy/wordpress-dns', 'NetworkPolicy/wordpress-from-ingress-controller',
      'NetworkPolicy/wordpress-wordpress-egress', 'NetworkPolicy/wordpress-wp-cli-egress', 'NetworkPolicy/wordpress-cron-egress',
      'NetworkPolicy/wordpress-acme-http01-solver',
      'Middleware/wordpress-redirect-https', 'IngressRoute/wordpress-https', 'IngressRoute/wordpress-http',
    ]);
    expect(manifests.filter((m) => m.kind !== 'Namespace').every((m) => m.metadata.namespace === 'kube-example')).toBe(true);
  });

  test('MySQL: StatefulSet of 1 on a 20Gi RWO claim, pinned image, utf8mb4, no auth-plugin argument for 8.4', () => {
    expect(mysql.spec.replicas).toBe(1);
    expect(mysql.spec.serviceName).toBe('wordpress-mysql-headless');
    expect(mysqlContainer.image).toBe('mysql:8.4.3');
    expect(mysqlContainer.args).toEqual(['--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci', '--innodb-buffer-pool-size=536870912',
      '--binlog-expire-logs-seconds=604800']);
    // No class named: the cluster's default StorageClass.
    expect(mysql.spec.volumeClaimTemplates[0].spec).toEqual({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } } });
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

  test('WordPress env: host, user, name, the password from wordpress-db-pwd/dbpwd, the eight salts from wordpress-salts', () => {
    expect(container.env.slice(0, 4)).toEqual([
      { name: 'WORDPRESS_DB_HOST', value: 'wordpress-mysql:3306' },
      { name: 'WORDPRESS_DB_USER', value: 'wordpress' },
      { name: 'WORDPRESS_DB_NAME', value: 'wordpress' },
      { name: 'WORDPRESS_DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'wordpress-db-pwd', key: 'dbpwd' } } },
    ]);
    expect(container.env.slice(4, 12)).toEqual(['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
      .map((k) => ({ name: `WORDPRESS_${k}`, valueFrom: { secretKeyRef: { name: 'wordpress-salts', key: `WORDPRESS_${k}` } } })));
  });

  test('wp-config.php settings: no wp-cron on requests, no core auto-updates, WordPress memory limits at memory_limit', () => {
    expect(container.env.find((e: any) => e.name === 'WORDPRESS_CONFIG_EXTRA').value.split('\n')).toEqual([
      "define('DISABLE_WP_CRON', true);", "define('WP_AUTO_UPDATE_CORE', false);", NO_DASHBOARD_CORE_UPDATE,
      "define('WP_MEMORY_LIMIT', '256M');", "define('WP_MAX_MEMORY_LIMIT', '256M');",
    ]);
  });

  test('WordPress rollout: surge 1, unavailable 0, minReady 5, history 10, no spec.replicas (HPA owns it)', () => {
    expect(deployment.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } });
    expect(deployment.spec.minReadySeconds).toBe(5);
    expect(deployment.spec.revisionHistoryLimit).toBe(10);
    expect(deployment.spec.replicas).toBeUndefined();
  });

  test('readiness runs PHP: httpGet /-/ready with the site Host and X-Forwarded-Proto https; TCP startup and liveness; preStop 20 s then 30 s for Apache', () => {
    expect(container.readinessProbe.httpGet).toEqual({
      path: '/-/ready', port: 'wdport', scheme: 'HTTP',
      httpHeaders: [{ name: 'Host', value: 'wordpress.example.com' }, { name: 'X-Forwarded-Proto', value: 'https' }],
    });
    expect(container.readinessProbe).toMatchObject({ periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 });
    expect(container.startupProbe).toEqual({
      tcpSocket: { port: 'wdport' }, initialDelaySeconds: 0, periodSeconds: 5, timeoutSeconds: 3, successThreshold: 1, failureThreshold: 60,
    });
    expect(container.livenessProbe).toEqual({
      tcpSocket: { port: 'wdport' }, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 6,
    });
    expect(container.lifecycle.preStop.exec.command).toEqual(['/bin/sh', '-c', 'sleep 20']);
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBe(50);
  });

  test('WordPress QoS: Guaranteed 200m / 1184Mi, the memory of 4 workers at 256M', () => {
    expect(container.resources).toEqual({ requests: { cpu: '200m', memory: '1184Mi' }, limits: { cpu: '200m', memory: '1184Mi' } });
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

  test('core from the image on an emptyDir docroot, only wp-content on the 20Gi ReadWriteMany claim, configuration from the ConfigMap', () => {
    const pvc = one(manifests, 'PersistentVolumeClaim', 'wordpress-wp-content');
    expect(pvc.spec).toEqual({ accessModes: ['ReadWriteMany'], storageClassName: 'rook-cephfs', resources: { requests: { storage: '20Gi' } } });
    expect(container.volumeMounts).toEqual([
      { name: 'docroot', mountPath: '/var/www/html' },
      { name: 'wp-content', mountPath: '/var/www/html/wp-content' },
      { name: 'apache-config', mountPath: '/etc/apache2/conf-enabled/zz-wordpress-k8s.conf', readOnly: true, subPath: 'apache.conf' },
      { name: 'php-config', mountPath: '/usr/local/etc/php/conf.d/zz-wordpress-k8s.ini', readOnly: true, subPath: 'php.ini' },
      { name: 'ready', mountPath: '/usr/local/share/wordpress-k8s', readOnly: true },
    ]);
    expect(deployment.spec.template.spec.volumes).toEqual([
      { name: 'docroot', emptyDir: { sizeLimit: '256Mi' } },
      { name: 'wp-content', persistentVolumeClaim: { claimName: 'wordpress-wp-content' } },
      { name: 'apache-config', configMap: { name: 'wordpress-config' } },
      { name: 'php-config', configMap: { name: 'wordpress-config' } },
      { name: 'ready', configMap: { name: 'wordpress-config' } },
    ]);
  });

  test('the rendered configuration caps Apache at 4 workers, locks memory_limit at 256M, sizes opcache and serves the readiness script', () => {
    const config = one(manifests, 'ConfigMap', 'wordpress-config').data;
    expect(config['apache.conf']).toContain('# 4 workers x (256 MiB memory_limit + 16 MiB) + 64 MiB opcache + 32 MiB = 1184 MiB');
    expect(config['apache.conf'].split('\n')).toEqual(
      expect.arrayContaining(['ServerLimit 4', 'MaxRequestWorkers 4', 'php_admin_value memory_limit 256M', 'Alias /-/ready /usr/local/share/wordpress-k8s/ready.php']),
    );
    expect(config['php.ini']).toContain('opcache.memory_consumption = 64');
    expect(config['ready.php']).toContain("is_file($root . '.maintenance')");
    expect(deployment.spec.template.metadata.annotations['checksum/config']).toMatch(/^[0-9a-f]{64}$/);
  });

  test('security: seccomp RuntimeDefault, no service-account token, no privilege escalation, only the capabilities Apache and the entrypoint need', () => {
    const pod = deployment.spec.template.spec;
    expect(pod.securityContext).toEqual({ seccompProfile: { type: 'RuntimeDefault' }, fsGroup: 33, fsGroupChangePolicy: 'OnRootMismatch' });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'], add: ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'KILL', 'NET_BIND_SERVICE', 'SETGID', 'SETUID'] },
    });
    expect(container.securityContext.capabilities.add).not.toContain('NET_RAW');
  });

  test('Namespace: Pod Security baseline enforced, restricted warned and audited, kept by Argo CD', () => {
    const ns = one(manifests, 'Namespace');
    expect(ns.metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'restricted', 'pod-security.kubernetes.io/audit': 'restricted',
    });
    expect(ns.metadata.annotations['argocd.argoproj.io/sync-options']).toBe('Delete=false,Prune=false');
  });

  test('no password and no Secret in the manifests', () => {
    expect(manifests.some((m) => m.kind === 'Secret')).toBe(false);
    expect(JSON.stringify(manifests)).not.toMatch(/"name":"[A-Z_]*PASSWORD","value"/);
  });

  test('the MySQL NetworkPolicy admits the WordPress and the wp-cli pods on 3306', () => {
    const policy = one(manifests, 'NetworkPolicy', 'wordpress-mysql');
    expect(policy.spec.podSelector.matchLabels).toEqual(mysql.spec.selector.matchLabels);
    expect(policy.spec.policyTypes).toEqual(['Ingress']);
    expect(policy.spec.ingress).toEqual([{
      from: [
        { podSelector: { matchLabels: deployment.spec.selector.matchLabels } },
        { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'wordpress', 'app.kubernetes.io/instance': 'wordpress', 'app.kubernetes.io/component': 'wp-cli' } } },
        { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'mysql-backup', 'app.kubernetes.io/instance': 'wordpress', 'app.kubernetes.io/component': 'backup' } } },
      ],
      ports: [{ protocol: 'TCP', port: 3306 }],
    }]);
  });

  test('tiers are distinguishable by label', () => {
    expect(deployment.spec.template.metadata.labels).toMatchObject({ tier: 'frontend', 'app.kubernetes.io/component': 'frontend', 'app.kubernetes.io/part-of': 'wordpress' });
    expect(mysql.spec.template.metadata.labels).toMatchObject({ tier: 'mysql', 'app.kubernetes.io/component': 'database', 'app.kubernetes.io/part-of': 'wordpress' });
  });

  test('Argo CD: waves (foundation 0, database 1, the claim with its consumers 2, ingress 3), install Sync hook, update-db PostSync hook, data kept', () => {
    const a = (m: Manifest) => m.metadata.annotations ?? {};
    const describe = (m: Manifest) =>
      [a(m)['argocd.argoproj.io/sync-wave'], a(m)['argocd.argoproj.io/hook'], a(m)['argocd.argoproj.io/hook-delete-policy'], a(m)['argocd.argoproj.io/sync-options']]
        .filter(Boolean)
        .join(' ');
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}: ${describe(m)}`)).toEqual([
      'Namespace/kube-example: 0 Delete=false,Prune=false',
      'ConfigMap/wordpress-config: 0',
      'PersistentVolumeClaim/wordpress-wp-content: 2 Delete=false,Prune=false',
      // The dumps' claim and the CronJobs that mount it in the last wave: a WaitForFirstConsumer claim waits for the first run.
      'PersistentVolumeClaim/wordpress-db-backup: 3 Delete=false,Prune=false',
      'CronJob/wordpress-db-backup: 3',
      'CronJob/wordpress-db-restore: 3',
      'NetworkPolicy/wordpress-db-backup: 1',
      'Service/wordpress-mysql: 1',
      'Service/wordpress-mysql-headless: 1',
      'StatefulSet/wordpress-mysql: 1',
      'NetworkPolicy/wordpress-mysql: 1',
      'Deployment/wordpress: 2',
      'Service/wordpress: 2',
      'PodDisruptionBudget/wordpress: 2',
      'HorizontalPodAutoscaler/wordpress: 2',
      expect.stringMatching(/^Job\/wordpress-install-[0-9a-f]{8}: 2 Sync BeforeHookCreation$/),
      expect.stringMatching(/^Job\/wordpress-update-db-[0-9a-f]{8}: 2 PostSync BeforeHookCreation$/),
      'CronJob/wordpress-cron: 2',
      'NetworkPolicy/wordpress-default-deny: 0',
      'NetworkPolicy/wordpress-dns: 0',
      'NetworkPolicy/wordpress-from-ingress-controller: 0',
      'NetworkPolicy/wordpress-wordpress-egress: 0',
      'NetworkPolicy/wordpress-wp-cli-egress: 0',
      'NetworkPolicy/wordpress-cron-egress: 0',
      'NetworkPolicy/wordpress-acme-http01-solver: 0',
      'Middleware/wordpress-redirect-https: 3',
      'IngressRoute/wordpress-https: 3',
      'IngressRoute/wordpress-http: 3',
    ]);
    const withoutArgo = stack({ syncWaves: false });
    expect(withoutArgo.some((m) => a(m)['argocd.argoproj.io/sync-wave'] !== undefined || a(m)['argocd.argoproj.io/hook'] !== undefined)).toBe(false);
    // Hook Jobs are named by their spec, so BeforeHookCreation never meets an earlier revision's: a week's TTL removes them.
    const ttl = (ms: Manifest[]) => ms.filter((m) => m.kind === 'Job').map((m) => m.spec.ttlSecondsAfterFinished);
    expect(ttl(manifests)).toEqual([604800, 604800]);
    expect(ttl(withoutArgo)).toEqual([undefined, undefined]);
    // Data protection is not optional: kubectl ignores it, Argo CD needs it.
    expect(withoutArgo.filter((m) => a(m)['argocd.argoproj.io/sync-options']).map((m) => m.kind)).toEqual(['Namespace', 'PersistentVolumeClaim', 'PersistentVolumeClaim']);
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
    expect(manifests.some((m) => m.kind === 'Certificate')).toBe(false);
    expect(http.spec.entryPoints).toEqual(['web']);
    expect(http.spec.routes[0].middlewares).toEqual([{ name: redirect.metadata.name }]);
    expect(redirect.spec).toEqual({ redirectScheme: { scheme: 'https', permanent: true } });
  });
});

describe('options', () => {
  test('standard Ingress with TLS and a cert-manager issuer', () => {
    const ingress = one(
      stack({
        ingress: HttpsIngress.standard({ host: 'blog.example.com', ingressClassName: 'nginx', tlsSecretName: 'blog-tls', clusterIssuer: 'letsencrypt' }),
        ingressController: { namespace: 'ingress-nginx', podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
      }),
      'Ingress',
    );
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
      configExtra: "define('WP_HOME', 'https://blog.example.com');",
    });
    expect(manifests.some((m) => ['Namespace', 'HorizontalPodAutoscaler', 'IngressRoute', 'Ingress'].includes(m.kind))).toBe(false);
    expect(jobNamed(manifests, 'blog-install').spec.template.spec.containers[0].env).toContainEqual({ name: 'WP_SITE_URL', value: 'https://blog.example.com' });
    const d = one(manifests, 'Deployment', 'blog');
    expect(d.spec.replicas).toBe(4);
    expect(d.spec.template.spec.containers[0].env).toContainEqual({ name: 'WORDPRESS_DB_HOST', value: 'blog-mysql:3306' });
    expect(d.spec.template.spec.containers[0].env.find((e: any) => e.name === 'WORDPRESS_CONFIG_EXTRA').value).toMatch(
      /^define\('DISABLE_WP_CRON', true\);\n.*\ndefine\('WP_HOME', 'https:\/\/blog\.example\.com'\);$/s,
    );
    expect(d.spec.template.spec.containers[0].env).toContainEqual({ name: 'WORDPRESS_DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'blog-db', key: 'pw' } } });
    expect(one(manifests, 'PersistentVolumeClaim', 'blog-wp-content').spec).toMatchObject({ storageClassName: 'nfs', resources: { requests: { storage: '5Gi' } } });
    expect(one(manifests, 'StatefulSet').spec.volumeClaimTemplates[0].spec).toMatchObject({ storageClassName: 'gp3', resources: { requests: { storage: '50Gi' } } });
  });

  test('local-dev passwords render a Secret only with the explicit opt-in', () => {
    const manifests = stack({ localDevPasswords: { password: 'dev', rootPassword: 'devroot' }, allowPasswordsInManifests: true });
    expect(one(manifests, 'Secret', 'wordpress-db-pwd').stringData).toEqual({ dbpwd: 'dev', rootpwd: 'devroot' });
  });

  test('the construct exposes the QoS class of the WordPress tier', () => {
    let app!: WordpressApp;
    synth((chart) => { app = new WordpressApp(chart, 'w', withClass(SITE)); });
    expect(app.wordpress.qosClass).toBe(QosClass.GUARANTEED);
  });
});

describe('the database seam: everything database-related comes from one DatabaseConnection', () => {
  const connection: DatabaseConnection = {
    host: 'blog-router.db.svc.cluster.local', port: 6446, database: 'blog', user: 'blogger',
    passwordSecret: { name: 'blog-db', key: 'pw' },
    egressPeers: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'db' } }, podSelector: { matchLabels: { component: 'mysqlrouter' } } }],
  };
  const manifests = stack({ database: WordpressDatabase.fromConnection(connection) });

  test('no embedded MySQL', () => {
    expect(manifests.some((m) => m.kind === 'StatefulSet' || m.metadata.name.includes('mysql'))).toBe(false);
  });

  test('the pods and every Job get host, port, schema, user and password from it', () => {
    const envs = [one(manifests, 'Deployment').spec.template.spec, jobNamed(manifests, 'wordpress-install').spec.template.spec,
      jobNamed(manifests, 'wordpress-update-db').spec.template.spec, one(manifests, 'CronJob', 'wordpress-cron').spec.jobTemplate.spec.template.spec]
      .map((pod) => pod.containers[0].env.slice(0, 4));
    for (const env of envs) {
      expect(env).toEqual([
        { name: 'WORDPRESS_DB_HOST', value: 'blog-router.db.svc.cluster.local:6446' },
        { name: 'WORDPRESS_DB_USER', value: 'blogger' },
        { name: 'WORDPRESS_DB_NAME', value: 'blog' },
        { name: 'WORDPRESS_DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'blog-db', key: 'pw' } } },
      ]);
    }
  });

  test('the NetworkPolicy egress to the database is its peers on its port', () => {
    for (const name of ['wordpress-wordpress-egress', 'wordpress-wp-cli-egress']) {
      expect(one(manifests, 'NetworkPolicy', name).spec.egress[0]).toEqual({ to: connection.egressPeers, ports: [{ protocol: 'TCP', port: 6446 }] });
    }
  });

  test('peer ports (a Service that translates its port) and TLS come from the connection too', () => {
    const tls = stack({ database: WordpressDatabase.fromConnection({ ...connection, port: 3306, peerPorts: [6446], tls: true }) });
    expect(one(tls, 'NetworkPolicy', 'wordpress-wordpress-egress').spec.egress[0].ports).toEqual([{ protocol: 'TCP', port: 6446 }]);
    const extra = one(tls, 'Deployment').spec.template.spec.containers[0].env.find((e: any) => e.name === 'WORDPRESS_CONFIG_EXTRA').value;
    expect(extra).toContain("define('MYSQL_CLIENT_FLAGS', MYSQLI_CLIENT_SSL);");
    for (const m of [one(tls, 'Deployment'), jobNamed(tls, 'wordpress-install')]) {
      expect(m.spec.template.spec.containers[0].env).toContainEqual({ name: 'WORDPRESS_K8S_DB_TLS', value: 'true' });
    }
    expect(one(manifests, 'Deployment').spec.template.spec.containers[0].env.some((e: any) => e.name === 'WORDPRESS_K8S_DB_TLS')).toBe(false);
    expect(one(manifests, 'Deployment').spec.template.spec.containers[0].env.find((e: any) => e.name === 'WORDPRESS_CONFIG_EXTRA').value).not.toContain('MYSQL_CLIENT_FLAGS');
  });

  test('the embedded MySQL exposes the same seam', () => {
    let app!: WordpressApp;
    synth((chart) => { app = new WordpressApp(chart, 'w', withClass(SITE)); });
    expect(app.database).toEqual({ ...app.mysql!.connection, availability: expect.stringMatching(/^single instance, no replica to fail over to/) });
    expect(app.database).toMatchObject({
      host: 'wordpress-mysql', port: 3306, database: 'wordpress', user: 'wordpress', passwordSecret: { name: 'wordpress-db-pwd', key: 'dbpwd' },
      egressPeers: [{ podSelector: { matchLabels: app.mysql!.selector } }],
    });
    expect(app.databaseChoice.kind).toBe('embedded');
  });

  test.each<[string, WordpressAppProps, RegExp]>([
    [
      'embedded-MySQL props beside it',
      { database: WordpressDatabase.fromConnection(connection), databaseName: 'x', mysql: {} },
      /databaseName = "x": configures the embedded MySQL[\s\S]*mysql = \{\}: configures the embedded MySQL/,
    ],
    ['an empty host', { database: WordpressDatabase.fromConnection({ ...connection, host: '' }) }, /database\.host = "": is empty/],
    ['a port out of range', { database: WordpressDatabase.fromConnection({ ...connection, port: 70000 }) }, /database\.port = 70000: is not a TCP port/],
    ['an empty schema', { database: WordpressDatabase.fromConnection({ ...connection, database: '' }) }, /database\.database = "": is empty/],
    ['an empty user', { database: WordpressDatabase.fromConnection({ ...connection, user: '' }) }, /database\.user = "": is empty/],
    [
      'a bad password Secret',
      { database: WordpressDatabase.fromConnection({ ...connection, passwordSecret: { name: 'Blog DB', key: 'pw' } }) },
      /database\.passwordSecret = .*is not a Secret name and key/,
    ],
    [
      'a bad password key',
      { database: WordpressDatabase.fromConnection({ ...connection, passwordSecret: { name: 'blog-db', key: 'p w' } }) },
      /database\.passwordSecret = .*is not a Secret name and key/,
    ],
  ])('refuses %s', (_t, props, message) => {
    expect(errorOf({ ...SITE, ...props })).toMatch(message);
  });
});

describe('refusals', () => {
  test.each<[string, WordpressAppProps, RegExp]>([
    [
      'literal passwords without opt-in',
      { localDevPasswords: { password: 'a', rootPassword: 'b' } },
      /localDevPasswords = "\(redacted\)": would write passwords into dist\/.*kubectl/,
    ],
    [
      'ReadWriteOnce files volume with several replicas',
      { storage: { accessMode: 'ReadWriteOnce' } },
      /storage\.accessMode = "ReadWriteOnce": ReadWriteOnce attaches to one node, .*Multi-Attach/,
    ],
    ['replicas and autoscaling together', { replicas: 3, autoscaling: { minReplicas: 3, maxReplicas: 6 } }, /replicas = 3: is set together with autoscaling/],
    [
      'extraEnv overriding the database wiring',
      { extraEnv: { WORDPRESS_DB_HOST: 'elsewhere' } },
      /extraEnv\.WORDPRESS_DB_HOST = .*would override what the stack sets.*Fix: drop it; use database/,
    ],
    ['extraEnv overriding a salt', { extraEnv: { WORDPRESS_AUTH_KEY: 'x' } }, /extraEnv\.WORDPRESS_AUTH_KEY = .*would override what the stack sets/],
    ['extraEnv carrying wp-config.php settings', { extraEnv: { WORDPRESS_CONFIG_EXTRA: 'x' } }, /extraEnv\.WORDPRESS_CONFIG_EXTRA = .*Fix: put the PHP into configExtra/],
    ['a literal password in extraEnv', { extraEnv: { SMTP_PASSWORD: 'x' } }, /env\.SMTP_PASSWORD = "\(redacted\)": is a credential written as a literal/],
    [
      'an ingress host with a scheme',
      { ingress: HttpsIngress.traefik({ host: 'https://blog.example.com', certResolver: 'le' }) },
      /ingress\.host = "https:\/\/blog\.example\.com": is not a DNS host name: it contains ":"/,
    ],
    [
      'a Traefik route without a cert resolver',
      { ingress: HttpsIngress.traefik({ host: 'blog.example.com', certResolver: '' }) },
      /ingress\.certResolver = "": is required for HTTPS unless certificate is set/,
    ],
    [
      'a standard Ingress with a bad TLS secret name',
      {
        ingress: HttpsIngress.standard({ host: '*.example.com', ingressClassName: 'nginx', tlsSecretName: 'Blog TLS' }),
        ingressController: { namespace: 'ingress-nginx', podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
      },
      /ingress\.tlsSecretName = "Blog TLS": is not a valid Secret name/,
    ],
    [
      'the auth-plugin argument on MySQL 8.4',
      { mysql: { extraArgs: ['--default-authentication-plugin=mysql_native_password'] } },
      /args = "--default-authentication-plugin=mysql_native_password": was removed in MySQL 8\.4, so mysql:8\.4\.3 refuses to start/,
    ],
    ['an unpinned MySQL image', { mysql: { image: 'mysql' } }, /MysqlDatabase "wordpress-mysql": 1 invalid prop\n {2}- image = "mysql": has no tag/],
    [
      'Burstable MySQL resources asked as Guaranteed',
      { mysql: { resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } } } },
      /resources\.requests\.cpu = "1": 1 differs from limits\.cpu 2/,
    ],
  ])('%s', (_title, props, message) => {
    expect(errorOf(props)).toMatch(message);
  });

  test('the auth-plugin argument is accepted where MySQL still has it (8.0)', () => {
    const args = one(stack({ mysql: { image: 'mysql:8.0.40', extraArgs: ['--default-authentication-plugin=mysql_native_password'] } }), 'StatefulSet').spec.template.spec
      .containers[0].args;
    expect(args).toContain('--default-authentication-plugin=mysql_native_password');
  });
});
