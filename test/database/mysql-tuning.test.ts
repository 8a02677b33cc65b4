import { bufferPoolBytes, memoryCeiling, mysqlTuningArgs, mysqlTuningConf } from '../../lib/database/mysql-tuning';

const MI = 1024 * 1024;

test('the buffer pool is half the memory, in whole 128Mi chunks, at least one chunk', () => {
  expect(bufferPoolBytes('1Gi')).toBe(512 * MI);
  expect(bufferPoolBytes('2Gi')).toBe(1024 * MI);
  expect(bufferPoolBytes('1500Mi')).toBe(640 * MI);
  expect(bufferPoolBytes('100Mi')).toBe(128 * MI);
});

test('no size without a usable memory amount: the resource checks report that, and the server keeps its own default', () => {
  expect(bufferPoolBytes(undefined)).toBeUndefined();
  expect(bufferPoolBytes('lots')).toBeUndefined();
  expect(bufferPoolBytes('0')).toBeUndefined();
  expect(mysqlTuningArgs(undefined)).toEqual(['--binlog-expire-logs-seconds=604800']);
  expect(mysqlTuningConf('lots')).toBe('binlog_expire_logs_seconds=604800\n');
});

test('the memory ceiling is the limit, else the request', () => {
  expect(memoryCeiling({ requests: { memory: '1Gi' }, limits: { memory: '2Gi' } })).toBe('2Gi');
  expect(memoryCeiling({ requests: { memory: '1Gi' } })).toBe('1Gi');
  expect(memoryCeiling({})).toBeUndefined();
});
