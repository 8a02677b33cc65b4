import { PropChecker } from '../../lib/core/configuration-error';
import { operatorVersionProblem } from '../../lib/database/innodb-cluster';
import { DatabaseChecks, hostProblem, mysqlNameProblem } from '../../lib/database/validate';
import { ttlProblem } from '../../lib/database/velero-schedule';

describe('hostProblem', () => {
  test.each(['db.example.com', 'mydb.abc123.eu-west-1.rds.amazonaws.com', 'localhost', '10.0.0.5', '2001:db8::1', 'My-DB.internal'])('accepts %s', (h) => {
    expect(hostProblem(h)).toBeUndefined();
  });
  test.each([
    ['', 'is not a host name'],
    ['db.example.com:3306', 'neither a DNS name'],
    ['https://db.example.com', 'neither a DNS name'],
    ['-db.example.com', 'neither a DNS name'],
    ['db..example.com', 'neither a DNS name'],
    ['10.0.0.256', 'neither a valid IP address nor a DNS name'],
    // Leading zeros: some MySQL clients read 010 as octal, so the host takes only the strict form.
    ['010.0.0.5', 'neither a valid IP address nor a DNS name'],
    // The host becomes a NetworkPolicy ipBlock, and the API server refuses "fe80::1%eth0/128".
    ['fe80::1%eth0', 'zone'],
    [`${'a'.repeat(64)}.example.com`, 'neither a DNS name'],
    [`${'a.'.repeat(127)}com`, 'longer than 253'],
  ])('refuses %j', (h, problem) => {
    expect(hostProblem(h)).toContain(problem);
  });
});

test('mysqlNameProblem: letters, digits, underscores, within MySQL\'s length', () => {
  expect(mysqlNameProblem('wp_blog2', 32)).toBeUndefined();
  expect(mysqlNameProblem('', 32)).toBe('is empty');
  expect(mysqlNameProblem('a'.repeat(33), 32)).toContain('longer than');
  expect(mysqlNameProblem('a'.repeat(32), 32)).toBeUndefined();
  expect(mysqlNameProblem('wp`; DROP', 32)).toContain('letters, digits and underscores');
});

describe('DatabaseChecks', () => {
  const problems = (f: (c: DatabaseChecks) => void) => {
    const check = new PropChecker();
    f(new DatabaseChecks(check));
    try {
      check.throwIfAny('x');
      return '';
    } catch (e) {
      return (e as Error).message;
    }
  };
  test('root as the application user is refused, in any case; another user is accepted', () => {
    expect(problems((c) => c.applicationUser('user', 'root'))).toContain('user = "root": is the administrative account');
    expect(problems((c) => c.applicationUser('user', 'ROOT'))).toContain('administrative account');
    expect(problems((c) => c.applicationUser('user', 'wordpress'))).toBe('');
  });
  test('retention 0 is refused with why; 1 is accepted; fractions and negatives are refused', () => {
    expect(problems((c) => c.retention('keep', 0))).toContain('keep = 0: keeps no backup');
    expect(problems((c) => c.retention('keep', 1))).toBe('');
    expect(problems((c) => c.retention('keep', 1.5))).toContain('whole number');
    expect(problems((c) => c.retention('keep', -1))).toContain('whole number');
  });
  test('a secret name must be given', () => {
    expect(problems((c) => c.secretName('secretName', ''))).toContain('secretName = "": is required');
    expect(problems((c) => c.secretName('secretName', undefined))).toContain('is required');
    expect(problems((c) => c.secretName('secretName', 'db'))).toBe('');
  });
  test('a storage size must be a positive quantity', () => {
    expect(problems((c) => c.storageSize('size', '20Gi'))).toBe('');
    expect(problems((c) => c.storageSize('size', 'big'))).toContain('size = "big": is not a positive Kubernetes quantity');
    expect(problems((c) => c.storageSize('size', '0'))).toContain('not a positive');
    expect(problems((c) => c.storageSize('size', { size: 1 }))).toContain('not a positive');
  });
  test('a port must be 1-65535', () => {
    expect(problems((c) => c.port('port', 3306))).toBe('');
    expect(problems((c) => c.port('port', 0))).toContain('not a TCP port');
    expect(problems((c) => c.port('port', 65536))).toContain('not a TCP port');
    expect(problems((c) => c.port('port', '3306'))).toContain('not a TCP port');
  });
  test('a schedule names the prop, the value and the fix', () => {
    expect(problems((c) => c.schedule('backup.schedule', 'daily'))).toMatch(/backup\.schedule = "daily": has 1 field.*Fix: use five fields/);
  });
});

test('operatorVersionProblem follows MySQL Operator 2.2.2: 8.0.27 to 9.1.0, not 8.0.29', () => {
  for (const ok of ['8.0.27', '8.4.3', '9.1.0']) expect(operatorVersionProblem(ok)).toBeUndefined();
  expect(operatorVersionProblem('8.0.26')).toContain('outside the range');
  expect(operatorVersionProblem('9.2.0')).toContain('outside the range');
  expect(operatorVersionProblem('8.0.29')).toContain('disabled');
  expect(operatorVersionProblem('8.4')).toContain('pinned x.y.z');
  expect(operatorVersionProblem('latest')).toContain('pinned x.y.z');
});

test('ttlProblem: a positive Go duration', () => {
  expect(ttlProblem('720h0m0s')).toBeUndefined();
  expect(ttlProblem('168h')).toBeUndefined();
  expect(ttlProblem('30d')).toContain('Go duration');
  expect(ttlProblem('0h0m0s')).toContain('is zero');
  expect(ttlProblem(3600)).toContain('Go duration');
});
