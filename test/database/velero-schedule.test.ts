import { VeleroSchedule } from '../../lib';
import { veleroBackupVolumes } from '../../lib/database/velero-schedule';
import { one, synth } from '../helpers';

test('a Schedule in Velero\'s namespace for the application namespace, with a TTL, volumes by opt-in only', () => {
  const schedule = one(synth((chart) => new VeleroSchedule(chart, 'files', { namespace: 'blog' })), 'Schedule');
  expect(schedule).toMatchObject({ apiVersion: 'velero.io/v1', metadata: { name: 'blog-daily', namespace: 'velero' } });
  expect(schedule.spec).toEqual({
    schedule: '7 2 * * *',
    template: { includedNamespaces: ['blog'], ttl: '720h0m0s', defaultVolumesToFsBackup: false, snapshotVolumes: false },
  });
  expect(veleroBackupVolumes(['wordpress-data', 'uploads'])).toEqual({ 'backup.velero.io/backup-volumes': 'wordpress-data,uploads' });
});

test('name, namespace, schedule, TTL and location are props', () => {
  const schedule = one(synth((chart) => new VeleroSchedule(chart, 'files',
    { namespace: 'blog', name: 'blog-files', veleroNamespace: 'backup', schedule: '@daily', ttl: '168h', storageLocation: 'offsite' })), 'Schedule');
  expect(schedule.metadata).toMatchObject({ name: 'blog-files', namespace: 'backup' });
  expect(schedule.spec).toMatchObject({ schedule: '@daily', template: { ttl: '168h', storageLocation: 'offsite' } });
});

test.each([
  [{ ttl: '30d' }, 'ttl = "30d": is not a Go duration'],
  [{ ttl: '0s' }, 'ttl = "0s": is zero'],
  [{ schedule: '0 2 * * 8' }, 'schedule = "0 2 * * 8": day of week 8 is above 6'],
  [{ namespace: '' }, 'namespace = "": is required'],
])('refuses %j', (props, message) => {
  expect(() => synth((chart) => new VeleroSchedule(chart, 'files', { namespace: 'blog', ...props }))).toThrow(message);
});
