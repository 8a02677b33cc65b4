import { compareMysqlVersions, mysqlWithoutAuthPluginArg, parseMysqlVersion, pinnedMysqlVersion } from '../../lib/database/mysql-version';

test('parseMysqlVersion reads x, x.y and x.y.z, ignoring a -suffix, and nothing else', () => {
  expect(parseMysqlVersion('8.4.3')).toEqual({ major: 8, minor: 4, patch: 3 });
  expect(parseMysqlVersion('8.4')).toEqual({ major: 8, minor: 4 });
  expect(parseMysqlVersion('8')).toEqual({ major: 8 });
  expect(parseMysqlVersion('8.0.40-oracle')).toEqual({ major: 8, minor: 0, patch: 40 });
  for (const text of ['', 'lts', 'latest', '8.x', '8.4rc', 'v8.4.3', '8.4.3.1', '.8']) expect(parseMysqlVersion(text)).toBeUndefined();
});

test('compareMysqlVersions compares part by part, numerically, a missing part as 0', () => {
  const v = (text: string) => parseMysqlVersion(text)!;
  expect(compareMysqlVersions(v('8.0.27'), v('8.0.27'))).toBe(0);
  expect(compareMysqlVersions(v('8.0.9'), v('8.0.27'))).toBeLessThan(0);
  expect(compareMysqlVersions(v('8.10.0'), v('8.9.9'))).toBeGreaterThan(0);
  expect(compareMysqlVersions(v('9.0.0'), v('8.99.99'))).toBeGreaterThan(0);
  expect(compareMysqlVersions(v('8.4'), v('8.4.0'))).toBe(0);
  expect(compareMysqlVersions(v('8'), v('8.0.1'))).toBeLessThan(0);
});

test('pinnedMysqlVersion: a tag with a minor pins; a major alone, lts or no tag floats', () => {
  expect(pinnedMysqlVersion('mysql:8.4.3')).toEqual({ major: 8, minor: 4, patch: 3 });
  expect(pinnedMysqlVersion('mysql:8.4')).toEqual({ major: 8, minor: 4 });
  for (const image of ['mysql:8', 'mysql:lts', 'mysql', 'mysql:innovation']) expect(pinnedMysqlVersion(image)).toBeUndefined();
});

test('mysqlWithoutAuthPluginArg: 8.4 and later, pinned or floating onto it', () => {
  for (const image of ['mysql:8.4.3', 'mysql:8.4', 'mysql:9.1.0', 'mysql:8', 'mysql:9', 'mysql:lts', 'mysql:innovation', 'mysql:lts-oracle', 'mysql:8.4.3-oracle']) {
    expect([image, mysqlWithoutAuthPluginArg(image)]).toEqual([image, true]);
  }
  for (const image of ['mysql:8.0.40', 'mysql:8.3', 'mysql:5.7', 'mysql:7', 'mysql', 'mysql:latest', 'mysql:8.x']) {
    expect([image, mysqlWithoutAuthPluginArg(image)]).toEqual([image, false]);
  }
});
