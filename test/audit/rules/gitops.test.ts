import * as fs from 'fs';
import * as path from 'path';
import { audit, Manifest, parseManifests } from '../../../lib/analysis';
import { HttpsIngress, WordpressApp } from '../../../lib';
import { isOfficialWordpressImage, isUnderArgoCd } from '../../../lib/audit/rules/gitops';
import { synth } from '../../helpers';

const hits = (manifests: any[], id: string) => audit(manifests).violations.filter((v) => v.ruleId === id);

const claim = (annotations: Record<string, string> = {}, name = 'data'): Manifest => ({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'n', annotations }, spec: { accessModes: ['ReadWriteMany'] },
});
const consumer = (kind: string, wave: string | undefined, claimName = 'data', extra: any = {}): Manifest => {
  const pod = { containers: [{ name: 'c', image: 'nginx:1.27.3', volumeMounts: [{ name: 'd', mountPath: '/data' }] }],
    volumes: [{ name: 'd', persistentVolumeClaim: { claimName } }], ...extra };
  const annotations: Record<string, string> = wave === undefined ? {} : { 'argocd.argoproj.io/sync-wave': wave };
  const metadata = { name: kind.toLowerCase(), namespace: 'n', annotations };
  if (kind === 'CronJob') return { apiVersion: 'batch/v1', kind, metadata, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: pod } } } } };
  return { apiVersion: kind === 'Job' ? 'batch/v1' : 'apps/v1', kind, metadata, spec: { template: { metadata: { labels: { a: 'b' } }, spec: pod } } };
};
const KEEP = { 'argocd.argoproj.io/sync-options': 'Delete=false,Prune=false' };

describe('claim-wave-before-consumer', () => {
  test.each<[string, Manifest[], number]>([
    ['claim in wave 0, only consumer in wave 2', [claim({ ...KEEP }), consumer('Deployment', '2')], 1],
    ['claim in the consumer\'s wave', [claim({ ...KEEP, 'argocd.argoproj.io/sync-wave': '2' }), consumer('Deployment', '2')], 0],
    ['claim before its first consumer only counts the first: a Job hook in wave 0 is first', [claim({ ...KEEP }), consumer('Deployment', '2'), consumer('Job', '0')], 0],
    ['the first consumer is the one in the lowest wave, in any order', [claim({ ...KEEP }), consumer('Job', '0'), consumer('Deployment', '2')], 0],
    ['a bare Pod consumer counts', [claim({ ...KEEP }), {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'n', annotations: { 'argocd.argoproj.io/sync-wave': '2' } },
      spec: { containers: [{ name: 'c', image: 'nginx:1.27.3' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] },
    }], 1],
    ['a CronJob consumer counts', [claim({ ...KEEP }), consumer('CronJob', '3')], 1],
    ['a claim of another name is not consumed', [claim({ ...KEEP }), consumer('Deployment', '2', 'other')], 0],
    ['no Argo CD annotation in the set: not judged', [claim(), consumer('Deployment', undefined)], 0],
    ['a later claim than its consumer is not this rule\'s concern', [claim({ ...KEEP, 'argocd.argoproj.io/sync-wave': '3' }), consumer('Deployment', '2')], 0],
  ])('%s', (_t, manifests, count) => {
    expect(hits(manifests, 'claim-wave-before-consumer')).toHaveLength(count);
  });

  test('the message names both waves and the consumer', () => {
    expect(hits([claim({ ...KEEP }), consumer('Deployment', '2')], 'claim-wave-before-consumer')[0]).toMatchObject({
      field: 'metadata.annotations[argocd.argoproj.io/sync-wave]',
      message: expect.stringMatching(/sync wave 0 but its first consumer Deployment n\/deployment is in wave 2/),
      fix: 'put the claim in wave 2, the wave of the first workload that mounts it',
    });
  });
});

