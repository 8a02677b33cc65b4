import * as fs from 'fs';
import * as path from 'path';
import { audit, Manifest, parseManifests } from '../../../lib/analysis';
import { nameCarriesVersion } from '../../../lib/audit/rules/jobs';

const ID = 'job-immutable-template';
const hits = (manifests: Manifest[]) => audit(manifests).violations.filter((v) => v.ruleId === ID);

const job = (metadata: any = {}, spec: any = {}, apiVersion = 'batch/v1'): Manifest => ({
  apiVersion, kind: 'Job', metadata: { name: 'migrate', namespace: 'n', ...metadata },
  spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'ghcr.io/acme/app:1.4.2' }] } }, ...spec },
});

describe('job-immutable-template', () => {
  test.each<[string, Manifest, number]>([
    ['a fixed name, no hook, no TTL', job(), 1],
    ['a name with a spec digest', job({ name: 'migrate-be2b349d' }), 0],
    ['a name with a version', job({ name: 'migrate-v3' }), 0],
    ['only generateName (kubectl create)', job({ name: undefined, generateName: 'migrate-' }), 0],
    ['an Argo CD hook', job({ annotations: { 'argocd.argoproj.io/hook': 'Sync' } }), 0],
    ['a Helm hook', job({ annotations: { 'helm.sh/hook': 'pre-upgrade' } }), 0],
    ['other annotations do not help', job({ annotations: { 'argocd.argoproj.io/sync-wave': '1' } }), 1],
    ['ttlSecondsAfterFinished', job({}, { ttlSecondsAfterFinished: 300 }), 0],
    ['ttlSecondsAfterFinished 0', job({}, { ttlSecondsAfterFinished: 0 }), 0],
    ['a wrongly typed ttlSecondsAfterFinished is absent', job({}, { ttlSecondsAfterFinished: '300' }), 1],
    ['Argo CD Force=true,Replace=true recreates it', job({ annotations: { 'argocd.argoproj.io/sync-options': 'Force=true, Replace=true' } }), 0],
    ['Replace=true alone replaces, which the immutable template refuses too', job({ annotations: { 'argocd.argoproj.io/sync-options': 'Replace=true' } }), 1],
    ['Force=true alone', job({ annotations: { 'argocd.argoproj.io/sync-options': 'Force=true' } }), 1],
    ['a Job of another API group', job({}, {}, 'example.com/v1'), 0],
  ])('%s', (_t, manifest, count) => {
    expect(hits([manifest])).toHaveLength(count);
  });

  test('a CronJob is not a Job: its jobTemplate may change, each run is a new Job', () => {
    expect(hits([{ ...job(), kind: 'CronJob' }])).toEqual([]);
  });

  test('the finding names the field, the cause and every fix', () => {
    expect(hits([job()])[0]).toMatchObject({
      severity: 'warning', object: 'Job n/migrate', field: 'metadata.name',
      message: expect.stringMatching(/^the Job's name 'migrate' carries no version or digest, .* "field is immutable"/),
      fix: expect.stringMatching(/^name it by a digest of its spec \(e.g. migrate-<8 hex digits>\), or create it with generateName and kubectl create, or make it an Argo CD hook .*under plain kubectl apply, set spec.ttlSecondsAfterFinished .*with self-heal, runs it again\)$/),
    });
  });
});

test.each<[string, boolean]>([
  ['wordpress-install-be2b349d', true], ['wordpress-update-db-027e08e1', true], ['wordpress-mysql-app-user-d998b01b', true],
  ['migrate-3', true], ['migrate-1.2.0', true], ['migrate-v12', true], ['migrate-20240101', true], ['db-0a1b2c3', true],
  ['migrate', false], ['s3-sync', false], ['v-migrate', false], ['migrate-abcdef0g', false], ['db-0a1b2c', false], ['migrate-deadbeef', false],
])('nameCarriesVersion(%s) is %s', (name, expected) => {
  expect(nameCarriesVersion(name)).toBe(expected);
});

test('dist/\'s Jobs (the WordPress install and update-db hooks, the InnoDB user Job) carry a spec digest and pass; without it the user Job would not', () => {
  for (const file of ['wordpress.k8s.yaml', 'staging/wordpress.k8s.yaml']) {
    const manifests = parseManifests(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'dist', file), 'utf8'), file);
    expect(manifests.filter((m) => m.kind === 'Job').length).toBeGreaterThanOrEqual(2);
    expect(hits(manifests)).toEqual([]);
  }
  const production = parseManifests(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'dist', 'wordpress.k8s.yaml'), 'utf8'), 'wordpress.k8s.yaml');
  const user = production.find((m) => m.kind === 'Job' && !m.metadata?.annotations?.['argocd.argoproj.io/hook'])!;
  (user.metadata as any).name = 'wordpress-mysql-app-user';
  expect(hits(production).map((v) => v.object)).toEqual(['Job kube-example/wordpress-mysql-app-user']);
});
