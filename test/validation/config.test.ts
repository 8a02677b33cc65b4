import { validateObject } from '../../lib/validation';
import { MAX_DATA_SIZE_BYTES } from '../../lib/validation/config';

const lines = (obj: unknown): string[] => validateObject(obj).map((f) => `${f.field}: ${f.problem}`);
const secret = (extra: object): any => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-pwd' }, type: 'Opaque', ...extra });
const configMap = (extra: object): any => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, ...extra });
const TOO_BIG = /^data: the (Secret|ConfigMap) holds \d+ bytes, more than the limit of 1048576 bytes/;

describe('the size of a Secret: base64 data counted decoded, stringData in UTF-8 bytes', () => {
  const filler = (n: number): string => 'x'.repeat(n);
  test('a 1-byte value padded with == fills the last byte; a 2-byte one is over', () => {
    expect(lines(secret({ stringData: { a: filler(MAX_DATA_SIZE_BYTES - 1) }, data: { b: 'eA==' } }))).toEqual([]);
    expect(lines(secret({ stringData: { a: filler(MAX_DATA_SIZE_BYTES - 1) }, data: { b: 'eHk=' } }))).toEqual([expect.stringMatching(TOO_BIG)]);
  });
  test('a 2-byte value padded with =, and a 3-byte value without padding', () => {
    expect(lines(secret({ stringData: { a: filler(MAX_DATA_SIZE_BYTES - 2) }, data: { b: 'eHk=' } }))).toEqual([]);
    expect(lines(secret({ stringData: { a: filler(MAX_DATA_SIZE_BYTES - 2) }, data: { b: 'eHl6' } }))).toEqual([expect.stringMatching(TOO_BIG)]);
    expect(lines(secret({ stringData: { a: filler(MAX_DATA_SIZE_BYTES - 3) }, data: { b: 'eHl6' } }))).toEqual([]);
    // White space in base64 is not data.
    expect(lines(secret({ stringData: { a: filler(MAX_DATA_SIZE_BYTES - 3) }, data: { b: 'eH\nl6 ' } }))).toEqual([]);
  });
  test('stringData is counted in bytes, not characters', () => {
    expect(lines(secret({ stringData: { a: filler(MAX_DATA_SIZE_BYTES - 2), b: 'é' } }))).toEqual([]);
    expect(lines(secret({ stringData: { a: filler(MAX_DATA_SIZE_BYTES - 1), b: 'é' } }))).toEqual([expect.stringMatching(TOO_BIG)]);
  });
  test('a ConfigMap: binaryData counted decoded, data in bytes', () => {
    expect(lines(configMap({ data: { a: filler(MAX_DATA_SIZE_BYTES - 1) }, binaryData: { b: 'eA==' } }))).toEqual([]);
    expect(lines(configMap({ data: { a: filler(MAX_DATA_SIZE_BYTES - 1) }, binaryData: { b: 'eHk=' } }))).toEqual([expect.stringMatching(TOO_BIG)]);
  });
});