describe('cronjob-claim-blocks-later-waves', () => {
  const ID = 'cronjob-claim-blocks-later-waves';
  const backup = (wave = '1', spec: any = {}, extra: Record<string, string> = {}): Manifest => ({
    ...claim({ ...KEEP, 'argocd.argoproj.io/sync-wave': wave, ...extra }), spec: { accessModes: ['ReadWriteOnce'], ...spec },
  });
  const cron = (wave = '1', claimName = 'data') => consumer('CronJob', wave, claimName);
  const later = (wave = '2', annotations: Record<string, string> = {}): Manifest => ({
    apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `later-${wave}`, namespace: 'n', annotations: { 'argocd.argoproj.io/sync-wave': wave, ...annotations } },
  });
  const storageClass = (name: string, mode: string | undefined, annotations: Record<string, string> = {}): Manifest => ({
    apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name, annotations }, provisioner: 'rook-ceph.rbd.csi.ceph.com',
    ...(mode ? { volumeBindingMode: mode } : {}),
  });
  test.each<[string, Manifest[], number]>([
    ['a claim only a CronJob mounts, before a later wave', [backup(), cron(), later()], 1],
    ['the claim in the last wave', [backup('2'), cron('2'), later('2')], 0],
    ['a later wave of lower number does not count', [backup(), cron(), later('0')], 0],
    ['no Argo CD in the set', [{ ...backup(), metadata: { name: 'data', namespace: 'n' } }, consumer('CronJob', undefined), { apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: 'x', namespace: 'n' } }], 0],
    ['a Deployment mounts it too: it binds when the Deployment\'s pod starts', [backup(), cron(), consumer('Deployment', '1'), later()], 0],
    ['a Job mounts it too', [backup(), cron(), consumer('Job', '1'), later()], 0],
    ['two CronJobs mount it', [backup(), cron(), { ...cron(), metadata: { name: 'restore', namespace: 'n', annotations: { 'argocd.argoproj.io/sync-wave': '1' } } }, later()], 1],
    ['no consumer at all', [backup(), later()], 0],
    ['a CronJob of another claim', [backup(), cron('1', 'other'), later()], 0],
    ['its CronJob in a later wave is claim-wave-before-consumer\'s finding', [backup(), cron('2'), later('3')], 0],
    ['a pre-bound claim (volumeName)', [backup('1', { volumeName: 'pv-backup' }), cron(), later()], 0],
    ['storageClassName "" binds statically at once', [backup('1', { storageClassName: '' }), cron(), later()], 0],
    ['an Immediate class of the input', [backup('1', { storageClassName: 'block' }), cron(), later(), storageClass('block', 'Immediate')], 0],
    ['a class of the input without volumeBindingMode is Immediate', [backup('1', { storageClassName: 'block' }), cron(), later(), storageClass('block', undefined)], 0],
    ['a WaitForFirstConsumer class of the input', [backup('1', { storageClassName: 'block' }), cron(), later(), storageClass('block', 'WaitForFirstConsumer')], 1],
    ['a StorageClass of another API version is not read', [backup('1', { storageClassName: 'block' }), cron(), later(),
      { ...storageClass('block', 'Immediate'), apiVersion: 'storage.k8s.io/v1beta1' }], 1],
    ['a class not in the input', [backup('1', { storageClassName: 'block' }), cron(), later(), storageClass('other', 'Immediate')], 1],
    ['no class: the default class of the input, Immediate', [backup(), cron(), later(),
      storageClass('block', 'Immediate', { 'storageclass.kubernetes.io/is-default-class': 'true' })], 0],
    ['no class: a non-default Immediate class does not count', [backup(), cron(), later(), storageClass('block', 'Immediate')], 1],
    ['no class: the default class, WaitForFirstConsumer', [backup(), cron(), later(),
      storageClass('block', 'WaitForFirstConsumer', { 'storageclass.kubernetes.io/is-default-class': 'true' })], 1],
    ['a Sync hook in a later wave counts', [backup(), cron(), later('2', { 'argocd.argoproj.io/hook': 'Sync' })], 1],
    ['a hook of PreSync and Sync counts', [backup(), cron(), later('2', { 'argocd.argoproj.io/hook': 'PreSync, Sync' })], 1],
    ['a PreSync hook of a later wave runs before every wave', [backup(), cron(), later('2', { 'argocd.argoproj.io/hook': 'PreSync' })], 0],
    ['a PostSync hook is not counted (see docs/audit.md)', [backup(), cron(), later('2', { 'argocd.argoproj.io/hook': 'PostSync' })], 0],
    ['a Helm post-upgrade hook runs after the Sync phase', [backup(), cron(), later('2', { 'helm.sh/hook': 'post-install,post-upgrade' })], 0],
    ['a Helm crd-install object is managed', [backup(), cron(), later('2', { 'helm.sh/hook': 'crd-install' })], 1],
    ['an Argo CD hook annotation wins over Helm\'s', [backup(), cron(), later('2', { 'argocd.argoproj.io/hook': 'Sync', 'helm.sh/hook': 'post-upgrade' })], 1],
    ['a claim that is itself a hook is not judged', [backup('1', {}, { 'argocd.argoproj.io/hook': 'PreSync' }), cron(), later()], 0],
  ])('%s', (_t, manifests, count) => {
    expect(hits(manifests, ID)).toHaveLength(count);
  });

  test('the message names the CronJobs, the next wave and the last one', () => {
    expect(hits([backup(), cron(), later('2'), later('4')], ID)[0]).toMatchObject({
      severity: 'warning', object: 'PersistentVolumeClaim n/data', field: 'metadata.annotations[argocd.argoproj.io/sync-wave]',
      message: expect.stringMatching(/^only CronJobs \(CronJob n\/cronjob\) mount the claim: .* wave 1 holds up ConfigMap n\/later-2 \(wave 2\) and every later wave/),
      fix: 'put the claim and its CronJobs in wave 4, the last, or pre-bind it (spec.volumeName) or use a StorageClass with volumeBindingMode Immediate',
    });
  });

  test('dist/: the staging backup claim and its CronJobs are in the last wave, so they pass; one wave earlier they would not', () => {
    const staging = parseManifests(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'dist', 'staging', 'wordpress.k8s.yaml'), 'utf8'), 'staging.yaml');
    expect(hits(staging, ID)).toEqual([]);
    for (const m of staging.filter((o) => o.metadata?.name?.startsWith('wordpress-db-') && ['PersistentVolumeClaim', 'CronJob'].includes(o.kind!))) {
      m.metadata!.annotations!['argocd.argoproj.io/sync-wave'] = '2';
    }
    expect(hits(staging, ID).map((v) => v.object)).toEqual(['PersistentVolumeClaim kube-example-staging/wordpress-db-backup']);
  });
});

