import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { ArgoCdApplication, HttpsIngress, InnoDbBackupStorage, synthApps, WordpressApp, WordpressDatabase, ZeroDowntimeApp } from './lib';

const REPO = 'https://github.com/example/wordpress-gitops.git';
/** The ReadWriteMany class of the cluster these manifests describe. */
const ARTICLES_RWX_CLASS = 'csi-cephfs';

// dist/: the seed articles' stack (seed 003 with seed 000's rollout fixes) with WordpressApp's defaults.
// TLS from cert-manager: Traefik runs several replicas, which its own ACME resolver cannot serve.
const production = new ZeroDowntimeApp();
new WordpressApp(new Chart(production, 'wordpress'), 'wordpress', {
  ingress: HttpsIngress.traefik({ host: 'wordpress.example.com', certificate: { issuerName: 'letsencrypt' } }),
  siteTitle: 'Example',
  // The articles' cluster: CephFS through its CSI driver under the class name it was given there
  // (Rook's own example names it 'rook-cephfs').
  storage: { storageClassName: ARTICLES_RWX_CLASS },
  // MySQL InnoDB Cluster on the MySQL Operator (installed once per cluster, see the README): 3 servers and
  // 2 routers on separate nodes, daily dumps to an S3 bucket (off-site); the files and objects to Velero every night.
  // The articles' cluster runs Rook: its block class is named here, not assumed by the constructs.
  database: WordpressDatabase.innoDbCluster({
    rootSecretName: 'wordpress-mysql-root',
    storageClassName: 'rook-ceph-block',
    backup: { storage: InnoDbBackupStorage.s3({ bucketName: 'example-wordpress-backups', configSecretName: 'wordpress-mysql-backup-s3' }) },
  }),
  velero: {},
  changeCause: 'wordpress 6.7.1-apache, mysql 8.4.3',
});

// dist/staging/: the same stack, smaller, in its own namespace, with the embedded MySQL and its dump CronJob.
const staging = new ZeroDowntimeApp({ outdir: path.join(production.outdir, 'staging') });
new WordpressApp(new Chart(staging, 'wordpress'), 'wordpress', {
  namespace: 'kube-example-staging',
  autoscaling: { minReplicas: 2, maxReplicas: 3, cpuUtilization: 20 },
  ingress: HttpsIngress.traefik({ host: 'staging.wordpress.example.com', certificate: { issuerName: 'letsencrypt-staging' } }),
  siteTitle: 'Example (staging)',
  mysql: { storageClassName: 'rook-ceph-block' },
  storage: { storageClassName: ARTICLES_RWX_CLASS },
  changeCause: 'wordpress 6.7.1-apache, mysql 8.4.3',
});

// dist/argocd/: one Argo CD Application per environment folder; not needed for plain kubectl apply.
// The resources finalizer is on: deleting an Application deletes the workloads and keeps the Namespace
// and the claims, which WordpressApp marks Delete=false,Prune=false.
const argocd = new App({ outdir: path.join(production.outdir, 'argocd') });
const applications = new Chart(argocd, 'applications');
new ArgoCdApplication(applications, 'production', { name: 'wordpress', repoURL: REPO, path: 'dist', destinationNamespace: 'kube-example', resourcesFinalizer: true });
new ArgoCdApplication(applications, 'staging', {
  name: 'wordpress-staging',
  repoURL: REPO,
  path: 'dist/staging',
  destinationNamespace: 'kube-example-staging',
  resourcesFinalizer: true,
});

process.exitCode = synthApps([production, staging, argocd]);
