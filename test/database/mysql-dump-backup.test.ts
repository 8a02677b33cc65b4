import { MysqlDumpBackup } from '../../lib';
import { restoreCommand } from '../../lib/database/mysql-dump-backup';
import { one, synth } from '../helpers';

const props = {
  name: 'shop-db', image: 'mysql:8.4.3', credentials: { secretName: 'db', passwordKey: 'root' }, identity: { instance: 'shop' },
  connection: { host: 'shop-db', port: 3306, database: 'shop', user: 'shop', passwordSecret: { name: 'db', key: 'password' },
    egressPeers: [{ podSelector: { matchLabels: { app: 'shop-db' } } }] },
};

test('standalone: chart namespace, hardened pods, the claim mounted read-only for restores', () => {
  let backup!: MysqlDumpBackup;
  const manifests = synth((chart) => { backup = new MysqlDumpBackup(chart, 'b', props); }, 'shop');
  expect(manifests.every((m) => m.metadata.namespace === 'shop')).toBe(true);
  const pod = one(manifests, 'CronJob', 'shop-db-backup').spec.jobTemplate.spec.template.spec;
  expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 999, runAsGroup: 999, fsGroup: 999, seccompProfile: { type: 'RuntimeDefault' } });
  expect(pod.automountServiceAccountToken).toBe(false);
  expect(pod.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
  expect(pod.restartPolicy).toBe('Never');
  const restorePod = one(manifests, 'CronJob', 'shop-db-restore').spec.jobTemplate.spec.template.spec;
  expect(restorePod.volumes[1].persistentVolumeClaim).toEqual({ claimName: 'shop-db-backup', readOnly: true });
  expect(backup.restoreCommand).toBe('kubectl -n shop create job shop-db-restore-$(date +%s) --from=cronjob/shop-db-restore');
  expect(restoreCommand('a', 'b')).toBe('kubectl -n a create job b-$(date +%s) --from=cronjob/b');
  const egress = one(manifests, 'NetworkPolicy').spec;
  expect(egress.policyTypes).toEqual(['Egress']);
  expect(egress.egress[0]).toEqual({ to: [{ podSelector: { matchLabels: { app: 'shop-db' } } }], ports: [{ protocol: 'TCP', port: 3306 }] });
});

test.each([
  [{ image: 'mysql' }, 'image = "mysql": has no tag'],
  [{ credentials: { secretName: '', passwordKey: 'root' } }, 'credentials.secretName = "": is required'],
  [{ credentials: { secretName: 'db', passwordKey: '' } }, 'credentials.passwordKey = "": is required'],
  [{ keep: 0 }, 'keep = 0'],
  [{ schedule: '61 * * * *' }, 'schedule = "61 * * * *"'],
  [{ storageSize: '1Qi' }, 'storageSize = "1Qi"'],
  [{ resources: { requests: { cpu: '100m', memory: '64Mi' } } }, 'resources.limits'],
  [{ restoreFrom: '../etc/passwd' }, 'restoreFrom = "../etc/passwd": is not the name of a dump file'],
  [{ restoreFrom: 'latest' }, 'restoreFrom = "latest": is not the name of a dump file'],
  [{ restoreFrom: 'shop-20250101T031700Z.sql' }, 'restoreFrom = "shop-20250101T031700Z.sql"'],
])('refuses %j', (override, message) => {
  expect(() => synth((chart) => new MysqlDumpBackup(chart, 'b', { ...props, ...override }))).toThrow(message);
});

test('restoreFrom renders a Job that loads that dump once, named by the dump; without it, only the suspended template', () => {
  const manifests = synth((chart) => new MysqlDumpBackup(chart, 'b', { ...props, restoreFrom: 'shop-20250101T031700Z.sql.gz' }), 'shop');
  const job = one(manifests, 'Job');
  expect(job.metadata.name).toMatch(/^shop-db-restore-[0-9a-f]{8}$/);
  // It may start before a new server answers: retried, which a whole-dump replay allows.
  expect(job.spec.backoffLimit).toBe(6);
  const container = job.spec.template.spec.containers[0];
  expect(container.env).toEqual(expect.arrayContaining([{ name: 'DUMP', value: 'shop-20250101T031700Z.sql.gz' }, { name: 'DB_HOST', value: 'shop-db' }]));
  expect(job.spec.template.spec.volumes[1].persistentVolumeClaim).toEqual({ claimName: 'shop-db-backup', readOnly: true });
  // The restore pods carry the backup labels, which the database admits and the egress policy lets out.
  expect(job.spec.template.metadata.labels).toEqual(one(manifests, 'CronJob', 'shop-db-restore').spec.jobTemplate.spec.template.metadata.labels);
  const other = one(synth((chart) => new MysqlDumpBackup(chart, 'b', { ...props, restoreFrom: 'shop-20250102T031700Z.sql.gz' }), 'shop'), 'Job');
  expect(other.metadata.name).not.toBe(job.metadata.name);
  expect(synth((chart) => new MysqlDumpBackup(chart, 'b', props), 'shop').some((m) => m.kind === 'Job')).toBe(false);
});

test('the dumps\' claim is kept by Argo CD when the Application is deleted', () => {
  const claim = one(synth((chart) => new MysqlDumpBackup(chart, 'b', props), 'shop'), 'PersistentVolumeClaim');
  expect(claim.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-options': 'Delete=false,Prune=false' });
});