describe('argocd-delete-unprotected', () => {
  const argo = consumer('Deployment', '2');
  test.each<[string, Manifest[], string[]]>([
    ['a bare claim under Argo CD', [claim({ 'argocd.argoproj.io/sync-wave': '2' }), argo], ['Delete=false,Prune=false']],
    ['Delete=false alone', [claim({ 'argocd.argoproj.io/sync-options': 'Delete=false', 'argocd.argoproj.io/sync-wave': '2' }), argo], ['Prune=false']],
    ['Prune=false alone', [claim({ 'argocd.argoproj.io/sync-options': 'Prune=false', 'argocd.argoproj.io/sync-wave': '2' }), argo], ['Delete=false']],
    ['both, with spaces and other options',
      [claim({ 'argocd.argoproj.io/sync-options': 'ServerSideApply=true, Prune=false, Delete=false', 'argocd.argoproj.io/sync-wave': '2' }), argo], []],
    ['a Namespace too', [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } }, claim({ ...KEEP, 'argocd.argoproj.io/sync-wave': '2' }), argo],
      ['Delete=false,Prune=false']],
    ['no Argo CD in the set', [claim()], []],
    ['an Application in the set is enough', [claim(), { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'a' } }], ['Delete=false,Prune=false']],
  ])('%s', (_t, manifests, missing) => {
    expect(hits(manifests, 'argocd-delete-unprotected').map((v) => v.message.match(/^has no (\S+):/)![1])).toEqual(missing);
  });

  test('isUnderArgoCd: an Application of another API group does not count', () => {
    expect(isUnderArgoCd([{ apiVersion: 'app.k8s.io/v1beta1', kind: 'Application', metadata: { name: 'a' } }])).toBe(false);
  });
});

