import { ArgoCdApplication, HttpsIngress, WordpressApp, WordpressAppProps } from '../../lib';
import { deletedWithApplication, holdsData, objectKey, prunedBySync } from '../../lib/gitops/argocd-deletions';
import { Manifest, one, synth } from '../helpers';

const site = (props: WordpressAppProps = {}) => synth((chart) => new WordpressApp(chart, 'site', {
  ingress: HttpsIngress.traefik({ host: 'blog.example.com', certificate: { issuerName: 'letsencrypt' } }), storage: { storageClassName: 'rook-cephfs' }, ...props,
}));
const names = (objects: readonly any[]) => objects.map((m) => `${m.kind}/${m.metadata.name}`);

describe('renaming the site in Git (same Application, automated sync with prune)', () => {
  const before = site();
  const after = site({ name: 'blog' });
  const pruned = prunedBySync(before, after, true);

  test('prunes the old workloads, Services, policies and routes, and nothing that holds data', () => {
    expect(pruned.length).toBeGreaterThan(10);
    expect(pruned.filter(holdsData)).toEqual([]);
    expect(names(pruned)).toEqual(expect.arrayContaining(['Deployment/wordpress', 'StatefulSet/wordpress-mysql', 'ConfigMap/wordpress-config', 'CronJob/wordpress-cron']));
  });

  test('keeps the old wp-content claim (Prune=false); the MySQL volume outlives its StatefulSet (retention Retain)', () => {
    const left = before.filter((m) => !pruned.includes(m) && !after.some((a) => objectKey(a) === objectKey(m)) && m.kind !== 'Job');
    expect(names(left)).toEqual(['PersistentVolumeClaim/wordpress-wp-content', 'PersistentVolumeClaim/wordpress-db-backup']);
    expect(one(before, 'StatefulSet').spec.persistentVolumeClaimRetentionPolicy.whenDeleted).toBe('Retain');
    expect(holdsData(one(before, 'StatefulSet'))).toBe(false);
  });

  test('hooks are never pruned: the Jobs are re-created per version', () => {
    expect(names(pruned).filter((n) => n.startsWith('Job/'))).toEqual([]);
  });

  test('without the annotation, the same rename would delete the claim', () => {
    const unprotected = before.map((m) => (m.kind === 'PersistentVolumeClaim' ? { ...m, metadata: { ...m.metadata, annotations: {} } } : m));
    expect(names(prunedBySync(unprotected, after, true).filter(holdsData))).toEqual(['PersistentVolumeClaim/wordpress-wp-content', 'PersistentVolumeClaim/wordpress-db-backup']);
  });
});

describe('renaming (deleting and re-creating) the Argo CD Application', () => {
  const managed = site();
  const application = (resourcesFinalizer: boolean): Manifest => one(synth((chart) => new ArgoCdApplication(chart, 'app', {
    name: 'wordpress', repoURL: 'https://github.com/acme/gitops.git', path: 'dist', destinationNamespace: 'kube-example', resourcesFinalizer,
  })), 'Application');

  test('with the resources finalizer: the workloads go, the Namespace and the claim stay', () => {
    expect(application(true).metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
    const deleted = deletedWithApplication(managed, true);
    expect(deleted.filter(holdsData)).toEqual([]);
    expect(names(managed.filter((m) => !deleted.includes(m) && !m.metadata.annotations?.['argocd.argoproj.io/hook']))).toEqual([
      'Namespace/kube-example',
      'PersistentVolumeClaim/wordpress-wp-content',
      'PersistentVolumeClaim/wordpress-db-backup',
    ]);
  });

  test('without it: nothing is deleted, everything is orphaned', () => {
    expect(application(false).metadata.finalizers).toBeUndefined();
    expect(deletedWithApplication(managed, false)).toEqual([]);
  });

  test('a Namespace without Delete=false would take every claim in it with it', () => {
    const unprotected = managed.map((m) => (m.kind === 'Namespace' ? { ...m, metadata: { ...m.metadata, annotations: {} } } : m));
    expect(names(deletedWithApplication(unprotected, true).filter(holdsData))).toEqual(['Namespace/kube-example']);
  });
});

test('prune off deletes nothing; a StatefulSet that deletes its claims holds data', () => {
  expect(prunedBySync(site(), [], false)).toEqual([]);
  expect(holdsData({ kind: 'StatefulSet', spec: { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete' } } })).toBe(true);
  expect(holdsData({ kind: 'StatefulSet', spec: {} })).toBe(false);
  expect(objectKey({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'n' } })).toBe('/Secret/n/s');
});