describe('Secret types and their required keys (ValidateSecret)', () => {
  test('kubernetes.io/tls needs tls.crt and tls.key, in data or stringData', () => {
    expect(lines(secret({ type: 'kubernetes.io/tls', data: { 'tls.crt': 'Yw==' }, stringData: { 'tls.key': 'k' } }))).toEqual([]);
    expect(lines(secret({ type: 'kubernetes.io/tls', data: null, stringData: 'tls.crt' }))).toEqual([
      'stringData: stringData is a string ("tls.crt"), not an object',
      'data[tls.crt]: a kubernetes.io/tls Secret needs tls.crt',
      'data[tls.key]: a kubernetes.io/tls Secret needs tls.key',
    ]);
  });
  test('kubernetes.io/basic-auth needs username or password: either one is enough', () => {
    expect(lines(secret({ type: 'kubernetes.io/basic-auth', stringData: { username: 'u' } }))).toEqual([]);
    expect(lines(secret({ type: 'kubernetes.io/basic-auth', stringData: { password: 'p' } }))).toEqual([]);
    expect(lines(secret({ type: 'kubernetes.io/basic-auth' }))).toEqual(['data: a kubernetes.io/basic-auth Secret needs username or password']);
  });
  test('kubernetes.io/dockerconfigjson and kubernetes.io/ssh-auth', () => {
    expect(lines(secret({ type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': '{}' } }))).toEqual([]);
    expect(lines(secret({ type: 'kubernetes.io/ssh-auth', stringData: { 'ssh-privatekey': 'k' } }))).toEqual([]);
    expect(lines(secret({ type: 'kubernetes.io/ssh-auth', stringData: { 'ssh-publickey': 'k' } })))
      .toEqual(['data[ssh-privatekey]: a kubernetes.io/ssh-auth Secret needs ssh-privatekey']);
  });
  test('other types need no key; type and immutable have their JSON types', () => {
    expect(lines(secret({ type: 'example.com/token' }))).toEqual([]);
    expect(lines(secret({ type: 1 }))).toEqual([expect.stringMatching(/^type: type 1 is a whole number, not a string/)]);
    expect(lines(secret({ immutable: true }))).toEqual([]);
    expect(lines(secret({ immutable: 'yes' }))).toEqual([expect.stringMatching(/^immutable: immutable "yes" is a string, not true or false/)]);
    expect(lines(configMap({ immutable: 'yes' }))).toEqual([expect.stringMatching(/^immutable: immutable "yes" is a string, not true or false/)]);
  });
  test('a value that is not a string: the fix quotes numbers and booleans', () => {
    const fixes = (data: object): string[] => validateObject(secret({ stringData: data })).map((f) => f.fix);
    expect(fixes({ port: 3306 })).toEqual(['quote the value, e.g. port: "3306"']);
    expect(fixes({ debug: false })).toEqual(['quote the value, e.g. debug: "false"']);
    expect(fixes({ list: [1] })).toEqual(['quote the value, e.g. list: "..."']);
  });
  test('a key in both data and stringData is allowed for a Secret, not for a ConfigMap', () => {
    expect(lines(secret({ data: { a: 'eA==' }, stringData: { a: 'y' } }))).toEqual([]);
    expect(lines(configMap({ binaryData: { a: 'eA==' }, data: { a: 'y', b: 'z' } }))).toEqual(['data[a]: key "a" is also set in binaryData']);
  });
});

describe('ServiceAccount references (ValidateServiceAccount)', () => {
  const sa = (extra: object): any => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'app' }, ...extra });
  test('secret and image pull secret names are DNS-1123 subdomains; a missing one is empty', () => {
    expect(lines(sa({ secrets: [{ name: 'token' }], imagePullSecrets: [{ name: 'registry' }] }))).toEqual([]);
    expect(lines(sa({ secrets: [{ name: 'Token' }] }))).toEqual([expect.stringMatching(/^secrets\[0\]\.name: /)]);
    expect(lines(sa({ imagePullSecrets: [{ name: 'ok' }, { name: 'Bad_Name' }] }))).toEqual([expect.stringMatching(/^imagePullSecrets\[1\]\.name: /)]);
    expect(lines(sa({ imagePullSecrets: [{}] }))).toEqual([expect.stringMatching(/^imagePullSecrets\[0\]\.name: /)]);
  });
  test('lists and entries of the wrong type, and automountServiceAccountToken', () => {
    expect(lines(sa({ secrets: 'token' }))).toEqual([expect.stringMatching(/^secrets: secrets is a string \("token"\), not a list/)]);
    expect(lines(sa({ secrets: ['token'] }))).toEqual([expect.stringMatching(/^secrets\[0\]: .*not an object/)]);
    expect(lines(sa({ automountServiceAccountToken: false }))).toEqual([]);
    expect(lines(sa({ automountServiceAccountToken: 'false' }))).toEqual([expect.stringMatching(/^automountServiceAccountToken: /)]);
  });
});