describe('wordpress-whole-docroot-volume', () => {
  const wp = (mount: any, volume: any, image = 'wordpress:6.7.1-apache'): Manifest => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'wp', namespace: 'n' },
    spec: { template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'wp', image, volumeMounts: [mount] }], volumes: [volume] } } },
  });
  const pvc = { name: 'v', persistentVolumeClaim: { claimName: 'wp' } };
  test.each<[string, Manifest, number]>([
    ['a claim over /var/www/html', wp({ name: 'v', mountPath: '/var/www/html' }, pvc), 1],
    ['with a trailing slash', wp({ name: 'v', mountPath: '/var/www/html/' }, pvc), 1],
    ['an NFS volume', wp({ name: 'v', mountPath: '/var/www/html' }, { name: 'v', nfs: { server: 's', path: '/' } }), 1],
    ['docker.io/library/wordpress', wp({ name: 'v', mountPath: '/var/www/html' }, pvc, 'docker.io/library/wordpress:6.7.1'), 1],
    ['the claim at wp-content', wp({ name: 'v', mountPath: '/var/www/html/wp-content' }, pvc), 0],
    ['an emptyDir docroot', wp({ name: 'v', mountPath: '/var/www/html' }, { name: 'v', emptyDir: {} }), 0],
    ['a subPath of the claim', wp({ name: 'v', mountPath: '/var/www/html', subPath: 'html' }, pvc), 0],
    ['another image', wp({ name: 'v', mountPath: '/var/www/html' }, pvc, 'bitnami/wordpress:6.7.1'), 0],
  ])('%s', (_t, manifest, count) => {
    expect(hits([manifest], 'wordpress-whole-docroot-volume')).toHaveLength(count);
  });

  test('isOfficialWordpressImage', () => {
    expect(['wordpress:6', 'library/wordpress:6', 'index.docker.io/library/wordpress@sha256:abc'].every(isOfficialWordpressImage)).toBe(true);
    expect(['wordpress-cli:1', 'acme/wordpress:1', undefined].some(isOfficialWordpressImage)).toBe(false);
  });
});

test('WordpressApp passes all four, with and without Argo CD annotations', () => {
  for (const syncWaves of [true, false]) {
    const manifests = synth((chart) => new WordpressApp(chart, 'wp', {
      syncWaves, storage: { storageClassName: 'rook-cephfs' }, ingress: HttpsIngress.traefik({ host: 'blog.example.com', certResolver: 'le' }),
    }));
    for (const id of ['claim-wave-before-consumer', 'cronjob-claim-blocks-later-waves', 'argocd-delete-unprotected', 'wordpress-whole-docroot-volume']) {
      expect(hits(manifests, id)).toEqual([]);
    }
  }
});

test('argocd-delete-unprotected says what a deletion takes: every claim of a Namespace, the volume of a claim', () => {
  const namespace: Manifest = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } };
  const found = hits([namespace, claim(), consumer('Deployment', '1')], 'argocd-delete-unprotected');
  expect(found.map((v) => [v.kind, v.message.replace(/.* deletes it and /, '')])).toEqual([
    ['Namespace', 'every claim in the namespace'], ['PersistentVolumeClaim', 'the volume'],
  ]);
});

