import { MysqlDatabase } from '../../lib';
import { one, synth } from '../helpers';

const credentials = { secretName: 'db', passwordKey: 'password', rootPasswordKey: 'root' };

test('standalone defaults: no NetworkPolicy, cluster default StorageClass, chart namespace', () => {
  let db!: MysqlDatabase;
  const manifests = synth((chart) => { db = new MysqlDatabase(chart, 'db', { name: 'shop-db', database: 'shop', user: 'shop', credentials }); }, 'shop');
  expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(['Service/shop-db', 'Service/shop-db-headless', 'StatefulSet/shop-db']);
  expect(manifests.every((m) => m.metadata.namespace === 'shop')).toBe(true);
  const sts = one(manifests, 'StatefulSet');
  expect(sts.spec.volumeClaimTemplates[0].spec.storageClassName).toBeUndefined();
  expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
  expect(one(manifests, 'Service', 'shop-db-headless').spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
  expect(db.hostAndPort).toBe('shop-db:3306');
  expect(db.networkPolicy).toBeUndefined();
});

test('refuses missing credentials and bad sizes, all at once', () => {
  expect(() => synth((chart) => new MysqlDatabase(chart, 'db', {
    name: 'db', database: 'd', user: 'u', credentials: { secretName: '', passwordKey: 'p', rootPasswordKey: '' }, storageSize: 'big', terminationGracePeriodSeconds: 0,
  }))).toThrow(/3 invalid props[\s\S]*terminationGracePeriodSeconds = 0[\s\S]*storageSize = "big"[\s\S]*credentials\.secretName, credentials\.rootPasswordKey = ""/);
});

test('refuses root or a malformed name as the application user, and a malformed database name; accepts a plain user', () => {
  const make = (user: string, database = 'shop') => () => synth((chart) => new MysqlDatabase(chart, 'db', { name: 'db', database, user, credentials }));
  expect(make('root')).toThrow(/user = "root": is the administrative account/);
  expect(make('shop-user')).toThrow(/user = "shop-user": may hold only letters, digits and underscores/);
  expect(make('shop', 'shop db')).toThrow(/database = "shop db": may hold only letters/);
  expect(make('shop')).not.toThrow();
});

describe('credentials are refused by the prop the user wrote, each field on its own', () => {
  const refusal = (c: Partial<typeof credentials>) => {
    try {
      synth((chart) => new MysqlDatabase(chart, 'db', { name: 'shop-db', database: 'shop', user: 'shop', credentials: { ...credentials, ...c } }));
      return 'accepted';
    } catch (e: any) {
      return e.message as string;
    }
  };
  test.each([
    ['secretName', { secretName: 'DB_Secret' }, /credentials\.secretName = "DB_Secret": is not a valid Secret name\. Fix: /, { secretName: 'db.secret' }],
    ['passwordKey', { passwordKey: 'pass word' }, /credentials\.passwordKey = "pass word": is not a valid Secret key\. Fix: /, { passwordKey: 'pass_word' }],
    ['rootPasswordKey', { rootPasswordKey: '..' }, /credentials\.rootPasswordKey = "\.\.": is not a valid Secret key\. Fix: /, { rootPasswordKey: '.root' }],
  ])('%s', (_field, refused, message, accepted) => {
    const text = refusal(refused);
    expect(text).toMatch(message);
    // Said once, by the prop: not again under the rendered StatefulSet's secretKeyRef.
    expect(text).not.toMatch(/secretKeyRef/);
    expect(refusal(accepted)).toBe('accepted');
  });
});