describe('the Argo CD rules at the boundaries a mutation run moved', () => {
  const ARGO = ['claim-wave-before-consumer', 'cronjob-claim-blocks-later-waves', 'argocd-delete-unprotected', 'wordpress-whole-docroot-volume'];
  const argoHits = (manifests: any[]) => audit(manifests).violations.filter((v) => ARGO.includes(v.ruleId)).map((v) => `${v.ruleId} ${v.object}`);
  const wave = (n: string) => ({ 'argocd.argoproj.io/sync-wave': n });

  test('malformed objects (which the API server refuses) are read as absent, never a crash', () => {
    const withPod = (spec: any) => ({ ...consumer('Deployment', '2'), spec: { template: { spec } } });
    const odd: any[] = [
      { apiVersion: 5, kind: 'Application', metadata: { name: 'x' } }, { kind: 'Application', metadata: { name: 'y' } },
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'a' } }, { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'b' }, spec: {} },
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: {} } },
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'd' }, spec: { jobTemplate: { spec: {} } } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'e' } }, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'f' }, spec: {} },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: 'x' },
      withPod({ volumes: [null, 'x', { name: 'd', persistentVolumeClaim: null }], containers: [null, { name: 'w', image: 'wordpress:6', volumeMounts: [null, 7] }] }),
      withPod({ volumes: { d: 1 }, containers: { w: 1 } }), withPod({ containers: [{ name: 'w', image: 'wordpress:6', volumeMounts: { a: 1 } }, { name: 'n', image: 5 }] }),
      { apiVersion: 'v1', kind: 'PersistentVolumeClaim' }, { apiVersion: 'v1', kind: 'Namespace' },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', annotations: { 'argocd.argoproj.io/sync-options': 5, 'argocd.argoproj.io/sync-wave': 2 } } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'm', annotations: 'x' } },
    ];
    for (const m of odd) expect(() => audit([m, claim({ ...KEEP }, 'd'), consumer('Deployment', '3', 'd')])).not.toThrow();
    expect(() => audit(odd)).not.toThrow();
  });

  test('under Argo CD, objects without metadata sit in wave 0 of namespace default, and a claim or Namespace without metadata is unprotected', () => {
    const bareClaim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', spec: { accessModes: ['ReadWriteOnce'] } };
    const bareConsumer = { ...consumer('Deployment', undefined), metadata: undefined };
    const app = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'a' } };
    expect(argoHits([app, { ...claim({ ...KEEP, ...wave('-1') }), metadata: { name: 'data', annotations: { ...KEEP, ...wave('-1') } } }, bareConsumer]))
      .toEqual(['claim-wave-before-consumer PersistentVolumeClaim data']);
    expect(argoHits([app, bareClaim, { apiVersion: 'v1', kind: 'Namespace' }]))
      .toEqual(['argocd-delete-unprotected PersistentVolumeClaim ?', 'argocd-delete-unprotected Namespace ?']);
  });

  test('only an Application of argoproj.io puts the set under Argo CD: another kind of that group (an Argo Rollouts Rollout, an AppProject) does not', () => {
    expect(isUnderArgoCd([{ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'p' } }])).toBe(false);
    expect(isUnderArgoCd([{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'p' } }])).toBe(true);
    expect(isUnderArgoCd([{ kind: 'Application', metadata: { name: 'p' } } as Manifest, { apiVersion: 'v1', kind: 'ConfigMap' } as Manifest])).toBe(false);
    expect(isUnderArgoCd([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', annotations: wave('1') } }])).toBe(true);
  });

  test('only the pod-creating kinds it knows are read: a custom resource with a spec.template.spec is not', () => {
    const custom = { ...consumer('Deployment', '2'), apiVersion: 'example.com/v1', kind: 'Widget' };
    expect(argoHits([claim({ ...KEEP }), custom])).toEqual([]);
    expect(argoHits([claim({ ...KEEP }), { ...custom, apiVersion: 'apps/v1', kind: 'ReplicaSet' }])).toEqual(['claim-wave-before-consumer PersistentVolumeClaim n/data']);
    expect(argoHits([claim({ ...KEEP }), { ...custom, apiVersion: 'apps/v1', kind: 'StatefulSet' }])).toEqual(['claim-wave-before-consumer PersistentVolumeClaim n/data']);
  });

  test('a volume that is no claim consumes none, not even a claim named "undefined"', () => {
    const emptyDir = consumer('Deployment', '2', 'data', { volumes: [{ name: 'd', emptyDir: {} }] });
    expect(argoHits([claim({ ...KEEP }, 'undefined'), emptyDir])).toEqual([]);
    expect(argoHits([claim({ ...KEEP }, 'undefined'), consumer('Deployment', '2', 'undefined')])).toEqual(['claim-wave-before-consumer PersistentVolumeClaim n/undefined']);
  });

  test('wordpress-whole-docroot-volume: a mount without a name is of no volume, not even of one without a name', () => {
    const wp = (mount: object, volume: object) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'wp', namespace: 'n' },
      spec: { template: { spec: { containers: [{ name: 'wp', image: 'wordpress:6.7.1', volumeMounts: [{ mountPath: '/var/www/html', ...mount }] }], volumes: [volume] } } } });
    const pvc = { persistentVolumeClaim: { claimName: 'wp' } };
    expect(argoHits([wp({}, pvc)])).toEqual([]);
    expect(argoHits([wp({ name: 'v' }, { name: 'v', ...pvc })])).toEqual(['wordpress-whole-docroot-volume Deployment n/wp']);
  });

  test('a claim no workload mounts is not judged, whatever its wave', () => {
    expect(argoHits([claim({ ...KEEP, ...wave('-1') })])).toEqual([]);
  });

  test('of consumers in one wave, the message names the first in the input', () => {
    const named = (name: string) => ({ ...consumer('Deployment', '2'), metadata: { name, namespace: 'n', annotations: wave('2') } });
    expect(hits([claim({ ...KEEP }), named('first'), named('second')], 'claim-wave-before-consumer')[0].message).toMatch(/first consumer Deployment n\/first is in wave 2/);
  });

  describe('cronjob-claim-blocks-later-waves', () => {
    const ID = 'cronjob-claim-blocks-later-waves';
    const backup = { ...claim({ ...KEEP, ...wave('1') }), spec: { accessModes: ['ReadWriteOnce'] } };
    const cron = (w: string, name: string) => ({ ...consumer('CronJob', w), metadata: { name, namespace: 'n', annotations: wave(w) } });
    const map = (w: string, name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'n', annotations: wave(w) } });

    test('one CronJob in a later wave than the claim is enough to leave it to claim-wave-before-consumer', () => {
      expect(hits([backup, cron('1', 'a'), cron('3', 'b'), map('4', 'm')], ID)).toEqual([]);
      expect(hits([backup, cron('1', 'a'), cron('1', 'b'), map('4', 'm')], ID)).toHaveLength(1);
    });

    test('the wave it holds up is the nearest later one, and of objects in that wave the first in the input', () => {
      expect(hits([backup, cron('1', 'a'), map('3', 'm3'), map('2', 'm2a'), map('2', 'm2b')], ID)[0].message).toMatch(/holds up ConfigMap n\/m2a \(wave 2\)/);
    });

    test('only a StorageClass gives a binding mode: another storage.k8s.io/v1 object of the class\'s name (a CSIDriver) does not', () => {
      const classed = { ...backup, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'block' } };
      const driver = { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'block' }, spec: {} };
      expect(hits([classed, cron('1', 'a'), map('2', 'm'), driver], ID)).toHaveLength(1);
      expect(hits([classed, cron('1', 'a'), map('2', 'm'), { ...driver, kind: 'StorageClass', provisioner: 'x' }], ID)).toEqual([]);
    });
  });
});
